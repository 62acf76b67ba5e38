import type { ContributionPolicy } from '../commands';
import { contributionDue, contributionOnRevenue, firstContributedMonth } from './contribution';
import { formatMoney, money } from '../money';

const twelvePercent: ContributionPolicy = { rate: '0.12', base: 'revenue' };
const activity = (revenue: Record<string, string>, expenses: Record<string, string> = {}) => ({
  revenue: Object.fromEntries(Object.entries(revenue).map(([m, a]) => [m, money(a)])),
  expenses: Object.fromEntries(Object.entries(expenses).map(([m, a]) => [m, money(a)])),
});
const due = (policy: ContributionPolicy, revenue: Record<string, string>, asOf: string, expenses: Record<string, string> = {}) =>
  formatMoney(contributionDue(policy, '2016-01-20', activity(revenue, expenses), asOf));

describe('contribution (mutualisation)', () => {
  it('starts in the month of integration, or after the waived months', () => {
    expect(firstContributedMonth(twelvePercent, '2016-01-20')).toBe('2016-01');
    expect(firstContributedMonth({ ...twelvePercent, waivedMonths: 2 }, '2016-01-20')).toBe('2016-03');
    expect(firstContributedMonth({ ...twelvePercent, waivedMonths: 11 }, '2016-03-31')).toBe('2017-02');
  });

  it('takes 12% of revenue excl. VAT up to and including the month asked', () => {
    expect(due(twelvePercent, { '2016-01': '1000.00', '2016-02': '500.00', '2016-03': '700.00' }, '2016-02')).toBe('180.00');
  });

  it('rounds the total once, half-up, not month by month', () => {
    expect(due(twelvePercent, { '2016-01': '0.05', '2016-02': '0.05' }, '2016-02')).toBe('0.01');
    expect(due({ rate: '0.1', base: 'revenue' }, { '2016-01': '0.05' }, '2016-01')).toBe('0.01');
  });

  it('takes nothing on revenue of the waived months', () => {
    expect(due({ ...twelvePercent, waivedMonths: 2 }, { '2016-01': '1000.00', '2016-02': '1000.00', '2016-03': '500.00' }, '2016-03')).toBe('60.00');
  });

  it('on gross margin, takes the rate of revenue minus direct costs, never below zero', () => {
    const margin: ContributionPolicy = { rate: '0.12', base: 'gross_margin' };
    expect(due(margin, { '2016-01': '1000.00' }, '2016-02', { '2016-02': '250.00' })).toBe('90.00');
    expect(due(margin, { '2016-01': '100.00' }, '2016-02', { '2016-02': '250.00' })).toBe('0.00');
  });

  it('adds the fixed monthly amount for every contributed month up to the month asked', () => {
    const fixed: ContributionPolicy = { ...twelvePercent, fixedMonthly: '50.00' };
    expect(due(fixed, {}, '2016-03')).toBe('150.00');
    expect(due({ ...fixed, waivedMonths: 2 }, {}, '2016-03')).toBe('50.00');
    expect(due({ ...fixed, waivedMonths: 3 }, {}, '2016-03')).toBe('0.00');
  });

  it('is the figure networks report: 12% of Coodyssée’s 908,700.00 is 109,044.00', () => {
    expect(formatMoney(contributionOnRevenue(twelvePercent, money('908700.00')))).toBe('109044.00');
    expect(formatMoney(contributionOnRevenue({ rate: '0.135', base: 'revenue' }, money('0.37')))).toBe('0.05');
  });
});
