import type { ContributionPolicy, IsoDate } from './commands';
import { monthOf } from './dates';
import type { EntrepreneurState } from './aggregates/entrepreneur';
import { contributionDue } from './contribution';
import { sum, ZERO, type Money } from './money';

/**
 * Available treasury of an activity (DOMAIN.md, activity account): cash actually received excl. VAT, net of refunds,
 * − contribution on it − expenses paid − salary cost. A salary beyond it is refused.
 */
export const availableTreasury = (state: EntrepreneurState, policy: ContributionPolicy, asOf: IsoDate): Money => {
  const cash = sum(Object.values(state.cashExclVatByMonth));
  const expenses = sum(Object.values(state.expensesByMonth));
  // Every euro of cash counted bears its contribution, also cash dated after `asOf` (recorded before this salary).
  const lastMonth = [monthOf(asOf), ...Object.keys(state.cashExclVatByMonth), ...Object.keys(state.expensesByMonth)].sort().at(-1)!;
  const contribution = state.firstIntegratedOn
    ? contributionDue(policy, state.firstIntegratedOn, { revenue: state.cashExclVatByMonth, expenses: state.expensesByMonth }, lastMonth)
    : ZERO;
  return cash.minus(contribution).minus(expenses).minus(state.salaryCost);
};
