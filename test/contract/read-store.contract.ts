import {
  type Doc,
  type DocChange,
  type GenerationRef,
  type Json,
  type ReadStore,
  type StoredDoc,
  UnknownGenerationError,
} from '../../libs/read-store';

export interface ReadStoreUnderTest {
  store: ReadStore;
  cleanup?: () => Promise<void>;
}

export const upsert = (id: string, doc: Doc, position: number, collection = 'invoices'): DocChange => ({
  collection,
  id,
  doc,
  position,
});

export const remove = (id: string, position: number, collection = 'invoices'): DocChange => ({
  collection,
  id,
  doc: null,
  position,
});

/** `count` documents doc-0000…, alternating between cae-a and cae-b, at positions 1…count. */
export function manyDocs(count: number): DocChange[] {
  return Array.from({ length: count }, (_, n) =>
    upsert(`doc-${String(n).padStart(5, '0')}`, { caeId: n % 2 === 0 ? 'cae-a' : 'cae-b', n }, n + 1),
  );
}

const ids = (docs: StoredDoc[]): string[] => docs.map((stored) => stored.id);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

export function describeReadStoreContract(name: string, makeStore: () => Promise<ReadStoreUnderTest>): void {
  describe(`${name} — read store contract`, () => {
    let store: ReadStore;
    let cleanup: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });

    afterEach(async () => {
      await store.close();
      await cleanup?.();
    });

    async function newGeneration(projection = 'treasury', version = 1): Promise<GenerationRef> {
      return { projection, generation: await store.startGeneration(projection, version) };
    }

    async function expectUnknownGeneration(promise: Promise<unknown>, ref: GenerationRef): Promise<void> {
      const error = await rejection(promise);
      expect(error).toBeInstanceOf(UnknownGenerationError);
      expect(error).toMatchObject({ projection: ref.projection, generation: ref.generation });
    }

    /** Everything a generation holds in one collection, with its checkpoint. */
    async function snapshot(ref: GenerationRef, collection = 'invoices') {
      return { docs: await store.list(ref, collection), checkpoint: await store.checkpoint(ref) };
    }

    describe('generations', () => {
      it('reports nothing for an unknown projection', async () => {
        const ref = { projection: 'nowhere', generation: 1 };

        expect(await store.status('nowhere')).toEqual({ projection: 'nowhere' });
        expect(await store.checkpoint(ref)).toBe(0);
        expect(await store.get(ref, 'invoices', 'a')).toBeUndefined();
        expect(await store.getMany(ref, 'invoices', ['a'])).toEqual(new Map());
        expect(await store.list(ref, 'invoices')).toEqual([]);
      });

      it('starts an empty generation as the one being rebuilt', async () => {
        const generation = await store.startGeneration('treasury', 3);

        expect(generation).toBe(1);
        expect(await store.status('treasury')).toEqual({
          projection: 'treasury',
          rebuildingGeneration: 1,
          rebuildingVersion: 3,
        });
        expect(await store.checkpoint({ projection: 'treasury', generation })).toBe(0);
        expect(await store.list({ projection: 'treasury', generation }, 'invoices')).toEqual([]);
      });

      it('activates a generation: status reports it and its version, its documents stay', async () => {
        const ref = await newGeneration('treasury', 3);
        await store.applyBatch(ref, [upsert('a', { amount: '10.00' }, 1)], 1);

        await store.activate(ref);

        expect(await store.status('treasury')).toEqual({ projection: 'treasury', activeGeneration: 1, version: 3 });
        expect(await snapshot(ref)).toEqual({ docs: [{ id: 'a', doc: { amount: '10.00' }, position: 1 }], checkpoint: 1 });
      });

      it('drops the previous active generation, with its documents and checkpoint, when activating the next', async () => {
        const first = await newGeneration('treasury', 1);
        await store.applyBatch(first, [upsert('a', { v: 1 }, 1), upsert('b', { v: 1 }, 2)], 2);
        await store.activate(first);
        const second = await newGeneration('treasury', 2);
        await store.applyBatch(second, [upsert('a', { v: 2 }, 1)], 1);

        expect(await store.status('treasury')).toEqual({
          projection: 'treasury',
          activeGeneration: first.generation,
          version: 1,
          rebuildingGeneration: second.generation,
          rebuildingVersion: 2,
        });
        expect(ids(await store.list(first, 'invoices'))).toEqual(['a', 'b']);

        await store.activate(second);

        expect(await store.status('treasury')).toEqual({
          projection: 'treasury',
          activeGeneration: second.generation,
          version: 2,
        });
        expect(await snapshot(first)).toEqual({ docs: [], checkpoint: 0 });
        expect(await store.get(first, 'invoices', 'b')).toBeUndefined();
        expect(await snapshot(second)).toEqual({ docs: [{ id: 'a', doc: { v: 2 }, position: 1 }], checkpoint: 1 });
        await expectUnknownGeneration(store.applyBatch(first, [upsert('c', {}, 3)], 3), first);
      });

      it('never reuses a generation number, also after drops, and counts each projection apart', async () => {
        const numbers: number[] = [];
        const first = await newGeneration('treasury');
        numbers.push(first.generation);
        await store.dropGeneration(first);
        const second = await newGeneration('treasury');
        numbers.push(second.generation);
        await store.activate(second);
        await store.dropGeneration(second);
        numbers.push((await newGeneration('treasury')).generation);
        numbers.push((await newGeneration('treasury')).generation);

        expect(numbers).toEqual([1, 2, 3, 4]);
        expect((await newGeneration('registers')).generation).toBe(1);
      });

      it('drops the generation being rebuilt when another one starts', async () => {
        const live = await newGeneration('treasury', 1);
        await store.applyBatch(live, [upsert('a', { live: true }, 1)], 1);
        await store.activate(live);
        const abandoned = await newGeneration('treasury', 2);
        await store.applyBatch(abandoned, [upsert('a', { abandoned: true }, 1)], 1);

        const restarted = await newGeneration('treasury', 3);

        expect(restarted.generation).toBe(3);
        expect(await store.status('treasury')).toEqual({
          projection: 'treasury',
          activeGeneration: live.generation,
          version: 1,
          rebuildingGeneration: restarted.generation,
          rebuildingVersion: 3,
        });
        expect(await snapshot(abandoned)).toEqual({ docs: [], checkpoint: 0 });
        expect(await store.get(live, 'invoices', 'a')).toEqual({ id: 'a', doc: { live: true }, position: 1 });
        await expectUnknownGeneration(store.applyBatch(abandoned, [upsert('b', {}, 2)], 2), abandoned);
      });

      it('leaves an active generation as it is when activated again', async () => {
        const ref = await newGeneration('treasury', 1);
        await store.applyBatch(ref, [upsert('a', {}, 1)], 1);
        await store.activate(ref);

        await store.activate(ref);

        expect(await store.status('treasury')).toEqual({ projection: 'treasury', activeGeneration: 1, version: 1 });
        expect(ids(await store.list(ref, 'invoices'))).toEqual(['a']);
      });

      it('refuses to activate a generation never started or dropped, changing nothing', async () => {
        const live = await newGeneration('treasury', 1);
        await store.activate(live);
        const dropped = await newGeneration('treasury', 2);
        await store.dropGeneration(dropped);

        await expectUnknownGeneration(store.activate(dropped), dropped);
        await expectUnknownGeneration(store.activate({ projection: 'treasury', generation: 9 }), {
          projection: 'treasury',
          generation: 9,
        });
        await expectUnknownGeneration(store.activate({ projection: 'registers', generation: 1 }), {
          projection: 'registers',
          generation: 1,
        });

        expect(await store.status('treasury')).toEqual({ projection: 'treasury', activeGeneration: 1, version: 1 });
      });

      it('drops a generation: its documents, checkpoint and status; dropping again or an unknown one does nothing', async () => {
        const live = await newGeneration('treasury', 1);
        await store.applyBatch(live, [upsert('a', {}, 1)], 1);
        await store.activate(live);
        const rebuild = await newGeneration('treasury', 2);
        await store.applyBatch(rebuild, [upsert('a', {}, 1), upsert('b', {}, 2, 'payments')], 2);

        await store.dropGeneration(rebuild);

        expect(await store.status('treasury')).toEqual({ projection: 'treasury', activeGeneration: 1, version: 1 });
        expect(await snapshot(rebuild)).toEqual({ docs: [], checkpoint: 0 });
        expect(await store.list(rebuild, 'payments')).toEqual([]);
        expect(ids(await store.list(live, 'invoices'))).toEqual(['a']);
        await store.dropGeneration(rebuild);
        await store.dropGeneration({ projection: 'nowhere', generation: 7 });

        await store.dropGeneration(live);

        expect(await store.status('treasury')).toEqual({ projection: 'treasury' });
        expect(await snapshot(live)).toEqual({ docs: [], checkpoint: 0 });
      });
    });

    describe('applyBatch', () => {
      let ref: GenerationRef;

      beforeEach(async () => {
        ref = await newGeneration();
      });

      it('writes the documents of every collection, then the checkpoint', async () => {
        await store.applyBatch(
          ref,
          [
            upsert('F-2025-0001', { caeId: 'cae-a', amount: '120.00' }, 3),
            upsert('P-1', { caeId: 'cae-a', paid: '120.00' }, 4, 'payments'),
          ],
          4,
        );

        expect(await store.get(ref, 'invoices', 'F-2025-0001')).toEqual({
          id: 'F-2025-0001',
          doc: { caeId: 'cae-a', amount: '120.00' },
          position: 3,
        });
        expect(await store.list(ref, 'payments')).toEqual([{ id: 'P-1', doc: { caeId: 'cae-a', paid: '120.00' }, position: 4 }]);
        expect(await store.get(ref, 'payments', 'F-2025-0001')).toBeUndefined();
        expect(await store.checkpoint(ref)).toBe(4);
      });

      it('gives the same documents when the same batch is applied twice', async () => {
        const batch = [
          upsert('a', { n: 1 }, 1),
          upsert('b', { n: 1 }, 2),
          upsert('a', { n: 2 }, 3),
          remove('b', 4),
          upsert('c', { n: 1 }, 5),
          upsert('d', { n: 1 }, 6, 'payments'),
        ];
        await store.applyBatch(ref, batch, 6);
        const once = { invoices: await snapshot(ref), payments: await snapshot(ref, 'payments') };

        await store.applyBatch(ref, batch, 6);

        expect({ invoices: await snapshot(ref), payments: await snapshot(ref, 'payments') }).toEqual(once);
        expect(once.invoices.docs).toEqual([
          { id: 'a', doc: { n: 2 }, position: 3 },
          { id: 'c', doc: { n: 1 }, position: 5 },
        ]);
      });

      it('skips an upsert whose position is not above the stored one, applies a newer one', async () => {
        await store.applyBatch(ref, [upsert('a', { v: 'first' }, 5)], 5);

        await store.applyBatch(ref, [upsert('a', { v: 'same position' }, 5)], 5);
        await store.applyBatch(ref, [upsert('a', { v: 'older' }, 4)], 5);
        expect(await store.get(ref, 'invoices', 'a')).toEqual({ id: 'a', doc: { v: 'first' }, position: 5 });

        await store.applyBatch(ref, [upsert('a', { v: 'newer' }, 6)], 6);
        expect(await store.get(ref, 'invoices', 'a')).toEqual({ id: 'a', doc: { v: 'newer' }, position: 6 });
      });

      it('skips a delete whose position is not above the stored one, applies a newer one', async () => {
        await store.applyBatch(ref, [upsert('a', { v: 1 }, 5)], 5);

        await store.applyBatch(ref, [remove('a', 4), remove('a', 5)], 5);
        expect(await store.get(ref, 'invoices', 'a')).toEqual({ id: 'a', doc: { v: 1 }, position: 5 });

        await store.applyBatch(ref, [remove('a', 6)], 6);
        expect(await store.get(ref, 'invoices', 'a')).toBeUndefined();
        await store.applyBatch(ref, [remove('a', 7), remove('never-written', 7)], 7);
        expect(await store.list(ref, 'invoices')).toEqual([]);
      });

      it('keeps a document re-created after a delete when the delete is replayed', async () => {
        await store.applyBatch(ref, [upsert('a', { v: 1 }, 1), remove('a', 2)], 2);
        await store.applyBatch(ref, [upsert('a', { v: 3 }, 3)], 3);

        await store.applyBatch(ref, [remove('a', 2)], 2);

        expect(await store.get(ref, 'invoices', 'a')).toEqual({ id: 'a', doc: { v: 3 }, position: 3 });
      });

      it('applies the changes of a batch in order, one document several times', async () => {
        await store.applyBatch(
          ref,
          [
            upsert('a', { n: 1 }, 1),
            upsert('a', { n: 2 }, 2),
            remove('a', 3),
            upsert('a', { n: 4 }, 4),
            upsert('b', { n: 5 }, 5),
            upsert('b', { n: 0 }, 1),
          ],
          5,
        );

        expect(await store.list(ref, 'invoices')).toEqual([
          { id: 'a', doc: { n: 4 }, position: 4 },
          { id: 'b', doc: { n: 5 }, position: 5 },
        ]);
      });

      it('never moves the checkpoint backwards', async () => {
        await store.applyBatch(ref, [upsert('a', {}, 10)], 10);
        await store.applyBatch(ref, [], 7);
        expect(await store.checkpoint(ref)).toBe(10);

        await store.applyBatch(ref, [upsert('b', {}, 8)], 8);
        expect(await store.checkpoint(ref)).toBe(10);
        expect(ids(await store.list(ref, 'invoices'))).toEqual(['a', 'b']);

        await store.applyBatch(ref, [], 12);
        expect(await store.checkpoint(ref)).toBe(12);
      });

      it('refuses a batch for a generation never started, writing nothing', async () => {
        const unknown = { projection: 'treasury', generation: ref.generation + 1 };

        await expectUnknownGeneration(store.applyBatch(unknown, [upsert('a', {}, 1)], 1), unknown);

        expect(await snapshot(unknown)).toEqual({ docs: [], checkpoint: 0 });
        expect(await snapshot(ref)).toEqual({ docs: [], checkpoint: 0 });
      });

      it('refuses positions that are not positive integers, writing nothing', async () => {
        for (const position of [0, -1, 1.5, Number.NaN]) {
          await expect(store.applyBatch(ref, [upsert('ok', {}, 1), upsert('bad', {}, position)], 1)).rejects.toThrow(RangeError);
        }
        for (const checkpoint of [-1, 2.5, Number.POSITIVE_INFINITY]) {
          await expect(store.applyBatch(ref, [upsert('ok', {}, 1)], checkpoint)).rejects.toThrow(RangeError);
        }

        expect(await snapshot(ref)).toEqual({ docs: [], checkpoint: 0 });
      });

      it('writes nothing of a batch that fails midway', async () => {
        await store.applyBatch(ref, [upsert('a', { v: 1 }, 1)], 1);
        // Neither JSON nor structured clone can copy it: the adapter fails while going through the batch.
        const unserialisable = {
          toJSON: () => {
            throw new Error('cannot serialise');
          },
        } as unknown as Json;

        await expect(
          store.applyBatch(ref, [upsert('a', { v: 2 }, 2), upsert('b', { v: 2 }, 3), upsert('c', { bad: unserialisable }, 4)], 4),
        ).rejects.toThrow();

        expect(await snapshot(ref)).toEqual({ docs: [{ id: 'a', doc: { v: 1 }, position: 1 }], checkpoint: 1 });
      });

      it('writes a batch of 10,000 changes, and skips all of them when replayed', async () => {
        const batch = manyDocs(10_000);

        await store.applyBatch(ref, batch, 10_000);
        await store.applyBatch(ref, batch.map((change) => ({ ...change, doc: { replayed: true } })), 10_000);

        const docs = await store.list(ref, 'invoices');
        expect(docs).toHaveLength(10_000);
        expect(docs[0]).toEqual({ id: 'doc-00000', doc: { caeId: 'cae-a', n: 0 }, position: 1 });
        expect(docs[9_999]).toEqual({ id: 'doc-09999', doc: { caeId: 'cae-b', n: 9_999 }, position: 10_000 });
        expect(docs.filter((stored) => stored.doc['replayed'] !== undefined)).toEqual([]);
        expect(await store.checkpoint(ref)).toBe(10_000);
      });

      it('updates and deletes hundreds of existing documents in one batch', async () => {
        // More updates in one batch than FerretDB v1 has SQLite connections (100): the adapter must not hang.
        const ids = Array.from({ length: 400 }, (_, i) => `doc-${String(i).padStart(3, '0')}`);
        await store.applyBatch(ref, ids.map((id, i) => upsert(id, { caeId: 'cae-a', n: i }, i + 1)), 400);
        const changes = ids.slice(0, 370).map((id, i) => (i < 250 ? upsert(id, { caeId: 'cae-a', n: i, updated: true }, 1000 + i) : remove(id, 1000 + i)));

        await store.applyBatch(ref, changes, 1369);

        const docs = await store.list(ref, 'invoices');
        expect(docs).toHaveLength(400 - 120);
        expect(docs.filter((stored) => stored.doc['updated'] === true)).toHaveLength(250);
        expect(await store.get(ref, 'invoices', 'doc-249')).toEqual({ id: 'doc-249', doc: { caeId: 'cae-a', n: 249, updated: true }, position: 1249 });
        expect(await store.get(ref, 'invoices', 'doc-250')).toBeUndefined();
        expect(await store.get(ref, 'invoices', 'doc-399')).toEqual({ id: 'doc-399', doc: { caeId: 'cae-a', n: 399 }, position: 400 });
        expect(await store.checkpoint(ref)).toBe(1369);
      });

      it('stores any JSON document as given', async () => {
        const doc: Doc = {
          caeId: 'cae-é',
          name: 'Coopérative « Alvéole » 🐝',
          amounts: ['0.10', '1234567.89'],
          nested: { deep: { list: [1, -2.5, true, null, { x: '' }], empty: {} } },
          nothing: null,
          big: Number.MAX_SAFE_INTEGER,
        };

        await store.applyBatch(ref, [upsert('a', doc, Number.MAX_SAFE_INTEGER)], Number.MAX_SAFE_INTEGER);

        expect(await store.get(ref, 'invoices', 'a')).toEqual({ id: 'a', doc, position: Number.MAX_SAFE_INTEGER });
        expect(await store.checkpoint(ref)).toBe(Number.MAX_SAFE_INTEGER);
      });

      it('follows a document that moves to another CAE or loses its caeId', async () => {
        const byCae = async (caeId: string) => ids(await store.list(ref, 'invoices', { caeId }));
        await store.applyBatch(ref, [upsert('a', { caeId: 'cae-a' }, 1), upsert('n', { caeId: 42 }, 2)], 2);
        expect([await byCae('cae-a'), await byCae('cae-b'), await byCae('42')]).toEqual([['a'], [], []]);

        await store.applyBatch(ref, [upsert('a', { caeId: 'cae-b' }, 3)], 3);
        expect([await byCae('cae-a'), await byCae('cae-b')]).toEqual([[], ['a']]);

        await store.applyBatch(ref, [upsert('a', { other: 'cae-b' }, 4)], 4);
        expect([await byCae('cae-a'), await byCae('cae-b')]).toEqual([[], []]);
      });
    });

    describe('queries', () => {
      let ref: GenerationRef;

      beforeEach(async () => {
        ref = await newGeneration();
      });

      it('gets one document with its id and position, undefined when missing', async () => {
        await store.applyBatch(ref, [upsert('a', { caeId: 'cae-a' }, 7), upsert('b', {}, 8, 'payments')], 8);

        expect(await store.get(ref, 'invoices', 'a')).toEqual({ id: 'a', doc: { caeId: 'cae-a' }, position: 7 });
        expect(await store.get(ref, 'invoices', 'b')).toBeUndefined();
        expect(await store.get(ref, 'invoices', 'missing')).toBeUndefined();
        expect(await store.get(ref, 'nowhere', 'a')).toBeUndefined();
      });

      it('gets many documents keyed by id, leaving out the missing ones', async () => {
        await store.applyBatch(ref, [upsert('a', { n: 1 }, 1), upsert('b', { n: 2 }, 2), upsert('c', { n: 3 }, 3)], 3);

        const found = await store.getMany(ref, 'invoices', ['c', 'missing', 'a', 'c']);

        expect(found).toEqual(
          new Map([
            ['c', { id: 'c', doc: { n: 3 }, position: 3 }],
            ['a', { id: 'a', doc: { n: 1 }, position: 1 }],
          ]),
        );
        expect(await store.getMany(ref, 'invoices', [])).toEqual(new Map());
        expect(await store.getMany(ref, 'payments', ['a'])).toEqual(new Map());
      });

      it('gets many documents at once, thousands of ids', async () => {
        await store.applyBatch(ref, manyDocs(2_500), 2_500);
        const wanted = manyDocs(3_000).map((change) => change.id);

        const found = await store.getMany(ref, 'invoices', wanted);

        expect(found.size).toBe(2_500);
        expect(found.get('doc-02499')).toEqual({ id: 'doc-02499', doc: { caeId: 'cae-b', n: 2_499 }, position: 2_500 });
        expect(found.has('doc-02500')).toBe(false);
      });

      it('lists a collection in id order', async () => {
        await store.applyBatch(
          ref,
          ['b', 'a2', 'A', 'a10', 'a', '2025-03-14', ''].map((id, n) => upsert(id, { n }, n + 1)),
          7,
        );
        await store.applyBatch(ref, [upsert('elsewhere', {}, 8, 'payments')], 8);

        expect(ids(await store.list(ref, 'invoices'))).toEqual(['', '2025-03-14', 'A', 'a', 'a10', 'a2', 'b']);
      });

      it('orders ids by code point, as SQLite and MongoDB compare strings', async () => {
        const astral = '\u{1F41D}';
        const lateBmp = '\uFF21';
        await store.applyBatch(ref, [upsert(astral, {}, 1), upsert(lateBmp, {}, 2), upsert('z', {}, 3), upsert('é', {}, 4)], 4);

        expect(ids(await store.list(ref, 'invoices'))).toEqual(['z', 'é', lateBmp, astral]);
        expect(ids(await store.list(ref, 'invoices', { afterId: lateBmp }))).toEqual([astral]);
      });

      it("lists a CAE's documents by caeId, in id order", async () => {
        await store.applyBatch(
          ref,
          [
            upsert('c', { caeId: 'cae-a' }, 1),
            upsert('b', { caeId: 'cae-b' }, 2),
            upsert('a', { caeId: 'cae-a' }, 3),
            upsert('d', { label: 'network-wide' }, 4),
            upsert('e', { caeId: 'cae-a' }, 5, 'payments'),
          ],
          5,
        );

        expect(ids(await store.list(ref, 'invoices', { caeId: 'cae-a' }))).toEqual(['a', 'c']);
        expect(ids(await store.list(ref, 'invoices', { caeId: 'cae-b' }))).toEqual(['b']);
        expect(await store.list(ref, 'invoices', { caeId: 'cae-z' })).toEqual([]);
        expect(ids(await store.list(ref, 'invoices'))).toEqual(['a', 'b', 'c', 'd']);
      });

      it('pages 2,500 documents with limit and afterId, with and without a caeId', async () => {
        const written = manyDocs(2_500);
        // Written in reverse, so that id order owes nothing to the order of writing.
        await store.applyBatch(ref, [...written].reverse(), 2_500);

        const pageThrough = async (pageSize: number, caeId?: string) => {
          const pages: StoredDoc[][] = [];
          for (let afterId: string | undefined; ; ) {
            const options = { limit: pageSize, ...(caeId !== undefined && { caeId }), ...(afterId !== undefined && { afterId }) };
            const page = await store.list(ref, 'invoices', options);
            if (page.length === 0) return pages;
            pages.push(page);
            afterId = page[page.length - 1].id;
          }
        };

        const pages = await pageThrough(1_000);
        expect(pages.map((page) => page.length)).toEqual([1_000, 1_000, 500]);
        expect(ids(pages.flat())).toEqual(written.map((change) => change.id));
        expect(pages[1][0]).toEqual({ id: 'doc-01000', doc: { caeId: 'cae-a', n: 1_000 }, position: 1_001 });

        const ofB = await pageThrough(500, 'cae-b');
        expect(ofB.map((page) => page.length)).toEqual([500, 500, 250]);
        expect(ids(ofB.flat())).toEqual(written.filter((_, n) => n % 2 === 1).map((change) => change.id));
      });

      it('lists nothing with limit 0 or past the last id, and refuses an invalid limit', async () => {
        await store.applyBatch(ref, [upsert('a', {}, 1), upsert('b', {}, 2)], 2);

        expect(await store.list(ref, 'invoices', { limit: 0 })).toEqual([]);
        expect(await store.list(ref, 'invoices', { afterId: 'b' })).toEqual([]);
        expect(ids(await store.list(ref, 'invoices', { afterId: 'a0' }))).toEqual(['b']);
        expect(ids(await store.list(ref, 'invoices', { limit: 5 }))).toEqual(['a', 'b']);
        for (const limit of [-1, 1.5, Number.NaN]) {
          await expect(store.list(ref, 'invoices', { limit })).rejects.toThrow(RangeError);
        }
      });

      it('hands out copies: changing them, or the documents written, leaves the store as it was', async () => {
        const written: Doc = { caeId: 'cae-a', lines: [{ amount: '10.00' }], totals: { net: '10.00' } };
        await store.applyBatch(ref, [upsert('a', written, 1)], 1);
        const original = { id: 'a', doc: structuredClone(written), position: 1 };

        (written['totals'] as { net: string }).net = 'written';
        const got = await store.get(ref, 'invoices', 'a');
        (got!.doc['lines'] as Array<{ amount: string }>)[0].amount = 'got';
        got!.position = 99;
        const many = await store.getMany(ref, 'invoices', ['a']);
        many.get('a')!.doc['caeId'] = 'getMany';
        const [listed] = await store.list(ref, 'invoices');
        (listed.doc['totals'] as { net: string }).net = 'listed';

        expect(await store.get(ref, 'invoices', 'a')).toEqual(original);
        expect(ids(await store.list(ref, 'invoices', { caeId: 'cae-a' }))).toEqual(['a']);
      });

      it('keeps generations and projections apart: same collection and id, independent documents', async () => {
        await store.activate(ref);
        const rebuild = await newGeneration('treasury', 2);
        const other = await newGeneration('registers');
        await store.applyBatch(ref, [upsert('a', { in: 'ref' }, 5)], 5);
        await store.applyBatch(rebuild, [upsert('a', { in: 'rebuild' }, 1)], 1);
        await store.applyBatch(other, [upsert('a', { in: 'other' }, 3)], 3);

        await store.applyBatch(rebuild, [remove('a', 6)], 6);

        expect(await store.get(ref, 'invoices', 'a')).toEqual({ id: 'a', doc: { in: 'ref' }, position: 5 });
        expect(await store.get(rebuild, 'invoices', 'a')).toBeUndefined();
        expect(await store.get(other, 'invoices', 'a')).toEqual({ id: 'a', doc: { in: 'other' }, position: 3 });
        expect([await store.checkpoint(ref), await store.checkpoint(rebuild), await store.checkpoint(other)]).toEqual([5, 6, 3]);
      });
    });

    it('refuses to work once closed, and closes twice quietly', async () => {
      const ref = await newGeneration();
      await store.close();

      await expect(store.status('treasury')).rejects.toThrow();
      await expect(store.applyBatch(ref, [upsert('a', {}, 1)], 1)).rejects.toThrow();
      await expect(store.list(ref, 'invoices')).rejects.toThrow();
      await store.close();
    });
  });
}
