import type { ApiErrorCode } from '../http-status';
import { errorResponse } from './errors';

/** How a client says who it is (apps/api/src/auth/), and what a route answers when it cannot or may not. */

export const SECURITY_SCHEMES = {
  bearerAuth: {
    type: 'http',
    scheme: 'bearer',
    description:
      'A session token from POST /api/session (`alvs_…`, 8 hours), an API token issued by an admin (`alv_…`, POST /api/tokens), ' +
      'or, in the distributed profile, a JWT of the identity provider. No CSRF token is needed with this header.',
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'alveole_session',
    description:
      'The HTTP-only cookie POST /api/session sets for the browser. A POST, PUT, PATCH or DELETE it authenticates must also send the ' +
      'value of the readable `alveole_csrf` cookie as the `X-CSRF-Token` header (else 403 CSRF_TOKEN_INVALID).',
  },
} as const;

/** Either credential; a route's own `security` says so even where it is the document's default. */
export const AUTHENTICATED = [{ bearerAuth: [] }, { sessionCookie: [] }];
/** Open to anyone; credentials, if sent, may add to the answer. */
export const OPTIONAL = [{}, { bearerAuth: [] }, { sessionCookie: [] }];
export const OPEN: never[] = [];

const unauthenticated = {
  ...errorResponse(401, ['UNAUTHENTICATED']),
  description: 'UNAUTHENTICATED: no credentials, or a token unknown, expired or revoked, or a disabled account (log in again)',
  headers: { 'WWW-Authenticate': { schema: { type: 'string' }, description: 'Bearer' } },
};

/** The 401 and 403 of a guarded route; `unsafe`: a method for which a session cookie needs its CSRF header. */
export const refusedCaller = (unsafe: boolean, why = 'the access policy does not let the caller do this (the message says why)') => ({
  401: unauthenticated,
  403: { ...errorResponse(403, unsafe ? ['FORBIDDEN', 'CSRF_TOKEN_INVALID'] : ['FORBIDDEN']), description: `FORBIDDEN: ${why}${unsafe ? '; CSRF_TOKEN_INVALID: a cookie without its X-CSRF-Token header' : ''}` },
});

/** The codes only the login answers: every other route lists its own. */
export const LOGIN_CODES: readonly ApiErrorCode[] = ['INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS'];

/** The codes only the browser login through the OpenID provider answers. */
export const OIDC_LOGIN_CODES: readonly ApiErrorCode[] = ['OIDC_LOGIN_FAILED'];
