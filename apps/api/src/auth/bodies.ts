import { ROLES } from '../../../../libs/application';
import { type Issue, type Schema, FAIL, arr, obj, oneOf, optional, pattern, str } from '../../../../libs/domain/src/validation/schema';
import { id } from '../../../../libs/domain/src/validation/fields';
import { invalid } from '../api-error';

/** The bodies of the session and token routes, checked like command data (the same VALIDATION_FAILED shape). */

export const LOGIN = obj({ username: str(200), password: str(1000) });

// An instant with its offset, as toISOString writes it; the store turns it into UTC.
const INSTANT = pattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, 'must be a date and time with its offset, e.g. "2027-01-01T00:00:00Z"', 40);

export const NEW_TOKEN = obj({
  username: str(200),
  role: oneOf(ROLES),
  // The network roles reach every CAE and take none; the CAE roles take one or more.
  caes: optional(arr(id(), { min: 0, max: 100, noun: 'CAE identifiers' })),
  expiresAt: INSTANT,
});

export const readBody = <T>(schema: Schema<T>, raw: unknown, what: string): T => {
  const issues: Issue[] = [];
  const value = schema.parse(raw, '', issues);
  if (value === FAIL || issues.length > 0) {
    const shown = issues.slice(0, 3).map(({ path, message }) => `${path || `the ${what}`} ${message}`).join('; ');
    throw invalid(`The ${what} is invalid: ${shown}`, { errors: issues.slice(0, 100), errorCount: issues.length });
  }
  return value;
};
