import type { JsonSchema } from './json';

/**
 * Checks a value against a schema of the document (the subset of JSON Schema it uses), so tests can hold the
 * examples and the live answers to what the document promises. A keyword it does not know is an error, not a
 * pass: the check can never silently ignore part of the contract.
 */

const ANNOTATIONS = new Set(['description', 'examples', 'format', 'discriminator', 'title']);

type Json = unknown;

const typeOf = (value: Json): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
};

const isType = (value: Json, type: string): boolean => typeOf(value) === type || (type === 'number' && typeOf(value) === 'integer');

export const violations = (schema: JsonSchema, value: Json, components: Record<string, JsonSchema>, path = '$'): string[] => {
  const errors: string[] = [];
  const at = (message: string) => errors.push(`${path}: ${message}`);
  for (const [keyword, rule] of Object.entries(schema)) {
    switch (keyword) {
      case '$ref': {
        const name = String(rule).replace('#/components/schemas/', '');
        if (!components[name]) throw new Error(`unknown $ref ${String(rule)}`);
        errors.push(...violations(components[name], value, components, path));
        break;
      }
      case 'type':
        if (!(Array.isArray(rule) ? rule : [rule]).some((t: string) => isType(value, t))) at(`is ${typeOf(value)}, not ${String(rule)}`);
        break;
      case 'enum':
        if (!(rule as Json[]).includes(value)) at(`${JSON.stringify(value)} is not one of ${JSON.stringify(rule)}`);
        break;
      case 'oneOf': {
        const matching = (rule as JsonSchema[]).filter((s) => violations(s, value, components, path).length === 0).length;
        if (matching !== 1) at(`matches ${matching} of the oneOf alternatives, not exactly 1`);
        break;
      }
      case 'anyOf':
        if (!(rule as JsonSchema[]).some((s) => violations(s, value, components, path).length === 0)) at('matches none of the anyOf alternatives');
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(rule as string, 'u').test(value)) at(`"${value}" does not match ${String(rule)}`);
        break;
      case 'minLength':
      case 'maxLength':
        if (typeof value === 'string' && (keyword === 'minLength' ? value.length < (rule as number) : value.length > (rule as number))) at(`length ${value.length} breaks ${keyword} ${String(rule)}`);
        break;
      case 'minimum':
      case 'maximum':
        if (typeof value === 'number' && (keyword === 'minimum' ? value < (rule as number) : value > (rule as number))) at(`${value} breaks ${keyword} ${String(rule)}`);
        break;
      case 'minItems':
      case 'maxItems':
        if (Array.isArray(value) && (keyword === 'minItems' ? value.length < (rule as number) : value.length > (rule as number))) at(`${value.length} items break ${keyword} ${String(rule)}`);
        break;
      case 'items':
        if (Array.isArray(value)) value.forEach((item, i) => errors.push(...violations(rule as JsonSchema, item, components, `${path}[${i}]`)));
        break;
      case 'required':
        if (typeOf(value) === 'object') for (const key of rule as string[]) if (!(key in (value as object))) at(`lacks required ${key}`);
        break;
      case 'properties':
        if (typeOf(value) === 'object')
          for (const [key, s] of Object.entries(rule as Record<string, JsonSchema>))
            if (key in (value as object)) errors.push(...violations(s, (value as Record<string, Json>)[key], components, `${path}.${key}`));
        break;
      case 'additionalProperties':
        if (typeOf(value) === 'object') {
          const known = Object.keys((schema['properties'] as object | undefined) ?? {});
          for (const [key, v] of Object.entries(value as Record<string, Json>)) {
            if (known.includes(key)) continue;
            if (rule === false) at(`has unknown ${key}`);
            else if (typeof rule === 'object') errors.push(...violations(rule as JsonSchema, v, components, `${path}.${key}`));
          }
        }
        break;
      default:
        if (!ANNOTATIONS.has(keyword)) throw new Error(`${path}: the check does not know the keyword ${keyword}`);
    }
  }
  return errors;
};
