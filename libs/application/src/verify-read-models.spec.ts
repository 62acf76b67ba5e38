import { validateEnvelope, type CommandType } from '../../domain';
import { exampleData } from '../../../test/fixtures/commands';
import { openInMemory, type Runtime } from './runtime';
import { verifyReadModels } from './verify-read-models';

const STORY: CommandType[] = ['RegisterCae', 'IntegrateEntrepreneur', 'SignCape', 'RenewCape', 'SignCesa', 'IssueInvoice', 'RecordPayment'];

const send = async (runtime: Runtime, commandId: string, type: CommandType, data: object = exampleData(type)) => {
  const envelope = validateEnvelope({ type, commandId, data });
  if (!envelope.ok) throw new Error(envelope.error.message);
  const outcome = await runtime.commands.handle(envelope.value);
  if (outcome.status !== 'accepted') throw new Error(JSON.stringify(outcome));
};

const check = (runtime: Runtime) => verifyReadModels(runtime.store, runtime.readStore, runtime.vault, runtime.projector.projections, { batchSize: 2 });

describe('read models checked against the log', () => {
  let runtime: Runtime;
  beforeEach(async () => {
    runtime = openInMemory();
    for (const type of STORY) await send(runtime, `s-${type}`, type);
    await runtime.projector.prepare();
  });
  afterEach(() => runtime.close());

  const activeRef = async (projection: string) => ({ projection, generation: (await runtime.readStore.status(projection)).activeGeneration! });

  it('finds every document of every projection as the log produces it', async () => {
    const report = await check(runtime);

    expect(report.ok).toBe(true);
    expect(report.projections.map((p) => p.projection)).toEqual(runtime.projector.projections.map((p) => p.name));
    expect(report.projections.every((p) => p.checkpoint === 8 && p.documents > 0)).toBe(true);
  });

  it('replays only up to the checkpoint of each projection, not the events it has yet to apply', async () => {
    await send(runtime, 'one-more-meeting', 'RecordMeeting', { ...exampleData('RecordMeeting'), hours: '2' });

    const report = await check(runtime);

    expect(report.ok).toBe(true);
    expect(report.projections.every((p) => p.checkpoint === 8)).toBe(true);
  });

  it('names the first document edited behind the projector, with a short diff', async () => {
    const ref = await activeRef('treasury');
    const [collection] = runtime.projector.projections.find((p) => p.name === 'treasury')!.collections;
    const [stored] = await runtime.readStore.list(ref, collection!);
    const edited = { ...stored!.doc, forged: 'yes' };
    await runtime.readStore.applyBatch(ref, [{ collection: collection!, id: stored!.id, doc: edited, position: stored!.position + 1 }], 8);

    const report = await check(runtime);

    expect(report.ok).toBe(false);
    expect(report.firstDifference).toEqual({
      projection: 'treasury',
      generation: ref.generation,
      collection,
      id: stored!.id,
      diff: 'forged: "yes" in the read models, absent from the log',
    });
  });

  it('names a document deleted from the read models', async () => {
    const ref = await activeRef('registers');
    const [collection] = runtime.projector.projections.find((p) => p.name === 'registers')!.collections;
    const [stored] = await runtime.readStore.list(ref, collection!);
    await runtime.readStore.applyBatch(ref, [{ collection: collection!, id: stored!.id, doc: null, position: stored!.position + 1 }], 8);

    const report = await check(runtime);

    expect(report.firstDifference).toMatchObject({ projection: 'registers', collection, id: stored!.id, diff: 'produced by the log, but missing from the read models' });
  });
});
