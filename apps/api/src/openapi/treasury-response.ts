import { BOOLEAN, COUNT, DATE, list, MONEY, MONTH, nullable, record, TEXT, type JsonSchema } from './json';

/** The answers of the activity account and the CAE treasury (docs/api.md § Activity account, § Treasury). */

const figureNames = [
  'revenueExclVat',
  'creditNotesExclVat',
  'contribution',
  'expenses',
  'grossSalaries',
  'employerContributions',
  'salaryCost',
  'result',
  'cashReceivedInclVat',
  'cashReceivedExclVat',
  'refundsInclVat',
  'refundsExclVat',
  'contributionOnCash',
  'salaryCostPaid',
  'availableTreasury',
] as const;
const figures = Object.fromEntries(figureNames.map((name) => [name, MONEY]));

export const ACTIVITY_ACCOUNT: JsonSchema = record({
  caeId: TEXT,
  entrepreneurId: TEXT,
  asOf: DATE,
  toDate: record(figures),
  monthly: list(record({ month: MONTH, ...figures }), 'from the integration to asOf'),
  receivables: record({
    amountDue: MONEY,
    overdueAmountDue: MONEY,
    invoices: list(record({ number: TEXT, issuedOn: DATE, dueOn: DATE, amountDue: MONEY, overdue: BOOLEAN }), 'the invoices not fully paid'),
    refundsOwed: record({ amount: MONEY, invoices: list(record({ number: TEXT, refundOwed: MONEY })) }),
  }),
});

const vat = { vatCollected: MONEY, vatOnCreditNotes: MONEY, vatOwed: MONEY };

export const CAE_TREASURY: JsonSchema = record({
  caeId: TEXT,
  asOf: nullable(DATE),
  accounts: COUNT,
  toDate: record({ ...vat, contributionsEarned: MONEY, cashHeldForEntrepreneurs: MONEY, refundsOwedToClients: MONEY }),
  monthly: list(record({ month: MONTH, ...vat })),
});

/** GET /api/network/caes. */
export const NETWORK_CAES: JsonSchema = record({ caes: list(record({ caeId: TEXT, name: TEXT }), 'every CAE registered, by id') });
