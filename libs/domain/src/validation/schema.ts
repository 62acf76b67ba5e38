import { fail, FAIL, isAbsent, isPlainObject, schema, shorten, type Fail, type Issue, type JsonSchema, type OptionalSchema, type Schema } from './schema-base';

/**
 * A tiny schema combinator for wire input (what a schema is: schema-base.ts; strings, dates, numbers and
 * decimals: scalar-schemas.ts). Objects and lists are built here.
 */

export * from './schema-base';
export * from './scalar-schemas';

/** The value a schema produces. */
export type Infer<S> = S extends Schema<infer T> ? T : never;
type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends OptionalSchema<unknown> ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] };
/** The object an `obj(shape)` produces: its optional fields may be missing. */
export type ObjectOf<S extends Shape> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

const join = (path: string, key: string): string => (path ? `${path}.${shorten(key)}` : shorten(key));

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

const describeObject = (shape: Shape): JsonSchema => {
  const required = Object.keys(shape).filter((key) => !shape[key]!.optional);
  const properties = Object.fromEntries(Object.entries(shape).map(([key, s]) => [key, s.json]));
  return { type: 'object', properties, ...(required.length > 0 && { required }), additionalProperties: false };
};

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
  }, describeObject(shape));

export const arr = <T>(item: Schema<T>, { min, max, noun }: { min: number; max: number; noun: string }): Schema<T[]> =>
  schema(
    (input, path, issues) => {
      if (!Array.isArray(input)) return fail(issues, path, `must be a list of ${noun}`);
      if (input.length < min) return fail(issues, path, `must hold at least ${min} ${noun}`);
      if (input.length > max) return fail(issues, path, `must hold at most ${max} ${noun}`);
      const before = issues.length;
      // Array.from visits the holes of a sparse array (map would skip them unchecked).
      const out = Array.from(input, (v, i) => item.parse(v, `${path}[${i}]`, issues));
      return issues.length === before ? (out as T[]) : FAIL;
    },
    { type: 'array', items: item.json, minItems: min, maxItems: max },
  );
