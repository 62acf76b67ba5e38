import type { IsoDate, YearMonth } from './commands';

/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC, without time zones. */

const toUtc = (d: IsoDate): Date => new Date(`${d}T00:00:00Z`);
const fromUtc = (d: Date): IsoDate => d.toISOString().slice(0, 10);

export const addDays = (d: IsoDate, days: number): IsoDate => {
  const date = toUtc(d);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtc(date);
};

/** Adds calendar months, clamping to the month's last day (2016-01-31 + 1 month = 2016-02-29). */
export const addMonths = (d: IsoDate, months: number): IsoDate => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(new Date(Date.UTC(year, month, Math.min(day, last))));
};

export const addYears = (d: IsoDate, years: number): IsoDate => addMonths(d, years * 12);

/** Whole days from a to b (b − a). */
export const daysBetween = (a: IsoDate, b: IsoDate): number =>
  Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);

export const yearOf = (d: IsoDate): number => Number(d.slice(0, 4));
export const monthOf = (d: IsoDate): YearMonth => d.slice(0, 7);

/** Whole calendar months from month a to month b (b − a). */
export const monthsBetween = (a: YearMonth, b: YearMonth): number => {
  const [ya, ma] = a.split('-').map(Number) as [number, number];
  const [yb, mb] = b.split('-').map(Number) as [number, number];
  return (yb - ya) * 12 + (mb - ma);
};

export const lastDayOfMonth = (m: YearMonth): IsoDate => {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return fromUtc(new Date(Date.UTC(y, mo, 0)));
};

export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);
export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);
