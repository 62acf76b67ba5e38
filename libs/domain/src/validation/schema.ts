import Decimal from 'decimal.js';

/**
 * A tiny schema combinator for wire input: each schema checks and normalises one value, reports every problem
 * it finds at its path, and returns FAIL rather than throwing, so a whole command is checked in one pass.
 */

export interface Issue {
  path: string;
  message: string;
}

export const FAIL: unique symbol = Symbol('invalid');
export type Fail = typeof FAIL;

export interface Schema<T> {
  readonly optional?: boolean;
  parse(input: unknown, path: string, issues: Issue[]): T | Fail;
}

interface OptionalSchema<T> extends Schema<T> {
  readonly optional: true;
}

type Infer<S> = S extends Schema<infer T> ? T : never;
type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends OptionalSchema<unknown> ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] };
type ObjectOf<S extends Shape> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

export const schema = <T>(parse: Schema<T>['parse']): Schema<T> => ({ parse });

export const fail = (issues: Issue[], path: string, message: string): Fail => {
  issues.push({ path, message });
  return FAIL;
};

// Keys come from the client: a 1 MB key must not become a 1 MB path.
export const shorten = (key: string): string => (key.length > 64 ? `${key.slice(0, 64)}…` : key);
const join = (path: string, key: string): string => (path ? `${path}.${shorten(key)}` : shorten(key));

// Compares prototype chains rather than Object.prototype, so objects from another realm (vm, jest) still count.
export const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
};

/** `null` is absent: clients serialise unset optional fields either way. */
export const isAbsent = (v: unknown): v is null | undefined => v === undefined || v === null;

export const optional = <T>(s: Schema<T>): OptionalSchema<T> => ({ optional: true, parse: s.parse });

/** Reads one field of an object: absent optional → undefined; absent required → "is required". */
export const field = <T>(raw: Record<string, unknown>, key: string, s: Schema<T>, path: string, issues: Issue[]): T | undefined | Fail => {
  const value = raw[key];
  if (isAbsent(value)) return s.optional ? undefined : fail(issues, join(path, key), 'is required');
  return s.parse(value, join(path, key), issues);
};

export const rejectUnknownKeys = (raw: Record<string, unknown>, known: readonly string[], path: string, issues: Issue[]): void => {
  for (const key of Object.keys(raw)) if (!known.includes(key)) issues.push({ path: join(path, key), message: 'is not a known field' });
};

type Check<T> = (value: Partial<T>, raw: Record<string, unknown>, report: (key: string, message: string) => void) => void;

/** A plain object with exactly these fields; `check` adds rules across fields and sees what parsed. */
export const obj = <S extends Shape>(shape: S, check?: Check<ObjectOf<S>>): Schema<ObjectOf<S>> =>
  schema((input, path, issues) => {
    if (!isPlainObject(input)) return fail(issues, path, 'must be an object');
    const before = issues.length;
    rejectUnknownKeys(input, Object.keys(shape), path, issues);
    const out: Record<string, unknown> = {};
    for (const [key, s] of Object.entries(shape)) {
      const value = field(input, key, s, path, issues);
      if (value !== FAIL && value !== undefined) out[key] = value;
    }
    check?.(out as Partial<ObjectOf<S>>, input, (key, message) => issues.push({ path: join(path, key), message }));
    return issues.length === before ? (out as ObjectOf<S>) : FAIL;
  });

export const arr = <T>(item: Schema<T>, { min, max, noun }: { min: number; max: number; noun: string }): Schema<T[]> =>
  schema((input, path, issues) => {
    if (!Array.isArray(input)) return fail(issues, path, `must be a list of ${noun}`);
    if (input.length < min) return fail(issues, path, `must hold at least ${min} ${noun}`);
    if (input.length > max) return fail(issues, path, `must hold at most ${max} ${noun}`);
    const before = issues.length;
    // Array.from visits the holes of a sparse array (map would skip them unchecked).
    const out = Array.from(input, (v, i) => item.parse(v, `${path}[${i}]`, issues));
    return issues.length === before ? (out as T[]) : FAIL;
  });

/** A trimmed string, checked for length before the caller's own rule. */
const text = <T extends string>(max: number, rule?: (s: string) => string | undefined): Schema<T> =>
  schema((input, path, issues) => {
    if (typeof input !== 'string') return fail(issues, path, 'must be a string');
    const s = input.trim();
    if (s.length === 0) return fail(issues, path, 'must not be empty');
    if (s.length > max) return fail(issues, path, `must be at most ${max} characters long (got ${s.length})`);
    const problem = rule?.(s);
    return problem === undefined ? (s as T) : fail(issues, path, problem);
  });

export const str = (max: number): Schema<string> => text(max);

export const pattern = (re: RegExp, message: string, max: number): Schema<string> =>
  text(max, (s) => (re.test(s) ? undefined : message));

export const oneOf = <V extends string>(values: readonly V[]): Schema<V> =>
  text<V>(Infinity, (s) => ((values as readonly string[]).includes(s) ? undefined : `must be one of: ${values.join(', ')} (got "${shorten(s)}")`));

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

// The years a business date may fall in, for dates, months and calendar years alike.
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;
const outOfRange = (year: number): boolean => year < FIRST_YEAR || year > LAST_YEAR;

export const date = (): Schema<string> =>
  text(10, (s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return 'must be a date YYYY-MM-DD';
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (outOfRange(year)) return `must be a date between ${FIRST_YEAR} and ${LAST_YEAR}`;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return `is not a real calendar date (${s})`;
    return undefined;
  });

export const month = (): Schema<string> =>
  text(7, (s) => {
    const m = /^(\d{4})-(\d{2})$/.exec(s);
    if (!m) return 'must be a month YYYY-MM';
    if (outOfRange(Number(m[1]))) return `must be a month between ${FIRST_YEAR} and ${LAST_YEAR}`;
    return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? undefined : `is not a real month (${s})`;
  });

const yearText = text(4, (s) => {
  if (!/^\d{4}$/.test(s)) return 'must be a calendar year YYYY (e.g. 2016)';
  return outOfRange(Number(s)) ? `must be a year between ${FIRST_YEAR} and ${LAST_YEAR}` : undefined;
});

/** A calendar year written as text ("2016"), as query parameters carry it. */
export const calendarYear = (): Schema<number> =>
  schema((input, path, issues) => {
    const parsed = yearText.parse(input, path, issues);
    return parsed === FAIL ? FAIL : Number(parsed);
  });

export const int = ({ min, max }: { min: number; max?: number }): Schema<number> =>
  schema((input, path, issues) => {
    if (typeof input === 'string') return fail(issues, path, 'must be an integer (a JSON number, not a string)');
    if (typeof input !== 'number' || !Number.isSafeInteger(input)) return fail(issues, path, 'must be an integer');
    if (input < min) return fail(issues, path, `must be at least ${min}`);
    if (max !== undefined && input > max) return fail(issues, path, `must be at most ${max}`);
    return input;
  });

export const bool = (): Schema<boolean> =>
  schema((input, path, issues) => (typeof input === 'boolean' ? input : fail(issues, path, 'must be true or false')));

interface DecimalRule {
  decimals: number;
  integerDigits: number;
  example: string;
  positive?: boolean;
  max?: string;
  /** Pads to exactly `decimals` places (money); otherwise the trimmed string is kept as sent. */
  fixed?: boolean;
}

/** A non-negative decimal string: JSON numbers are refused since binary floats cannot carry cents exactly. */
export const decimal = (rule: DecimalRule): Schema<string> =>
  schema((input, path, issues) => {
    const { decimals, integerDigits, example } = rule;
    if (typeof input === 'number') return fail(issues, path, `must be a decimal string (e.g. "${example}"), not a number`);
    if (typeof input !== 'string') return fail(issues, path, `must be a decimal string (e.g. "${example}")`);
    const s = input.trim();
    if (s.startsWith('-')) return fail(issues, path, 'must not be negative');
    const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
    if (!m || (m[2] ?? '').length > decimals) {
      return fail(issues, path, `must be a decimal string with at most ${decimals} decimals (e.g. "${example}")`);
    }
    if (m[1].length > integerDigits) return fail(issues, path, `must have at most ${integerDigits} digits before the decimal point`);
    const value = new Decimal(s);
    if (rule.positive && value.isZero()) return fail(issues, path, 'must be greater than zero');
    if (rule.max !== undefined && value.greaterThan(rule.max)) return fail(issues, path, `must be at most ${rule.max}`);
    return rule.fixed ? value.toFixed(decimals) : s;
  });

export const money = ({ positive = false } = {}): Schema<string> =>
  decimal({ decimals: 2, integerDigits: 12, example: '1234.50', positive, fixed: true });
