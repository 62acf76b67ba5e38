import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { entrepreneurStream, validateEnvelope, type CommandType } from '../../../domain';
import { LogIntegrityError, type RecordedEvent } from '../../../event-store';
import type { DocChange, GenerationRef, ReadStore } from '../../../read-store';
import { ALL_PROJECTIONS } from '../../../../projections';
import type { Projection } from '../../../../projections/projection';
import { TREASURY } from '../../../../projections/treasury/projection';
import { exampleData } from '../../../../test/fixtures/commands';
import { runQuarantine } from '../../../../apps/cli/src/quarantine';
import { openEmbedded, openInMemory, type Runtime, type RuntimeOptions } from '../runtime';
import { Projector } from './projector';

const quiet: RuntimeOptions = { projector: { onQuarantine: () => undefined, batchSize: 4 } };

let sent = 0;
const send = async (runtime: Runtime, type: CommandType, data: Record<string, unknown>): Promise<void> => {
  const envelope = validateEnvelope({ type, commandId: `q-${++sent}`, data });
  if (!envelope.ok) throw new Error(envelope.error.message);
  const outcome = await runtime.commands.handle(envelope.value);
  if (outcome.status !== 'accepted') throw new Error(JSON.stringify(outcome));
};

/** Two CAEs, each with an integrated entrepreneur under a CAPE. */
const twoCaes = async (runtime: Runtime): Promise<void> => {
  for (const caeId of ['a', 'a-b']) {
    await send(runtime, 'RegisterCae', { ...exampleData('RegisterCae'), caeId });
    await send(runtime, 'IntegrateEntrepreneur', { ...exampleData('IntegrateEntrepreneur'), caeId });
    await send(runtime, 'SignCape', { ...exampleData('SignCape'), caeId });
  }
};

const invoice = (runtime: Runtime, caeId: string) =>
  send(runtime, 'IssueInvoice', { ...exampleData('IssueInvoice'), caeId, issuedOn: '2016-02-01', dueOn: '2016-03-01' });

/**
 * The event of failure 2: a CAPE signed for a person the treasury has never seen integrated (as the colliding
 * streams of issue 9 produced), appended behind the deciders' back. The treasury projection throws on it.
 */
const poison = async (runtime: Runtime): Promise<number> => {
  const [cape] = (await runtime.store.readStream(entrepreneurStream('a', 'e-001'))).filter((e) => e.type === 'CapeSigned') as [RecordedEvent];
  const { lastPosition } = await runtime.store.appendToStreams([
    {
      streamId: entrepreneurStream('a', 'ghost'),
      expectedRevision: 'no_stream',
      events: [{ eventId: 'poison', type: cape.type, schemaVersion: cape.schemaVersion, data: { ...cape.data, entrepreneurId: 'ghost' }, metadata: cape.metadata }],
    },
  ]);
  return lastPosition;
};

const account = async (runtime: Runtime, caeId: string) => {
  const { activeGeneration } = await runtime.readStore.status(TREASURY);
  return runtime.readStore.get({ projection: TREASURY, generation: activeGeneration! }, 'accounts', `${caeId}:e-001`);
};

/** The treasury as fixed by its developer: it now ignores a CAPE of someone never integrated. */
const fixedTreasury = (): Projection[] =>
  ALL_PROJECTIONS.map((projection) => {
    if (projection.name !== TREASURY) return projection;
    const ghost = (event: Parameters<Projection['apply']>[0]) => event.type === 'CapeSigned' && event.data.entrepreneurId === 'ghost';
    return { ...projection, documentsFor: (event) => (ghost(event) ? [] : projection.documentsFor(event)) };
  });

describe('an event a projection cannot apply (failure 2 of issue 9)', () => {
  let dir: string;
  let runtime: Runtime;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'alveole-quarantine-'));
    runtime = openEmbedded(dir, quiet);
  });
  afterEach(async () => {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is quarantined with its position, CAE, type and error; the other CAEs go on, its own CAE stops there', async () => {
    await twoCaes(runtime);
    const poisoned = await poison(runtime);
    await invoice(runtime, 'a');
    const invoiced = await runtime.store.headPosition();
    await invoice(runtime, 'a-b');
    await runtime.projector.prepare();

    expect(await runtime.quarantined()).toEqual([
      {
        projection: TREASURY,
        caeId: 'a',
        position: poisoned,
        streamId: entrepreneurStream('a', 'ghost'),
        eventType: 'CapeSigned',
        error: 'CapeSigned for "ghost" before their integration',
        held: 1,
        lastHeldPosition: invoiced,
      },
    ]);
    // The other CAE's invoice is in its account; CAE a's account stops before the fault.
    expect((await account(runtime, 'a-b'))!.position).toBeGreaterThan(poisoned);
    expect((await account(runtime, 'a'))!.position).toBeLessThan(poisoned);
    // Every projection, the treasury included, went to the head.
    expect((await runtime.projector.lag()).map((l) => l.eventsBehind)).toEqual(ALL_PROJECTIONS.map(() => 0));
    // The other projections took CAE a's invoice.
    const registers = await runtime.queries.run((models) => models.list('registers', 'invoices', { caeId: 'a' }));
    expect(registers).toHaveLength(1);
  });

  it('makes /api/health degraded naming it; a restart, a rebuild and a retry once fixed all work', async () => {
    await twoCaes(runtime);
    const poisoned = await poison(runtime);
    await invoice(runtime, 'a');
    await runtime.projector.prepare();

    const health = await runtime.health();
    expect(health.status).toBe('degraded');
    expect(health.problems).toEqual([
      {
        code: 'EVENT_QUARANTINED',
        message: expect.stringContaining(`treasury could not apply event ${poisoned} (CapeSigned, stream ${entrepreneurStream('a', 'ghost')}) of CAE a`),
        details: expect.objectContaining({ projection: TREASURY, caeId: 'a', position: poisoned, eventType: 'CapeSigned', error: expect.stringContaining('before their integration') }),
      },
    ]);
    // The projections of the other CAE are served.
    expect(health.projections).toHaveLength(ALL_PROJECTIONS.length);

    // A restart: prepares, and says it starts degraded.
    await runtime.close();
    runtime = openEmbedded(dir, quiet);
    const lines = await runtime.startProjections();
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^DEGRADED EVENT_QUARANTINED: treasury could not apply event/)]));
    await runtime.projector.stop();

    // A rebuild of every projection works, and quarantines it again in the new generation.
    const { generations } = await runtime.projector.rebuild(ALL_PROJECTIONS.map((p) => p.name));
    expect((await runtime.readStore.status(TREASURY)).activeGeneration).toBe(generations[TREASURY]);
    expect(await runtime.quarantined()).toEqual([expect.objectContaining({ projection: TREASURY, position: poisoned })]);
    const listed: string[] = [];
    expect(await runQuarantine(runtime, [], (line) => listed.push(line))).toBe(0);
    expect(listed[0]).toBe('1 event quarantined (1 later event of the same CAEs held behind them):');
    expect(listed[1]).toContain(`treasury · CAE a · position ${poisoned} (CapeSigned`);

    // The code is fixed; the operator retries: the treasury is rebuilt, the held invoice applied.
    await runtime.close();
    runtime = openEmbedded(dir, { ...quiet, projections: fixedTreasury() });
    await runtime.projector.prepare();
    const retried: string[] = [];
    expect(await runQuarantine(runtime, ['retry'], (line) => retried.push(line))).toBe(0);
    expect(retried).toEqual(['Rebuilt treasury.', 'No event quarantined.']);
    expect(await runtime.quarantined()).toEqual([]);
    expect((await account(runtime, 'a'))!.position).toBeGreaterThan(poisoned);
    expect(await runtime.health()).toMatchObject({ status: 'ok', problems: [] });
  });

  it('quarantines an event that cannot be opened (an unknown type) for every projection', async () => {
    await twoCaes(runtime);
    const [cape] = await runtime.store.readStream(entrepreneurStream('a', 'e-001'));
    const { lastPosition } = await runtime.store.appendToStreams([
      { streamId: 'alien/a', expectedRevision: 'no_stream', events: [{ eventId: 'alien', type: 'FromTheFuture', schemaVersion: 1, data: {}, metadata: cape!.metadata }] },
    ]);
    await invoice(runtime, 'a-b');
    await runtime.projector.prepare();
    const quarantined = await runtime.quarantined();
    expect(quarantined.map((q) => [q.projection, q.caeId, q.position, q.eventType, q.error])).toEqual(
      ALL_PROJECTIONS.map((p) => [p.name, 'a', lastPosition, 'FromTheFuture', 'Unknown event type FromTheFuture']),
    );
    expect((await account(runtime, 'a-b'))!.position).toBeGreaterThan(lastPosition);
  });
});

describe('replaying a batch over its own quarantine', () => {
  it('counts the held events once and still applies what came before the fault', async () => {
    const runtime = openInMemory(quiet);
    await twoCaes(runtime);
    const poisoned = await poison(runtime);
    await invoice(runtime, 'a');
    await runtime.projector.prepare();
    const before = await runtime.quarantined();
    // Every checkpoint read as 0, as after a crash between the documents and the checkpoint (MongoDB).
    const real = runtime.readStore;
    let rewound = true;
    const forgetful = Object.assign(Object.create(real) as ReadStore, {
      checkpoint: async (ref: GenerationRef) => (rewound ? 0 : real.checkpoint(ref)),
      applyBatch: async (ref: GenerationRef, changes: DocChange[], checkpoint: number) => {
        rewound = false;
        return real.applyBatch(ref, changes, checkpoint);
      },
    });
    expect(await new Projector(runtime.store, forgetful, runtime.vault, ALL_PROJECTIONS, quiet.projector).catchUp()).toBeGreaterThan(0);
    expect(await runtime.quarantined()).toEqual(before);
    expect(before).toEqual([expect.objectContaining({ position: poisoned, held: 1 })]);
    await runtime.close();
  });
});

describe('a log truncated below the projector checkpoint', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'alveole-truncated-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is refused: nothing more is written, and health is degraded saying so', async () => {
    let runtime = openEmbedded(dir, quiet);
    await twoCaes(runtime);
    await invoice(runtime, 'a');
    await runtime.projector.prepare();
    const checkpoint = await runtime.store.headPosition();
    await runtime.close();

    // Someone with access to the disk deletes the last events.
    const raw = new Database(join(dir, 'events.db'));
    expect(raw.prepare('DELETE FROM events WHERE position > ?').run(checkpoint - 3).changes).toBe(3);
    raw.close();

    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      runtime = openEmbedded(dir, quiet);
      await runtime.projector.prepare();
      const treasury = await runtime.readStore.status(TREASURY);
      expect(await runtime.readStore.checkpoint({ projection: TREASURY, generation: treasury.activeGeneration! })).toBe(checkpoint);
      const health = await runtime.health();
      expect(health.status).toBe('degraded');
      const behind = health.problems.filter((p) => p.code === 'LOG_BEHIND_CHECKPOINT');
      expect(behind.map((p) => p.details)).toEqual(
        ALL_PROJECTIONS.map((p) => ({ projection: p.name, generation: expect.any(Number), checkpoint, head: checkpoint - 3 })),
      );
      expect(behind[0]!.message).toMatch(/^The event log's head \(\d+\) is below the checkpoint of treasury .*: the log has lost events that were projected/);
      expect(errors).toHaveBeenCalledWith(expect.stringContaining("Projector: The event log's head"));

      // Events that land on the reused positions, past the old checkpoint, are not projected silently either.
      const [first] = await runtime.store.readAll(1, { limit: 1 });
      const filler = [1, 2, 3, 4].map((n) => ({ eventId: `f-${n}`, type: 'FromTheFuture', schemaVersion: 1, data: {}, metadata: first!.metadata }));
      const appended = await runtime.store
        .appendToStreams([{ streamId: 'filler/a', expectedRevision: 'no_stream', events: filler }]).catch((error: unknown) => {
        // Once the log checks its own head, it refuses these appends itself.
        if (!(error instanceof LogIntegrityError)) throw error;
        return undefined;
      });
      if (appended) {
        expect(await runtime.store.headPosition()).toBeGreaterThan(checkpoint);
        await runtime.projector.catchUp();
        expect(await runtime.readStore.checkpoint({ projection: TREASURY, generation: treasury.activeGeneration! })).toBe(checkpoint);
        expect((await runtime.health()).problems.filter((p) => p.code === 'LOG_BEHIND_CHECKPOINT')).toHaveLength(3);
      }

      // Accepted as it is, the log is rebuilt from: health is ok again.
      await runtime.projector.rebuild(ALL_PROJECTIONS.map((p) => p.name));
      expect((await runtime.health()).problems.filter((p) => p.code === 'LOG_BEHIND_CHECKPOINT')).toEqual([]);
    } finally {
      errors.mockRestore();
      await runtime.close();
    }
  });
});
