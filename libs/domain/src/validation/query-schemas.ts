import { calendarYear, date, obj, optional } from './schema';

/** The query parameters of the query routes (docs/api.md), checked with the same schemas as command fields. */
export const queryParameters = {
  none: obj({}),
  year: obj({ year: calendarYear() }),
  compliance: obj({ today: optional(date()) }),
};
