import { randomBytes, randomUUID } from 'node:crypto';
import { apiTokenDigest, looksLikeApiToken, newApiTokenSecret } from './api-token-secret';
import type { AccountRow, CredentialRows, SessionRow, TokenRow } from './credential-rows';
import {
  type Account,
  type ApiToken,
  InvalidCredentialInputError,
  type PasswordCheck,
  type Session,
  type SessionCheck,
  type TokenCheck,
  type TokenScope,
  UnknownAccountError,
  usernameKey,
  UsernameTakenError,
} from './credentials';
import { Argon2idHasher, type PasswordHasher } from './password-hasher';
import { looksLikeSessionSecret, newSessionSecret } from './session-secret';

/** A working day: a session opened in the morning ends in the evening. */
export const DEFAULT_SESSION_TTL_MS = 8 * 60 * 60 * 1000;

export interface CredentialStoreOptions {
  hasher?: PasswordHasher;
  now?: () => Date;
  /** How long a login session lasts; DEFAULT_SESSION_TTL_MS unless said. */
  sessionTtlMs?: number;
}

const accountOf = ({ accountId, username, createdAt, disabledAt }: AccountRow): Account =>
  disabledAt === undefined ? { accountId, username, createdAt } : { accountId, username, createdAt, disabledAt };

const tokenOf = ({ secretDigest: _secret, ...token }: TokenRow): ApiToken => token;

const sessionOf = ({ secretDigest: _secret, ...session }: SessionRow): Session => session;

/**
 * Password hashes and token digests, beside the key store and never in the event log: the log names an account
 * by its accountId only, so forgetting the account here leaves the log intact and anonymous.
 */
export class CredentialStore {
  private readonly hasher: PasswordHasher;
  private readonly now: () => Date;
  private readonly dummyHash: Promise<string>;
  private readonly sessionTtlMs: number;

  constructor(
    private readonly rows: CredentialRows,
    options: CredentialStoreOptions = {},
  ) {
    this.hasher = options.hasher ?? new Argon2idHasher();
    this.now = options.now ?? (() => new Date());
    this.sessionTtlMs = options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
    if (!(this.sessionTtlMs > 0)) throw new InvalidCredentialInputError(`A session lasts a positive number of milliseconds, not ${this.sessionTtlMs}`);
    // Hashed with today's parameters, so verifying against it costs what a real account costs; made now, so the
    // first unknown username does not pay one extra hash.
    this.dummyHash = this.hasher.hash(randomBytes(32).toString('base64url'));
    this.dummyHash.catch(() => undefined);
  }

  async createAccount(username: string, password: string): Promise<Account> {
    if (username.trim() === '' || username !== username.trim()) {
      throw new InvalidCredentialInputError('A username is not empty and has no surrounding spaces');
    }
    const row: AccountRow = {
      accountId: randomUUID(),
      username,
      usernameKey: usernameKey(username),
      passwordHash: await this.hash(password),
      createdAt: this.now().toISOString(),
    };
    if (!(await this.rows.insertAccount(row))) throw new UsernameTakenError(username);
    return accountOf(row);
  }

  async setPassword(accountId: string, password: string): Promise<void> {
    if (!(await this.rows.setPasswordHash(accountId, await this.hash(password)))) throw new UnknownAccountError(accountId);
  }

  /** Costs one argon2 verification whether or not the username exists, so timing does not reveal which do. */
  async verifyPassword(username: string, password: string): Promise<PasswordCheck> {
    const row = await this.rows.accountByUsernameKey(usernameKey(username));
    const matches = await this.hasher.verify(row?.passwordHash ?? (await this.dummyHash), password);
    if (!row || !matches) return { ok: false, reason: 'invalid' };
    if (row.disabledAt !== undefined) return { ok: false, reason: 'disabled' };
    if (this.hasher.needsRehash(row.passwordHash)) await this.rows.setPasswordHash(row.accountId, await this.hasher.hash(password));
    return { ok: true, account: accountOf(row) };
  }

  /** A disabled account's sessions end with it: nothing it opened keeps working. */
  async disable(accountId: string): Promise<void> {
    if (!(await this.rows.disable(accountId, this.now().toISOString()))) throw new UnknownAccountError(accountId);
    await this.rows.deleteSessionsOf(accountId);
  }

  async findById(accountId: string): Promise<Account | undefined> {
    const row = await this.rows.accountById(accountId);
    return row && accountOf(row);
  }

  async findByUsername(username: string): Promise<Account | undefined> {
    const row = await this.rows.accountByUsernameKey(usernameKey(username));
    return row && accountOf(row);
  }

  async listAccounts(): Promise<Account[]> {
    return (await this.rows.accounts()).map(accountOf);
  }

  /** The secret is in the answer and nowhere else: the store keeps its SHA-256 only. */
  async issueToken(accountId: string, scope: TokenScope, expiresAt: string): Promise<{ token: ApiToken; secret: string }> {
    const account = await this.rows.accountById(accountId);
    if (!account) throw new UnknownAccountError(accountId);
    if (account.disabledAt !== undefined) throw new InvalidCredentialInputError(`Account ${accountId} is disabled`);
    const expiry = new Date(expiresAt);
    if (Number.isNaN(expiry.getTime()) || expiry <= this.now()) {
      throw new InvalidCredentialInputError(`A token expires at a future date, not "${expiresAt}"`);
    }
    const secret = newApiTokenSecret();
    const row: TokenRow = {
      tokenId: randomUUID(),
      accountId,
      secretDigest: apiTokenDigest(secret),
      scope: { role: scope.role, caes: [...scope.caes] },
      createdAt: this.now().toISOString(),
      expiresAt: expiry.toISOString(),
    };
    await this.rows.insertToken(row);
    return { token: tokenOf(row), secret };
  }

  /** Looked up by digest: an attacker timing the lookup learns about a SHA-256, not about the secret. */
  async verifyToken(secret: string): Promise<TokenCheck> {
    const row = looksLikeApiToken(secret) ? await this.rows.tokenByDigest(apiTokenDigest(secret)) : undefined;
    const account = row && (await this.rows.accountById(row.accountId));
    if (!row || !account) return { ok: false, reason: 'unknown' };
    if (row.revokedAt !== undefined) return { ok: false, reason: 'revoked' };
    if (new Date(row.expiresAt) <= this.now()) return { ok: false, reason: 'expired' };
    if (account.disabledAt !== undefined) return { ok: false, reason: 'disabled' };
    return { ok: true, token: tokenOf(row), account: accountOf(account) };
  }

  async revokeToken(tokenId: string): Promise<boolean> {
    return this.rows.revokeToken(tokenId, this.now().toISOString());
  }

  async listTokens(accountId?: string): Promise<ApiToken[]> {
    return (await this.rows.tokens(accountId)).map(tokenOf);
  }

  /** After a successful password check: the secret is in the answer only, the store keeps its SHA-256. */
  async openSession(accountId: string): Promise<{ session: Session; secret: string }> {
    const account = await this.rows.accountById(accountId);
    if (!account) throw new UnknownAccountError(accountId);
    if (account.disabledAt !== undefined) throw new InvalidCredentialInputError(`Account ${accountId} is disabled`);
    const now = this.now();
    // Opening a session is when the expired ones are swept: no timer, and the table stays small.
    await this.rows.deleteSessionsExpiredAt(now.toISOString());
    const secret = newSessionSecret();
    const row: SessionRow = {
      sessionId: randomUUID(),
      accountId,
      secretDigest: apiTokenDigest(secret),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.sessionTtlMs).toISOString(),
    };
    await this.rows.insertSession(row);
    return { session: sessionOf(row), secret };
  }

  async verifySession(secret: string): Promise<SessionCheck> {
    const row = looksLikeSessionSecret(secret) ? await this.rows.sessionByDigest(apiTokenDigest(secret)) : undefined;
    const account = row && (await this.rows.accountById(row.accountId));
    if (!row || !account) return { ok: false, reason: 'unknown' };
    if (new Date(row.expiresAt) <= this.now()) {
      await this.rows.deleteSession(row.sessionId);
      return { ok: false, reason: 'expired' };
    }
    if (account.disabledAt !== undefined) return { ok: false, reason: 'disabled' };
    return { ok: true, session: sessionOf(row), account: accountOf(account) };
  }

  /** Logout: the session is deleted, so its secret is worthless even if the cookie survives; false when unknown. */
  async endSession(secret: string): Promise<boolean> {
    const row = looksLikeSessionSecret(secret) ? await this.rows.sessionByDigest(apiTokenDigest(secret)) : undefined;
    return row !== undefined && (await this.rows.deleteSession(row.sessionId));
  }

  /** Ends every session of an account (its access changed, an operator asked); how many there were. */
  async endSessionsOf(accountId: string): Promise<number> {
    return this.rows.deleteSessionsOf(accountId);
  }

  /** Erasure: the account, its tokens and its sessions are deleted, not marked. */
  async forget(accountId: string): Promise<boolean> {
    return this.rows.forget(accountId);
  }

  async close(): Promise<void> {
    await this.rows.close();
  }

  private async hash(password: string): Promise<string> {
    if (password === '') throw new InvalidCredentialInputError('A password is not empty');
    return this.hasher.hash(password);
  }
}
