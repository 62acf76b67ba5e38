/** A local account as the rest of the app sees it: never its password hash. */
export interface Account {
  /** Opaque UUID: the only name of the account the event log ever holds. */
  accountId: string;
  username: string;
  createdAt: string;
  disabledAt?: string;
}

/** What a token may do; opaque to this store, the access policy reads it. */
export interface TokenScope {
  role: string;
  caes: readonly string[];
}

/** A long-lived API token as listed: never its secret nor the secret's digest. */
export interface ApiToken {
  tokenId: string;
  accountId: string;
  scope: TokenScope;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
}

/** A login session as the app sees it: never its secret nor the secret's digest. */
export interface Session {
  sessionId: string;
  accountId: string;
  createdAt: string;
  expiresAt: string;
}

export type SessionCheck = { ok: true; session: Session; account: Account } | { ok: false; reason: 'unknown' | 'expired' | 'disabled' };

/** An unknown username and a wrong password are one reason, so that no caller can tell them apart. */
export type PasswordCheck = { ok: true; account: Account } | { ok: false; reason: 'invalid' | 'disabled' };

export type TokenCheck =
  | { ok: true; token: ApiToken; account: Account }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'disabled' };

export class UsernameTakenError extends Error {
  constructor(readonly username: string) {
    super(`The username "${username}" is taken`);
    this.name = 'UsernameTakenError';
  }
}

export class UnknownAccountError extends Error {
  constructor(readonly accountId: string) {
    super(`No account ${accountId}`);
    this.name = 'UnknownAccountError';
  }
}

export class InvalidCredentialInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCredentialInputError';
  }
}

/** Usernames compare without case and Unicode look-alike forms: "Zoé", "ZOÉ" and "zoé" are one account. */
export const usernameKey = (username: string): string => username.normalize('NFKC').toLowerCase();
