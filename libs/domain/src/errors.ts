/** Refusals are values with a stable code and a message a clerk understands. */
export interface DomainError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'CONCURRENCY_CONFLICT',
  'COMMAND_ID_REUSED',
  'CAE_ALREADY_REGISTERED',
  'CAE_ID_RESERVED',
  'ENTREPRENEUR_ALREADY_INTEGRATED',
  'ENTREPRENEUR_NOT_ACTIVE',
  'DATE_BEFORE_INTEGRATION',
  'DATE_OUT_OF_ORDER',
  'CAPE_DURATION_INVALID',
  'CAPE_ALREADY_SIGNED',
  'CAPE_NOT_SIGNED',
  'CAPE_ENDED',
  'CAPE_LIMIT_EXCEEDED',
  'CESA_ALREADY_SIGNED',
  'NO_ACTIVE_CONTRACT',
  'SALARY_UNDER_CAPE',
  'SALARY_REQUIRES_CESA',
  'SALARY_ALREADY_PAID',
  'INSUFFICIENT_TREASURY',
  'INVOICE_DATE_BEFORE_LAST',
  'CLIENT_ALREADY_REGISTERED',
  'QUOTE_ALREADY_ANSWERED',
  'QUOTE_EXPIRED',
  'QUOTE_NOT_ACCEPTED',
  // An invoice would lack a mention the law requires on it (details.mention names it).
  'MANDATORY_MENTION_MISSING',
  'INVALID_DUE_DATE',
  'CREDIT_NOTE_EXCEEDS_REMAINING',
  'NOTHING_TO_CREDIT',
  'PAYMENT_EXCEEDS_DUE',
  'NOTHING_TO_REFUND',
  'REFUND_EXCEEDS_OWED',
  'ASSOCIATE_ALREADY_ADMITTED',
  'ASSOCIATE_REQUIRES_CESA',
  'SHARES_EXCEED_HOLDING',
  'NOT_AN_ASSOCIATE',
  'PERSON_ALREADY_FORGOTTEN',
  'ACCESS_ALREADY_GRANTED',
  'ACCESS_NOT_GRANTED',
  'NOTICE_REQUIRES_CESA',
  // The log failed an integrity check (truncated, a command record missing): nothing is appended until an
  // operator has run `npm run cli -- verify`. HTTP 503.
  'LOG_INTEGRITY_FAILED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const refuse = (code: ErrorCode, message: string, details?: Record<string, unknown>): { ok: false; error: DomainError } => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
