import { CredentialStore } from './credential-store';
import { InMemoryCredentialRows } from './in-memory-credential-rows';
import type { PasswordHasher } from './password-hasher';

/** A transparent stand-in for argon2, so the test sees which hash each verification ran against. */
class SpyHasher implements PasswordHasher {
  readonly verified: string[] = [];
  stale = new Set<string>();
  private count = 0;

  async hash(password: string): Promise<string> {
    this.count += 1;
    return `hash-${this.count}:${password}`;
  }

  async verify(hash: string, password: string): Promise<boolean> {
    this.verified.push(hash);
    return hash.slice(hash.indexOf(':') + 1) === password;
  }

  needsRehash(hash: string): boolean {
    return this.stale.has(hash);
  }
}

describe('CredentialStore logic', () => {
  let hasher: SpyHasher;
  let rows: InMemoryCredentialRows;
  let store: CredentialStore;
  beforeEach(() => {
    hasher = new SpyHasher();
    rows = new InMemoryCredentialRows();
    store = new CredentialStore(rows, { hasher });
  });

  it('runs exactly one verification, against the dummy hash, for an unknown username', async () => {
    await store.createAccount('zoé', 'pw');
    expect(await store.verifyPassword('nobody', 'pw')).toEqual({ ok: false, reason: 'invalid' });
    expect(hasher.verified).toHaveLength(1);
    expect(hasher.verified[0]).toMatch(/^hash-1:/);
    expect((await rows.accounts()).map((row) => row.passwordHash)).not.toContain(hasher.verified[0]);
  });

  it('makes the dummy hash once, at construction, so no login pays an extra hash', async () => {
    await store.verifyPassword('nobody', 'a');
    await store.verifyPassword('nobody either', 'b');
    expect(new Set(hasher.verified).size).toBe(1);
    const account = await store.createAccount('zoé', 'pw');
    expect((await rows.accountById(account.accountId))?.passwordHash).toBe('hash-2:pw');
  });

  it('runs exactly one verification, against the account hash, for a known username', async () => {
    const account = await store.createAccount('zoé', 'pw');
    const stored = (await rows.accountById(account.accountId))?.passwordHash;
    expect(await store.verifyPassword('zoé', 'wrong')).toEqual({ ok: false, reason: 'invalid' });
    expect(await store.verifyPassword('zoé', 'pw')).toMatchObject({ ok: true });
    expect(hasher.verified).toEqual([stored, stored]);
  });

  it('still verifies the password of a disabled account, and says disabled only when it is right', async () => {
    const account = await store.createAccount('zoé', 'pw');
    await store.disable(account.accountId);
    expect(await store.verifyPassword('zoé', 'wrong')).toEqual({ ok: false, reason: 'invalid' });
    expect(await store.verifyPassword('zoé', 'pw')).toEqual({ ok: false, reason: 'disabled' });
    expect(hasher.verified).toHaveLength(2);
  });

  it('re-hashes a password made with older parameters on a successful login only', async () => {
    const account = await store.createAccount('zoé', 'pw');
    const old = (await rows.accountById(account.accountId))!.passwordHash;
    hasher.stale.add(old);
    await store.verifyPassword('zoé', 'wrong');
    expect((await rows.accountById(account.accountId))?.passwordHash).toBe(old);
    await store.verifyPassword('zoé', 'pw');
    const renewed = (await rows.accountById(account.accountId))?.passwordHash;
    expect(renewed).not.toBe(old);
    expect(await store.verifyPassword('zoé', 'pw')).toMatchObject({ ok: true });
    expect(hasher.verified.at(-1)).toBe(renewed);
  });
});
