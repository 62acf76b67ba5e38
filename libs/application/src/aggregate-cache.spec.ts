import { InMemoryEventStore, type EventStore, type ReadStreamOptions } from '../../event-store';
import { AggregateCache, type Fold } from './aggregate-cache';

const event = (n: number) => ({
  eventId: `e-${n}-${Math.random()}`,
  type: 'SubsidyRecorded',
  schemaVersion: 1,
  data: { caeId: 'c', receivedOn: '2016-01-01', funder: 'x', amount: `${n}.00` },
  metadata: { caeId: 'c', commandId: 'x', causationId: 'x', correlationId: 'x', actor: 'a', occurredOn: '2016-01-01', recordedAt: 'x' },
});

/** Counts events folded: what the cache saves. */
const counting = (): Fold<number> & { folded: number } => {
  const fold = { folded: 0, initial: () => 0, evolve: (count: number) => (fold.folded++, count + 1) };
  return fold;
};

describe('the aggregate cache', () => {
  let store: InMemoryEventStore;
  let reads: ReadStreamOptions[];
  beforeEach(() => {
    store = new InMemoryEventStore();
    reads = [];
  });
  const spied = (): EventStore =>
    new Proxy(store, {
      get: (target, property, receiver) =>
        property === 'readStream'
          ? (streamId: string, options?: ReadStreamOptions) => (reads.push(options ?? {}), target.readStream(streamId, options))
          : Reflect.get(target, property, receiver),
    });

  it('folds only the events appended since the cached revision, by anyone', async () => {
    const cache = new AggregateCache(spied());
    const fold = counting();
    await store.append('s', [event(1), event(2)], 'no_stream');
    expect(await cache.readStream('s', fold)).toEqual({ state: 2, revision: 1 });
    await store.append('s', [event(3)], 1);
    expect(await cache.readStream('s', fold)).toEqual({ state: 3, revision: 2 });
    expect(fold.folded).toBe(3);
    expect(reads.map((r) => r.fromRevision)).toEqual([0, 2]);
  });

  it('is bounded by the events its states were folded from, evicting the least recently used', async () => {
    const cache = new AggregateCache(spied(), 5);
    const fold = counting();
    await store.append('a', [event(1), event(2)], 'no_stream');
    await store.append('b', [event(3), event(4)], 'no_stream');
    await store.append('c', [event(5), event(6)], 'no_stream');
    await cache.readStream('a', fold);
    await cache.readStream('b', fold);
    await cache.readStream('a', fold);
    await cache.readStream('c', fold); // 6 events > 5: b, the least recently used, goes
    expect(fold.folded).toBe(6);
    await cache.readStream('a', fold);
    expect(fold.folded).toBe(6);
    await cache.readStream('b', fold);
    expect(fold.folded).toBe(8);
  });
});
