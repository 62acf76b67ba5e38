import { ROLES } from '../../../../libs/application';
import { NEW_TOKEN, LOGIN } from '../auth/bodies';
import { errorResponse } from './errors';
import { closedObject } from '../../../../libs/domain/src/validation/results';
import { DATE_TIME, list, nullable, oneOfValues, record, ref, TEXT, type JsonSchema } from './json';
import { AUTHENTICATED, OPEN, refusedCaller } from './security';

/** POST/DELETE /api/session and the API token routes: their bodies, answers and refusals. */

const ROLE = oneOfValues(ROLES);

export const SESSION: JsonSchema = record(
  {
    token: { ...TEXT, description: 'the session token (`alvs_…`): send it as `Authorization: Bearer <token>`; the browser has it as the HTTP-only cookie' },
    expiresAt: DATE_TIME,
    user: record({ username: TEXT, roles: list(ROLE, 'the roles the account holds today, from the log (none: it may log in but reaches nothing)') }),
  },
  'An open session; the cookies `alveole_session` (HTTP-only) and `alveole_csrf` (readable, for the X-CSRF-Token header) come with it',
);

const GRANT: JsonSchema = closedObject(
  { role: ROLE, caeId: { ...TEXT, description: 'for cae_staff and entrepreneur' }, entrepreneurId: { ...TEXT, description: 'for entrepreneur' } },
  ['role'],
  'One grant in force today',
);

export const WHO_AM_I: JsonSchema = record(
  { username: TEXT, roles: list(ROLE, 'the roles the account holds today'), grants: list(ref('Grant'), 'what each role reaches: the CAE, the entrepreneur') },
  'The account asking, as the server sees it today (what a page shows it and lets it do)',
);

export const API_TOKEN: JsonSchema = record({
  tokenId: TEXT,
  username: nullable(TEXT),
  role: ROLE,
  caes: list(TEXT, 'the CAEs a cae_staff or entrepreneur token reaches; empty for a network role'),
  createdAt: DATE_TIME,
  expiresAt: DATE_TIME,
  revokedAt: nullable(DATE_TIME),
});

const ISSUED_TOKEN: JsonSchema = record(
  { token: ref('ApiToken'), secret: { ...TEXT, description: 'the token (`alv_…`), shown this once: the server keeps only its SHA-256' } },
  'An API token acts with what its account holds today, narrowed to its role and CAEs',
);

export const authComponents = (): Record<string, JsonSchema> => ({
  Login: { ...LOGIN.json, examples: [{ username: 'admin', password: 'demo-admin' }] },
  Session: SESSION,
  Grant: GRANT,
  WhoAmI: WHO_AM_I,
  NewApiToken: { ...NEW_TOKEN.json, examples: [{ username: 'importer', role: 'cae_staff', caes: ['coodyssee'], expiresAt: '2027-01-01T00:00:00Z' }] },
  ApiToken: API_TOKEN,
  IssuedApiToken: ISSUED_TOKEN,
  ApiTokens: record({ tokens: list(ref('ApiToken'), 'every token, revoked and expired ones included, in creation order') }),
});

const json = (schema: JsonSchema, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
const USERS = 'only a network admin manages API tokens (the policy\'s manageUsers)';

const sessionPath = {
  get: {
    tags: ['session'],
    operationId: 'whoAmI',
    summary: 'Who is asking: the username, the roles and the grants in force today (an API token: narrowed to its scope)',
    security: AUTHENTICATED,
    responses: { 200: json(ref('WhoAmI'), 'The caller'), ...refusedCaller(true), 500: errorResponse(500) },
  },
  post: {
    tags: ['session'],
    operationId: 'logIn',
    summary: 'Log in with a local account: a session token, and its cookies for the browser',
    security: OPEN,
    requestBody: body('Login'),
    responses: {
      200: json(ref('Session'), 'Logged in'),
      400: errorResponse(400),
      401: { ...errorResponse(401, ['INVALID_CREDENTIALS']), description: 'INVALID_CREDENTIALS: the same answer for an unknown username, a wrong password and a disabled account' },
      415: errorResponse(415),
      429: {
        ...errorResponse(429),
        description: 'TOO_MANY_ATTEMPTS: too many failed logins for this username or from this address; each further failure doubles the wait',
        headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'seconds to wait' } },
      },
      431: errorResponse(431),
      500: errorResponse(500),
    },
  },
  delete: {
    tags: ['session'],
    operationId: 'logOut',
    summary: 'Log out: the session is deleted on the server and its cookies cleared (with an API token: only the cookies)',
    security: AUTHENTICATED,
    responses: { 204: { description: 'Logged out' }, ...refusedCaller(true), 500: errorResponse(500) },
  },
};

const NO_PROVIDER = { ...errorResponse(404), description: 'NOT_FOUND: no OpenID provider is configured (OIDC_ISSUER): log in with POST /api/session' };

const oidcLoginPath = {
  get: {
    tags: ['session'],
    operationId: 'beginOidcLogin',
    summary: 'Log in through the OpenID provider (a browser navigation): redirects to its login page, with PKCE',
    security: OPEN,
    parameters: [{ name: 'returnTo', in: 'query', required: false, schema: { ...TEXT, default: '/' }, description: 'the page of this site to open once logged in (a path starting with one "/")' }],
    responses: {
      302: {
        description: 'To the provider; the pending login (state, PKCE verifier, nonce) is kept 10 minutes in the HTTP-only `alveole_oidc` cookie',
        headers: { Location: { schema: TEXT, description: "the provider's authorization endpoint" } },
      },
      400: { ...errorResponse(400), description: 'VALIDATION_FAILED: returnTo is not a path of this site' },
      401: { ...errorResponse(401, ['OIDC_LOGIN_FAILED']), description: 'OIDC_LOGIN_FAILED: the provider cannot be reached' },
      404: NO_PROVIDER,
      500: errorResponse(500),
    },
  },
};

const oidcCallbackPath = {
  get: {
    tags: ['session'],
    operationId: 'completeOidcLogin',
    summary: "The provider's redirect back: exchanges the code, opens the session and sends the browser to returnTo",
    security: OPEN,
    parameters: ['code', 'state', 'iss', 'error'].map((name) => ({ name, in: 'query', required: false, schema: TEXT, description: 'as the provider sends it' })),
    responses: {
      200: {
        description:
          "Logged in: a page that opens returnTo. The provider's access token is the session: the `alveole_session` (HTTP-only, SameSite=Strict) and `alveole_csrf` cookies last as long as it does",
        content: { 'text/html': { schema: TEXT } },
      },
      401: {
        ...errorResponse(401, ['OIDC_LOGIN_FAILED']),
        description: "OIDC_LOGIN_FAILED: no login under way in this browser (or older than 10 minutes), another login's state, a code already used, the provider's refusal, or the provider down",
      },
      404: NO_PROVIDER,
      500: errorResponse(500),
    },
  },
};

const tokensPath = {
  post: {
    tags: ['session'],
    operationId: 'issueApiToken',
    summary: 'Issue an API token for an integration (an importer, the CLI against a remote server), scoped to a role and CAEs',
    security: AUTHENTICATED,
    requestBody: body('NewApiToken'),
    responses: {
      201: json(ref('IssuedApiToken'), 'Issued: the secret is in this answer only'),
      400: errorResponse(400),
      ...refusedCaller(true, USERS),
      404: { ...errorResponse(404), description: 'NOT_FOUND: no active account has this username' },
      415: errorResponse(415),
      500: errorResponse(500),
    },
  },
  get: {
    tags: ['session'],
    operationId: 'listApiTokens',
    summary: 'Every API token, never its secret',
    security: AUTHENTICATED,
    responses: { 200: json(ref('ApiTokens'), 'The tokens'), ...refusedCaller(false, USERS), 500: errorResponse(500) },
  },
};

const tokenPath = {
  delete: {
    tags: ['session'],
    operationId: 'revokeApiToken',
    summary: 'Revoke an API token: refused from now on',
    security: AUTHENTICATED,
    parameters: [{ name: 'tokenId', in: 'path', required: true, schema: TEXT }],
    responses: { 204: { description: 'Revoked (again: still revoked, the first date kept)' }, ...refusedCaller(true, USERS), 404: { ...errorResponse(404), description: 'NOT_FOUND: no such token' }, 500: errorResponse(500) },
  },
};

export const authPaths = (): Record<string, unknown> => ({
  '/api/session': sessionPath,
  '/api/session/oidc': oidcLoginPath,
  '/api/session/oidc/callback': oidcCallbackPath,
  '/api/tokens': tokensPath,
  '/api/tokens/{tokenId}': tokenPath,
});
