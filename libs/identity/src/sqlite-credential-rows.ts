import type Database from 'better-sqlite3';
import { openSecureSqlite } from '../../personal-data';
import type { AccountRow, CredentialRows, SessionRow, TokenRow } from './credential-rows';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS accounts (
    account_id    TEXT PRIMARY KEY,
    username      TEXT NOT NULL,
    username_key  TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    disabled_at   TEXT
  );
  CREATE TABLE IF NOT EXISTS api_tokens (
    token_id      TEXT PRIMARY KEY,
    account_id    TEXT NOT NULL REFERENCES accounts (account_id) ON DELETE CASCADE,
    secret_sha256 BLOB NOT NULL UNIQUE,
    scope         TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    expires_at    TEXT NOT NULL,
    revoked_at    TEXT
  );
  CREATE INDEX IF NOT EXISTS api_tokens_account ON api_tokens (account_id);
  CREATE TABLE IF NOT EXISTS sessions (
    session_id    TEXT PRIMARY KEY,
    account_id    TEXT NOT NULL REFERENCES accounts (account_id) ON DELETE CASCADE,
    secret_sha256 BLOB NOT NULL UNIQUE,
    created_at    TEXT NOT NULL,
    expires_at    TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS sessions_account ON sessions (account_id);
`;

interface AccountRecord {
  accountId: string;
  username: string;
  usernameKey: string;
  passwordHash: string;
  createdAt: string;
  disabledAt: string | null;
}

interface TokenRecord {
  tokenId: string;
  accountId: string;
  secretDigest: Buffer;
  scope: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

const SESSION = `SELECT session_id AS sessionId, account_id AS accountId, secret_sha256 AS secretDigest,
  created_at AS createdAt, expires_at AS expiresAt FROM sessions`;
const ACCOUNT = `SELECT account_id AS accountId, username, username_key AS usernameKey, password_hash AS passwordHash,
  created_at AS createdAt, disabled_at AS disabledAt FROM accounts`;
const TOKEN = `SELECT token_id AS tokenId, account_id AS accountId, secret_sha256 AS secretDigest, scope,
  created_at AS createdAt, expires_at AS expiresAt, revoked_at AS revokedAt FROM api_tokens`;

const accountOf = ({ disabledAt, ...row }: AccountRecord): AccountRow => (disabledAt === null ? row : { ...row, disabledAt });
const tokenOf = ({ scope, revokedAt, ...row }: TokenRecord): TokenRow => ({
  ...row,
  scope: JSON.parse(scope) as TokenRow['scope'],
  ...(revokedAt === null ? {} : { revokedAt }),
});

/**
 * Credentials in their own SQLite file (DATA_DIR/credentials.db, beside keys.db), never the event log's: a copy
 * of the log reveals no hash, and an erased account is overwritten on disk rather than merely unlinked.
 */
export class SqliteCredentialRows implements CredentialRows {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(file: string) {
    this.db = openSecureSqlite(file);
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    this.statements = {
      insertAccount: this.db.prepare<[string, string, string, string, string]>(
        `INSERT INTO accounts (account_id, username, username_key, password_hash, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (username_key) DO NOTHING`,
      ),
      accountById: this.db.prepare<[string], AccountRecord>(`${ACCOUNT} WHERE account_id = ?`),
      accountByUsernameKey: this.db.prepare<[string], AccountRecord>(`${ACCOUNT} WHERE username_key = ?`),
      accounts: this.db.prepare<[], AccountRecord>(`${ACCOUNT} ORDER BY rowid`),
      setPasswordHash: this.db.prepare<[string, string]>('UPDATE accounts SET password_hash = ? WHERE account_id = ?'),
      disable: this.db.prepare<[string, string]>(
        'UPDATE accounts SET disabled_at = coalesce(disabled_at, ?) WHERE account_id = ?',
      ),
      insertToken: this.db.prepare<[string, string, Buffer, string, string, string]>(
        `INSERT INTO api_tokens (token_id, account_id, secret_sha256, scope, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      tokenByDigest: this.db.prepare<[Buffer], TokenRecord>(`${TOKEN} WHERE secret_sha256 = ?`),
      tokens: this.db.prepare<[], TokenRecord>(`${TOKEN} ORDER BY rowid`),
      tokensOf: this.db.prepare<[string], TokenRecord>(`${TOKEN} WHERE account_id = ? ORDER BY rowid`),
      revokeToken: this.db.prepare<[string, string]>(
        'UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE token_id = ?',
      ),
      insertSession: this.db.prepare<[string, string, Buffer, string, string]>(
        'INSERT INTO sessions (session_id, account_id, secret_sha256, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      ),
      sessionByDigest: this.db.prepare<[Buffer], SessionRow>(`${SESSION} WHERE secret_sha256 = ?`),
      deleteSession: this.db.prepare<[string]>('DELETE FROM sessions WHERE session_id = ?'),
      deleteSessionsOf: this.db.prepare<[string]>('DELETE FROM sessions WHERE account_id = ?'),
      deleteSessionsExpiredAt: this.db.prepare<[string]>('DELETE FROM sessions WHERE expires_at <= ?'),
      forget: this.db.prepare<[string]>('DELETE FROM accounts WHERE account_id = ?'),
    };
  }

  async insertAccount(row: AccountRow): Promise<boolean> {
    const { accountId, username, usernameKey, passwordHash, createdAt } = row;
    return this.statements.insertAccount.run(accountId, username, usernameKey, passwordHash, createdAt).changes === 1;
  }

  async accountById(accountId: string): Promise<AccountRow | undefined> {
    const record = this.statements.accountById.get(accountId);
    return record && accountOf(record);
  }

  async accountByUsernameKey(usernameKey: string): Promise<AccountRow | undefined> {
    const record = this.statements.accountByUsernameKey.get(usernameKey);
    return record && accountOf(record);
  }

  async accounts(): Promise<AccountRow[]> {
    return this.statements.accounts.all().map(accountOf);
  }

  async setPasswordHash(accountId: string, passwordHash: string): Promise<boolean> {
    return this.statements.setPasswordHash.run(passwordHash, accountId).changes === 1;
  }

  async disable(accountId: string, at: string): Promise<boolean> {
    return this.statements.disable.run(at, accountId).changes === 1;
  }

  async insertToken(row: TokenRow): Promise<void> {
    const { tokenId, accountId, secretDigest, scope, createdAt, expiresAt } = row;
    this.statements.insertToken.run(tokenId, accountId, secretDigest, JSON.stringify(scope), createdAt, expiresAt);
  }

  async tokenByDigest(secretDigest: Buffer): Promise<TokenRow | undefined> {
    const record = this.statements.tokenByDigest.get(secretDigest);
    return record && tokenOf(record);
  }

  async tokens(accountId?: string): Promise<TokenRow[]> {
    const records = accountId === undefined ? this.statements.tokens.all() : this.statements.tokensOf.all(accountId);
    return records.map(tokenOf);
  }

  async revokeToken(tokenId: string, at: string): Promise<boolean> {
    return this.statements.revokeToken.run(at, tokenId).changes === 1;
  }

  async insertSession(row: SessionRow): Promise<void> {
    const { sessionId, accountId, secretDigest, createdAt, expiresAt } = row;
    this.statements.insertSession.run(sessionId, accountId, secretDigest, createdAt, expiresAt);
  }

  async sessionByDigest(secretDigest: Buffer): Promise<SessionRow | undefined> {
    return this.statements.sessionByDigest.get(secretDigest);
  }

  async deleteSession(sessionId: string): Promise<boolean> {
    return this.statements.deleteSession.run(sessionId).changes === 1;
  }

  async deleteSessionsOf(accountId: string): Promise<number> {
    return this.statements.deleteSessionsOf.run(accountId).changes;
  }

  async deleteSessionsExpiredAt(at: string): Promise<number> {
    return this.statements.deleteSessionsExpiredAt.run(at).changes;
  }

  async forget(accountId: string): Promise<boolean> {
    // The tokens and sessions go with the account (ON DELETE CASCADE).
    const { changes } = this.statements.forget.run(accountId);
    // The WAL still holds the old page images with the username and hash: copy the erased pages back, empty it.
    if (changes > 0) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return changes > 0;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
