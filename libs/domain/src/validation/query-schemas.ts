import { calendarYear, date, knownAt, logPosition, obj, oneOf, optional } from './schema';

/** Every query route answers as of a business date and as known at a moment of the log, or live without them. */
const AS_OF = { asOf: optional(date()), knownAt: optional(knownAt()) };

/** The query parameters of the query routes (docs/api.md), checked with the same schemas as command fields. */
export const queryParameters = {
  none: obj({ ...AS_OF }),
  year: obj({ year: calendarYear(), ...AS_OF }),
  compliance: obj({ today: optional(date()), ...AS_OF }),
  // Each CAE's latest audit performed by the day: read from the audits themselves, no replay needed.
  networkAudits: obj({ asOf: optional(date()) }),
  // A FEC is made at one log position (the head by default): the same position, the same file.
  fec: obj({ year: calendarYear(), position: optional(logPosition()) }),
  // A document is made from the facts as issued: no cut applies.
  document: obj({}),
  // An audit's report is made again on the chain head it stood on: no other cut applies.
  auditReport: obj({ format: optional(oneOf(['json', 'html'] as const)) }),
};
