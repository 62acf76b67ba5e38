import type { TokenScope } from './credentials';

export interface AccountRow {
  accountId: string;
  username: string;
  usernameKey: string;
  passwordHash: string;
  createdAt: string;
  disabledAt?: string;
}

export interface TokenRow {
  tokenId: string;
  accountId: string;
  secretDigest: Buffer;
  scope: TokenScope;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
}

/** A login session: like a token, only its SHA-256 is kept; deleted, not marked, when it ends. */
export interface SessionRow {
  sessionId: string;
  accountId: string;
  secretDigest: Buffer;
  createdAt: string;
  expiresAt: string;
}

/** Where credentials are kept; no rule lives here, the CredentialStore holds them all (written once). */
export interface CredentialRows {
  /** False when the username key is taken. */
  insertAccount(row: AccountRow): Promise<boolean>;
  accountById(accountId: string): Promise<AccountRow | undefined>;
  accountByUsernameKey(usernameKey: string): Promise<AccountRow | undefined>;
  /** Accounts in creation order. */
  accounts(): Promise<AccountRow[]>;
  /** False when no such account. */
  setPasswordHash(accountId: string, passwordHash: string): Promise<boolean>;
  /** Keeps the first date; false when no such account. */
  disable(accountId: string, at: string): Promise<boolean>;
  insertToken(row: TokenRow): Promise<void>;
  tokenByDigest(secretDigest: Buffer): Promise<TokenRow | undefined>;
  /** Tokens in creation order, of one account or all. */
  tokens(accountId?: string): Promise<TokenRow[]>;
  /** Keeps the first date; false when no such token. */
  revokeToken(tokenId: string, at: string): Promise<boolean>;
  insertSession(row: SessionRow): Promise<void>;
  sessionByDigest(secretDigest: Buffer): Promise<SessionRow | undefined>;
  /** False when no such session. */
  deleteSession(sessionId: string): Promise<boolean>;
  /** Ends every session of the account; how many there were. */
  deleteSessionsOf(accountId: string): Promise<number>;
  /** Drops the sessions expired at `at` (they are refused anyway: this keeps the table small); how many. */
  deleteSessionsExpiredAt(at: string): Promise<number>;
  /** Erases the account, its tokens and its sessions, leaving no trace of them; false when no such account. */
  forget(accountId: string): Promise<boolean>;
  close(): Promise<void>;
}
