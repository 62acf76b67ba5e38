import { Decimal, formatDecimal, formatMoney, money, sum, toCents, ZERO } from './money';

describe('money', () => {
  it.each([
    ['0.005', '0.01'],
    ['0.015', '0.02'],
    ['0.025', '0.03'],
    ['2.675', '2.68'],
    ['1.004999', '1.00'],
    ['-0.005', '-0.01'],
  ])('rounds %s half-up to the cent: %s (no banker’s rounding, no float error)', (value, cents) => {
    expect(formatMoney(toCents(money(value)))).toBe(cents);
  });

  it('adds 0.10 and 0.20 to exactly 0.30', () => {
    expect(money('0.10').plus('0.20').equals(money('0.30'))).toBe(true);
  });

  it('refuses a binary float but accepts an integer', () => {
    expect(() => money(0.1)).toThrow('float');
    expect(formatMoney(money(3))).toBe('3.00');
  });

  it('serialises with exactly 2 decimals', () => {
    expect(formatMoney(money('1234.5'))).toBe('1234.50');
    expect(formatMoney(ZERO)).toBe('0.00');
    expect(formatMoney(money('908700'))).toBe('908700.00');
  });

  it('keeps large amounts exact', () => {
    expect(formatMoney(money('9999999999999.99').times(3))).toBe('29999999999999.97');
  });

  it('sums a list, and nothing to 0', () => {
    expect(formatMoney(sum([money('0.10'), money('0.20'), money('0.30')]))).toBe('0.60');
    expect(formatMoney(sum([]))).toBe('0.00');
  });

  it('formats rates and shares with a fixed number of decimals, half-up', () => {
    expect(formatDecimal(new Decimal('0.65515'), 4)).toBe('0.6552');
    expect(formatDecimal(new Decimal('7.1'), 2)).toBe('7.10');
    expect(formatDecimal(new Decimal(154337 + 98720).dividedBy(35625), 2)).toBe('7.10');
  });
});
