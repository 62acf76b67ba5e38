import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore, UnknownGenerationError } from '../../libs/read-store';
import { describeReadStoreContract, manyDocs, remove, upsert } from './read-store.contract';

function temporaryFile(): { path: string; remove: () => Promise<void> } {
  const directory = mkdtempSync(join(tmpdir(), 'alveole-read-store-'));
  return { path: join(directory, 'read-models.sqlite'), remove: async () => rmSync(directory, { recursive: true, force: true }) };
}

describeReadStoreContract('SqliteReadStore', async () => {
  const file = temporaryFile();
  return { store: SqliteReadStore.open(file.path), cleanup: file.remove };
});

describe('SqliteReadStore — on disk', () => {
  let file: ReturnType<typeof temporaryFile>;
  const opened: SqliteReadStore[] = [];
  const open = (): SqliteReadStore => {
    const store = SqliteReadStore.open(file.path);
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    file = temporaryFile();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await file.remove();
  });

  /** Reads the file behind the store's back. */
  function raw<T>(sql: string, ...parameters: unknown[]): T[] {
    const db = new Database(file.path, { readonly: true });
    try {
      return db.prepare(sql).all(...parameters) as T[];
    } finally {
      db.close();
    }
  }

  it('creates the file in WAL mode, the caeId in its own column', async () => {
    const store = open();
    const ref = { projection: 'treasury', generation: await store.startGeneration('treasury', 1) };
    await store.applyBatch(ref, [upsert('a', { caeId: 'cae-a' }, 1), upsert('b', { caeId: 7 }, 2), upsert('c', {}, 3)], 3);

    const db = new Database(file.path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(raw('SELECT id, cae_id FROM documents ORDER BY id')).toEqual([
      { id: 'a', cae_id: 'cae-a' },
      { id: 'b', cae_id: null },
      { id: 'c', cae_id: null },
    ]);
  });

  it('keeps generations, documents, checkpoints and the generation counter across a reopen', async () => {
    const first = open();
    const live = { projection: 'treasury', generation: await first.startGeneration('treasury', 4) };
    await first.applyBatch(live, manyDocs(1_000), 1_000);
    await first.activate(live);
    const abandoned = { projection: 'treasury', generation: await first.startGeneration('treasury', 5) };
    await first.dropGeneration(abandoned);
    const rebuild = { projection: 'treasury', generation: await first.startGeneration('treasury', 5) };
    await first.applyBatch(rebuild, [upsert('a', { v: 5 }, 40)], 40);
    const before = await first.list(live, 'invoices');
    await first.close();

    const reopened = open();

    expect(await reopened.status('treasury')).toEqual({
      projection: 'treasury',
      activeGeneration: 1,
      version: 4,
      rebuildingGeneration: 3,
      rebuildingVersion: 5,
    });
    expect(await reopened.list(live, 'invoices')).toEqual(before);
    expect(await reopened.checkpoint(live)).toBe(1_000);
    expect(await reopened.get(rebuild, 'invoices', 'a')).toEqual({ id: 'a', doc: { v: 5 }, position: 40 });
    expect(await reopened.checkpoint(rebuild)).toBe(40);
    expect(await reopened.startGeneration('treasury', 6)).toBe(4);
  });

  it('opens an in-memory database', async () => {
    const store = SqliteReadStore.open(':memory:');
    opened.push(store);
    const ref = { projection: 'treasury', generation: await store.startGeneration('treasury', 1) };
    await store.applyBatch(ref, [upsert('a', {}, 1)], 1);
    expect(await store.checkpoint(ref)).toBe(1);
  });

  it("lets two stores on one file see each other's writes", async () => {
    const one = open();
    const other = open();

    const first = await one.startGeneration('treasury', 1);
    const second = await other.startGeneration('registers', 1);
    const third = await other.startGeneration('treasury', 2);
    expect([first, second, third]).toEqual([1, 1, 2]);

    const ref = { projection: 'treasury', generation: third };
    await other.applyBatch(ref, [upsert('a', { by: 'other' }, 1), upsert('b', { by: 'other' }, 2)], 2);
    await one.applyBatch(ref, [upsert('a', { by: 'one' }, 3), remove('b', 4)], 4);
    await other.applyBatch(ref, [upsert('a', { by: 'other, replayed' }, 1)], 2);
    await one.activate(ref);

    expect(await other.status('treasury')).toEqual({ projection: 'treasury', activeGeneration: 2, version: 2 });
    expect(await other.list(ref, 'invoices')).toEqual([{ id: 'a', doc: { by: 'one' }, position: 3 }]);
    expect(await other.checkpoint(ref)).toBe(4);
  });

  it("stops another process's rebuild once its generation is superseded", async () => {
    const rebuilder = open();
    const restarter = open();
    const stale = { projection: 'treasury', generation: await rebuilder.startGeneration('treasury', 1) };
    await rebuilder.applyBatch(stale, [upsert('a', {}, 1)], 1);

    const fresh = { projection: 'treasury', generation: await restarter.startGeneration('treasury', 2) };

    await expect(rebuilder.applyBatch(stale, [upsert('b', {}, 2)], 2)).rejects.toBeInstanceOf(UnknownGenerationError);
    expect(raw('SELECT projection, generation, id FROM documents')).toEqual([]);
    expect(await rebuilder.status('treasury')).toEqual({
      projection: 'treasury',
      rebuildingGeneration: fresh.generation,
      rebuildingVersion: 2,
    });
  });

  describe('erased documents leave no bytes in the files (read models hold opened personal data)', () => {
    const NAME = 'Quaffertonne-Zorblaxine';
    const files = () => ['', '-wal'].map((suffix) => (existsSync(file.path + suffix) ? readFileSync(file.path + suffix) : Buffer.alloc(0)));
    const onDisk = () => files().some((bytes) => bytes.includes(Buffer.from(NAME)));

    it('a document rewritten without the name, then scrubbed: in neither the database file nor its WAL', async () => {
      const store = open();
      const ref = { projection: 'registers', generation: await store.startGeneration('registers', 1) };
      await store.applyBatch(ref, [upsert('e-1', { caeId: 'c', name: NAME }, 1)], 1);
      expect(onDisk()).toBe(true);
      await store.applyBatch(ref, [upsert('e-1', { caeId: 'c', name: '[forgotten]' }, 2)], 2);
      await store.scrub();
      expect(onDisk()).toBe(false);
      expect(statSync(file.path + '-wal').size).toBe(0);
    });

    it('a generation dropped by a rebuild swap: zeroed and out of the WAL without a scrub', async () => {
      const store = open();
      const old = { projection: 'registers', generation: await store.startGeneration('registers', 1) };
      await store.applyBatch(old, [upsert('e-1', { caeId: 'c', name: NAME }, 1)], 1);
      await store.activate(old);
      const fresh = { projection: 'registers', generation: await store.startGeneration('registers', 2) };
      await store.applyBatch(fresh, [upsert('e-1', { caeId: 'c', name: '[forgotten]' }, 2)], 2);
      expect(onDisk()).toBe(true);
      await store.activate(fresh);
      expect(onDisk()).toBe(false);
    });
  });
});
