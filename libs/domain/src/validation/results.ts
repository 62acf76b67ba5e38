import { date } from './scalar-schemas';
import type { JsonSchema, Schema } from './schema-base';

/**
 * What a command answers besides its events, described once in its slice. A description checks nothing at run
 * time (the domain writes these values itself): it carries their TypeScript type, so `decided(events, result)` is
 * compiled against it, and their JSON Schema, so the OpenAPI document's `<Type>Result` is generated from it.
 */
export interface Described<T> {
  readonly json: JsonSchema;
  readonly optional?: true;
  /** Never set: it only carries the type described. */
  readonly described?: () => T;
}

/** The value a description describes. */
export type ResultOf<D> = D extends Described<infer T> ? T : never;

/** The result of a command that has nothing to add: always `{}`. */
export type Nothing = Record<string, never>;

type Shape = Record<string, Described<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] };
/** The object a `closed(shape)` describes: every field present but those marked `maybe`. */
export type ClosedOf<S extends Shape> = Flat<{ [K in Exclude<keyof S, OptionalKeys<S>>]: ResultOf<S[K]> } & { [K in OptionalKeys<S>]?: ResultOf<S[K]> }>;

const described = <T>(json: JsonSchema, description?: string): Described<T> => ({ json: description ? { ...json, description } : json });

/** The JSON Schema of an object with exactly these properties, the `required` ones present. */
export const closedObject = (properties: Record<string, JsonSchema>, required: readonly string[], description?: string): JsonSchema => ({
  type: 'object',
  properties,
  required: [...required],
  additionalProperties: false,
  ...(description && { description }),
});

export const text = (description?: string): Described<string> => described({ type: 'string' }, description);
export const flag = (description?: string): Described<boolean> => described({ type: 'boolean' }, description);
export const count = (description?: string, { min = 0, max }: { min?: number; max?: number } = {}): Described<number> =>
  described({ type: 'integer', minimum: min, ...(max !== undefined && { maximum: max }) }, description);
export const day = (description?: string): Described<string> =>
  described({ type: 'string', format: 'date', pattern: date().json['pattern'], examples: ['2016-12-31'] }, description);
/** Money as answered: a decimal string with exactly 2 decimals; a result or a balance may be negative. */
export const amount = (description = 'money, a decimal string with 2 decimals'): Described<string> =>
  described({ type: 'string', pattern: '^-?[0-9]+\\.[0-9]{2}$', examples: ['1234.50'] }, description);
export const choice = <V extends string>(values: readonly V[], description?: string): Described<V> => described({ type: 'string', enum: [...values] }, description);
/** A value of the same form as an input field (an id, an invoice number), described in its own words. */
export const formOf = <T>(input: Schema<T>, description: string, examples?: readonly T[]): Described<T> =>
  described({ ...input.json, ...(examples && { examples: [...examples] }) }, description);
export const listOf = <T>(item: Described<T>, description?: string): Described<T[]> => described({ type: 'array', items: item.json }, description);

/** A field that may be absent (a closed object's others are always present). */
export const maybe = <T>(d: Described<T>, description?: string): Described<T> & { optional: true } => ({ ...described<T>(d.json, description), optional: true });

/** An object with exactly these fields. */
export const closed = <S extends Shape>(shape: S, description?: string): Described<ClosedOf<S>> =>
  described(
    closedObject(
      Object.fromEntries(Object.entries(shape).map(([key, d]) => [key, d.json])),
      Object.keys(shape).filter((key) => !shape[key]!.optional),
      description,
    ),
  );

/** A command's result: a closed object, with an example (typed, so it cannot drift from the fields). */
export const commandResult = <S extends Shape>(shape: S, example: ClosedOf<S>, description?: string): Described<ClosedOf<S>> => {
  const { json } = closed(shape, description);
  return { json: { ...json, examples: [example] } };
};

export const NOTHING: Described<Nothing> = commandResult({}, {}, 'nothing to add: always {}');
