/**
 * What a schema is: it checks and normalises one value, reports every problem it finds at its path, and
 * returns FAIL rather than throwing, so a whole command is checked in one pass. It also says what it accepts as
 * JSON Schema, so the OpenAPI document is generated from the very schemas that check the input.
 */

export interface Issue {
  path: string;
  message: string;
}

export const FAIL: unique symbol = Symbol('invalid');
export type Fail = typeof FAIL;

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it): keywords to values. */
export type JsonSchema = Readonly<Record<string, unknown>>;

export interface Schema<T> {
  readonly optional?: boolean;
  /** What the schema accepts, as JSON Schema; `{}` (anything) for a hand-written schema that says nothing. */
  readonly json: JsonSchema;
  parse(input: unknown, path: string, issues: Issue[]): T | Fail;
}

export interface OptionalSchema<T> extends Schema<T> {
  readonly optional: true;
}

export const schema = <T>(parse: Schema<T>['parse'], json: JsonSchema = {}): Schema<T> => ({ parse, json });

export const fail = (issues: Issue[], path: string, message: string): Fail => {
  issues.push({ path, message });
  return FAIL;
};

// Keys come from the client: a 1 MB key must not become a 1 MB path.
export const shorten = (key: string): string => (key.length > 64 ? `${key.slice(0, 64)}…` : key);

// Compares prototype chains rather than Object.prototype, so objects from another realm (vm, jest) still count.
export const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
};

/** `null` is absent: clients serialise unset optional fields either way. */
export const isAbsent = (v: unknown): v is null | undefined => v === undefined || v === null;

// Optional is the parent's business (its `required` list): the value's own description is unchanged.
export const optional = <T>(s: Schema<T>): OptionalSchema<T> => ({ optional: true, parse: s.parse, json: s.json });
