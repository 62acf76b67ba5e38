import { createHash, randomBytes } from 'node:crypto';

/** Recognisable in a leaked config file or a secret scanner's rules. */
export const API_TOKEN_PREFIX = 'alv_';
const SECRET_BYTES = 32;
const BASE64URL_OF_32_BYTES = /^[A-Za-z0-9_-]{43}$/;

/** A fresh token as shown once to its owner: the prefix and 32 random bytes in base64url. */
export const newApiTokenSecret = (): string => API_TOKEN_PREFIX + randomBytes(SECRET_BYTES).toString('base64url');

/** What the store keeps instead of the secret: a random 256-bit secret needs no salt nor slow hash. */
export const apiTokenDigest = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();

export const looksLikeApiToken = (secret: string): boolean =>
  secret.startsWith(API_TOKEN_PREFIX) && BASE64URL_OF_32_BYTES.test(secret.slice(API_TOKEN_PREFIX.length));
