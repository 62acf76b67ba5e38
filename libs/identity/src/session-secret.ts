import { randomBytes } from 'node:crypto';

/** Told apart from an API token (`alv_`) at a glance, so the API knows which table to look in. */
export const SESSION_TOKEN_PREFIX = 'alvs_';
const SECRET_BYTES = 32;
const BASE64URL_OF_32_BYTES = /^[A-Za-z0-9_-]{43}$/;

/** A fresh session token, as handed to the browser (cookie) or the client (Bearer): the prefix and 32 random bytes. */
export const newSessionSecret = (): string => SESSION_TOKEN_PREFIX + randomBytes(SECRET_BYTES).toString('base64url');

export const looksLikeSessionSecret = (secret: string): boolean =>
  secret.startsWith(SESSION_TOKEN_PREFIX) && BASE64URL_OF_32_BYTES.test(secret.slice(SESSION_TOKEN_PREFIX.length));
