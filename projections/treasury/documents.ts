import type { ContributionBase, IsoDate, YearMonth } from '../../libs/domain';

/** Documents: `caes/{caeId}` (the policy), `accounts/{caeId}:{entrepreneurId}`, `totals/{caeId}` (moved by each account's difference). */
export const TREASURY = 'treasury';

export const accountId = (caeId: string, entrepreneurId: string): string => `${caeId}:${entrepreneurId}`;

/** The CAE's contribution policy as stored in its document. */
export type PolicyDoc = { rate: string; base: ContributionBase; fixedMonthly?: string; waivedMonths?: number };

export type CaeDoc = { caeId: string; name: string; contribution: PolicyDoc };

/** Sums of one month. Salaries count in their period on the result side and in the month paid on the cash side. */
export type MonthSums = {
  revenueExclVat: string;
  creditNotesExclVat: string;
  expenses: string;
  grossSalaries: string;
  employerContributions: string;
  salaryCostPaid: string;
  cashReceivedInclVat: string;
  cashReceivedExclVat: string;
  /** Cash paid back to clients of invoices credited beyond what remained unpaid. */
  refundsInclVat: string;
  refundsExclVat: string;
};

export type InvoiceSums = { issuedOn: IsoDate; dueOn: IsoDate; totalInclVat: string; creditedInclVat: string; paid: string };

/** Totals of every month, and of the contributed months only (from the first month past the waived ones). */
export type RunningSums = {
  firstContributedMonth: YearMonth;
  lastMonth: YearMonth;
  cashReceivedExclVat: string;
  refundsExclVat: string;
  expenses: string;
  salaryCostPaid: string;
  contributedRevenue: string;
  contributedCash: string;
  contributedExpenses: string;
};

/** The activity account (tableau de gestion, R7331-5) kept as raw monthly sums; every figure is derived by the domain. */
export type AccountDoc = {
  caeId: string;
  entrepreneurId: string;
  /** Contributions and their waived months run from the first integration, across returns. */
  firstIntegratedOn: IsoDate;
  /** The last business date of the entrepreneur's own events: the account is stated as of that day. */
  asOf: IsoDate;
  months: Record<YearMonth, MonthSums>;
  /** The invoices with something still due (receivables); settled ones leave the account. */
  invoices: Record<string, InvoiceSums>;
  /** What clients are owed back, incl. VAT, by invoice number; refunded ones leave the account. */
  refundsOwed: Record<string, string>;
  /** Running totals, so an event costs the same whatever the length of the history. */
  running: RunningSums;
  /** To date, kept so the CAE totals can move by the difference each event makes. */
  contribution: string;
  availableTreasury: string;
};

export type VatMonth = { vatCollected: string; vatOnCreditNotes: string };

export type TotalsDoc = {
  caeId: string;
  accounts: number;
  /** The latest of the accounts' dates. */
  asOf: IsoDate;
  vatCollected: string;
  vatOnCreditNotes: string;
  contributions: string;
  cashHeld: string;
  /** What the entrepreneurs' clients are owed back (credit notes beyond what remained unpaid, not yet refunded). */
  refundsOwed: string;
  months: Record<YearMonth, VatMonth>;
};
