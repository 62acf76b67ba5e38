import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The CSRF token of a session, derived from its secret: a page of another site can neither read the cookie nor
 * compute the token, and a token planted in a cookie by a sibling domain matches no session.
 */
export const csrfTokenOf = (sessionSecret: string): string => createHash('sha256').update(`alveole-csrf\0${sessionSecret}`, 'utf8').digest('base64url');

export const csrfTokenMatches = (sessionSecret: string, sent: string | undefined): boolean => {
  if (sent === undefined) return false;
  const expected = Buffer.from(csrfTokenOf(sessionSecret));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
};

/** The methods that change nothing, and need no CSRF token. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
