import { money, ZERO } from '../money';
import { availableTreasury, treasuryOnTotals, treasuryTotalsOf, type TreasuryActivity } from './treasury';

/** Integrated on 11 Jan 2016: 1,000.00 received in January, 2,000.00 in March, a 300.00 expense in February, 500.00 of salaries. */
const activity: TreasuryActivity = {
  firstIntegratedOn: '2016-01-11',
  cashExclVatByMonth: { '2016-01': money('1000.00'), '2016-03': money('2000.00') },
  expensesByMonth: { '2016-02': money('300.00') },
  salaryCost: money('500.00'),
};

describe('available treasury (activity account)', () => {
  it('given 12% of revenue, then it is cash − 12% of it − expenses − salary cost', () => {
    expect(availableTreasury(activity, { rate: '0.12', base: 'revenue' }, '2016-03-31').toFixed(2)).toBe('1840.00');
  });

  it('given a gross-margin base, then the rate applies to cash minus expenses', () => {
    expect(availableTreasury(activity, { rate: '0.12', base: 'gross_margin' }, '2016-03-31').toFixed(2)).toBe('1876.00');
  });

  it('given a waived month, then cash of that month bears no contribution', () => {
    expect(availableTreasury(activity, { rate: '0.12', base: 'revenue', waivedMonths: 1 }, '2016-03-31').toFixed(2)).toBe('1960.00');
  });

  it('given a fixed monthly amount, then it is due up to the later of the date and the last month with cash', () => {
    const policy = { rate: '0', base: 'revenue', fixedMonthly: '10.00' } as const;
    expect(availableTreasury(activity, policy, '2016-01-20').toFixed(2)).toBe('2170.00');
    expect(availableTreasury(activity, policy, '2016-05-31').toFixed(2)).toBe('2150.00');
  });

  it('given no integration yet, then there is no contribution', () => {
    expect(availableTreasury({ ...activity, firstIntegratedOn: undefined }, { rate: '0.12', base: 'revenue' }, '2016-03-31').toFixed(2)).toBe('2200.00');
  });

  it('given the same activity as running totals (as read models keep it), then the same figure', () => {
    for (const policy of [{ rate: '0.12', base: 'revenue', waivedMonths: 2 }, { rate: '0.135', base: 'gross_margin', fixedMonthly: '25.00' }] as const) {
      const totals = treasuryTotalsOf(activity, policy);
      expect(totals.contributedCash.toFixed(2)).toBe(policy.waivedMonths ? '2000.00' : '3000.00');
      expect(treasuryOnTotals(policy, activity.firstIntegratedOn, totals, '2016-04-30')).toEqual(availableTreasury(activity, policy, '2016-04-30'));
    }
  });

  it('given nothing at all, then nothing is available', () => {
    expect(availableTreasury({ cashExclVatByMonth: {}, expensesByMonth: {}, salaryCost: ZERO }, { rate: '0.12', base: 'revenue' }, '2016-01-31').toFixed(2)).toBe('0.00');
  });
});
