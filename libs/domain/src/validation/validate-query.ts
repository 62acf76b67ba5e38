import { ok, type Result } from '../errors';
import { invalidInput } from './invalid-input';
import { FAIL, shorten, type Issue, type Schema } from './schema';

/**
 * Checks the query parameters of a route with the schemas of command fields (a date is checked the same way in
 * both) and refuses them in the same VALIDATION_FAILED shape. `parameters` is an `obj(...)`, so an unknown
 * parameter is refused like an unknown field: a misspelt `?tody=` must not silently give another answer.
 */
export const validateQuery = <T>(parameters: Schema<T>, raw: Record<string, unknown>): Result<T> => {
  const issues: Issue[] = [];
  // `?year=2016&year=2017` arrives as a list: which one was meant cannot be guessed.
  for (const [key, value] of Object.entries(raw)) if (Array.isArray(value)) issues.push({ path: shorten(key), message: 'is given more than once' });
  if (issues.length > 0) return invalidInput('query', issues);
  const value = parameters.parse(raw, '', issues);
  return value === FAIL || issues.length > 0 ? invalidInput('query', issues) : ok(value);
};
