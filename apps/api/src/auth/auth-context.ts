import type { CredentialStore } from '../../../../libs/identity';
import type { Authenticator, OidcVerifier } from '../../../../libs/application/src/access/authenticator';
import type { Grant } from '../../../../libs/application';
import type { CookiePolicy } from './cookies';
import type { LoginThrottle } from './login-throttle';

/** Nest injection token of the AuthContext. */
export const AUTH = Symbol('AUTH');

/** What the guard and the session and token routes share, wired once by createApp. */
export interface AuthContext {
  authenticator: Authenticator;
  credentials: CredentialStore;
  /** The grants an account holds today (from the log). */
  grantsOf: (accountId: string) => Promise<readonly Grant[]>;
  throttle: LoginThrottle;
  cookies: CookiePolicy;
  /** The distributed profile's identity provider, when one is configured: its browser login routes answer. */
  oidc?: OidcVerifier;
}
