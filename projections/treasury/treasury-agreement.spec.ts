import { formatDocumentNumber, money, type ContributionPolicy } from '../../libs/domain';
import { eventsOf, MemoryDocs, type Envelope } from '../testing/harness';
import { treasuryProjection } from './projection';
import { entrepreneurAccount } from './queries';
import { cesaFromJanuary, command, invoice } from './spec-support';

/**
 * The read side's available treasury must be the one the command side checks salaries against: each SalaryPaid
 * carries `treasuryBefore`, which the account must show once the salary's cost is added back.
 */
const sixMonths = (contribution: ContributionPolicy): Envelope[] => [
  ...cesaFromJanuary(contribution),
  ...['01', '02', '03', '04', '05', '06'].flatMap((m, i) => [
    invoice(`2016-${m}-12`, '2000.00'),
    command('RecordPayment', { invoiceNumber: formatDocumentNumber(2016, i + 1), paidOn: `2016-${m}-15`, amount: '1234.56' }),
    command('RecordExpense', { incurredOn: `2016-${m}-16`, amount: '150.00', vat: '30.00' }),
    command('PaySalary', { period: `2016-${m}`, paidOn: `2016-${m}-28`, gross: '500.00', employeeContributions: '110.00', employerContributions: '210.00' }),
  ]),
];

/**
 * The same six months where each month also has a second invoice of 300.00 (360.00 incl. VAT) paid in full, then
 * 100.00 of it credited (120.00 owed back) and 70.00 refunded: cash goes out in the refund's month, with its contribution.
 */
const sixMonthsWithRefunds = (contribution: ContributionPolicy): Envelope[] => [
  ...cesaFromJanuary(contribution),
  ...['01', '02', '03', '04', '05', '06'].flatMap((m, i) => {
    const [first, second] = [formatDocumentNumber(2016, 3 * i + 1), formatDocumentNumber(2016, 3 * i + 2)];
    return [
      invoice(`2016-${m}-12`, '2000.00'),
      invoice(`2016-${m}-12`, '300.00'),
      command('RecordPayment', { invoiceNumber: second, paidOn: `2016-${m}-13`, amount: '360.00' }),
      command('IssueCreditNote', { invoiceNumber: second, issuedOn: `2016-${m}-14`, lines: [{ description: 'Remise', quantity: '1', unitPrice: '100.00', vatRate: '20' }] }),
      command('RecordPayment', { invoiceNumber: first, paidOn: `2016-${m}-15`, amount: '1234.56' }),
      command('RecordRefund', { invoiceNumber: second, refundedOn: `2016-${m}-17`, amount: '70.00' }),
      command('RecordExpense', { incurredOn: `2016-${m}-16`, amount: '150.00', vat: '30.00' }),
      command('PaySalary', { period: `2016-${m}`, paidOn: `2016-${m}-28`, gross: '500.00', employeeContributions: '110.00', employerContributions: '210.00' }),
    ];
  }),
];

/** For every salary: [treasuryBefore as decided, the account's available treasury just after + the salary's cost]. */
const treasuryBeforeEachSalary = async (commands: Envelope[]): Promise<[string, string][]> => {
  const docs = new MemoryDocs();
  const pairs: [string, string][] = [];
  for (const event of await eventsOf(commands)) {
    docs.run(treasuryProjection, [event]);
    if (event.type !== 'SalaryPaid') continue;
    const account = await entrepreneurAccount(docs, event.data.caeId, event.data.entrepreneurId);
    pairs.push([event.data.treasuryBefore, money(account!.toDate.availableTreasury).plus(event.data.employerCost).toFixed(2)]);
  }
  return pairs;
};

describe('available treasury: the read side agrees with the command side', () => {
  it('given two waived months and a fixed monthly amount, then every salary saw the treasury the account shows', async () => {
    const pairs = await treasuryBeforeEachSalary(sixMonths({ rate: '0.12', base: 'revenue', fixedMonthly: '40.00', waivedMonths: 2 }));
    expect(pairs).toHaveLength(6);
    for (const [decided, shown] of pairs) expect(shown).toBe(decided);
  });

  it.each([
    ['two waived months and a fixed monthly amount', { rate: '0.12', base: 'revenue', fixedMonthly: '40.00', waivedMonths: 2 }],
    ['a gross-margin base with a fixed monthly amount', { rate: '0.135', base: 'gross_margin', fixedMonthly: '25.00', waivedMonths: 1 }],
  ] as [string, ContributionPolicy][])('given %s and refunds paid out, then every salary saw the treasury the account shows', async (_, policy) => {
    const pairs = await treasuryBeforeEachSalary(sixMonthsWithRefunds(policy));
    expect(pairs).toHaveLength(6);
    for (const [decided, shown] of pairs) expect(shown).toBe(decided);
  });

  it('given a gross-margin base with a fixed monthly amount, then every salary saw the treasury the account shows', async () => {
    const pairs = await treasuryBeforeEachSalary(sixMonths({ rate: '0.135', base: 'gross_margin', fixedMonthly: '25.00', waivedMonths: 1 }));
    expect(pairs).toHaveLength(6);
    for (const [decided, shown] of pairs) expect(shown).toBe(decided);
  });
});
