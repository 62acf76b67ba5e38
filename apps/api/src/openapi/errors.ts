import { API_ERROR_CODES, httpStatusOf, type ApiErrorCode } from '../http-status';
import { record, ref, TEXT, type JsonSchema } from './json';

/** Every error the API answers with: its code, its HTTP status, and the `{ error: { code, message, details } }` shape. */

/** Codes only the FEC route answers with: listed on it alone. */
export const FEC_CODES: readonly ApiErrorCode[] = ['NO_ACTIVITY_IN_YEAR', 'CAE_IDENTITY_MISSING'];

/** The codes answered with this HTTP status (by any route but the FEC's, which lists its own). */
export const codesOf = (status: number): ApiErrorCode[] => API_ERROR_CODES.filter((code) => httpStatusOf(code) === status && !FEC_CODES.includes(code));

export const ERROR_STATUSES = [...new Set(API_ERROR_CODES.map(httpStatusOf))].sort();

const DETAILS: JsonSchema = {
  type: 'object',
  description: 'depends on the code; for VALIDATION_FAILED: `{ errors: [{ path, message }], errorCount }`, every problem with its path',
};

const errorShape = (code: JsonSchema): JsonSchema => ({
  type: 'object',
  properties: {
    code,
    message: { ...TEXT, description: 'written for a clerk; its wording may improve' },
    details: DETAILS,
  },
  required: ['code', 'message'],
  additionalProperties: false,
});

/** `{ code, message, details? }`, the code one of `codes`. */
export const errorOf = (codes: readonly ApiErrorCode[]): JsonSchema => errorShape({ type: 'string', enum: [...codes], description: 'stable: program against it' });

export const ERROR_CODE: JsonSchema = {
  type: 'string',
  enum: [...API_ERROR_CODES],
  description: `Every code, with its HTTP status (their meanings: docs/api.md § Every code): ${API_ERROR_CODES.map((code) => `${code} ${httpStatusOf(code)}`).join(', ')}.`,
};

export const ERROR: JsonSchema = errorShape(ref('ErrorCode'));

/** The body of a request-level error. */
export const ERROR_RESPONSE: JsonSchema = record({ error: ref('Error') }, 'A request-level error: the request as a whole could not be taken');

/** The response of a request-level error with this status, its codes listed. */
export const errorResponse = (status: number, codes: readonly ApiErrorCode[] = codesOf(status)) => ({
  description: codes.join(', '),
  content: { 'application/json': { schema: record({ error: errorOf(codes) }) } },
});
