import { calendarYear, date, knownAt, obj, optional } from './schema';

/** Every query route answers as of a business date and as known at a moment of the log, or live without them. */
const AS_OF = { asOf: optional(date()), knownAt: optional(knownAt()) };

/** The query parameters of the query routes (docs/api.md), checked with the same schemas as command fields. */
export const queryParameters = {
  none: obj({ ...AS_OF }),
  year: obj({ year: calendarYear(), ...AS_OF }),
  compliance: obj({ today: optional(date()), ...AS_OF }),
};
