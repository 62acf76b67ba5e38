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

  const continuous = (n: number) => Array.from({ length: n }, (_, i) => `2016-${String(i + 1).padStart(6, '0')}`);

  it('lets interleaved invoices of one process take turns: no conflict, numbers continuous', async () => {
    const n = 40;
    const outcomes = await Promise.all(Array.from({ length: n }, (_, i) => service.handle(envelope('IssueInvoice', `inv-${i}`))));
    expect(outcomes.every((o) => o.status === 'accepted')).toBe(true);
    expect(store.conflicts).toBe(0);
    expect(outcomes.map((o) => o.result!['number']).sort()).toEqual(continuous(n));
  });

  it('retries the conflicts another process causes: every invoice of both accepted, numbers continuous', async () => {
    const keys = new InMemoryKeyStore();
    const other = new CommandService(store.wrap(), new PersonalDataVault(keys), keys);
    const n = 20;
    const outcomes = await Promise.all(
      Array.from({ length: n }, (_, i) => [service.handle(envelope('IssueInvoice', `here-${i}`)), other.handle(envelope('IssueInvoice', `there-${i}`))]).flat(),
    );
    expect(outcomes.every((o) => o.status === 'accepted')).toBe(true);
    expect(store.conflicts).toBeGreaterThan(0);
    expect(outcomes.map((o) => o.result!['number']).sort()).toEqual(continuous(2 * n));
  });

  it('never lets interleaved payments exceed what is due', async () => {
    await service.handle(envelope('IssueInvoice', 'inv'));
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => service.handle(envelope('RecordPayment', `pay-${i}`, { ...exampleData('RecordPayment'), amount: '1000.00' }))),
    );
    // 5,400.00 due: five payments of 1,000.00 fit, the others are refused.
    expect(outcomes.filter((o) => o.status === 'accepted')).toHaveLength(5);
    expect(outcomes.filter((o) => o.status === 'rejected').every((o) => o.error!.code === 'PAYMENT_EXCEEDS_DUE')).toBe(true);
    // The invoice's entrepreneur, found through its series, is whose turn the payments take.
    expect(store.conflicts).toBe(0);
  });

  it('lets credit notes, payments and invoices on one series and one entrepreneur take turns without a conflict', async () => {
    await service.handle(envelope('IssueInvoice', 'inv'));
    const credit = (i: number) => ({ ...exampleData('IssueCreditNote'), lines: [{ description: 'Remise', quantity: '1', unitPrice: '10.00', vatRate: '20' }], reason: `r${i}` });
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => [
        service.handle(envelope('IssueCreditNote', `credit-${i}`, credit(i))),
        service.handle(envelope('RecordPayment', `pay-${i}`, { ...exampleData('RecordPayment'), amount: '100.00' })),
        service.handle(envelope('IssueInvoice', `more-${i}`, { ...exampleData('IssueInvoice'), issuedOn: '2016-09-22' })),
      ]).flat(),
    );
    expect(outcomes.filter((o) => o.status !== 'accepted')).toEqual([]);
    expect(store.conflicts).toBe(0);
  });

  it('does not serialise a CAE: commands on different entrepreneurs all start before the first append ends', async () => {
    const log: string[] = [];
    const inner = store.wrap();
    const traced = new Proxy(inner, {
      get(target, property, receiver) {
        if (property === 'findCommand') return (commandId: string) => (log.push(`start ${commandId}`), target.findCommand(commandId));
        if (property === 'appendToStreams')
          return async (...args: Parameters<EventStore['appendToStreams']>) => {
            const outcome = await target.appendToStreams(...args);
            log.push('appended');
            return outcome;
          };
        return Reflect.get(target, property, receiver);
      },
    });
    const keys = new InMemoryKeyStore();
    const tracedService = new CommandService(traced, new PersonalDataVault(keys), keys);
    const n = 8;
    const outcomes = await Promise.all(
      Array.from({ length: n }, (_, i) => tracedService.handle(envelope('IntegrateEntrepreneur', `int-${i}`, { ...exampleData('IntegrateEntrepreneur'), entrepreneurId: `e-10${i}` }))),
    );
    expect(outcomes.every((o) => o.status === 'accepted')).toBe(true);
    expect(log.indexOf('appended')).toBe(n);
  });

  it('answers the same commandId sent concurrently once accepted, the rest duplicate', async () => {
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => service.handle(envelope('IssueInvoice', 'same'))));
    expect(outcomes.filter((o) => o.status === 'accepted')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'duplicate')).toHaveLength(4);
    expect(new Set(outcomes.map((o) => o.result!['number']))).toEqual(new Set(['2016-000001']));
  });

  it('gives up with CONCURRENCY_CONFLICT, appending nothing, when another process keeps winning', async () => {
    const impatient = () => {
      const keys = new InMemoryKeyStore();
      return new CommandService(store.wrap(), new PersonalDataVault(keys), keys, { maxAttempts: 1 });
    };
    const [here, there] = [impatient(), impatient()];
    const head = await store.inner.headPosition();
    const outcomes = await Promise.all(Array.from({ length: 3 }, (_, i) => [here.handle(envelope('IssueInvoice', `x-${i}`)), there.handle(envelope('IssueInvoice', `y-${i}`))]).flat());
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((o) => o.error!.code === 'CONCURRENCY_CONFLICT')).toBe(true);
    expect(await store.inner.headPosition()).toBe(head + 2 * (6 - refused.length));
  });
});
