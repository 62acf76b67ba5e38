import type { ContributionPolicy, IsoDate, YearMonth } from '../commands';
import { addMonths, monthOf, monthsBetween } from '../dates';
import { Decimal, money, toCents, ZERO, type Money } from '../money';

/**
 * The contribution (mutualisation) a CAE takes on an activity: a rate on revenue excl. VAT or on gross margin
 * (revenue − direct costs), plus an optional fixed monthly amount, nothing during the first waived months.
 */
export interface ActivityByMonth {
  /** Revenue (or cash received) excl. VAT, by month. */
  revenue: Record<YearMonth, Money>;
  /** Direct costs excl. VAT, by month. */
  expenses: Record<YearMonth, Money>;
}

/** First month that bears a contribution, given the integration date. */
export const firstContributedMonth = (policy: ContributionPolicy, integratedOn: IsoDate): YearMonth => {
  return monthOf(addMonths(`${monthOf(integratedOn)}-01`, policy.waivedMonths ?? 0));
};

/** Contribution due on an activity from integration up to and including month `asOf`. */
export const contributionDue = (policy: ContributionPolicy, integratedOn: IsoDate, activity: ActivityByMonth, asOf: YearMonth): Money => {
  const from = firstContributedMonth(policy, integratedOn);
  const inRange = (month: string): boolean => month >= from && month <= asOf;
  let revenue: Money = ZERO;
  let expenses: Money = ZERO;
  for (const [month, amount] of Object.entries(activity.revenue)) if (inRange(month)) revenue = revenue.plus(amount);
  for (const [month, amount] of Object.entries(activity.expenses)) if (inRange(month)) expenses = expenses.plus(amount);
  return contributionOnTotals(policy, integratedOn, { revenue, expenses }, asOf);
};

/**
 * The same contribution from running totals of the contributed months (those from firstContributedMonth
 * up to `asOf`), for read models that keep sums rather than every month.
 */
export const contributionOnTotals = (policy: ContributionPolicy, integratedOn: IsoDate, totals: { revenue: Money; expenses: Money }, asOf: YearMonth): Money => {
  const base = policy.base === 'revenue' ? totals.revenue : Decimal.max(ZERO, totals.revenue.minus(totals.expenses));
  const proportional = toCents(base.times(policy.rate));
  if (!policy.fixedMonthly) return proportional;
  const months = Math.max(0, monthsBetween(firstContributedMonth(policy, integratedOn), asOf) + 1);
  return proportional.plus(money(policy.fixedMonthly).times(months));
};

/** Contribution on one amount of revenue excl. VAT, at the policy's rate (the figure networks report). */
export const contributionOnRevenue = (policy: ContributionPolicy, revenueExclVat: Money): Money => toCents(money(revenueExclVat).times(policy.rate));
