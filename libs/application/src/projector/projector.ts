import type { EventStore, RecordedEvent } from '../../../event-store';
import type { PersonalDataVault } from '../../../personal-data';
import type { ReadStore } from '../../../read-store';
import type { Projection } from '../../../../projections/projection';
import { GenerationFeed, type Target } from './generation-feed';
import { LogConsumer } from './log-consumer';
import { lagOf, problemsOf, type ProjectionLag } from './projector-status';
import { QuarantiningProjection, type Quarantined } from './quarantine';
import { Refusals, type LogBehindCheckpoint } from './refusals';

export { toProjectedEvent } from './opening';
export type { LogBehindCheckpoint } from './refusals';
export type { ProjectionLag } from './projector-status';

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

export interface RebuildProgress {
  projection: string;
  position: number;
  head: number;
}

const DEFAULT_BATCH = 1000;

/**
 * Runs projections over the log through the log consumer: each generation from its checkpoint, its documents and
 * checkpoint written together (each document holds the stream revisions it has applied, so a replayed event
 * never counts twice). A rebuild fills a new generation while queries read the active one, and swaps them once
 * caught up.
 */
export class Projector {
  private readonly batchSize: number;
  private readonly now: () => Date;
  private readonly guards: Map<string, QuarantiningProjection>;
  private readonly refusals = new Refusals();
  private readonly live: LogConsumer;

  constructor(
    private readonly store: EventStore,
    private readonly readStore: ReadStore,
    private readonly vault: PersonalDataVault,
    readonly projections: readonly Projection[],
    options: ProjectorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH;
    this.now = options.now ?? (() => new Date());
    this.guards = new Map(projections.map((projection) => [projection.name, new QuarantiningProjection(projection, options.onQuarantine)]));
    this.live = new LogConsumer(store, this.feed(() => this.activeTargets()), {
      batchSize: this.batchSize,
      retryDelayMs: options.retryDelayMs ?? 1000,
      // A failing batch is retried from its checkpoint after a pause; the API keeps serving meanwhile.
      onError: options.onError ?? ((error) => console.error('Projector: batch failed, retrying', error)),
    });
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
  catchUp(): Promise<number> {
    return new LogConsumer(this.store, this.feed(() => this.activeTargets()), { batchSize: this.batchSize }).catchUp();
  }

  /**
   * Rebuilds projections (one pass over the log for all of them) into fresh generations, or resumes the ones
   * being rebuilt, while queries keep reading the active ones; activates each once caught up with the head.
   */
  async rebuild(names: string | readonly string[], onProgress?: (progress: RebuildProgress) => void): Promise<{ generations: Record<string, number>; events: number }> {
    const targets: Target[] = [];
    for (const name of typeof names === 'string' ? [names] : names) targets.push({ projection: this.projection(name), ref: { projection: name, generation: await this.generationToBuild(name) } });
    const feed = this.feed(async () => targets, false);
    const progress = {
      checkpoint: () => feed.checkpoint(),
      handle: async (events: RecordedEvent[]) => {
        await feed.handle(events);
        if (!onProgress) return;
        const head = await this.store.headPosition();
        for (const { projection, ref } of targets) onProgress({ projection: projection.name, position: await this.readStore.checkpoint(ref), head });
      },
    };
    // Catch up, then activate; appends that land meanwhile are applied by the live loop on the new generations.
    const events = await new LogConsumer(this.store, progress, { batchSize: this.batchSize }).catchUp();
    const refused = targets.map(({ ref }) => this.refusals.get(ref)).filter((problem) => problem !== undefined);
    for (const { ref } of targets) if (!this.refusals.has(ref)) await this.readStore.activate(ref);
    if (refused.length > 0) throw new Error(refused.map((problem) => problem.message).join('\n'));
    return { generations: Object.fromEntries(targets.map(({ ref }) => [ref.projection, ref.generation])), events };
  }

  /** Keeps every projection up to date until stop(); waits for appends when caught up. */
  start(): void {
    this.live.start();
  }

  stop(): Promise<void> {
    return this.live.stop();
  }

  lag(): Promise<ProjectionLag[]> {
    return lagOf(this.store, this.readStore, this.projections, this.now);
  }

  /**
   * The generations this projector refuses to write because the log's head is below their checkpoint (the log
   * was truncated, or restored from an older copy): positions would be reused by new events and never projected.
   */
  problems(): Promise<LogBehindCheckpoint[]> {
    return problemsOf(this.store, this.readStore, this.projections, this.refusals);
  }

  private feed(targets: () => Promise<Target[]>, joins = true): GenerationFeed {
    return new GenerationFeed(this.store, this.readStore, this.vault, this.guards, this.refusals, targets, joins);
  }

  private async activeTargets(): Promise<Target[]> {
    const targets: Target[] = [];
    for (const projection of this.projections) {
      const { activeGeneration } = await this.readStore.status(projection.name);
      if (activeGeneration !== undefined) targets.push({ projection, ref: { projection: projection.name, generation: activeGeneration } });
    }
    return targets;
  }

  /** The rebuilding generation to resume, if its code still matches, or a fresh one. */
  private async generationToBuild(name: string): Promise<number> {
    const projection = this.projection(name);
    const status = await this.readStore.status(name);
    const resumable = status.rebuildingGeneration !== undefined && status.rebuildingVersion === projection.version;
    // A rebuild left beyond the head of a log that lost events since is started again: it serves nothing yet.
    if (resumable && (await this.readStore.checkpoint({ projection: name, generation: status.rebuildingGeneration! })) <= (await this.store.headPosition()))
      return status.rebuildingGeneration!;
    if (status.rebuildingGeneration !== undefined) await this.readStore.dropGeneration({ projection: name, generation: status.rebuildingGeneration });
    return this.readStore.startGeneration(projection.name, projection.version);
  }

  private projection(name: string): Projection {
    const projection = this.projections.find((p) => p.name === name);
    if (!projection) throw new Error(`Unknown projection "${name}" (known: ${this.projections.map((p) => p.name).join(', ')})`);
    return projection;
  }
}
