import { formatMoney, money, validateEnvelope } from '../../../domain';
import { InMemoryReadStore, type DocChange, type GenerationRef, type ReadStore } from '../../../read-store';
import type { Doc, Projection } from '../../../../projections/projection';
import { exampleData } from '../../../../test/fixtures/commands';
import { openInMemory, type Runtime } from '../runtime';
import { withoutGuard } from './applied-revisions';

/** A tiny projection: per CAE, how many events and the sum of payments, to watch the runtime at work. */
const counter = (version = 1): Projection => ({
  name: 'counter',
  version,
  collections: ['caes'],
  documentsFor: (event) => [{ collection: 'caes', id: event.caeId }],
  apply: (event, docs) => {
    const before = docs.get('caes', event.caeId) ?? { caeId: event.caeId, events: 0, paid: '0.00' };
    const paid = money(before['paid'] as string).plus(event.type === 'PaymentRecorded' ? event.data.amount : 0);
    return [{ collection: 'caes', id: event.caeId, doc: { ...before, events: (before['events'] as number) + 1, paid: formatMoney(paid) } }];
  },
});

const STORY = ['RegisterCae', 'IntegrateEntrepreneur', 'SignCape', 'RenewCape', 'SignCesa', 'IssueInvoice', 'RecordPayment'] as const;

const send = async (runtime: Runtime, commandId: string, type: (typeof STORY)[number], data: object = exampleData(type)) => {
  const envelope = validateEnvelope({ type, commandId, data });
  if (!envelope.ok) throw new Error(envelope.error.message);
  const outcome = await runtime.commands.handle(envelope.value);
  if (outcome.status !== 'accepted') throw new Error(JSON.stringify(outcome));
};

const story = async (runtime: Runtime) => {
  // Paid in part (the example story pays in full), so that the tests can pay more later.
  for (const type of STORY) await send(runtime, `s-${type}`, type, type === 'RecordPayment' ? { ...exampleData(type), amount: '3000.00' } : exampleData(type));
};

const counts = (runtime: Runtime) => runtime.queries.run((models) => models.get('counter', 'caes', 'coodyssee'));

/** Waits (without asserting any duration) until the projector has applied everything. */
const caughtUp = async (runtime: Runtime) => {
  for (let i = 0; i < 500; i++) {
    if ((await runtime.projector.lag()).every((l) => l.eventsBehind === 0)) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the projector never caught up');
};

describe('the projector runtime', () => {
  let runtime: Runtime;
  beforeEach(() => {
    runtime = openInMemory({ projections: [counter()], projector: { batchSize: 3 } });
  });
  afterEach(() => runtime.close());

  it('builds a projection never built, from the whole log, in batches', async () => {
    await story(runtime);
    expect(await counts(runtime)).toBeUndefined();
    await runtime.projector.prepare();
    expect(await counts(runtime)).toEqual({ caeId: 'coodyssee', events: 8, paid: '3000.00' });
    expect(await runtime.projector.lag()).toEqual([expect.objectContaining({ projection: 'counter', checkpoint: 8, head: 8, eventsBehind: 0, msBehind: 0 })]);
  });

  it('follows the log live and reports its lag', async () => {
    await runtime.projector.prepare();
    runtime.projector.start();
    await story(runtime);
    await caughtUp(runtime);
    expect(await counts(runtime)).toMatchObject({ events: 8 });
    await send(runtime, 'pay-2', 'RecordPayment', { ...exampleData('RecordPayment'), amount: '100.00' });
    await caughtUp(runtime);
    expect(await counts(runtime)).toMatchObject({ events: 9, paid: '3100.00' });
  });

  it('never counts an event twice when a batch is replayed after its documents were written but not its checkpoint', async () => {
    await story(runtime);
    const real = new InMemoryReadStore();
    // A store without transactions that crashes between the documents and the checkpoint of the 2nd batch.
    let batches = 0;
    const crashing: ReadStore = Object.assign(Object.create(real) as ReadStore, {
      applyBatch: async (ref: GenerationRef, changes: DocChange[], checkpoint: number) => {
        if (++batches === 2) {
          await real.applyBatch(ref, changes, await real.checkpoint(ref));
          throw new Error('crash before the checkpoint');
        }
        return real.applyBatch(ref, changes, checkpoint);
      },
    });
    const { Projector } = await import('./projector');
    const first = new Projector(runtime.store, crashing, runtime.vault, [counter()], { batchSize: 3 });
    await expect(first.prepare()).rejects.toThrow('crash before the checkpoint');
    const second = new Projector(runtime.store, real, runtime.vault, [counter()], { batchSize: 3 });
    await second.prepare();
    const status = await real.status('counter');
    const doc = await real.get({ projection: 'counter', generation: status.activeGeneration! }, 'caes', 'coodyssee');
    expect(withoutGuard(doc!.doc)).toEqual({ caeId: 'coodyssee', events: 8, paid: '3000.00' });
    // The guard that kept the replayed batch from counting twice: the last revision of each stream applied.
    expect(doc!.doc['_applied']).toEqual([['cae-coodyssee', 0], ['entrepreneur-coodyssee/e-001', 5], ['invoice-series-coodyssee/2016', 0]]);
  });

  it('rebuilds into a fresh generation while queries keep answering from the old one, then swaps', async () => {
    await story(runtime);
    await runtime.projector.prepare();
    const before = await runtime.readStore.status('counter');
    const seen: (Doc | undefined)[] = [];
    const { generations, events } = await runtime.projector.rebuild('counter', () => {
      seen.push(undefined);
      void counts(runtime).then((doc) => seen.push(doc));
    });
    expect(events).toBe(8);
    expect(generations['counter']).toBeGreaterThan(before.activeGeneration!);
    expect((await runtime.readStore.status('counter')).activeGeneration).toBe(generations['counter']);
    expect(await counts(runtime)).toEqual({ caeId: 'coodyssee', events: 8, paid: '3000.00' });
    // Every answer given during the rebuild was the complete old read model, never a partial new one.
    expect(seen.filter((d) => d !== undefined).every((d) => (d as Doc)['events'] === 8)).toBe(true);
  });

  it('rebuilds a projection whose version changed, and resumes a rebuild interrupted by a crash', async () => {
    await story(runtime);
    await runtime.projector.prepare();
    const v1 = (await runtime.readStore.status('counter')).activeGeneration!;
    // A rebuild of version 2 interrupted after its first batch.
    const started = await runtime.readStore.startGeneration('counter', 2);
    const { Projector } = await import('./projector');
    const v2 = new Projector(runtime.store, runtime.readStore, runtime.vault, [counter(2)], { batchSize: 3 });
    await runtime.readStore.applyBatch({ projection: 'counter', generation: started }, [], 0);
    await v2.prepare();
    const status = await runtime.readStore.status('counter');
    expect(status).toMatchObject({ activeGeneration: started, version: 2 });
    expect(status.activeGeneration).not.toBe(v1);
    expect(status.rebuildingGeneration).toBeUndefined();
    expect(await counts(runtime)).toEqual({ caeId: 'coodyssee', events: 8, paid: '3000.00' });
  });

  it('refuses a projection that touches a document it did not declare: the event is quarantined', async () => {
    const sneaky: Projection = { ...counter(), name: 'sneaky', documentsFor: () => [{ collection: 'caes', id: 'declared' }] };
    const local = openInMemory({ projections: [sneaky], projector: { onQuarantine: () => undefined } });
    await story(local);
    await local.projector.prepare();
    expect(await local.quarantined()).toEqual([expect.objectContaining({ projection: 'sneaky', caeId: 'coodyssee', position: 1, error: expect.stringMatching(/without declaring it/) })]);
    await local.close();
  });
});
