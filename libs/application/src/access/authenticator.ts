import { API_TOKEN_PREFIX, SESSION_TOKEN_PREFIX, type CredentialStore, type TokenScope } from '../../../identity';
import { ROLES, type Grant, type Identity, type Role } from './identity';

/** What the browser login keeps between the redirect to the provider and its callback (PKCE, state, nonce). */
export interface PendingLogin {
  state: string;
  codeVerifier: string;
  nonce: string;
}

/**
 * The distributed profile's identity provider, as the API uses it (implemented in ./oidc/): a bearer JWT checked
 * against the provider's keys, and the authorization code flow for the browser.
 */
export interface OidcVerifier {
  /** The identity a JWT names, or undefined when it is not one the provider signed, or has expired. */
  verifyBearer(token: string): Promise<Identity | undefined>;
  beginLogin(): Promise<{ url: string; pending: PendingLogin }>;
  completeLogin(callbackUrl: URL, pending: PendingLogin): Promise<CompletedLogin>;
}

/** A browser login the provider completed: the access token is the browser's session, valid as long as it is. */
export interface CompletedLogin {
  identity: Identity;
  expiresAt: Date;
  accessToken: string;
}

/** How a request proved who it is; a session's id is what logout deletes. */
export type Authentication =
  | { ok: true; identity: Identity; via: 'session'; sessionId: string; expiresAt: string }
  | { ok: true; identity: Identity; via: 'apiToken'; tokenId: string }
  | { ok: true; identity: Identity; via: 'oidc' }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'disabled' };

export interface AuthenticatorOptions {
  credentials: CredentialStore;
  /** The grants the account holds today, from the log (the access read model's grantsOf). */
  grantsOf: (accountId: string) => Promise<readonly Grant[]>;
  oidc?: OidcVerifier;
}

const NETWORK_ROLES: readonly Role[] = ['network_admin', 'network_auditor'];

/** Whether a scope's role names CAEs: the network roles reach every CAE and take none. */
export const scopeNamesCaes = (role: Role): boolean => !NETWORK_ROLES.includes(role);

export const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);

/**
 * An API token's grants: what its account holds today, within the token's role and CAEs. An admin's token
 * scoped to cae_staff of a CAE acts as that CAE's staff; a scope the account no longer holds grants nothing.
 */
export const narrowToScope = (grants: readonly Grant[], scope: TokenScope): Grant[] => {
  if (!isRole(scope.role)) return [];
  const admin = grants.some((grant) => grant.role === 'network_admin');
  switch (scope.role) {
    case 'network_admin':
      return admin ? [{ role: 'network_admin' }] : [];
    case 'network_auditor':
      return admin || grants.some((grant) => grant.role === 'network_auditor') ? [{ role: 'network_auditor' }] : [];
    case 'cae_staff':
      return scope.caes.filter((caeId) => admin || grants.some((grant) => grant.role === 'cae_staff' && grant.caeId === caeId)).map((caeId) => ({ role: 'cae_staff', caeId }));
    case 'entrepreneur':
      return grants.filter((grant) => grant.role === 'entrepreneur' && scope.caes.includes(grant.caeId));
  }
};

/**
 * Turns a bearer secret into an identity: a login session (`alvs_…`), an API token (`alv_…`) or, when a provider is
 * configured, a JWT. Grants are read on every request, so a revocation or an exit counts from the day it takes effect.
 */
export class Authenticator {
  constructor(private readonly options: AuthenticatorOptions) {}

  async authenticate(secret: string): Promise<Authentication> {
    const { credentials, grantsOf, oidc } = this.options;
    if (secret.startsWith(SESSION_TOKEN_PREFIX)) {
      const check = await credentials.verifySession(secret);
      if (!check.ok) return check;
      const { account, session } = check;
      const identity = { accountId: account.accountId, username: account.username, grants: await grantsOf(account.accountId) };
      return { ok: true, identity, via: 'session', sessionId: session.sessionId, expiresAt: session.expiresAt };
    }
    if (secret.startsWith(API_TOKEN_PREFIX)) {
      const check = await credentials.verifyToken(secret);
      if (!check.ok) return check;
      const { account, token } = check;
      const identity = { accountId: account.accountId, username: account.username, grants: narrowToScope(await grantsOf(account.accountId), token.scope) };
      return { ok: true, identity, via: 'apiToken', tokenId: token.tokenId };
    }
    // A provider that fails (unreachable, a malformed token) answers as for a token it did not sign.
    const identity = oidc && (await oidc.verifyBearer(secret).catch(() => undefined));
    return identity ? { ok: true, identity, via: 'oidc' } : { ok: false, reason: 'unknown' };
  }
}

/** The roles an identity holds, once each, in ROLES' order: what a login answers as `user.roles`. */
export const rolesOf = (identity: Identity): Role[] => ROLES.filter((role) => identity.grants.some((grant) => grant.role === role));
