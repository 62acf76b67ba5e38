import { randomUUID } from 'node:crypto';
import {
  chainHash,
  commandDigest,
  DuplicateCommandError,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  GENESIS_HASH,
  logHead,
  type RecordedEvent,
  type Subscription,
  WrongExpectedRevisionError,
} from '../../libs/event-store';

export interface StoreUnderTest {
  store: EventStore;
  cleanup?: () => Promise<void>;
}

/** Long enough never to fire during a test: subscriptions must then be woken by the append itself. */
export const NO_POLLING = { pollIntervalMs: 60 * 60 * 1000 };

export function anEvent(caeId = 'cae-1', data: Record<string, unknown> = {}, type = 'SomethingHappened'): EventToAppend {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      caeId,
      commandId: 'command-1',
      causationId: 'command-1',
      correlationId: 'correlation-1',
      actor: 'user-1',
      occurredOn: '2025-03-14',
      recordedAt: '2025-03-14T09:30:00.000Z',
    },
  };
}

export function someEvents(count: number, caeId = 'cae-1'): EventToAppend[] {
  return Array.from({ length: count }, (_, n) => anEvent(caeId, { n }));
}

/** Events of one command: they carry its id, as the command service's do. */
export function eventsOf(commandId: string, count: number, caeId = 'cae-1'): EventToAppend[] {
  return someEvents(count, caeId).map((event) => ({ ...event, metadata: { ...event.metadata, commandId, causationId: commandId } }));
}

/** The whole log, read in pages of `limit`. */
export async function pagesOf(store: EventStore, from: number, limit: number): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (let next = from; ; ) {
    const page = await store.readAll(next, { limit });
    if (page.length === 0) return all;
    all.push(...page);
    next = page[page.length - 1]!.position + 1;
  }
}

/** Consumes a subscription in the background, recording every event delivered. */
export function consume(subscription: Subscription, handler?: (event: RecordedEvent) => Promise<void>) {
  const received: RecordedEvent[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const done = (async () => {
    for await (const event of subscription) {
      received.push(event);
      if (handler !== undefined) await handler(event);
      for (const waiter of waiters.filter(({ count }) => received.length >= count)) waiter.resolve();
    }
  })();
  return {
    received,
    done,
    /** Resolves once `count` events have been handled. */
    until(count: number): Promise<void> {
      if (received.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
  };
}

export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}

/** Lets every pending callback run, several times over: enough for a subscription that would read ahead to do so. */
export async function settle(turns = 20): Promise<void> {
  for (let turn = 0; turn < turns; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
}

const positions = (events: RecordedEvent[]): number[] => events.map((event) => event.position);
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, n) => from + n);

export function describeEventStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} — event store contract`, () => {
    let store: EventStore;
    let cleanup: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });

    afterEach(async () => {
      await store.close();
      await cleanup?.();
    });

    async function expectWrongRevision(
      append: Promise<unknown>,
      streamId: string,
      expected: ExpectedRevision,
      actual: number,
    ): Promise<void> {
      const error: unknown = await append.then(
        () => undefined,
        (rejection: unknown) => rejection,
      );
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamId, expected, actual });
    }

    describe('streams', () => {
      it('appends to a stream and reads it back, revisions 0-based', async () => {
        const toAppend = [anEvent('cae-1', { amount: '12.50' }, 'InvoiceIssued'), anEvent('cae-1', { n: 2 })];

        const outcome = await store.append('invoice-series-cae-1-2025', toAppend, 'no_stream');

        expect(outcome.revisions).toEqual({ 'invoice-series-cae-1-2025': 1 });
        expect(outcome.lastPosition).toBe(2);
        expect(outcome.events.map(({ revision, position }) => [revision, position])).toEqual([
          [0, 1],
          [1, 2],
        ]);
        const read = await store.readStream('invoice-series-cae-1-2025');
        expect(read).toEqual(outcome.events);
        expect(read[0]).toMatchObject({ ...toAppend[0], streamId: 'invoice-series-cae-1-2025', revision: 0 });
        expect(read[0].hash).toMatch(/^[0-9a-f]{64}$/);
        expect(await store.streamRevision('invoice-series-cae-1-2025')).toBe(1);
      });

      it('reads a missing stream as empty, with revision -1', async () => {
        expect(await store.readStream('nowhere')).toEqual([]);
        expect(await store.streamRevision('nowhere')).toBe(-1);
      });

      it('keeps what it stored apart from the objects given and returned', async () => {
        const event = anEvent('cae-1', { lines: [{ amount: '10.00' }] });
        const { events } = await store.append('s', [event], 'no_stream');

        (event.data.lines as Array<{ amount: string }>)[0].amount = '0.00';
        events[0].data.lines = [];
        (await store.readAll(1))[0].metadata.caeId = 'cae-2';

        const [stored] = await store.readStream('s');
        expect(stored.data).toEqual({ lines: [{ amount: '10.00' }] });
        expect(stored.metadata.caeId).toBe('cae-1');
      });

      it('reads revision ranges (inclusive) and limits', async () => {
        await store.append('s', someEvents(10), 'no_stream');
        const revisions = async (options: Parameters<EventStore['readStream']>[1]) =>
          (await store.readStream('s', options)).map((event) => event.revision);

        expect(await revisions({ fromRevision: 3 })).toEqual(range(3, 9));
        expect(await revisions({ toRevision: 4 })).toEqual(range(0, 4));
        expect(await revisions({ fromRevision: 2, toRevision: 5 })).toEqual(range(2, 5));
        expect(await revisions({ limit: 3 })).toEqual([0, 1, 2]);
        expect(await revisions({ fromRevision: 5, limit: 2 })).toEqual([5, 6]);
        expect(await revisions({ fromRevision: 8, toRevision: 20, limit: 5 })).toEqual([8, 9]);
        expect(await revisions({ fromRevision: 10 })).toEqual([]);
      });
    });

    describe('expected revisions', () => {
      const cases: Array<{ expected: ExpectedRevision; existing: number; accepted: boolean }> = [
        { expected: 'no_stream', existing: 0, accepted: true },
        { expected: 'no_stream', existing: 2, accepted: false },
        { expected: 'stream_exists', existing: 2, accepted: true },
        { expected: 'stream_exists', existing: 0, accepted: false },
        { expected: 'any', existing: 0, accepted: true },
        { expected: 'any', existing: 2, accepted: true },
        { expected: 1, existing: 2, accepted: true },
        { expected: 0, existing: 2, accepted: false },
        { expected: 5, existing: 2, accepted: false },
        { expected: 0, existing: 0, accepted: false },
        { expected: -1, existing: 0, accepted: true },
      ];

      it.each(cases)('expected $expected on a stream of $existing events: accepted $accepted', async (testCase) => {
        const { expected, existing, accepted } = testCase;
        if (existing > 0) await store.append('s', someEvents(existing), 'no_stream');
        const actual = existing - 1;

        const append = store.append('s', [anEvent()], expected);

        if (accepted) {
          expect((await append).revisions).toEqual({ s: actual + 1 });
          expect(await store.headPosition()).toBe(existing + 1);
        } else {
          await expectWrongRevision(append, 's', expected, actual);
          expect(await store.streamRevision('s')).toBe(actual);
          expect(await store.headPosition()).toBe(existing);
        }
      });
    });

    describe('appends requested at the same moment (group commit where the adapter has it)', () => {
      it('decides each on its own, in the order requested: the second of two on one revision is refused', async () => {
        await store.append('s', someEvents(1), 'no_stream');
        const results = await Promise.allSettled([
          store.append('s', someEvents(1), 0),
          store.append('s', someEvents(1), 0),
          store.append('t', someEvents(1), 'no_stream'),
          store.appendToStreams([{ streamId: 'u', expectedRevision: 'no_stream', events: eventsOf('once', 1) }], { commandId: 'once', fingerprint: 'f', result: 1 }),
          store.appendToStreams([{ streamId: 'v', expectedRevision: 'no_stream', events: eventsOf('once', 1) }], { commandId: 'once', fingerprint: 'f', result: 2 }),
        ]);
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'rejected']);
        expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect((results[4] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateCommandError);
        expect(await store.streamRevision('s')).toBe(1);
        expect(await store.streamRevision('v')).toBe(-1);
        expect((await store.readAll(1)).map((e) => e.streamId)).toEqual(['s', 's', 't', 'u']);
        expect((await store.findCommand('once'))?.result).toBe(1);
        expect((await store.verify()).ok).toBe(true);
      });
    });

    describe('appending to several streams', () => {
      it('appends atomically, with consecutive positions in the order given', async () => {
        await store.append('a', someEvents(2), 'no_stream');

        const outcome = await store.appendToStreams([
          { streamId: 'a', expectedRevision: 1, events: someEvents(2) },
          { streamId: 'b', expectedRevision: 'no_stream', events: someEvents(1) },
          { streamId: 'c', expectedRevision: 'any', events: someEvents(2) },
        ]);

        expect(outcome.revisions).toEqual({ a: 3, b: 0, c: 1 });
        expect(outcome.lastPosition).toBe(7);
        expect(outcome.events.map((event) => [event.streamId, event.revision, event.position])).toEqual([
          ['a', 2, 3],
          ['a', 3, 4],
          ['b', 0, 5],
          ['c', 0, 6],
          ['c', 1, 7],
        ]);
      });

      it('appends nothing at all when one expectation fails', async () => {
        await store.append('a', someEvents(2), 'no_stream');
        await store.append('c', someEvents(1), 'no_stream');

        const append = store.appendToStreams([
          { streamId: 'a', expectedRevision: 1, events: someEvents(2) },
          { streamId: 'b', expectedRevision: 'no_stream', events: someEvents(1) },
          { streamId: 'c', expectedRevision: 'no_stream', events: someEvents(1) },
        ]);

        await expectWrongRevision(append, 'c', 'no_stream', 0);
        expect(await store.headPosition()).toBe(3);
        expect(await store.readAll(1)).toHaveLength(3);
        expect(await store.streamRevision('a')).toBe(1);
        expect(await store.streamRevision('b')).toBe(-1);
        expect(await store.streamRevision('c')).toBe(0);
      });

      it('checks a stream given without events as a guard, without writing it', async () => {
        await store.append('guard', someEvents(1), 'no_stream');

        const outcome = await store.appendToStreams([
          { streamId: 'guard', expectedRevision: 0, events: [] },
          { streamId: 'written', expectedRevision: 'no_stream', events: someEvents(1) },
        ]);
        expect(outcome.revisions).toEqual({ written: 0 });
        expect(await store.streamRevision('guard')).toBe(0);

        const guarded = store.appendToStreams([
          { streamId: 'guard', expectedRevision: 'no_stream', events: [] },
          { streamId: 'written', expectedRevision: 0, events: someEvents(1) },
        ]);
        await expectWrongRevision(guarded, 'guard', 'no_stream', 0);
        expect(await store.headPosition()).toBe(2);
      });

      it('refuses a call without any event', async () => {
        await expect(store.append('s', [], 'any')).rejects.toThrow(/nothing to append/);
        await expect(store.appendToStreams([])).rejects.toThrow(/nothing to append/);
        expect(await store.streamRevision('s')).toBe(-1);
      });

      it('lets a stream appear twice in a call, the second expectation seeing the first events', async () => {
        const outcome = await store.appendToStreams([
          { streamId: 's', expectedRevision: 'no_stream', events: someEvents(2) },
          { streamId: 's', expectedRevision: 1, events: someEvents(1) },
        ]);
        expect(outcome.revisions).toEqual({ s: 2 });
        expect((await store.readStream('s')).map((event) => event.revision)).toEqual([0, 1, 2]);
      });

      it('refuses an event id already stored, appending nothing', async () => {
        const [first] = (await store.append('a', someEvents(1), 'no_stream')).events;
        const again = { ...anEvent(), eventId: first.eventId };

        await expect(
          store.appendToStreams([
            { streamId: 'b', expectedRevision: 'any', events: someEvents(1) },
            { streamId: 'c', expectedRevision: 'any', events: [again] },
          ]),
        ).rejects.toThrow(/Duplicate event id/);
        expect(await store.headPosition()).toBe(1);
        expect(await store.streamRevision('b')).toBe(-1);
      });
    });

    describe('global log', () => {
      it('numbers events 1, 2, 3… across streams, in append order', async () => {
        expect(await store.headPosition()).toBe(0);
        await store.append('a', someEvents(2), 'no_stream');
        await store.append('b', someEvents(1), 'no_stream');
        await store.append('a', someEvents(1), 1);
        await store.append('c', someEvents(2), 'no_stream');

        const all = await store.readAll(1);
        expect(positions(all)).toEqual(range(1, 6));
        expect(all.map((event) => event.streamId)).toEqual(['a', 'a', 'b', 'a', 'c', 'c']);
        expect(await store.headPosition()).toBe(6);
      });

      it('reads one CAE\'s events alone, in log order, from a position, a page at a time', async () => {
        for (let batch = 0; batch < 12; batch++) await store.append(`stream-${batch % 4}`, someEvents(150, `cae-${batch % 3}`), 'any');
        const own = (await pagesOf(store, 1, 1000)).filter((event) => event.metadata.caeId === 'cae-1');
        const pages: RecordedEvent[][] = [];
        for (let from = 1; ; ) {
          const page = await store.readAll(from, { limit: 250, caeId: 'cae-1' });
          if (page.length === 0) break;
          pages.push(page);
          from = page[page.length - 1]!.position + 1;
        }
        expect(pages.map((page) => page.length)).toEqual([250, 250, 100]);
        expect(pages.flat()).toEqual(own);
        expect(positions(await store.readAll(own[300]!.position, { limit: 2, caeId: 'cae-1' }))).toEqual([own[300]!.position, own[301]!.position]);
        expect(await store.readAll(1, { caeId: 'cae-9' })).toEqual([]);
      });

      it('reads only the types asked for, with or without a CAE, in log order, a page at a time', async () => {
        for (let batch = 0; batch < 9; batch++)
          await store.append(`stream-${batch % 3}`, Array.from({ length: 100 }, (_, n) => anEvent(`cae-${batch % 2}`, { n }, n % 3 === 0 ? 'Kept' : n % 3 === 1 ? 'AlsoKept' : 'Skipped')), 'any');
        const all = await pagesOf(store, 1, 1000);
        const kept = (caeId?: string) => all.filter((event) => event.type !== 'Skipped' && (caeId === undefined || event.metadata.caeId === caeId));
        const read = async (caeId?: string): Promise<RecordedEvent[][]> => {
          const pages: RecordedEvent[][] = [];
          for (let from = 1; ; ) {
            const page = await store.readAll(from, { limit: 200, types: ['Kept', 'AlsoKept'], ...(caeId !== undefined && { caeId }) });
            if (page.length === 0) return pages;
            pages.push(page);
            from = page[page.length - 1]!.position + 1;
          }
        };
        const pages = await read();
        expect(pages.map((page) => page.length)).toEqual([200, 200, 200, 3]);
        expect(pages.flat()).toEqual(kept());
        expect((await read('cae-1')).flat()).toEqual(kept('cae-1'));
        expect(kept('cae-1')).toHaveLength(4 * 67);
        expect(await store.readAll(1, { types: ['Unknown'] })).toEqual([]);
        expect(await store.readAll(1, { types: [] })).toEqual([]);
      });

      it('pages through the whole log, every event exactly once and in order', async () => {
        const appended: string[] = [];
        for (let batch = 0; batch < 25; batch++) {
          const events = someEvents(100, `cae-${batch % 3}`);
          await store.append(`stream-${batch % 5}`, events, 'any');
          appended.push(...events.map((event) => event.eventId));
        }

        const pages: RecordedEvent[][] = [];
        for (let from = 1; ; ) {
          const page = await store.readAll(from, { limit: 1000 });
          if (page.length === 0) break;
          pages.push(page);
          from = page[page.length - 1].position + 1;
        }

        expect(pages.map((page) => page.length)).toEqual([1000, 1000, 500]);
        const all = pages.flat();
        expect(positions(all)).toEqual(range(1, 2500));
        expect(all.map((event) => event.eventId)).toEqual(appended);
        expect(await store.readAll(1)).toHaveLength(1000);
        expect(positions(await store.readAll(1200, { limit: 2 }))).toEqual([1200, 1201]);
        expect(await store.readAll(2501)).toEqual([]);
        expect(await store.headPosition()).toBe(2500);
      });
    });

    describe('subscribeAll', () => {
      it('delivers the log from position 1, then events appended after subscribing', async () => {
        await store.append('a', someEvents(3), 'no_stream');
        const subscription = store.subscribeAll(1, NO_POLLING);
        const consumer = consume(subscription);

        await consumer.until(3);
        await store.append('b', someEvents(2), 'no_stream');
        await consumer.until(5);

        expect(positions(consumer.received)).toEqual(range(1, 5));
        await subscription.close();
        await consumer.done;
      });

      it('starts from a middle position, across pages', async () => {
        await store.append('a', someEvents(10), 'no_stream');
        const subscription = store.subscribeAll(6, { ...NO_POLLING, batchSize: 2 });
        const consumer = consume(subscription);

        await consumer.until(5);
        await store.append('a', someEvents(1), 9);
        await consumer.until(6);

        expect(positions(consumer.received)).toEqual(range(6, 11));
        await subscription.close();
        await consumer.done;
      });

      it('waits for the handler before reading on, one page at most', async () => {
        await store.append('a', someEvents(10), 'no_stream');
        const readAll = jest.spyOn(store, 'readAll');
        const handling = deferred();
        const release = deferred();
        let handlersRunning = 0;
        const subscription = store.subscribeAll(1, { ...NO_POLLING, batchSize: 3 });
        const consumer = consume(subscription, async (event) => {
          handlersRunning++;
          expect(handlersRunning).toBe(1);
          if (event.position === 1) {
            handling.resolve();
            await release.promise;
          }
          handlersRunning--;
        });

        await handling.promise;
        await settle();
        expect(positions(consumer.received)).toEqual([1]);
        expect(readAll.mock.calls).toEqual([[1, { limit: 3 }]]);

        release.resolve();
        await consumer.until(10);
        expect(positions(consumer.received)).toEqual(range(1, 10));
        expect(readAll.mock.calls.map(([from]) => from)).toEqual([1, 4, 7, 10]);
        await subscription.close();
        await consumer.done;
      });

      it('ends the loop when closed while waiting for new events', async () => {
        await store.append('a', someEvents(2), 'no_stream');
        const subscription = store.subscribeAll(1, NO_POLLING);
        const consumer = consume(subscription);
        await consumer.until(2);
        await settle();

        await subscription.close();

        await consumer.done;
        await store.append('a', someEvents(1), 1);
        await settle();
        expect(positions(consumer.received)).toEqual([1, 2]);
      });

      it('ends the loop after the current event when closed by the handler', async () => {
        await store.append('a', someEvents(5), 'no_stream');
        const subscription = store.subscribeAll(1, NO_POLLING);
        const consumer = consume(subscription, async (event) => {
          if (event.position === 2) await subscription.close();
        });

        await consumer.done;
        expect(positions(consumer.received)).toEqual([1, 2]);
      });

      it('ends open subscriptions when the store closes', async () => {
        const subscription = store.subscribeAll(1, NO_POLLING);
        const consumer = consume(subscription);
        await settle();

        await store.close();

        await consumer.done;
        expect(consumer.received).toEqual([]);
      });
    });

    describe('hash chain', () => {
      async function appendTwoCaesInterleaved(): Promise<void> {
        await store.append('cae-a', [anEvent('cae-a', { name: 'Alpha' })], 'no_stream');
        await store.append('cae-b', [anEvent('cae-b', { name: 'Beta' })], 'no_stream');
        await store.appendToStreams([
          { streamId: 'invoices-a', expectedRevision: 'no_stream', events: someEvents(2, 'cae-a') },
          { streamId: 'invoices-b', expectedRevision: 'no_stream', events: someEvents(2, 'cae-b') },
        ]);
        await store.append('invoices-a', someEvents(1, 'cae-a'), 1);
      }

      it('chains each CAE from the genesis hash, along the global order', async () => {
        await appendTwoCaesInterleaved();

        const heads = new Map<string, string>();
        for (const event of await store.readAll(1)) {
          const previous = heads.get(event.metadata.caeId) ?? GENESIS_HASH;
          expect(event.hash).toBe(chainHash(previous, event));
          heads.set(event.metadata.caeId, event.hash);
        }
        const [firstOfA, firstOfB] = await store.readAll(1, { limit: 2 });
        expect(firstOfA.hash).toBe(chainHash(GENESIS_HASH, firstOfA));
        expect(firstOfB.hash).toBe(chainHash(GENESIS_HASH, firstOfB));
      });

      it('gives the same content different hashes in different CAEs', async () => {
        const [inA] = (await store.append('a', [anEvent('cae-a', { same: true })], 'no_stream')).events;
        const [inB] = (await store.append('b', [anEvent('cae-b', { same: true })], 'no_stream')).events;

        expect(inA.hash).not.toBe(inB.hash);
        expect(inB.hash).toBe(chainHash(GENESIS_HASH, inB));
      });

      it('verifies an intact log, CAE by CAE', async () => {
        await appendTwoCaesInterleaved();
        const lastHash = async (caeId: string) =>
          (await store.readAll(1)).filter((event) => event.metadata.caeId === caeId).pop()?.hash;

        const report = await store.verify();

        const [headOfA, headOfB] = [await lastHash('cae-a'), await lastHash('cae-b')];
        expect(report).toEqual({
          ok: true,
          events: 7,
          caes: [
            { caeId: 'cae-a', events: 4, ok: true, head: headOfA, storedHead: headOfA },
            { caeId: 'cae-b', events: 3, ok: true, head: headOfB, storedHead: headOfB },
          ],
          headPosition: 7,
          logHead: logHead(7, new Map([['cae-a', headOfA!], ['cae-b', headOfB!]])),
          findings: [],
        });
        expect(await store.verify({ caeId: 'cae-b' })).toEqual({
          ok: true,
          events: 3,
          caes: [{ caeId: 'cae-b', events: 3, ok: true, head: headOfB, storedHead: headOfB }],
          headPosition: 7,
          findings: [],
        });
      });

      it('verifies an empty log', async () => {
        expect(await store.verify()).toEqual({ ok: true, events: 0, caes: [], headPosition: 0, logHead: logHead(0, new Map()), findings: [] });
      });

      it('gives the log head as of an earlier position, and none beyond the end', async () => {
        await appendTwoCaesInterleaved();
        const asOf3 = (await store.verify()).logHead;
        await store.append('cae-b', someEvents(2, 'cae-b'), 0);

        const report = await store.verify({ headAt: 7 });

        expect(asOf3).toMatch(/^7:[0-9a-f]{64}$/);
        expect(report.headAt).toBe(asOf3);
        expect(report.logHead).toMatch(/^9:/);
        expect(report.logHead).not.toBe(asOf3);
        expect((await store.verify({ headAt: 10 })).headAt).toBeUndefined();
      });

      it('reports nothing wrong with an intact log', async () => {
        await appendTwoCaesInterleaved();
        expect(await store.integrity()).toEqual([]);
      });
    });

    describe('command records', () => {
      const command = { commandId: 'command-42', fingerprint: 'f'.repeat(64), result: { invoiceNumber: 'F-2025-0001' } };

      it("covers the record by the chain: its digest is in the metadata of the command's last event", async () => {
        const outcome = await store.appendToStreams(
          [
            { streamId: 'invoices', expectedRevision: 'no_stream', events: eventsOf(command.commandId, 2) },
            { streamId: 'accounts', expectedRevision: 'no_stream', events: eventsOf(command.commandId, 1) },
          ],
          command,
        );

        expect(outcome.events.map((event) => event.metadata.commandDigest)).toEqual([undefined, undefined, commandDigest(command)]);
        expect((await store.readAll(3))[0].metadata.commandDigest).toBe(commandDigest(command));
        expect(await store.verify()).toMatchObject({ ok: true, findings: [] });
      });

      it("refuses a command whose events do not carry its id, appending nothing", async () => {
        await expect(store.appendToStreams([{ streamId: 'invoices', expectedRevision: 'any', events: eventsOf('another', 1) }], command)).rejects.toThrow(
          /must be the command's/,
        );
        expect(await store.headPosition()).toBe(0);
      });

      it('records the command with the events', async () => {
        await store.append('other', someEvents(1), 'no_stream');

        const outcome = await store.appendToStreams(
          [{ streamId: 'invoices', expectedRevision: 'no_stream', events: eventsOf(command.commandId, 2) }],
          command,
        );

        const stored = await store.findCommand('command-42');
        expect(stored).toEqual({ ...command, position: outcome.lastPosition, recordedAt: expect.any(String) });
        expect(stored?.position).toBe(3);
        expect(new Date(stored?.recordedAt ?? '').toISOString()).toBe(stored?.recordedAt);
        expect(await store.findCommand('command-43')).toBeUndefined();
      });

      it('refuses a command id already recorded, appending nothing', async () => {
        await store.appendToStreams([{ streamId: 'invoices', expectedRevision: 'any', events: eventsOf(command.commandId, 1) }], command);

        const error: unknown = await store
          .appendToStreams([{ streamId: 'invoices', expectedRevision: 'any', events: eventsOf(command.commandId, 1) }], {
            ...command,
            result: 'another',
          })
          .catch((rejection: unknown) => rejection);

        expect(error).toBeInstanceOf(DuplicateCommandError);
        expect(error).toMatchObject({ commandId: 'command-42' });
        expect(await store.headPosition()).toBe(1);
        expect(await store.streamRevision('invoices')).toBe(0);
        expect((await store.findCommand('command-42'))?.result).toEqual(command.result);
      });

      it('does not record the command of a failed append', async () => {
        const failed = store.appendToStreams(
          [{ streamId: 'invoices', expectedRevision: 3, events: eventsOf(command.commandId, 1) }],
          command,
        );
        await expectWrongRevision(failed, 'invoices', 3, -1);
        expect(await store.findCommand('command-42')).toBeUndefined();

        await store.appendToStreams([{ streamId: 'invoices', expectedRevision: 'no_stream', events: eventsOf(command.commandId, 1) }], command);
        expect((await store.findCommand('command-42'))?.position).toBe(1);
      });
    });

    describe('concurrency', () => {
      it('serialises concurrent writers of one stream through expected revisions', async () => {
        const writers = 50;
        const appendWithRetry = async (writer: number): Promise<void> => {
          for (;;) {
            const revision = await store.streamRevision('counter');
            try {
              await store.append('counter', [anEvent('cae-1', { writer })], revision === -1 ? 'no_stream' : revision);
              return;
            } catch (error) {
              if (!(error instanceof WrongExpectedRevisionError)) throw error;
            }
          }
        };

        await Promise.all(Array.from({ length: writers }, (_, writer) => appendWithRetry(writer)));

        const stream = await store.readStream('counter');
        expect(stream.map((event) => event.revision)).toEqual(range(0, writers - 1));
        expect(new Set(stream.map((event) => event.data.writer)).size).toBe(writers);
        expect(await store.headPosition()).toBe(writers);
        expect((await store.verify()).ok).toBe(true);
      });
    });

    it('refuses to work once closed', async () => {
      await store.close();
      await expect(store.readAll(1)).rejects.toThrow();
      await expect(store.append('s', someEvents(1), 'any')).rejects.toThrow();
    });
  });
}
