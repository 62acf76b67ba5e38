import { ERROR_CODES, type ErrorCode } from '../../../libs/domain';

/**
 * The codes of the HTTP layer, for a request refused before any command or query is read, or failed on our
 * side. With the domain's ERROR_CODES they are every code the API answers with; docs/api.md lists them all.
 */
export const HTTP_ERROR_CODES = [
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'REQUEST_HEADERS_TOO_LARGE',
  'INTERNAL_ERROR',
  // Who is asking (apps/api/src/auth/): no or bad credentials, a refused login, the policy's refusal, a cookie
  // without its CSRF header, too many failed logins.
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'CSRF_TOKEN_INVALID',
  'TOO_MANY_ATTEMPTS',
  // The browser login through the OpenID provider: a callback without its pending login, refused, or the provider down.
  'OIDC_LOGIN_FAILED',
  // An audit's report made again: the server's catalogue is another, or the log no longer gives the same report.
  'AUDIT_CATALOGUE_CHANGED',
  'AUDIT_NOT_REPRODUCIBLE',
  // A FEC asked for a year the CAE has no entry in, or for a CAE without the SIREN its file is named by.
  'NO_ACTIVITY_IN_YEAR',
  'CAE_IDENTITY_MISSING',
] as const;
export type HttpErrorCode = (typeof HTTP_ERROR_CODES)[number];

export type ApiErrorCode = ErrorCode | HttpErrorCode;
export const API_ERROR_CODES: readonly ApiErrorCode[] = [...ERROR_CODES, ...HTTP_ERROR_CODES];

/**
 * The HTTP status that goes with a refusal: bad input 400, who-are-you 401, not-for-you 403, unknown things 404,
 * races 409, rules 422, too many logins 429, a damaged log 503.
 */
export const httpStatusOf = (code: ApiErrorCode): number => {
  switch (code) {
    case 'VALIDATION_FAILED':
      return 400;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
    case 'OIDC_LOGIN_FAILED':
      return 401;
    case 'FORBIDDEN':
    case 'CSRF_TOKEN_INVALID':
      return 403;
    case 'NOT_FOUND':
    case 'NO_ACTIVITY_IN_YEAR':
      return 404;
    case 'TOO_MANY_ATTEMPTS':
      return 429;
    case 'CONCURRENCY_CONFLICT':
    case 'COMMAND_ID_REUSED':
    case 'AUDIT_CATALOGUE_CHANGED':
    case 'AUDIT_NOT_REPRODUCIBLE':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'LOG_INTEGRITY_FAILED':
      return 503;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'REQUEST_HEADERS_TOO_LARGE':
      return 431;
    case 'INTERNAL_ERROR':
      return 500;
    default:
      return 422;
  }
};
