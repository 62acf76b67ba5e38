import { amount, choice, closedObject, count, day, flag, text } from '../../../../libs/domain/src/validation/results';
import { month, type JsonSchema } from '../../../../libs/domain/src/validation/schema';
export type { JsonSchema };

/** Small builders for the JSON Schemas of what the API answers (what it reads is described by its own schemas). */

/** An object with exactly these fields, every one present (absent values are `null`, never missing). */
export const record = (properties: Record<string, JsonSchema>, description?: string): JsonSchema => closedObject(properties, Object.keys(properties), description);

/** An object whose keys are exactly `keys`, each holding a `value`. */
export const keyed = (keys: readonly string[], value: JsonSchema): JsonSchema => record(Object.fromEntries(keys.map((key) => [key, value])));

export const list = (items: JsonSchema, description?: string): JsonSchema => ({ type: 'array', items, ...(description && { description }) });

export const nullable = (s: JsonSchema): JsonSchema => ({ oneOf: [s, { type: 'null' }] });

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

export const oneOfValues = (values: readonly string[]): JsonSchema => choice(values).json;

// Written once, with the commands' results (libs/domain/src/validation/results.ts).
export const TEXT: JsonSchema = text().json;
export const BOOLEAN: JsonSchema = flag().json;
export const INTEGER: JsonSchema = { type: 'integer' };
export const COUNT: JsonSchema = count().json;
export const DATE: JsonSchema = day().json;
export const MONTH: JsonSchema = { type: 'string', pattern: month().json['pattern'], examples: ['2016-09'] };

/** Money as answered: a decimal string with exactly 2 decimals; a result or a balance may be negative. */
export const MONEY: JsonSchema = amount().json;
/** A share or a rate: a decimal string with 4 decimals. */
export const SHARE: JsonSchema = { type: 'string', pattern: '^[0-9]+\\.[0-9]{4}$', examples: ['0.6552'], description: 'a share, a decimal string with 4 decimals' };
/** Hours, FTEs, ratios: a decimal string with 2 decimals. */
export const DECIMAL_2: JsonSchema = { type: 'string', pattern: '^[0-9]+\\.[0-9]{2}$', examples: ['7.10'], description: 'a decimal string with 2 decimals' };
export const DECIMAL: JsonSchema = { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?$', examples: ['0.51'], description: 'a decimal string' };
/** An instant as the API writes it (toISOString: UTC, milliseconds). */
export const DATE_TIME: JsonSchema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$', examples: ['2026-03-01T17:00:00.000Z'] };
