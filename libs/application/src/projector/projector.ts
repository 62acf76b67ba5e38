import { waitForAppend, type EventStore } from '../../../event-store';
import type { PersonalDataVault } from '../../../personal-data';
import type { DocChange, GenerationRef, ReadStore } from '../../../read-store';
import type { Doc, Projection } from '../../../../projections/projection';
import { readDocuments } from './declared-documents';
import { openForProjection, QuarantiningProjection, type IncomingEvent, type Quarantined } from './quarantine';

export { toProjectedEvent } from './quarantine';

export interface ProjectorOptions {
  /** Events read and written per batch (one read-store transaction each). */
  batchSize?: number;
  now?: () => Date;
  /** Where the live loop reports a failed batch before retrying it. */
  onError?: (error: unknown) => void;
  retryDelayMs?: number;
  /** Where an event quarantined for a projection is reported as it happens (default: a warning on the console). */
  onQuarantine?: (quarantined: Quarantined) => void;
}

/** The log's head is below a generation's checkpoint: the log lost events that were projected. */
export interface LogBehindCheckpoint {
  code: 'LOG_BEHIND_CHECKPOINT';
  message: string;
  details: { projection: string; generation: number; checkpoint: number; head: number };
}

export interface ProjectionLag {
  projection: string;
  generation?: number;
  checkpoint: number;
  head: number;
  eventsBehind: number;
  /** Age of the oldest event not yet applied (0 when caught up). */
  msBehind: number;
  rebuilding?: { generation: number; checkpoint: number };
}

export interface RebuildProgress {
  projection: string;
  position: number;
  head: number;
}

const DEFAULT_BATCH = 1000;

/**
 * Runs projections over the log: from each generation's checkpoint, in batches, writing the documents and the
 * checkpoint together (the read store guards each document by the position last applied, so a replayed
 * event never counts twice). A rebuild fills a new generation while queries read the active one, and swaps
 * them once caught up.
 */
export class Projector {
  private readonly batchSize: number;
  private readonly now: () => Date;
  private readonly onError: (error: unknown) => void;
  private readonly retryDelayMs: number;
  private running = false;
  private stopped: Promise<void> = Promise.resolve();
  private wakeStop: (() => void) | undefined;
  private readonly guards: Map<string, QuarantiningProjection>;
  /** Generations refused because the log went below their checkpoint: never written again, even once the head has passed it. */
  private readonly refused = new Map<string, LogBehindCheckpoint>();

  constructor(
    private readonly store: EventStore,
    private readonly readStore: ReadStore,
    private readonly vault: PersonalDataVault,
    readonly projections: readonly Projection[],
    options: ProjectorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH;
    this.now = options.now ?? (() => new Date());
    this.onError = options.onError ?? ((error) => console.error('Projector: batch failed, retrying', error));
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.guards = new Map(projections.map((projection) => [projection.name, new QuarantiningProjection(projection, options.onQuarantine)]));
  }

  /**
   * Gets every projection ready to serve: a projection never built, or built by another version of its code,
   * is (re)built; a rebuild interrupted by a crash resumes from its checkpoint. Then catches up.
   */
  async prepare(onProgress?: (progress: RebuildProgress) => void): Promise<void> {
    const stale: string[] = [];
    for (const projection of this.projections) {
      const status = await this.readStore.status(projection.name);
      if (status.rebuildingGeneration !== undefined || status.activeGeneration === undefined || status.version !== projection.version)
        stale.push(projection.name);
    }
    if (stale.length > 0) await this.rebuild(stale, onProgress);
    await this.catchUp();
  }

  /** Applies every event up to the head to each projection's active generation. */
  async catchUp(): Promise<number> {
    const targets: Target[] = [];
    for (const projection of this.projections) {
      const status = await this.readStore.status(projection.name);
      if (status.activeGeneration !== undefined) targets.push({ projection, ref: { projection: projection.name, generation: status.activeGeneration } });
    }
    let applied = 0;
    for (let processed = await this.runBatch(targets); processed > 0; processed = await this.runBatch(targets)) applied += processed;
    return applied;
  }

  /**
   * Rebuilds projections (one pass over the log for all of them) into fresh generations, or resumes the ones
   * being rebuilt, while queries keep reading the active ones; activates each once caught up with the head.
   */
  async rebuild(names: string | readonly string[], onProgress?: (progress: RebuildProgress) => void): Promise<{ generations: Record<string, number>; events: number }> {
    const targets: Target[] = [];
    for (const name of typeof names === 'string' ? [names] : names) {
      const projection = this.projection(name);
      const status = await this.readStore.status(name);
      const resumable = status.rebuildingGeneration !== undefined && status.rebuildingVersion === projection.version;
      // A rebuild left beyond the head of a log that lost events since is started again: it serves nothing yet.
      const generation =
        resumable && (await this.readStore.checkpoint({ projection: name, generation: status.rebuildingGeneration! })) <= (await this.store.headPosition())
          ? status.rebuildingGeneration!
          : await this.restart(projection, status.rebuildingGeneration);
      targets.push({ projection, ref: { projection: name, generation } });
    }
    let events = 0;
    // Catch up, then activate; appends that land meanwhile are applied by the live loop on the new generations.
    for (;;) {
      const processed = await this.runBatch(targets);
      events += processed;
      if (onProgress) {
        const head = await this.store.headPosition();
        for (const { projection, ref } of targets) onProgress({ projection: projection.name, position: await this.readStore.checkpoint(ref), head });
      }
      if (processed === 0) break;
    }
    const refused = targets.map(({ ref }) => this.refused.get(refKey(ref))).filter((problem) => problem !== undefined);
    for (const { ref } of targets) if (!this.refused.has(refKey(ref))) await this.readStore.activate(ref);
    if (refused.length > 0) throw new Error(refused.map((problem) => problem.message).join('\n'));
    return { generations: Object.fromEntries(targets.map(({ ref }) => [ref.projection, ref.generation])), events };
  }

  /** Keeps every projection up to date until stop(); waits for appends when caught up. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const stop = new Promise<void>((resolve) => (this.wakeStop = resolve));
    this.stopped = this.loop(stop);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeStop?.();
    await this.stopped;
  }

  async lag(): Promise<ProjectionLag[]> {
    const head = await this.store.headPosition();
    const lags: ProjectionLag[] = [];
    for (const projection of this.projections) {
      const status = await this.readStore.status(projection.name);
      const checkpoint =
        status.activeGeneration === undefined ? 0 : await this.readStore.checkpoint({ projection: projection.name, generation: status.activeGeneration });
      const [next] = checkpoint < head ? await this.store.readAll(checkpoint + 1, { limit: 1 }) : [];
      lags.push({
        projection: projection.name,
        ...(status.activeGeneration !== undefined ? { generation: status.activeGeneration } : {}),
        checkpoint,
        head,
        eventsBehind: head - checkpoint,
        msBehind: next ? Math.max(0, this.now().getTime() - Date.parse(next.metadata.recordedAt)) : 0,
        ...(status.rebuildingGeneration !== undefined
          ? {
              rebuilding: {
                generation: status.rebuildingGeneration,
                checkpoint: await this.readStore.checkpoint({ projection: projection.name, generation: status.rebuildingGeneration }),
              },
            }
          : {}),
      });
    }
    return lags;
  }

  /**
   * The generations this projector refuses to write because the log's head is below their checkpoint (the log
   * was truncated, or restored from an older copy): positions would be reused by new events and never projected.
   */
  async problems(): Promise<LogBehindCheckpoint[]> {
    const problems: LogBehindCheckpoint[] = [];
    for (const projection of this.projections) {
      const status = await this.readStore.status(projection.name);
      for (const generation of [status.activeGeneration, status.rebuildingGeneration]) {
        const ref = { projection: projection.name, generation: generation! };
        if (generation !== undefined && (await this.refuseIfBehind(ref))) problems.push(this.refused.get(refKey(ref))!);
      }
    }
    return problems;
  }

  private async refuseIfBehind(ref: GenerationRef): Promise<boolean> {
    if (this.refused.has(refKey(ref))) return true;
    const checkpoint = await this.readStore.checkpoint(ref);
    // The head read after the checkpoint: another projector moving it meanwhile can only have seen a lower head.
    return this.refuseBehind(ref, checkpoint, await this.store.headPosition());
  }

  /** Refuses the generation for good if its checkpoint is above the head (read after the checkpoint). */
  private refuseBehind(ref: GenerationRef, checkpoint: number, head: number): boolean {
    const key = refKey(ref);
    if (this.refused.has(key)) return true;
    if (checkpoint <= head) return false;
    const problem: LogBehindCheckpoint = {
      code: 'LOG_BEHIND_CHECKPOINT',
      message:
        `The event log's head (${head}) is below the checkpoint of ${ref.projection} (generation ${ref.generation}, ${checkpoint}): ` +
        'the log has lost events that were projected (truncated, or restored from an older copy). The projector no longer ' +
        'writes that generation. Restore the log, or accept it as it is and rebuild the read models (npm run cli -- rebuild).',
      details: { projection: ref.projection, generation: ref.generation, checkpoint, head },
    };
    this.refused.set(key, problem);
    console.error(`Projector: ${problem.message}`);
    return true;
  }

  private async loop(stop: Promise<void>): Promise<void> {
    while (this.running) {
      try {
        await this.catchUp();
        if (!this.running) return;
        // From what was applied, not from the head: an append that landed after the last read must wake us.
        await waitForAppend(this.store, await this.lowestCheckpoint(), stop);
      } catch (error) {
        // A failing batch is retried from its checkpoint after a pause; the API keeps serving meanwhile.
        this.onError(error);
        await Promise.race([new Promise((resolve) => setTimeout(resolve, this.retryDelayMs)), stop]);
      }
    }
  }

  private async lowestCheckpoint(): Promise<number> {
    let lowest = Number.MAX_SAFE_INTEGER;
    for (const projection of this.projections) {
      const { activeGeneration } = await this.readStore.status(projection.name);
      if (activeGeneration !== undefined && !this.refused.has(refKey({ projection: projection.name, generation: activeGeneration })))
        lowest = Math.min(lowest, await this.readStore.checkpoint({ projection: projection.name, generation: activeGeneration }));
    }
    return lowest === Number.MAX_SAFE_INTEGER ? this.store.headPosition() : lowest;
  }

  private async restart(projection: Projection, abandoned: number | undefined): Promise<number> {
    if (abandoned !== undefined) await this.readStore.dropGeneration({ projection: projection.name, generation: abandoned });
    return this.readStore.startGeneration(projection.name, projection.version);
  }

  private projection(name: string): Projection {
    const projection = this.projections.find((p) => p.name === name);
    if (!projection) throw new Error(`Unknown projection "${name}" (known: ${this.projections.map((p) => p.name).join(', ')})`);
    return projection;
  }

  /**
   * One page of the log from the lowest checkpoint, read and opened once, applied to each projection from its
   * own checkpoint: its documents and checkpoint written together. Returns the number of events read.
   */
  private async runBatch(all: readonly Target[]): Promise<number> {
    const read = await Promise.all(all.map(({ ref }) => this.readStore.checkpoint(ref)));
    const head = await this.store.headPosition();
    const kept = all.flatMap((target, i) => (this.refuseBehind(target.ref, read[i]!, head) ? [] : [{ target, checkpoint: read[i]! }]));
    if (kept.length === 0) return 0;
    const targets = kept.map(({ target }) => target);
    const checkpoints = kept.map(({ checkpoint }) => checkpoint);
    const page = await this.store.readAll(Math.min(...checkpoints) + 1, { limit: this.batchSize });
    if (page.length === 0) return 0;
    const events = await Promise.all(page.map((recorded) => openForProjection(recorded, this.vault)));
    const last = page[page.length - 1]!.position;
    for (const [i, { projection, ref }] of targets.entries()) {
      const pending = events.filter((event) => event.position > checkpoints[i]!);
      if (pending.length > 0) await this.readStore.applyBatch(ref, await this.project(this.guards.get(projection.name)!, ref, pending), last);
    }
    if (events.some((event) => event.type === 'PersonForgotten')) await this.readStore.scrub?.();
    return page.length;
  }

  /**
   * Applies a batch of events in order over the documents they concern, read once for the whole batch; an event
   * the projection cannot apply is quarantined in the same batch.
   */
  private async project(guard: QuarantiningProjection, ref: GenerationRef, events: IncomingEvent[]): Promise<DocChange[]> {
    const plans = events.map((event) => guard.plan(event));
    const cache = new Map<string, CachedDoc>();
    for (const [key, { collection, id, stored }] of await readDocuments(this.readStore, ref, plans.flatMap((plan) => plan.refs)))
      if (stored) cache.set(key, { collection, id, doc: stored.doc as Doc, position: stored.position });
    const dirty = new Set<string>();
    events.forEach((event, i) => {
      for (const update of guard.apply(event, plans[i]!, (key) => cache.get(key)?.doc ?? undefined)) {
        // Already applied to this document (a batch replayed after a partial write): it must not count twice.
        if ((cache.get(update.key)?.position ?? 0) >= event.position) continue;
        cache.set(update.key, { collection: update.collection, id: update.id, doc: update.doc, position: event.position });
        dirty.add(update.key);
      }
    });
    return [...dirty].map((key) => cache.get(key)!);
  }
}

const refKey = (ref: GenerationRef): string => `${ref.projection}\u0000${ref.generation}`;

interface Target {
  projection: Projection;
  ref: GenerationRef;
}

interface CachedDoc {
  collection: string;
  id: string;
  doc: Doc | null;
  position: number;
}
