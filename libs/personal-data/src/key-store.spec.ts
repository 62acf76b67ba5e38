import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryKeyStore } from './in-memory-key-store';
import { KEY_BYTES, type KeyStore } from './key-store';
import { SqliteKeyStore } from './sqlite-key-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'alveole-keys-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const adapters: [string, () => KeyStore][] = [
  ['InMemoryKeyStore', () => new InMemoryKeyStore()],
  ['SqliteKeyStore', () => new SqliteKeyStore(join(dir, 'keys.db'))],
];

describe.each(adapters)('KeyStore contract: %s', (_name, create) => {
  let store: KeyStore;
  beforeEach(() => {
    store = create();
  });
  afterEach(() => store.close());

  it('creates a 32-byte key on first use and returns the same one after', async () => {
    const first = await store.keyFor('coodyssee', 'e-001');
    expect(first.key).toHaveLength(KEY_BYTES);
    expect(first.keyId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const again = await store.keyFor('coodyssee', 'e-001');
    expect(again.keyId).toBe(first.keyId);
    expect(again.key.equals(first.key)).toBe(true);
    expect((await store.keyById(first.keyId))?.equals(first.key)).toBe(true);
  });

  it('gives different people different keys, also across CAEs', async () => {
    const a = await store.keyFor('coodyssee', 'e-001');
    const b = await store.keyFor('coodyssee', 'e-002');
    const c = await store.keyFor('other-cae', 'e-001');
    expect(new Set([a.keyId, b.keyId, c.keyId]).size).toBe(3);
    expect(a.key.equals(b.key) || a.key.equals(c.key) || b.key.equals(c.key)).toBe(false);
  });

  it('does not confuse ids that concatenate alike', async () => {
    const a = await store.keyFor('a-b', 'c');
    const b = await store.keyFor('a', 'b-c');
    expect(a.keyId).not.toBe(b.keyId);
  });

  it('answers undefined for a key it never issued and false for a person never seen', async () => {
    expect(await store.keyById('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(await store.isForgotten('coodyssee', 'nobody')).toBe(false);
  });

  it('destroys every key of the person and only theirs', async () => {
    const forgotten = await store.keyFor('coodyssee', 'e-001');
    const kept = await store.keyFor('coodyssee', 'e-002');
    expect(await store.isForgotten('coodyssee', 'e-001')).toBe(false);
    expect(await store.destroy('coodyssee', 'e-001')).toEqual({ destroyed: 1 });
    expect(await store.keyById(forgotten.keyId)).toBeUndefined();
    expect(await store.isForgotten('coodyssee', 'e-001')).toBe(true);
    expect((await store.keyById(kept.keyId))?.equals(kept.key)).toBe(true);
    expect(await store.isForgotten('coodyssee', 'e-002')).toBe(false);
  });

  it('destroys idempotently', async () => {
    await store.keyFor('coodyssee', 'e-001');
    expect(await store.destroy('coodyssee', 'e-001')).toEqual({ destroyed: 1 });
    expect(await store.destroy('coodyssee', 'e-001')).toEqual({ destroyed: 0 });
    expect(await store.destroy('coodyssee', 'never-seen')).toEqual({ destroyed: 0 });
    expect(await store.isForgotten('coodyssee', 'e-001')).toBe(true);
  });

  it('issues a new key to a person seen again after being forgotten, and destroys it too', async () => {
    const old = await store.keyFor('coodyssee', 'e-001');
    await store.destroy('coodyssee', 'e-001');
    const fresh = await store.keyFor('coodyssee', 'e-001');
    expect(fresh.keyId).not.toBe(old.keyId);
    expect(fresh.key.equals(old.key)).toBe(false);
    expect(await store.keyById(old.keyId)).toBeUndefined();
    expect(await store.isForgotten('coodyssee', 'e-001')).toBe(false);
    expect(await store.destroy('coodyssee', 'e-001')).toEqual({ destroyed: 1 });
    expect(await store.keyById(fresh.keyId)).toBeUndefined();
  });

  it('hands out keys that callers may alter without altering the store', async () => {
    const { keyId, key } = await store.keyFor('coodyssee', 'e-001');
    const copy = Buffer.from(key);
    key.fill(0);
    expect((await store.keyById(keyId))?.equals(copy)).toBe(true);
  });
});

describe('SqliteKeyStore on disk', () => {
  const file = () => join(dir, 'keys.db');
  /** Every byte SQLite may have left on disk for this database. */
  const rawBytes = (): Buffer => Buffer.concat([file(), `${file()}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));

  it('keeps keys and tombstones across a reopen', async () => {
    const first = new SqliteKeyStore(file());
    const kept = await first.keyFor('coodyssee', 'e-001');
    const gone = await first.keyFor('coodyssee', 'e-002');
    await first.destroy('coodyssee', 'e-002');
    await first.close();

    const second = new SqliteKeyStore(file());
    expect(await second.keyFor('coodyssee', 'e-001')).toEqual(kept);
    expect((await second.keyById(kept.keyId))?.equals(kept.key)).toBe(true);
    expect(await second.keyById(gone.keyId)).toBeUndefined();
    expect(await second.isForgotten('coodyssee', 'e-002')).toBe(true);
    await second.close();
  });

  it('creates the directory of its file', async () => {
    const store = new SqliteKeyStore(join(dir, 'nested', 'data', 'keys.db'));
    await store.keyFor('coodyssee', 'e-001');
    await store.close();
    expect(existsSync(join(dir, 'nested', 'data', 'keys.db'))).toBe(true);
  });

  it('leaves no trace of destroyed keys in the database files', async () => {
    // Enough people to fill several pages: with a single row SQLite happens to overwrite the key even without secure_delete.
    const people = Array.from({ length: 60 }, (_, i) => `e-${String(i).padStart(3, '0')}`);
    const setup = new SqliteKeyStore(file());
    const keys = await Promise.all(people.map((p) => setup.keyFor('coodyssee', p).then(({ key }) => key)));
    await setup.close();
    // The search must be able to see a key at all, or the final assertions would prove nothing.
    const before = rawBytes();
    expect(keys.every((key) => before.includes(key))).toBe(true);

    const forgotten = keys.filter((_, i) => i % 2 === 0);
    const kept = keys.filter((_, i) => i % 2 === 1);
    const store = new SqliteKeyStore(file());
    for (const p of people.filter((_, i) => i % 2 === 0)) await store.destroy('coodyssee', p);
    // Already gone while the store is open (WAL checkpointed and emptied), not only after close.
    const whileOpen = rawBytes();
    expect(forgotten.filter((key) => whileOpen.includes(key))).toHaveLength(0);
    await store.close();

    const bytes = rawBytes();
    expect(forgotten.filter((key) => bytes.includes(key))).toHaveLength(0);
    expect(kept.every((key) => bytes.includes(key))).toBe(true);
  });
});
