import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_TOKEN_PREFIX, apiTokenDigest } from './api-token-secret';
import { credentialStoreContract } from './testing/credential-store.contract';
import { openCredentialStore } from './open-credential-store';
import { SqliteCredentialRows } from './sqlite-credential-rows';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'alveole-credentials-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

credentialStoreContract('SqliteCredentialRows', () => new SqliteCredentialRows(join(dir, 'credentials.db')));

/** Everything SQLite holds on disk for the store: the database and its write-ahead log. */
const bytesOnDisk = (): Buffer =>
  Buffer.concat(['credentials.db', 'credentials.db-wal'].map((file) => join(dir, file)).filter(existsSync).map((file) => readFileSync(file)));

const SCOPE = { role: 'cae_staff', caes: ['coodyssee'] };

describe('SqliteCredentialRows on disk', () => {
  it('keeps accounts and tokens across a reopen of DATA_DIR/credentials.db', async () => {
    const first = openCredentialStore(dir);
    const account = await first.createAccount('zoé', 'pw');
    const { secret } = await first.issueToken(account.accountId, SCOPE, '2099-01-01T00:00:00.000Z');
    await first.close();
    expect(existsSync(join(dir, 'credentials.db'))).toBe(true);
    const second = openCredentialStore(dir);
    expect(await second.verifyPassword('ZOÉ', 'pw')).toEqual({ ok: true, account });
    expect(await second.verifyToken(secret)).toMatchObject({ ok: true, account });
    await second.close();
  });

  it('stores a token as its SHA-256 only: the secret is in no byte of the file or the WAL', async () => {
    const store = openCredentialStore(dir);
    const account = await store.createAccount('importer', 'pw');
    const { secret } = await store.issueToken(account.accountId, SCOPE, '2099-01-01T00:00:00.000Z');
    const checkBytes = () => {
      const bytes = bytesOnDisk();
      expect(bytes.includes(apiTokenDigest(secret))).toBe(true);
      expect(bytes.includes(secret)).toBe(false);
      expect(bytes.includes(secret.slice(API_TOKEN_PREFIX.length))).toBe(false);
      expect(bytes.includes(Buffer.from(secret.slice(API_TOKEN_PREFIX.length), 'base64url'))).toBe(false);
    };
    checkBytes();
    await store.close();
    checkBytes();
  });

  it('stores a session as its SHA-256 only, and keeps it across a reopen', async () => {
    const first = openCredentialStore(dir);
    const account = await first.createAccount('zoé', 'pw');
    const { secret } = await first.openSession(account.accountId);
    expect(bytesOnDisk().includes(apiTokenDigest(secret))).toBe(true);
    expect(bytesOnDisk().includes(secret.slice('alvs_'.length))).toBe(false);
    await first.close();
    const second = openCredentialStore(dir);
    expect(await second.verifySession(secret)).toMatchObject({ ok: true, account });
    await second.close();
  });

  it('stores an argon2id hash, not the password', async () => {
    const store = openCredentialStore(dir);
    await store.createAccount('zoé', 'a distinctive passphrase');
    const bytes = bytesOnDisk();
    expect(bytes.includes('$argon2id$v=19$m=19456,p=1,t=2$')).toBe(true);
    expect(bytes.includes('a distinctive passphrase')).toBe(false);
    await store.close();
  });

  it('overwrites a forgotten account on disk: no byte of its username, hash or tokens is left', async () => {
    const store = openCredentialStore(dir);
    const forgotten = await store.createAccount('zoé.forgettable', 'pw');
    await store.createAccount('paul.kept', 'pw');
    const { secret } = await store.issueToken(forgotten.accountId, SCOPE, '2099-01-01T00:00:00.000Z');
    const digest = apiTokenDigest(secret);
    expect(bytesOnDisk().includes('zoé.forgettable')).toBe(true);
    expect(bytesOnDisk().includes(digest)).toBe(true);
    await store.forget(forgotten.accountId);
    const bytes = bytesOnDisk();
    expect(bytes.includes('paul.kept')).toBe(true);
    expect(bytes.includes('zoé.forgettable')).toBe(false);
    expect(bytes.includes(forgotten.accountId)).toBe(false);
    expect(bytes.includes(digest)).toBe(false);
    await store.close();
  });
});
