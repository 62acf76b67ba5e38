import { addDays, addMonths, addYears, daysBetween, lastDayOfMonth, maxDate, minDate, monthOf, monthsBetween, yearOf } from './dates';

describe('dates', () => {
  it.each([
    ['2016-02-28', 1, '2016-02-29'],
    ['2016-02-29', 1, '2016-03-01'],
    ['2015-02-28', 1, '2015-03-01'],
    ['2016-12-31', 1, '2017-01-01'],
    ['2016-01-01', -1, '2015-12-31'],
    ['2016-01-11', 30, '2016-02-10'],
  ])('%s + %i day(s) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2016-01-04', 6, '2016-07-04'],
    ['2016-01-31', 1, '2016-02-29'],
    ['2015-01-31', 1, '2015-02-28'],
    ['2016-03-31', -1, '2016-02-29'],
    ['2016-11-15', 2, '2017-01-15'],
    ['2016-01-15', -13, '2014-12-15'],
  ])('%s + %i month(s) = %s (clamped to the last day of the month)', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('adds years, clamping 29 February', () => {
    expect(addYears('2016-01-04', 3)).toBe('2019-01-04');
    expect(addYears('2016-02-29', 1)).toBe('2017-02-28');
    expect(addYears('2016-02-29', 4)).toBe('2020-02-29');
  });

  it('counts whole days between two dates, negative backwards', () => {
    expect(daysBetween('2016-01-01', '2017-01-01')).toBe(366);
    expect(daysBetween('2017-01-01', '2018-01-01')).toBe(365);
    expect(daysBetween('2016-03-27', '2016-03-28')).toBe(1);
    expect(daysBetween('2016-01-04', '2016-07-04')).toBe(182);
    expect(daysBetween('2016-01-02', '2016-01-01')).toBe(-1);
  });

  it('counts calendar months between two months', () => {
    expect(monthsBetween('2016-11', '2017-02')).toBe(3);
    expect(monthsBetween('2016-02', '2016-02')).toBe(0);
    expect(monthsBetween('2016-03', '2016-01')).toBe(-2);
  });

  it('knows the last day of each month', () => {
    expect(lastDayOfMonth('2016-02')).toBe('2016-02-29');
    expect(lastDayOfMonth('2015-02')).toBe('2015-02-28');
    expect(lastDayOfMonth('2100-02')).toBe('2100-02-28');
    expect(lastDayOfMonth('2016-12')).toBe('2016-12-31');
    expect(lastDayOfMonth('2016-04')).toBe('2016-04-30');
  });

  it('reads the year and the month of a date, and orders dates', () => {
    expect(yearOf('2016-12-31')).toBe(2016);
    expect(monthOf('2016-12-31')).toBe('2016-12');
    expect(minDate('2016-03-01', '2016-02-29')).toBe('2016-02-29');
    expect(maxDate('2016-03-01', '2016-02-29')).toBe('2016-03-01');
  });
});
