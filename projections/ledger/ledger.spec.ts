import { caeRegistered, creditNoteIssued, entrepreneurIntegrated, expenseRecorded, exampleStory, invoiceIssued, paymentRecorded, refundRecorded, salaryPaid } from '../testing/events';
import { logOf } from '../testing/log';
import { MemoryDocs } from '../testing/memory-docs';
import { treasuryProjection } from '../treasury/projection';
import type { DomainEvent } from '../../libs/domain';
import { checkFec } from './check-fec';
import { fecOf, fecText, type Fec } from './fec';
import { fromLatin9, latin9 } from './latin9';
import { ledgerProjection } from './projection';

const identity: DomainEvent = {
  type: 'CaeIdentityRecorded',
  data: { caeId: 'coodyssee', effectiveOn: '2016-01-01', legalName: 'Coodyssée SCOP SARL', siren: '812345676', siret: '81234567600009', rcsCity: 'Marseille', vatNumber: 'FR19812345676', address: { line1: '1 rue', postalCode: '13001', city: 'Marseille' } },
};

const fec = async (events: DomainEvent[], year: number) => {
  const log = logOf(events);
  const models = new MemoryDocs().run(ledgerProjection, log).run(treasuryProjection, log);
  return fecOf(models, 'coodyssee', year);
};
const rows = (text: string) => text.split('\r\n').slice(1, -1).map((row) => row.split('\t'));
/** Net balance in cents of the lines of the accounts matching, debit minus credit. */
const balance = (lines: string[][], account: RegExp) =>
  lines.filter((r) => account.test(r[4]!)).reduce((sum, r) => sum + BigInt(r[11]!.replace(',', '')) - BigInt(r[12]!.replace(',', '')), 0n);

describe('the ledger and the FEC of a CAE', () => {
  const story = [caeRegistered(), identity, entrepreneurIntegrated(), invoiceIssued(), paymentRecorded(), creditNoteIssued(), refundRecorded(), expenseRecorded(), salaryPaid()];

  it('books each money movement in its journal, balanced, numbered per journal in date order, and passes its own check', async () => {
    const made = (await fec(story, 2016)) as Fec;
    expect(made.fileName).toBe('812345676FEC20161231.txt');
    const text = fecText(made);
    expect(checkFec(text, 2016)).toEqual([]);
    expect(rows(text).map((r) => [r[0], r[2], r[4], r[11], r[12]])).toEqual([
      ['VE', 'VE000001', '411000', '5400,00', '0,00'],
      ['VE', 'VE000001', '706000', '0,00', '4500,00'],
      ['VE', 'VE000001', '445710', '0,00', '900,00'],
      ['BQ', 'BQ000001', '512000', '5400,00', '0,00'],
      ['BQ', 'BQ000001', '411000', '0,00', '5400,00'],
      ['VE', 'VE000002', '706000', '500,00', '0,00'],
      ['VE', 'VE000002', '445710', '100,00', '0,00'],
      ['VE', 'VE000002', '411000', '0,00', '600,00'],
      ['BQ', 'BQ000002', '411000', '600,00', '0,00'],
      ['BQ', 'BQ000002', '512000', '0,00', '600,00'],
      ['AC', 'AC000001', '606400', '120,00', '0,00'],
      ['AC', 'AC000001', '445660', '24,00', '0,00'],
      ['AC', 'AC000001', '401000', '0,00', '144,00'],
      ['BQ', 'BQ000003', '401000', '144,00', '0,00'],
      ['BQ', 'BQ000003', '512000', '0,00', '144,00'],
      // The same day: the journals in their order, the month's contribution last.
      ['BQ', 'BQ000004', '421000', '780,00', '0,00'],
      ['BQ', 'BQ000004', '512000', '0,00', '780,00'],
      ['PA', 'PA000001', '641000', '1000,00', '0,00'],
      ['PA', 'PA000001', '645000', '420,00', '0,00'],
      ['PA', 'PA000001', '421000', '0,00', '780,00'],
      ['PA', 'PA000001', '431000', '0,00', '640,00'],
      ['OD', 'OD000001', '186000', '480,00', '0,00'],
      ['OD', 'OD000001', '187000', '0,00', '480,00'],
    ]);
    // Revenue on 70x net of the credit note; the contribution moves between analytic codes, never on 70x.
    expect(balance(rows(text), /^70/)).toBe(-400000n);
    expect(rows(text).find((r) => r[4] === '186000')?.[10]).toBe('[e-001] Contribution coopérative 2016-09');
    expect(rows(text).find((r) => r[4] === '187000')?.[10]).toBe('[STRUCTURE] Contribution coopérative 2016-09');
    expect(rows(text).find((r) => r[4] === '411000')?.slice(6, 8)).toEqual(['DIVERS', 'Mairie de Gap']);
  });

  it('names no private person: their invoices go to one shared auxiliary account', async () => {
    const text = fecText((await fec([caeRegistered(), identity, entrepreneurIntegrated(), invoiceIssued({ client: { kind: 'individual', individual: { name: 'Jeanne Dupont' } } })], 2016)) as Fec);
    expect(text).not.toContain('Jeanne');
    expect(rows(text)[0]!.slice(6, 8)).toEqual(['PARTICULIERS', 'Clients particuliers']);
  });

  it('opens a year with the balances carried forward and the earlier result as report à nouveau; a year without activity is refused', async () => {
    const text = fecText((await fec([...story, invoiceIssued({ number: '2017-000001', issuedOn: '2017-02-01', dueOn: '2017-03-01' })], 2017)) as Fec);
    expect(checkFec(text, 2017)).toEqual([]);
    const opening = rows(text).filter((r) => r[0] === 'AN');
    expect(opening.every((r) => r[2] === 'AN000001' && r[3] === '20170101')).toBe(true);
    // 2016's bank: 5,400.00 in, 600.00 + 144.00 + 780.00 out.
    expect(balance(opening, /^512000$/)).toBe(387600n);
    expect(opening.some((r) => /^[67]/.test(r[4]!))).toBe(false);
    expect(await fec(story, 2018)).toEqual({ refused: 'NO_ACTIVITY_IN_YEAR' });
    expect(await fec(story.filter((e) => e !== identity), 2016)).toEqual({ refused: 'CAE_IDENTITY_MISSING' });
    expect(await fec([], 2016)).toBeUndefined();
  });

  it('is the same text for the same events, and the example story checks too', async () => {
    const again = fecText((await fec(story, 2016)) as Fec);
    expect(fecText((await fec(story, 2016)) as Fec)).toBe(again);
    expect(checkFec(fecText((await fec([...exampleStory(), identity], 2016)) as Fec), 2016)).toEqual([]);
  });

  it('its own check finds an unbalanced entry, a gap in a journal, a date outside the year and a wrong column count', async () => {
    const text = fecText((await fec(story, 2016)) as Fec);
    expect(checkFec(text.replace('\t5400,00\t0,00\t', '\t5400,01\t0,00\t'), 2016)).toContainEqual(expect.stringMatching(/entry VE000001 is not balanced/));
    expect(checkFec(text.replaceAll('BQ000002', 'BQ000009'), 2016)).toContainEqual(expect.stringMatching(/BQ000009 does not follow BQ000001/));
    expect(checkFec(text, 2017)).toContainEqual(expect.stringMatching(/outside the fiscal year 2017/));
    expect(checkFec(text.replace('\r\n', '\tExtra\r\n'), 2016)).toContainEqual('the header is not the 18 fields of A47 A-1 in their order');
  });

  it('is written in ISO 8859-15: accents and the euro sign in one byte, typographic marks plain', () => {
    const bytes = latin9('Équipe d’appui — 12 €');
    expect([...bytes.subarray(0, 1)]).toEqual([0xc9]);
    expect(bytes.at(-1)).toBe(0xa4);
    expect(fromLatin9(bytes)).toBe("Équipe d'appui - 12 €");
  });
});
