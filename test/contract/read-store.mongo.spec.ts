import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { UnknownGenerationError } from '../../libs/read-store';
import { MongoReadStore } from '../../libs/read-store/src/mongo-read-store';
import { describeReadStoreContract, manyDocs, remove, upsert } from './read-store.contract';

/**
 * Runs against a real MongoDB-wire server (MongoDB 6/7, or FerretDB v1 from scripts/servers/ferretdb/start.sh)
 * named by MONGODB_URL, in a fresh database per test, dropped after it.
 */
const url = process.env['MONGODB_URL'];

if (url === undefined || url === '') {
  describe.skip('MongoReadStore contract — skipped: set MONGODB_URL (scripts/servers/ferretdb/start.sh) to run it against a real MongoDB-wire server', () => {
    it.skip('needs MONGODB_URL', () => undefined);
  });
} else {
  const serverUrl = url;
  let admin: MongoClient | undefined;
  const adminClient = async (): Promise<MongoClient> => (admin ??= await new MongoClient(serverUrl).connect());
  const freshDatabaseName = (): string => `alveole_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const dropDatabase = async (name: string): Promise<void> => {
    await (await adminClient()).db(name).dropDatabase();
  };

  afterAll(async () => {
    await admin?.close();
  });

  describeReadStoreContract('MongoReadStore', async () => {
    const name = freshDatabaseName();
    return { store: await MongoReadStore.connect(serverUrl, name), cleanup: () => dropDatabase(name) };
  });

  describe('MongoReadStore — on a shared database', () => {
    let name: string;
    const opened: MongoReadStore[] = [];
    const open = async (): Promise<MongoReadStore> => {
      const store = await MongoReadStore.connect(serverUrl, name);
      opened.push(store);
      return store;
    };

    beforeEach(() => {
      name = freshDatabaseName();
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
      await dropDatabase(name);
    });

    /** Reads the database behind the store's back. */
    const raw = async (collection: string, filter: object = {}) =>
      (await adminClient()).db(name).collection(collection).find(filter).sort({ _id: 1 }).toArray();

    it('keeps the caeId in its own field, and an index for every query route', async () => {
      const store = await open();
      const ref = { projection: 'treasury', generation: await store.startGeneration('treasury', 1) };
      await store.applyBatch(ref, [upsert('a', { caeId: 'cae-a' }, 1), upsert('b', { caeId: 7 }, 2), upsert('c', {}, 3)], 3);

      expect((await raw('documents.treasury')).map(({ id, caeId }) => ({ id, caeId }))).toEqual([
        { id: 'a', caeId: 'cae-a' },
        { id: 'b', caeId: null },
        { id: 'c', caeId: null },
      ]);
      const indexes = await (await adminClient()).db(name).collection('documents.treasury').indexes();
      expect(indexes.map((index) => index.key)).toEqual(
        expect.arrayContaining([
          { projection: 1, generation: 1, collection: 1, id: 1 },
          { projection: 1, generation: 1, collection: 1, caeId: 1, id: 1 },
        ]),
      );
    });

    it("keeps each projection's documents in a collection of its own", async () => {
      const store = await open();
      const treasury = { projection: 'treasury', generation: await store.startGeneration('treasury', 1) };
      const registers = { projection: 'registers', generation: await store.startGeneration('registers', 1) };
      await store.applyBatch(treasury, [upsert('a', {}, 1)], 1);
      await store.applyBatch(registers, [upsert('b', {}, 2), upsert('c', {}, 3)], 3);

      expect((await raw('documents.treasury')).map(({ id }) => id)).toEqual(['a']);
      expect((await raw('documents.registers')).map(({ id }) => id)).toEqual(['b', 'c']);
      await store.dropGeneration(registers);
      expect(await raw('documents.registers')).toEqual([]);
      expect(await store.get(treasury, 'invoices', 'a')).toEqual({ id: 'a', doc: {}, position: 1 });
    });

    it('drops read models kept in the shared collection of earlier versions, to be rebuilt from the log', async () => {
      const db = (await adminClient()).db(name);
      await db.collection('documents').insertOne({ _id: 'old' } as never);
      await db.collection('generations').insertOne({ _id: '["treasury",1]', projection: 'treasury', generation: 1, version: 1, state: 'active', checkpoint: 9 } as never);

      const store = await open();

      expect(await store.status('treasury')).toEqual({ projection: 'treasury' });
      expect((await db.listCollections({ name: 'documents' }).toArray()).length).toBe(0);
      expect(await store.startGeneration('treasury', 1)).toBeGreaterThan(0);
    });

    it('keeps generations, documents, checkpoints and the generation counter across a reconnect', async () => {
      const first = await open();
      const live = { projection: 'treasury', generation: await first.startGeneration('treasury', 4) };
      await first.applyBatch(live, manyDocs(1_000), 1_000);
      await first.activate(live);
      const abandoned = { projection: 'treasury', generation: await first.startGeneration('treasury', 5) };
      await first.dropGeneration(abandoned);
      const rebuild = { projection: 'treasury', generation: await first.startGeneration('treasury', 5) };
      await first.applyBatch(rebuild, [upsert('a', { v: 5 }, 40)], 40);
      const before = await first.list(live, 'invoices');
      await first.close();

      const reconnected = await open();

      expect(await reconnected.status('treasury')).toEqual({
        projection: 'treasury',
        activeGeneration: 1,
        version: 4,
        rebuildingGeneration: 3,
        rebuildingVersion: 5,
      });
      expect(await reconnected.list(live, 'invoices')).toEqual(before);
      expect(await reconnected.checkpoint(live)).toBe(1_000);
      expect(await reconnected.get(rebuild, 'invoices', 'a')).toEqual({ id: 'a', doc: { v: 5 }, position: 40 });
      expect(await reconnected.checkpoint(rebuild)).toBe(40);
      expect(await reconnected.startGeneration('treasury', 6)).toBe(4);
    });

    it("lets two stores on one database see each other's writes", async () => {
      const one = await open();
      const other = await open();

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

    it('hands out distinct generation numbers to stores starting at once, and leaves one rebuild', async () => {
      const stores = await Promise.all([open(), open(), open()]);

      const numbers = await Promise.all(stores.map((store) => store.startGeneration('treasury', 1)));

      expect([...numbers].sort()).toEqual([1, 2, 3]);
      expect(await stores[0].status('treasury')).toEqual({ projection: 'treasury', rebuildingGeneration: 3, rebuildingVersion: 1 });
    });

    it("stops another process's rebuild once its generation is superseded", async () => {
      const rebuilder = await open();
      const restarter = await open();
      const stale = { projection: 'treasury', generation: await rebuilder.startGeneration('treasury', 1) };
      await rebuilder.applyBatch(stale, [upsert('a', {}, 1)], 1);

      const fresh = { projection: 'treasury', generation: await restarter.startGeneration('treasury', 2) };

      await expect(rebuilder.applyBatch(stale, [upsert('b', {}, 2)], 2)).rejects.toBeInstanceOf(UnknownGenerationError);
      expect(await raw('documents.treasury')).toEqual([]);
      expect(await rebuilder.status('treasury')).toEqual({
        projection: 'treasury',
        rebuildingGeneration: fresh.generation,
        rebuildingVersion: 2,
      });
    });

    it('stores documents whose keys MongoDB would refuse as field names', async () => {
      const store = await open();
      const ref = { projection: 'treasury', generation: await store.startGeneration('treasury', 1) };
      const doc = { $set: 1, 'a.b': { '': 'empty key', $where: [1] }, caeId: 'cae-a' };

      await store.applyBatch(ref, [upsert('id with \u0000 and "quotes"', doc, 1)], 1);

      expect(await store.list(ref, 'invoices', { caeId: 'cae-a' })).toEqual([{ id: 'id with \u0000 and "quotes"', doc, position: 1 }]);
    });
  });
}
