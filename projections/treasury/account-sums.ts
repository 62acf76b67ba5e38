import { addMoney, isPositiveMoney, subtractMoney, contributionOnTotals, firstContributedMonth, formatMoney, money, monthOf, treasuryOnTotals, type ContributionPolicy, type IsoDate, type Money, type YearMonth } from '../../libs/domain';
import type { AccountDoc, InvoiceSums, MonthSums, PolicyDoc, RunningSums } from './documents';

/** How events add to an activity account's raw sums, and the figures to date derived from its running totals. */

export const plus = (a: string, b: Money | string): string => (typeof b === 'string' ? addMoney(a, b) : formatMoney(money(a).plus(b)));

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

const emptyRunning = (firstContributedMonth: YearMonth, month: YearMonth): RunningSums => ({
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

export const newAccount = (caeId: string, entrepreneurId: string, integratedOn: IsoDate, policy: PolicyDoc): AccountDoc => ({
  caeId,
  entrepreneurId,
  firstIntegratedOn: integratedOn,
  asOf: integratedOn,
  months: {},
  invoices: {},
  refundsOwed: {},
  running: emptyRunning(firstContributedMonth(policy, integratedOn), monthOf(integratedOn)),
  contribution: '0.00',
  availableTreasury: '0.00',
});

/** The running totals after adding a month's amounts (the same amounts the month's sums receive). */
const addToRunning = (running: RunningSums, month: YearMonth, amounts: Partial<MonthSums>): RunningSums => {
  const contributed = month >= running.firstContributedMonth;
  const revenueNet = subtractMoney(amounts.revenueExclVat ?? '0.00', amounts.creditNotesExclVat ?? '0.00');
  const next = { ...running, lastMonth: month > running.lastMonth ? month : running.lastMonth };
  if (amounts.cashReceivedExclVat) next.cashReceivedExclVat = plus(next.cashReceivedExclVat, amounts.cashReceivedExclVat);
  if (amounts.refundsExclVat) next.refundsExclVat = plus(next.refundsExclVat, amounts.refundsExclVat);
  if (amounts.expenses) next.expenses = plus(next.expenses, amounts.expenses);
  if (amounts.salaryCostPaid) next.salaryCostPaid = plus(next.salaryCostPaid, amounts.salaryCostPaid);
  if (contributed) {
    if (revenueNet !== '0.00') next.contributedRevenue = plus(next.contributedRevenue, revenueNet);
    if (amounts.cashReceivedExclVat) next.contributedCash = plus(next.contributedCash, amounts.cashReceivedExclVat);
    if (amounts.refundsExclVat) next.contributedCash = subtractMoney(next.contributedCash, amounts.refundsExclVat);
    if (amounts.expenses) next.contributedExpenses = plus(next.contributedExpenses, amounts.expenses);
  }
  return next;
};

export const addToMonth = (account: AccountDoc, month: YearMonth, amounts: Partial<MonthSums>): AccountDoc => {
  const sums = { ...(account.months[month] ?? emptyMonth()) };
  for (const [field, amount] of Object.entries(amounts) as [keyof MonthSums, string][]) sums[field] = plus(sums[field], amount);
  return { ...account, months: { ...account.months, [month]: sums }, running: addToRunning(account.running, month, amounts) };
};

/** Only invoices with something still due are kept: the account's size does not grow with its history. */
export const withInvoice = (account: AccountDoc, number: string, change: (invoice: InvoiceSums) => InvoiceSums): AccountDoc => {
  const invoice = account.invoices[number];
  if (!invoice) return account;
  const changed = change(invoice);
  const { [number]: _settled, ...others } = account.invoices;
  const due = subtractMoney(subtractMoney(changed.totalInclVat, changed.creditedInclVat), changed.paid);
  return { ...account, invoices: isPositiveMoney(due) ? { ...others, [number]: changed } : others };
};

/** Refunds still owed, by invoice, kept while owed. A refund the account saw no debt for (a v1 credit note stated none) is cash out only. */
export const withRefundOwed = (account: AccountDoc, number: string, change: Money): AccountDoc => {
  if (change.isZero() || (change.isNegative() && account.refundsOwed[number] === undefined)) return account;
  const { [number]: owed, ...others } = account.refundsOwed;
  const after = money(owed ?? '0').plus(change);
  return { ...account, refundsOwed: after.greaterThan(0) ? { ...others, [number]: formatMoney(after) } : others };
};

/** What clients are owed back in all, incl. VAT. */
export const refundsOwedOf = (account: AccountDoc): string => Object.values(account.refundsOwed).reduce(addMoney, '0.00');

/** Contribution due on revenue to the account's date, from the running totals (same figure as contributionDue). */
export const contributionToDate = (account: AccountDoc, policy: ContributionPolicy): Money => {
  const r = account.running;
  return contributionOnTotals(policy, account.firstIntegratedOn, { revenue: money(r.contributedRevenue), expenses: money(r.contributedExpenses) }, monthOf(account.asOf));
};

/** Available treasury from the running totals, by the domain's one rule (the one salaries are checked against). */
export const treasuryToDate = (account: AccountDoc, policy: ContributionPolicy): Money => {
  const r = account.running;
  const totals = {
    cashExclVat: money(r.cashReceivedExclVat).minus(r.refundsExclVat),
    expenses: money(r.expenses),
    salaryCost: money(r.salaryCostPaid),
    contributedCash: money(r.contributedCash),
    contributedExpenses: money(r.contributedExpenses),
    lastMonth: r.lastMonth,
  };
  return treasuryOnTotals(policy, account.firstIntegratedOn, totals, account.asOf);
};
