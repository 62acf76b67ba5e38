import {
  addMonths,
  availableTreasury,
  contributionDue,
  formatMoney,
  lastDayOfMonth,
  money,
  monthOf,
  monthsBetween,
  sum,
  ZERO,
  type ActivityByMonth,
  type ContributionPolicy,
  type IsoDate,
  type Money,
  type TreasuryActivity,
  type YearMonth,
} from '../../libs/domain';
import { contributionToDate, emptyMonth, refundsOwedOf, treasuryToDate } from './account-sums';
import type { AccountDoc, MonthSums } from './documents';

/** The activity account as the API shows it (R7331-5): to date and month by month, with its receivables. */

export interface PeriodFigures {
  revenueExclVat: string;
  creditNotesExclVat: string;
  contribution: string;
  expenses: string;
  grossSalaries: string;
  employerContributions: string;
  salaryCost: string;
  result: string;
  cashReceivedInclVat: string;
  cashReceivedExclVat: string;
  refundsInclVat: string;
  refundsExclVat: string;
  contributionOnCash: string;
  salaryCostPaid: string;
  /** A balance, not a flow: the available treasury at the end of the period. */
  availableTreasury: string;
}

export interface Receivable {
  number: string;
  issuedOn: IsoDate;
  dueOn: IsoDate;
  amountDue: string;
  overdue: boolean;
}

/** An invoice credited beyond what remained unpaid: what its client is still owed back, incl. VAT. */
export interface RefundOwed {
  number: string;
  refundOwed: string;
}

export interface AccountView {
  caeId: string;
  entrepreneurId: string;
  asOf: IsoDate;
  toDate: PeriodFigures;
  monthly: (PeriodFigures & { month: YearMonth })[];
  receivables: { amountDue: string; overdueAmountDue: string; invoices: Receivable[]; refundsOwed: { amount: string; invoices: RefundOwed[] } };
}

/** Every month from `from` to `to`, both included. */
const monthRange = (from: YearMonth, to: YearMonth): YearMonth[] =>
  Array.from({ length: Math.max(0, monthsBetween(from, to) + 1) }, (_, i) => monthOf(addMonths(`${from}-01`, i)));

const byMonth = (account: AccountDoc, value: (m: MonthSums) => Money, upTo?: YearMonth): Record<YearMonth, Money> => {
  const out: Record<YearMonth, Money> = {};
  for (const [month, sums] of Object.entries(account.months)) if (upTo === undefined || month <= upTo) out[month] = value(sums);
  return out;
};

/** Cash kept excl. VAT: received less refunded, in the months they happened. */
const cashKept = (m: MonthSums): Money => money(m.cashReceivedExclVat).minus(m.refundsExclVat);

/** Revenue net of credit notes, by issue date: what the contribution is due on. */
const accrualActivity = (account: AccountDoc): ActivityByMonth => ({
  revenue: byMonth(account, (m) => money(m.revenueExclVat).minus(m.creditNotesExclVat)),
  expenses: byMonth(account, (m) => money(m.expenses)),
});

const cashActivity = (account: AccountDoc): ActivityByMonth => ({
  revenue: byMonth(account, cashKept),
  expenses: byMonth(account, (m) => money(m.expenses)),
});

/** The activity up to the end of a month, as the domain's availableTreasury reads it. */
const treasuryActivity = (account: AccountDoc, upTo: YearMonth): TreasuryActivity => ({
  firstIntegratedOn: account.firstIntegratedOn,
  cashExclVatByMonth: byMonth(account, cashKept, upTo),
  expensesByMonth: byMonth(account, (m) => money(m.expenses), upTo),
  salaryCost: sum(Object.values(byMonth(account, (m) => money(m.salaryCostPaid), upTo))),
});

const figures = (sums: MonthSums[], contribution: Money, contributionOnCash: Money, treasury: Money): PeriodFigures => {
  const total = (field: keyof MonthSums): Money => sum(sums.map((m) => money(m[field])));
  const salaryCost = total('grossSalaries').plus(total('employerContributions'));
  const result = total('revenueExclVat').minus(total('creditNotesExclVat')).minus(contribution).minus(total('expenses')).minus(salaryCost);
  return {
    revenueExclVat: formatMoney(total('revenueExclVat')),
    creditNotesExclVat: formatMoney(total('creditNotesExclVat')),
    contribution: formatMoney(contribution),
    expenses: formatMoney(total('expenses')),
    grossSalaries: formatMoney(total('grossSalaries')),
    employerContributions: formatMoney(total('employerContributions')),
    salaryCost: formatMoney(salaryCost),
    result: formatMoney(result),
    cashReceivedInclVat: formatMoney(total('cashReceivedInclVat')),
    cashReceivedExclVat: formatMoney(total('cashReceivedExclVat')),
    refundsInclVat: formatMoney(total('refundsInclVat')),
    refundsExclVat: formatMoney(total('refundsExclVat')),
    contributionOnCash: formatMoney(contributionOnCash),
    salaryCostPaid: formatMoney(total('salaryCostPaid')),
    availableTreasury: formatMoney(treasury),
  };
};

/** Invoices not fully paid, overdue once their due date has passed as of the account's date; refunds still owed to clients. */
const receivablesOf = (account: AccountDoc): AccountView['receivables'] => {
  const open = Object.entries(account.invoices)
    .map(([number, i]) => ({ number, issuedOn: i.issuedOn, dueOn: i.dueOn, due: money(i.totalInclVat).minus(i.creditedInclVat).minus(i.paid) }))
    .filter((i) => i.due.greaterThan(ZERO))
    .sort((a, b) => (a.number < b.number ? -1 : 1));
  const overdue = open.filter((i) => i.dueOn < account.asOf);
  return {
    amountDue: formatMoney(sum(open.map((i) => i.due))),
    overdueAmountDue: formatMoney(sum(overdue.map((i) => i.due))),
    invoices: open.map((i) => ({ number: i.number, issuedOn: i.issuedOn, dueOn: i.dueOn, amountDue: formatMoney(i.due), overdue: i.dueOn < account.asOf })),
    refundsOwed: {
      amount: refundsOwedOf(account),
      invoices: Object.keys(account.refundsOwed)
        .sort()
        .map((number) => ({ number, refundOwed: account.refundsOwed[number]! })),
    },
  };
};

/** The whole account, to date and month by month from the first integration to the account's date. */
export const accountView = (account: AccountDoc, policy: ContributionPolicy): AccountView => {
  const accrual = accrualActivity(account);
  const cash = cashActivity(account);
  const previous = (month: YearMonth): YearMonth => monthOf(addMonths(`${month}-01`, -1));
  // Monthly contributions are differences of the cumulative amount due, so they add up to the total to the cent.
  const dueIn = (activity: ActivityByMonth, month: YearMonth): Money =>
    contributionDue(policy, account.firstIntegratedOn, activity, month).minus(contributionDue(policy, account.firstIntegratedOn, activity, previous(month)));
  const monthly = monthRange(monthOf(account.firstIntegratedOn), monthOf(account.asOf)).map((month) => ({
    month,
    ...figures(
      [account.months[month] ?? emptyMonth()],
      dueIn(accrual, month),
      dueIn(cash, month),
      availableTreasury(treasuryActivity(account, month), policy, lastDayOfMonth(month)),
    ),
  }));
  return {
    caeId: account.caeId,
    entrepreneurId: account.entrepreneurId,
    asOf: account.asOf,
    toDate: figures(
      Object.values(account.months),
      contributionToDate(account, policy),
      contributionDue(policy, account.firstIntegratedOn, cash, monthOf(account.asOf)),
      treasuryToDate(account, policy),
    ),
    monthly,
    receivables: receivablesOf(account),
  };
};
