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

const WIRE = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/;

/** A wire amount (at most 2 decimals) as whole cents: exact below ten trillion euros (the sum of two stays inside 2^53); undefined for any other form. */
const centsOf = (value: string): number | undefined => {
  const match = WIRE.exec(value);
  if (match === null) return undefined;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -cents : cents;
};

const fromCents = (cents: number): string => {
  const whole = Math.abs(cents);
  const tail = String(whole % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}${Math.trunc(whole / 100)}.${tail}`;
};

/**
 * a + b in the wire form, in whole cents when both are wire amounts (what projections add, event after event),
 * by decimal.js otherwise: the same string either way.
 */
export const addMoney = (a: string, b: string): string => {
  const x = centsOf(a);
  const y = centsOf(b);
  return x === undefined || y === undefined ? formatMoney(money(a).plus(b)) : fromCents(x + y);
};

/** a − b, as addMoney. */
export const subtractMoney = (a: string, b: string): string => {
  const x = centsOf(a);
  const y = centsOf(b);
  return x === undefined || y === undefined ? formatMoney(money(a).minus(b)) : fromCents(x - y);
};

/** Whether a wire amount is above zero. */
export const isPositiveMoney = (amount: string): boolean => {
  const cents = centsOf(amount);
  return cents === undefined ? money(amount).greaterThan(0) : cents > 0;
};

export const sum = (values: Iterable<Decimal>): Money => {
  let total: Decimal = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
};

/** A rate or share as a decimal string with a fixed number of decimals ("0.6552"). */
export const formatDecimal = (value: Decimal, decimals: number): string =>
  new Dec(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);

export { Dec as Decimal };
