import type { Request, Response } from 'express';

/** The browser's session: HTTP-only, never readable by a script. */
export const SESSION_COOKIE = 'alveole_session';
/** Readable by the dashboard's script, which sends it back as the X-CSRF-Token header. */
export const CSRF_COOKIE = 'alveole_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** One cookie of the request, without a parser dependency: `name=value` pairs separated by `;`. */
export const cookieOf = (request: Request, name: string): string | undefined => {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(pair.slice(at + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
};

export interface CookiePolicy {
  /** Behind HTTPS: the cookies are sent over TLS only. */
  secure: boolean;
}

const attributes = (policy: CookiePolicy, maxAgeSeconds: number, httpOnly: boolean, path = '/', sameSite = 'Strict'): string =>
  [`Path=${path}`, `SameSite=${sameSite}`, `Max-Age=${maxAgeSeconds}`, ...(httpOnly ? ['HttpOnly'] : []), ...(policy.secure ? ['Secure'] : [])].join('; ');

/** The session cookie and its CSRF companion, both ending when the session does. */
export const setSessionCookies = (response: Response, policy: CookiePolicy, secret: string, csrfToken: string, expiresAt: string): void => {
  const maxAge = Math.max(0, Math.floor((new Date(expiresAt).getTime() - Date.now()) / 1000));
  response.append('Set-Cookie', `${SESSION_COOKIE}=${secret}; ${attributes(policy, maxAge, true)}`);
  response.append('Set-Cookie', `${CSRF_COOKIE}=${csrfToken}; ${attributes(policy, maxAge, false)}`);
};

export const clearSessionCookies = (response: Response, policy: CookiePolicy): void => {
  response.append('Set-Cookie', `${SESSION_COOKIE}=; ${attributes(policy, 0, true)}`);
  response.append('Set-Cookie', `${CSRF_COOKIE}=; ${attributes(policy, 0, false)}`);
};

/** A browser login through the identity provider, between the redirect and the callback (state, PKCE verifier, nonce). */
export const PENDING_LOGIN_COOKIE = 'alveole_oidc';
const PENDING_LOGIN_PATH = '/api/session/oidc';
const PENDING_LOGIN_SECONDS = 600;

// Lax, not Strict: the callback is a navigation coming back from the provider's site, which Strict would leave bare.
export const setPendingLoginCookie = (response: Response, policy: CookiePolicy, value: string): void => {
  response.append('Set-Cookie', `${PENDING_LOGIN_COOKIE}=${value}; ${attributes(policy, PENDING_LOGIN_SECONDS, true, PENDING_LOGIN_PATH, 'Lax')}`);
};

export const clearPendingLoginCookie = (response: Response, policy: CookiePolicy): void => {
  response.append('Set-Cookie', `${PENDING_LOGIN_COOKIE}=; ${attributes(policy, 0, true, PENDING_LOGIN_PATH, 'Lax')}`);
};
