import { formatMoney, money, type AssociatePerson, type DomainEvent } from '../../libs/domain';
import { associateAdmitted, caeRegistered, cesaSigned, entrepreneurIntegrated, sharesRedeemed } from '../testing/events';
import type { MemoryDocs } from '../testing/memory-docs';
import { associatesRegister, shareMovements } from './queries';
import { registers } from './spec-support';

/** A staff member or an external body, admitted at 25.00 a share. */
const admitted = (associateId: string, admittedOn: string, shares: number, category: 'staff' | 'external', person: AssociatePerson): DomainEvent =>
  associateAdmitted({ associateId, admittedOn, shares, amount: formatMoney(money('25.00').times(shares)), category, entrepreneurId: undefined, person });
const external = (associateId: string, admittedOn: string, shares: number, name: string): DomainEvent => admitted(associateId, admittedOn, shares, 'external', { name });

/**
 * e-001 under a CESA becomes associate a-001 (4 shares on 15 Nov, one redeemed on 1 Dec); an external body, recorded
 * later, was admitted on 1 Mar; a staff member is admitted on 15 Nov too, recorded after a-001.
 */
const membership: DomainEvent[] = [
  caeRegistered(),
  entrepreneurIntegrated(),
  cesaSigned({ signedOn: '2016-01-11', capeDays: 0, associateDeadline: '2019-01-11', trialPeriodEndsOn: '2016-09-11' }),
  associateAdmitted(),
  external('a-ext', '2016-03-01', 10, 'Alpes Solidaires'),
  admitted('a-staff', '2016-11-15', 2, 'staff', { name: 'Léa Roux' }),
  sharesRedeemed(),
];

/** Given the events, the last one as `when`, then the registers' documents. */
const registersAfter = (events: DomainEvent[]): Promise<MemoryDocs> => registers(...events.slice(0, -1)).when(events.at(-1)!);

describe('register of associates', () => {
  it('given associates of each category, then each line says who they are, when admitted and what they hold, by date of admission', async () => {
    expect((await associatesRegister(await registersAfter(membership), 'coodyssee'))?.associates).toEqual([
      { associateId: 'a-ext', category: 'external', entrepreneurId: null, name: 'Alpes Solidaires', admittedOn: '2016-03-01', sharesSubscribed: 10, sharesHeld: 10, leftOn: null },
      { associateId: 'a-001', category: 'entrepreneur', entrepreneurId: 'e-001', name: null, admittedOn: '2016-11-15', sharesSubscribed: 4, sharesHeld: 3, leftOn: null },
      { associateId: 'a-staff', category: 'staff', entrepreneurId: null, name: 'Léa Roux', admittedOn: '2016-11-15', sharesSubscribed: 2, sharesHeld: 2, leftOn: null },
    ]);
  });

  it('given an associate who left and was admitted again, then the first line keeps its leaving date and a new line opens', async () => {
    const docs = await registersAfter([
      ...membership,
      sharesRedeemed({ associateId: 'a-staff', redeemedOn: '2016-12-15', shares: 2, amount: '50.00', remainingShares: 0, leftAssociation: true }),
      admitted('a-staff', '2017-01-10', 1, 'staff', { name: 'Léa Roux' }),
    ]);
    expect((await associatesRegister(docs, 'coodyssee'))?.associates.filter((a) => a.associateId === 'a-staff')).toEqual([
      expect.objectContaining({ admittedOn: '2016-11-15', sharesSubscribed: 2, sharesHeld: 0, leftOn: '2016-12-15' }),
      expect.objectContaining({ admittedOn: '2017-01-10', sharesSubscribed: 1, sharesHeld: 1, leftOn: null }),
    ]);
  });

  it.each([
    ['a natural person', 'staff', { firstName: 'Léa', lastName: 'Roux', gender: 'F' }, 'Léa Roux'],
    ['an organisation', 'external', { organisation: { name: 'Alpes Solidaires', siren: '123456789' } }, 'Alpes Solidaires'],
    ['the first form { name }', 'external', { name: 'Jean Roche', city: 'Gap' }, 'Jean Roche'],
  ] as const)('given an associate admitted as %s, then the line shows their display name', async (_form, category, person, name) => {
    const docs = await registers(caeRegistered()).when(admitted('a-9', '2016-11-15', 4, category, person));
    expect((await associatesRegister(docs, 'coodyssee'))?.associates).toEqual([expect.objectContaining({ associateId: 'a-9', category, name })]);
  });

  it('given an unknown CAE, then there is no register', async () => {
    expect(await associatesRegister(await registersAfter(membership), 'elsewhere')).toBeUndefined();
  });
});

describe('register of share movements', () => {
  it('given subscriptions and a redemption, then they are listed by date (log order on the same day) with the running capital', async () => {
    expect(await shareMovements(await registersAfter(membership), 'coodyssee')).toEqual({
      caeId: 'coodyssee',
      nominalValue: '25.00',
      movements: [
        { on: '2016-03-01', kind: 'subscription', associateId: 'a-ext', category: 'external', shares: 10, amount: '250.00', capitalAfter: { shares: 10, amount: '250.00' } },
        { on: '2016-11-15', kind: 'subscription', associateId: 'a-001', category: 'entrepreneur', shares: 4, amount: '100.00', capitalAfter: { shares: 14, amount: '350.00' } },
        { on: '2016-11-15', kind: 'subscription', associateId: 'a-staff', category: 'staff', shares: 2, amount: '50.00', capitalAfter: { shares: 16, amount: '400.00' } },
        { on: '2016-12-01', kind: 'redemption', associateId: 'a-001', category: 'entrepreneur', shares: 1, amount: '25.00', capitalAfter: { shares: 15, amount: '375.00' } },
      ],
    });
  });

  it('given an unknown CAE, then there is no register', async () => {
    expect(await shareMovements(await registersAfter(membership), 'elsewhere')).toBeUndefined();
  });
});
