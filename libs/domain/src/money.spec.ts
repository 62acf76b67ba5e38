import fc from 'fast-check';
import { addMoney, Decimal, formatDecimal, formatMoney, isPositiveMoney, money, subtractMoney, sum, toCents, ZERO } from './money';

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

  describe('adding wire amounts in cents', () => {
    // Wire amounts as commands and documents hold them: up to 2 decimals, signed, up to 15 integer digits.
    const wire = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.constantFrom('', '.', '.5', '.05', '.50', '.99', '.00'))
      .map(([negative, whole, tail]) => `${negative ? '-' : ''}${whole}${tail === '.' ? '' : tail}`);
    const decimalSum = (a: string, b: string) => formatMoney(money(a).plus(b));
    const decimalDifference = (a: string, b: string) => formatMoney(money(a).minus(b));

    it('gives the very string decimal.js gives, for any two wire amounts', () => {
      fc.assert(
        fc.property(wire, wire, (a, b) => {
          expect(addMoney(a, b)).toBe(decimalSum(a, b));
          expect(subtractMoney(a, b)).toBe(decimalDifference(a, b));
          expect(isPositiveMoney(a)).toBe(money(a).greaterThan(0));
        }),
        { numRuns: 2000 },
      );
    });

    it.each([
      ['0.10', '0.20', '0.30', '-0.10'],
      ['-0.00', '0.00', '0.00', '0.00'],
      ['1.00', '-1.00', '0.00', '2.00'],
      ['-0.05', '0.01', '-0.04', '-0.06'],
      ['999999999999999.99', '0.01', '1000000000000000.00', '999999999999999.98'],
    ])('%s and %s: sum %s, difference %s', (a, b, total, difference) => {
      expect(addMoney(a, b)).toBe(total);
      expect(subtractMoney(a, b)).toBe(difference);
    });

    it('falls back on decimal.js for what is not a wire amount (more decimals, exponents)', () => {
      expect(addMoney('0.005', '0.00')).toBe('0.01');
      expect(addMoney('1e3', '0.50')).toBe('1000.50');
      expect(subtractMoney('10', '2.675')).toBe('7.33');
      expect(isPositiveMoney('0.001')).toBe(true);
    });
  });
});
