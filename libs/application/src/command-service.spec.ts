import { validateEnvelope, type CommandType } from '../../domain';
import { InMemoryEventStore, SqliteEventStore, WrongExpectedRevisionError, type EventStore, type StreamAppend, type CommandRecord } from '../../event-store';
import { InMemoryKeyStore, PersonalDataVault } from '../../personal-data';
import { exampleData } from '../../../test/fixtures/commands';
import { CommandService } from './command-service';

/**
 * A real store whose reads yield to the event loop, so concurrent commands interleave between their read and
 * their append the way they do under load; it counts the conflicts the store reports.
 */
class InterleavingStore {
  conflicts = 0;
  constructor(readonly inner: EventStore) {}
  wrap(): EventStore {
    const inner = this.inner;
    const counter = this;
    return new Proxy(inner, {
      get(target, property, receiver) {
        if (property === 'readStream')
          return async (...args: Parameters<EventStore['readStream']>) => {
            const events = await target.readStream(...args);
            await new Promise((resolve) => setImmediate(resolve));
            return events;
          };
        if (property === 'appendToStreams')
          return async (appends: StreamAppend[], command?: CommandRecord) => {
            try {
              return await target.appendToStreams(appends, command);
            } catch (error) {
              if (error instanceof WrongExpectedRevisionError) counter.conflicts++;
              throw error;
            }
          };
        return Reflect.get(target, property, receiver);
      },
    });
  }
}

const envelope = (type: CommandType, commandId: string, data: object = exampleData(type)) => {
  const validated = validateEnvelope({ type, commandId, data });
  if (!validated.ok) throw new Error(JSON.stringify(validated.error));
  return validated.value;
};

const STORY: CommandType[] = ['RegisterCae', 'IntegrateEntrepreneur', 'SignCape', 'RenewCape', 'SignCesa'];

describe.each([
  ['in memory', () => new InMemoryEventStore() as EventStore],
  ['SQLite', () => SqliteEventStore.open(':memory:') as EventStore],
])('CommandService on the %s log', (_name, makeStore) => {
  let store: InterleavingStore;
  let service: CommandService;

  beforeEach(async () => {
    store = new InterleavingStore(makeStore());
    const keys = new InMemoryKeyStore();
    service = new CommandService(store.wrap(), new PersonalDataVault(keys), keys);
    for (const type of STORY) expect((await service.handle(envelope(type, `story-${type}`))).status).toBe('accepted');
  });
  afterEach(() => store.inner.close());

  it('serialises interleaved invoices by optimistic concurrency: conflicts happen, are retried, numbers stay gapless', async () => {
    const n = 40;
    const outcomes = await Promise.all(Array.from({ length: n }, (_, i) => service.handle(envelope('IssueInvoice', `inv-${i}`))));
    expect(outcomes.every((o) => o.status === 'accepted')).toBe(true);
    expect(store.conflicts).toBeGreaterThan(0);
    const numbers = outcomes.map((o) => o.result!['number']).sort();
    expect(numbers).toEqual(Array.from({ length: n }, (_, i) => `2016-${String(i + 1).padStart(6, '0')}`));
  });

  it('never lets interleaved payments exceed what is due', async () => {
    await service.handle(envelope('IssueInvoice', 'inv'));
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => service.handle(envelope('RecordPayment', `pay-${i}`, { ...exampleData('RecordPayment'), amount: '1000.00' }))),
    );
    // 5,400.00 due: five payments of 1,000.00 fit, the others are refused.
    expect(outcomes.filter((o) => o.status === 'accepted')).toHaveLength(5);
    expect(outcomes.filter((o) => o.status === 'rejected').every((o) => o.error!.code === 'PAYMENT_EXCEEDS_DUE')).toBe(true);
  });

  it('answers the same commandId sent concurrently once accepted, the rest duplicate', async () => {
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => service.handle(envelope('IssueInvoice', 'same'))));
    expect(outcomes.filter((o) => o.status === 'accepted')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'duplicate')).toHaveLength(4);
    expect(new Set(outcomes.map((o) => o.result!['number']))).toEqual(new Set(['2016-000001']));
  });

  it('gives up with CONCURRENCY_CONFLICT, appending nothing, when conflicts never end', async () => {
    const keys = new InMemoryKeyStore();
    const impatient = new CommandService(store.wrap(), new PersonalDataVault(keys), keys, { maxAttempts: 1 });
    const head = await store.inner.headPosition();
    const outcomes = await Promise.all(Array.from({ length: 3 }, (_, i) => impatient.handle(envelope('IssueInvoice', `x-${i}`))));
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((o) => o.error!.code === 'CONCURRENCY_CONFLICT')).toBe(true);
    expect(await store.inner.headPosition()).toBe(head + 2 * (3 - refused.length));
  });
});
