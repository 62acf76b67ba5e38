import Decimal from 'decimal.js';
import { fail, FAIL, schema, shorten, type JsonSchema, type Schema } from './schema-base';

/** Strings, dates, numbers and decimal strings: each checks one value and says what it accepts as JSON Schema. */

/** A trimmed string, checked for length before the caller's own rule; `json` adds to `type: string`. */
const text = <T extends string>(max: number, rule?: (s: string) => string | undefined, json: JsonSchema = {}): Schema<T> =>
  schema(
    (input, path, issues) => {
      if (typeof input !== 'string') return fail(issues, path, 'must be a string');
      const s = input.trim();
      if (s.length === 0) return fail(issues, path, 'must not be empty');
      if (s.length > max) return fail(issues, path, `must be at most ${max} characters long (got ${s.length})`);
      const problem = rule?.(s);
      return problem === undefined ? (s as T) : fail(issues, path, problem);
    },
    { type: 'string', minLength: 1, ...(Number.isFinite(max) && { maxLength: max }), ...json },
  );

export const str = (max: number): Schema<string> => text(max);

/** A string with a rule of its own (a checksum, a key): `rule` says what is wrong, or nothing. */
export const ruledString = (max: number, rule: (s: string) => string | undefined, json: JsonSchema = {}): Schema<string> => text(max, rule, json);

export const pattern = (re: RegExp, message: string, max: number): Schema<string> =>
  text(max, (s) => (re.test(s) ? undefined : message), { pattern: re.source, description: message });

export const oneOf = <V extends string>(values: readonly V[]): Schema<V> =>
  text<V>(
    Infinity,
    (s) => ((values as readonly string[]).includes(s) ? undefined : `must be one of: ${values.join(', ')} (got "${shorten(s)}")`),
    { enum: [...values] },
  );

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

// The years a business date may fall in, for dates, months and calendar years alike.
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;
const outOfRange = (year: number): boolean => year < FIRST_YEAR || year > LAST_YEAR;
const YEARS = `between ${FIRST_YEAR} and ${LAST_YEAR}`;
const YEAR_PATTERN = '(19|2[0-9])[0-9]{2}';

export const date = (): Schema<string> =>
  text(
    10,
    (s) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      if (!m) return 'must be a date YYYY-MM-DD';
      const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (outOfRange(year)) return `must be a date ${YEARS}`;
      if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return `is not a real calendar date (${s})`;
      return undefined;
    },
    { format: 'date', pattern: `^${YEAR_PATTERN}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`, description: `a calendar date YYYY-MM-DD ${YEARS}`, examples: ['2016-09-05'] },
  );

export const month = (): Schema<string> =>
  text(
    7,
    (s) => {
      const m = /^(\d{4})-(\d{2})$/.exec(s);
      if (!m) return 'must be a month YYYY-MM';
      if (outOfRange(Number(m[1]))) return `must be a month ${YEARS}`;
      return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? undefined : `is not a real month (${s})`;
    },
    { pattern: `^${YEAR_PATTERN}-(0[1-9]|1[0-2])$`, description: `a month YYYY-MM ${YEARS}`, examples: ['2016-09'] },
  );

const yearText = text(
  4,
  (s) => {
    if (!/^\d{4}$/.test(s)) return 'must be a calendar year YYYY (e.g. 2016)';
    return outOfRange(Number(s)) ? `must be a year ${YEARS}` : undefined;
  },
  { pattern: `^${YEAR_PATTERN}$`, description: `a calendar year YYYY ${YEARS}`, examples: ['2016'] },
);

/** A calendar year written as text ("2016"), as query parameters carry it. */
export const calendarYear = (): Schema<number> =>
  schema((input, path, issues) => {
    const parsed = yearText.parse(input, path, issues);
    return parsed === FAIL ? FAIL : Number(parsed);
  }, yearText.json);

/** A moment of the log: a position in it (only the events up to it), or an instant (only those recorded by then). */
export type KnownAt = { position: number } | { instant: string };

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `knownAt` of the query routes: `2017-03-01T00:00:00Z` (an instant with its offset, kept in UTC) or `1234` (a log position). */
export const knownAt = (): Schema<KnownAt> => {
  const written = text(40, (s) => {
    if (/^\d{1,15}$/.test(s)) return undefined;
    if (!INSTANT.test(s)) return 'must be an instant with its offset (e.g. 2017-03-01T00:00:00Z) or a log position (e.g. 1234)';
    const year = Number(s.slice(0, 4));
    if (outOfRange(year) || Number.isNaN(Date.parse(s))) return `is not a real instant (${s})`;
    return undefined;
  }, { description: 'an instant with its offset (only the events recorded by then) or a log position (only the events up to it)', examples: ['2017-03-01T00:00:00Z', '1234'] });
  return schema((input, path, issues) => {
    const parsed = written.parse(input, path, issues);
    if (parsed === FAIL) return FAIL;
    return /^\d+$/.test(parsed) ? { position: Number(parsed) } : { instant: new Date(parsed).toISOString() };
  }, written.json);
};

/** A position in the log, written as text ("1234"), as query parameters carry it. */
export const logPosition = (): Schema<number> => {
  const written = text(15, (s) => (/^\d{1,15}$/.test(s) ? undefined : 'must be a log position (e.g. 1234)'), { pattern: '^\\d{1,15}$', description: 'a position in the event log', examples: ['1234'] });
  return schema((input, path, issues) => {
    const parsed = written.parse(input, path, issues);
    return parsed === FAIL ? FAIL : Number(parsed);
  }, written.json);
};

export const int = ({ min, max }: { min: number; max?: number }): Schema<number> =>
  schema(
    (input, path, issues) => {
      if (typeof input === 'string') return fail(issues, path, 'must be an integer (a JSON number, not a string)');
      if (typeof input !== 'number' || !Number.isSafeInteger(input)) return fail(issues, path, 'must be an integer');
      if (input < min) return fail(issues, path, `must be at least ${min}`);
      if (max !== undefined && input > max) return fail(issues, path, `must be at most ${max}`);
      return input;
    },
    { type: 'integer', minimum: min, ...(max !== undefined && { maximum: max }) },
  );

export const bool = (): Schema<boolean> =>
  schema((input, path, issues) => (typeof input === 'boolean' ? input : fail(issues, path, 'must be true or false')), { type: 'boolean' });

interface DecimalRule {
  decimals: number;
  integerDigits: number;
  example: string;
  positive?: boolean;
  max?: string;
  /** Pads to exactly `decimals` places (money); otherwise the trimmed string is kept as sent. */
  fixed?: boolean;
}

// A JSON Schema cannot compare decimal strings: "greater than zero" and the maximum are said in words.
const describeDecimal = ({ decimals, integerDigits, example, positive, max }: DecimalRule): JsonSchema => ({
  type: 'string',
  pattern: `^[0-9]{1,${integerDigits}}(\\.[0-9]{1,${decimals}})?$`,
  description: `a decimal string (not a JSON number), at most ${decimals} decimals${positive ? ', greater than zero' : ', not negative'}${max ? `, at most ${max}` : ''}`,
  examples: [example],
});

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
  }, describeDecimal(rule));

export const money = ({ positive = false } = {}): Schema<string> =>
  decimal({ decimals: 2, integerDigits: 12, example: '1234.50', positive, fixed: true });
