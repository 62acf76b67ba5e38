import {
  addMonths,
  availableTreasury,
  contributionDue,
  contributionOnTotals,
  formatMoney,
  initialEntrepreneurState,
  lastDayOfMonth,
  money,
  monthOf,
  monthsBetween,
  sum,
  ZERO,
  type ActivityByMonth,
  type ContributionBase,
  type ContributionPolicy,
  type EntrepreneurState,
  type IsoDate,
  type Money,
  type YearMonth,
} from '../../libs/domain';

/** The activity account (tableau de gestion, R7331-5) kept as raw monthly sums, every figure derived by the domain's own functions so both sides agree. */

/** The CAE's contribution policy as stored in its document. */
export type PolicyDoc = { rate: string; base: ContributionBase; fixedMonthly?: string; waivedMonths?: number };

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

export const emptyRunning = (firstContributedMonth: YearMonth, month: YearMonth): RunningSums => ({
  firstContributedMonth,
  lastMonth: month,
  cashReceivedExclVat: '0.00',
  refundsExclVat: '0.00',
  expenses: '0.00',
  salaryCostPaid: '0.00',
  contributedRevenue: '0.00',
  contributedCash: '0.00',
  contributedExpenses: '0.00',
});

const add = (a: string, b: Money | string): string => formatMoney(money(a).plus(b));

/** The running totals after adding a month's amounts (the same amounts the month's sums receive). */
export const addToRunning = (running: RunningSums, month: YearMonth, amounts: Partial<MonthSums>): RunningSums => {
  const contributed = month >= running.firstContributedMonth;
  const revenueNet = money(amounts.revenueExclVat ?? '0').minus(amounts.creditNotesExclVat ?? '0');
  const next = { ...running, lastMonth: month > running.lastMonth ? month : running.lastMonth };
  if (amounts.cashReceivedExclVat) next.cashReceivedExclVat = add(next.cashReceivedExclVat, amounts.cashReceivedExclVat);
  if (amounts.refundsExclVat) next.refundsExclVat = add(next.refundsExclVat, amounts.refundsExclVat);
  if (amounts.expenses) next.expenses = add(next.expenses, amounts.expenses);
  if (amounts.salaryCostPaid) next.salaryCostPaid = add(next.salaryCostPaid, amounts.salaryCostPaid);
  if (contributed) {
    if (!revenueNet.isZero()) next.contributedRevenue = add(next.contributedRevenue, revenueNet);
    if (amounts.cashReceivedExclVat) next.contributedCash = add(next.contributedCash, amounts.cashReceivedExclVat);
    if (amounts.refundsExclVat) next.contributedCash = add(next.contributedCash, money(amounts.refundsExclVat).negated());
    if (amounts.expenses) next.contributedExpenses = add(next.contributedExpenses, amounts.expenses);
  }
  return next;
};

export const emptyMonth = (): MonthSums => ({
  revenueExclVat: '0.00',
  creditNotesExclVat: '0.00',
  expenses: '0.00',
  grossSalaries: '0.00',
  employerContributions: '0.00',
  salaryCostPaid: '0.00',
  cashReceivedInclVat: '0.00',
  cashReceivedExclVat: '0.00',
  refundsInclVat: '0.00',
  refundsExclVat: '0.00',
});

/** Every month from `from` to `to`, both included. */
const monthRange = (from: YearMonth, to: YearMonth): YearMonth[] =>
  Array.from({ length: Math.max(0, monthsBetween(from, to) + 1) }, (_, i) => monthOf(addMonths(`${from}-01`, i)));

const byMonth = (account: AccountDoc, value: (m: MonthSums) => Money, upTo?: YearMonth): Record<YearMonth, Money> => {
  const out: Record<YearMonth, Money> = {};
  for (const [month, sums] of Object.entries(account.months)) if (upTo === undefined || month <= upTo) out[month] = value(sums);
  return out;
};

/** Revenue net of credit notes, by issue date: what the contribution is due on. */
const accrualActivity = (account: AccountDoc): ActivityByMonth => ({
  revenue: byMonth(account, (m) => money(m.revenueExclVat).minus(m.creditNotesExclVat)),
  expenses: byMonth(account, (m) => money(m.expenses)),
});

/** Cash kept excl. VAT: received less refunded, in the months they happened. */
const cashKept = (m: MonthSums): Money => money(m.cashReceivedExclVat).minus(m.refundsExclVat);

const cashActivity = (account: AccountDoc): ActivityByMonth => ({
  revenue: byMonth(account, cashKept),
  expenses: byMonth(account, (m) => money(m.expenses)),
});

/** The command side's view of the same activity, up to a month, for its `availableTreasury`. */
const treasuryState = (account: AccountDoc, upTo?: YearMonth): EntrepreneurState => ({
  ...initialEntrepreneurState(),
  firstIntegratedOn: account.firstIntegratedOn,
  cashExclVatByMonth: byMonth(account, cashKept, upTo),
  expensesByMonth: byMonth(account, (m) => money(m.expenses), upTo),
  salaryCost: sum(Object.values(byMonth(account, (m) => money(m.salaryCostPaid), upTo))),
});

/** Contribution due on revenue to the account's date, from the running totals (same figure as contributionDue). */
export const contributionToDate = (account: AccountDoc, policy: ContributionPolicy): Money => {
  const r = account.running;
  return contributionOnTotals(policy, account.firstIntegratedOn, { revenue: money(r.contributedRevenue), expenses: money(r.contributedExpenses) }, monthOf(account.asOf));
};

/** Available treasury from the running totals: the same figure as the command side's availableTreasury. */
export const treasuryToDate = (account: AccountDoc, policy: ContributionPolicy): Money => {
  const r = account.running;
  const asOf = monthOf(account.asOf) > r.lastMonth ? monthOf(account.asOf) : r.lastMonth;
  const onCash = contributionOnTotals(policy, account.firstIntegratedOn, { revenue: money(r.contributedCash), expenses: money(r.contributedExpenses) }, asOf);
  return money(r.cashReceivedExclVat).minus(r.refundsExclVat).minus(onCash).minus(r.expenses).minus(r.salaryCostPaid);
};

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

export interface Receivable {
  number: string;
  issuedOn: IsoDate;
  dueOn: IsoDate;
  amountDue: string;
  overdue: boolean;
}

export interface AccountView {
  caeId: string;
  entrepreneurId: string;
  asOf: IsoDate;
  toDate: PeriodFigures;
  monthly: (PeriodFigures & { month: YearMonth })[];
  receivables: { amountDue: string; overdueAmountDue: string; invoices: Receivable[]; refundsOwed: { amount: string; invoices: RefundOwed[] } };
}

/** An invoice credited beyond what remained unpaid: what its client is still owed back, incl. VAT. */
export interface RefundOwed {
  number: string;
  refundOwed: string;
}

/** What clients are owed back in all, incl. VAT. */
export const refundsOwedOf = (account: AccountDoc): Money => sum(Object.values(account.refundsOwed).map((owed) => money(owed)));

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
      amount: formatMoney(refundsOwedOf(account)),
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
  const first = monthOf(account.firstIntegratedOn);
  const previous = (month: YearMonth): YearMonth => monthOf(addMonths(`${month}-01`, -1));
  // Monthly contributions are differences of the cumulative amount due, so they add up to the total to the cent.
  const dueIn = (activity: ActivityByMonth, month: YearMonth): Money =>
    contributionDue(policy, account.firstIntegratedOn, activity, month).minus(contributionDue(policy, account.firstIntegratedOn, activity, previous(month)));
  const monthly = monthRange(first, monthOf(account.asOf)).map((month) => ({
    month,
    ...figures(
      [account.months[month] ?? emptyMonth()],
      dueIn(accrual, month),
      dueIn(cash, month),
      availableTreasury(treasuryState(account, month), policy, lastDayOfMonth(month)),
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
