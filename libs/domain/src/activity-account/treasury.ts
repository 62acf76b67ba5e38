import type { ContributionPolicy, IsoDate, YearMonth } from '../commands';
import { contributionOnTotals, firstContributedMonth } from './contribution';
import { monthOf } from '../dates';
import { sum, ZERO, type Money } from '../money';

/**
 * Available treasury of an activity (docs/rules.md#availabletreasury): cash actually received excl. VAT, net of refunds,
 * − contribution on it − expenses paid − salary cost. A salary beyond it is refused; the activity account shows it.
 */

/** What the available treasury depends on, month by month (the entrepreneur's state has it). */
export interface TreasuryActivity {
  /** Contributions and their waived months run from the first integration; none before it. */
  firstIntegratedOn?: IsoDate;
  /** Cash received excl. VAT net of refunds, by month received. */
  cashExclVatByMonth: Record<YearMonth, Money>;
  /** Expenses excl. VAT, by month incurred. */
  expensesByMonth: Record<YearMonth, Money>;
  /** Gross + employer contributions of the salaries paid. */
  salaryCost: Money;
}

/** The same activity as totals: all of it, and its contributed months only (from the first past the waived ones). */
export interface TreasuryTotals {
  cashExclVat: Money;
  expenses: Money;
  salaryCost: Money;
  contributedCash: Money;
  contributedExpenses: Money;
  /** The latest month with cash or an expense. */
  lastMonth: YearMonth;
}

/** The available treasury as of `asOf` from the activity's totals (for read models that keep running sums). */
export const treasuryOnTotals = (policy: ContributionPolicy, firstIntegratedOn: IsoDate | undefined, totals: TreasuryTotals, asOf: IsoDate): Money => {
  // Every euro of cash counted bears its contribution, also cash dated after `asOf` (recorded before it).
  const lastMonth = monthOf(asOf) > totals.lastMonth ? monthOf(asOf) : totals.lastMonth;
  const contribution = firstIntegratedOn
    ? contributionOnTotals(policy, firstIntegratedOn, { revenue: totals.contributedCash, expenses: totals.contributedExpenses }, lastMonth)
    : ZERO;
  return totals.cashExclVat.minus(contribution).minus(totals.expenses).minus(totals.salaryCost);
};

/** The totals of an activity kept month by month. */
export const treasuryTotalsOf = (activity: TreasuryActivity, policy: ContributionPolicy): TreasuryTotals => {
  const from = activity.firstIntegratedOn ? firstContributedMonth(policy, activity.firstIntegratedOn) : undefined;
  const contributed = (byMonth: Record<YearMonth, Money>): Money => sum(Object.entries(byMonth).filter(([month]) => from !== undefined && month >= from).map(([, amount]) => amount));
  const months = [...Object.keys(activity.cashExclVatByMonth), ...Object.keys(activity.expensesByMonth)].sort();
  return {
    cashExclVat: sum(Object.values(activity.cashExclVatByMonth)),
    expenses: sum(Object.values(activity.expensesByMonth)),
    salaryCost: activity.salaryCost,
    contributedCash: contributed(activity.cashExclVatByMonth),
    contributedExpenses: contributed(activity.expensesByMonth),
    lastMonth: months.at(-1) ?? '0000-00',
  };
};

/** The available treasury of an activity as of `asOf`. */
export const availableTreasury = (activity: TreasuryActivity, policy: ContributionPolicy, asOf: IsoDate): Money =>
  treasuryOnTotals(policy, activity.firstIntegratedOn, treasuryTotalsOf(activity, policy), asOf);
