import Decimal from 'decimal.js';

/** Money is euros with 2 decimals, rounded half-up to the cent; never a binary float. */
export type Money = Decimal;

const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export const ZERO: Money = new Dec(0);

export const money = (value: string | Decimal | number): Money => {
  if (typeof value === 'number' && !Number.isInteger(value)) throw new Error('Money from a float is forbidden');
  return new Dec(value);
};

/** Rounds half-up to the cent. */
export const toCents = (value: Decimal): Money => new Dec(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** The wire form: a string with exactly 2 decimals ("1234.50"). */
export const formatMoney = (value: Decimal): string => toCents(value).toFixed(2);

export const sum = (values: Iterable<Decimal>): Money => {
  let total: Decimal = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
};

/** A rate or share as a decimal string with a fixed number of decimals ("0.6552"). */
export const formatDecimal = (value: Decimal, decimals: number): string =>
  new Dec(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);

export { Dec as Decimal };
