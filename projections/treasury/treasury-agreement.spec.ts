import { formatDocumentNumber, money, type ContributionPolicy, type DomainEvent } from '../../libs/domain';
import { logOf } from '../testing/log';
import { creditNoteIssued, expenseRecorded, paymentRecorded, refundRecorded, salaryPaid } from '../testing/events';
import { MemoryDocs } from '../testing/memory-docs';
import { treasuryProjection } from './projection';
import { entrepreneurAccount } from './queries';
import { cesaFromJanuary, invoice } from './spec-support';

/**
 * The read side's available treasury must be the one the command side checks salaries against: each SalaryPaid
 * carries `treasuryBefore` (written here as the decider decided it), which the account must show once the salary's
 * cost is added back. Both sides compute it with the domain's availableTreasury rule (libs/domain/src/treasury.ts).
 */
const MONTHS = ['01', '02', '03', '04', '05', '06'];

const expense = (m: string) => expenseRecorded({ incurredOn: `2016-${m}-16`, amount: '150.00', vat: '30.00' });
const salary = (m: string, treasuryBefore: string) =>
  salaryPaid({ period: `2016-${m}`, paidOn: `2016-${m}-28`, gross: '500.00', employeeContributions: '110.00', employerContributions: '210.00', employerCost: '710.00', treasuryBefore });
/** 1,234.56 of an invoice of 2,400.00 incl. VAT: 1,028.80 of it is revenue excl. VAT. */
const partPayment = (number: string, m: string) =>
  paymentRecorded({ invoiceNumber: number, paidOn: `2016-${m}-15`, amount: '1234.56', amountExclVat: '1028.80', vat: '205.76', remainingDue: '1165.44', fullyPaid: false });

/** Each month: 2,000.00 invoiced, 1,234.56 received, a 150.00 expense, a salary costing 710.00. */
const sixMonths = (contribution: ContributionPolicy, treasuryBefore: string[]): DomainEvent[] => [
  ...cesaFromJanuary(contribution),
  ...MONTHS.flatMap((m, i) => [invoice(formatDocumentNumber(2016, i + 1), `2016-${m}-12`, '2000.00', '400.00'), partPayment(formatDocumentNumber(2016, i + 1), m), expense(m), salary(m, treasuryBefore[i]!)]),
];

/**
 * The same six months where each month also has a second invoice of 300.00 (360.00 incl. VAT) paid in full, then
 * 100.00 of it credited (120.00 owed back) and 70.00 refunded: cash goes out in the refund's month, with its contribution.
 */
const sixMonthsWithRefunds = (contribution: ContributionPolicy, treasuryBefore: string[]): DomainEvent[] => [
  ...cesaFromJanuary(contribution),
  ...MONTHS.flatMap((m, i) => {
    const [first, second, credit] = [1, 2, 3].map((n) => formatDocumentNumber(2016, 3 * i + n));
    return [
      invoice(first!, `2016-${m}-12`, '2000.00', '400.00'),
      invoice(second!, `2016-${m}-12`, '300.00', '60.00'),
      paymentRecorded({ invoiceNumber: second, paidOn: `2016-${m}-13`, amount: '360.00', amountExclVat: '300.00', vat: '60.00', remainingDue: '0.00', fullyPaid: true }),
      creditNoteIssued({
        number: credit,
        invoiceNumber: second,
        issuedOn: `2016-${m}-14`,
        reason: 'Remise',
        lines: [{ description: 'Remise', quantity: '1', unitPrice: '100.00', vatRate: '20', totalExclVat: '100.00', vat: '20.00', totalInclVat: '120.00' }],
        totalExclVat: '100.00',
        totalVat: '20.00',
        totalInclVat: '120.00',
        vatBreakdown: [{ vatRate: '20', baseExclVat: '100.00', vat: '20.00' }],
        refundOwed: '120.00',
      }),
      partPayment(first!, m),
      refundRecorded({ invoiceNumber: second, refundedOn: `2016-${m}-17`, amount: '70.00', amountExclVat: '58.33', vat: '11.67', remainingOwed: '50.00' }),
      expense(m),
      salary(m, treasuryBefore[i]!),
    ];
  }),
];

/** For every salary: [treasuryBefore as decided, the account's available treasury just after + the salary's cost]. */
const treasuryBeforeEachSalary = async (events: DomainEvent[]): Promise<[string, string][]> => {
  const docs = new MemoryDocs();
  const pairs: [string, string][] = [];
  for (const event of logOf(events)) {
    docs.run(treasuryProjection, [event]);
    if (event.type !== 'SalaryPaid') continue;
    const account = await entrepreneurAccount(docs, event.data.caeId, event.data.entrepreneurId);
    pairs.push([event.data.treasuryBefore, money(account!.toDate.availableTreasury).plus(event.data.employerCost).toFixed(2)]);
  }
  return pairs;
};

const waivedAndFixed: ContributionPolicy = { rate: '0.12', base: 'revenue', fixedMonthly: '40.00', waivedMonths: 2 };
const grossMargin: ContributionPolicy = { rate: '0.135', base: 'gross_margin', fixedMonthly: '25.00', waivedMonths: 1 };

describe('available treasury: the read side agrees with the command side', () => {
  it('given two waived months and a fixed monthly amount, then every salary saw the treasury the account shows', async () => {
    const pairs = await treasuryBeforeEachSalary(sixMonths(waivedAndFixed, ['878.80', '1047.60', '1052.94', '1058.29', '1063.63', '1068.98']));
    expect(pairs).toHaveLength(6);
    for (const [decided, shown] of pairs) expect(shown).toBe(decided);
  });

  it.each([
    ['two waived months and a fixed monthly amount', waivedAndFixed, ['1120.47', '1530.94', '1748.95', '1966.97', '2184.98', '2402.99']],
    ['a gross-margin base with a fixed monthly amount', grossMargin, ['1120.47', '1354.68', '1588.88', '1823.09', '2057.30', '2291.50']],
  ] as [string, ContributionPolicy, string[]][])('given %s and refunds paid out, then every salary saw the treasury the account shows', async (_, policy, decided) => {
    const pairs = await treasuryBeforeEachSalary(sixMonthsWithRefunds(policy, decided));
    expect(pairs).toHaveLength(6);
    for (const [decided, shown] of pairs) expect(shown).toBe(decided);
  });

  it('given a gross-margin base with a fixed monthly amount, then every salary saw the treasury the account shows', async () => {
    const pairs = await treasuryBeforeEachSalary(sixMonths(grossMargin, ['878.80', '903.96', '929.12', '954.29', '979.45', '1004.61']));
    expect(pairs).toHaveLength(6);
    for (const [decided, shown] of pairs) expect(shown).toBe(decided);
  });
});
