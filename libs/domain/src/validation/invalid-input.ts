import { refuse } from '../errors';
import type { Issue } from './schema';

/** The headline lists the first problems; details.errors has them all (up to MAX_LISTED). */
const MAX_LISTED = 100;
const MAX_IN_MESSAGE = 3;

/** A command or a query refused for its input: one VALIDATION_FAILED shape for both, every problem at its path. */
export const invalidInput = (subject: 'command' | 'query', issues: Issue[]) => {
  const describe = ({ path, message }: Issue): string => `${path || `the ${subject}`} ${message}`;
  const shown = issues.slice(0, MAX_IN_MESSAGE).map(describe).join('; ');
  const more = issues.length > MAX_IN_MESSAGE ? ` (and ${issues.length - MAX_IN_MESSAGE} more)` : '';
  return refuse('VALIDATION_FAILED', `The ${subject} is invalid: ${shown}${more}`, {
    errors: issues.slice(0, MAX_LISTED),
    errorCount: issues.length,
  });
};
