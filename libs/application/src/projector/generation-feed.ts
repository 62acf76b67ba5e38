import type { EventStore, RecordedEvent } from '../../../event-store';
import type { PersonalDataVault } from '../../../personal-data';
import type { GenerationRef, ReadStore } from '../../../read-store';
import type { Projection } from '../../../../projections/projection';
import { projectBatch } from './document-batch';
import type { LogHandler } from './log-consumer';
import { openPage } from './opening';
import type { QuarantiningProjection } from './quarantine';
import type { Refusals } from './refusals';

/** A generation fed by the log. */
export interface Target {
  projection: Projection;
  ref: GenerationRef;
}

/**
 * Feeds generations from the log, as one handler of the log consumer: its checkpoint is the lowest of theirs, and
 * a batch, read and opened once, is applied to each from its own checkpoint, its documents and checkpoint written
 * together. A generation whose checkpoint is above the log's head is refused (see Refusals).
 */
export class GenerationFeed implements LogHandler {
  constructor(
    private readonly store: EventStore,
    private readonly readStore: ReadStore,
    private readonly vault: PersonalDataVault,
    private readonly guards: ReadonlyMap<string, QuarantiningProjection>,
    private readonly refusals: Refusals,
    /** The generations to feed, read again at every batch (the live feed follows activations). */
    private readonly targets: () => Promise<Target[]>,
    /**
     * Whether a generation may join between two batches (the live feed); a rebuild's are fixed, so none is ever
     * behind a batch, also on a view of the log whose positions have gaps (one CAE's events, as of a date).
     */
    private readonly joins = true,
  ) {}

  /** The lowest checkpoint of the generations not refused; the head when there is none (only new events then). */
  async checkpoint(): Promise<number> {
    const kept = await this.kept();
    return kept.length === 0 ? this.store.headPosition() : Math.min(...kept.map(({ checkpoint }) => checkpoint));
  }

  async handle(page: RecordedEvent[]): Promise<void> {
    const kept = await this.kept();
    const first = page[0]!.position;
    const last = page[page.length - 1]!.position;
    const events = await openPage(page, this.vault);
    for (const { target, checkpoint } of kept) {
      // Behind the batch (activated meanwhile): left for the consumer to read again from its checkpoint.
      if (this.joins && checkpoint < first - 1) continue;
      const pending = events.filter(({ event }) => event.position > checkpoint);
      if (pending.length > 0) await projectBatch(this.readStore, target.ref, this.guards.get(target.projection.name)!, pending, { order: 'log', checkpoint: last });
    }
  }

  /** The targets with their checkpoints, the refused ones left out (the head is read after the checkpoints). */
  private async kept(): Promise<{ target: Target; checkpoint: number }[]> {
    const targets = await this.targets();
    const checkpoints = await Promise.all(targets.map(({ ref }) => this.readStore.checkpoint(ref)));
    const head = await this.store.headPosition();
    return targets.flatMap((target, i) => (this.refusals.refuseIfBehind(target.ref, checkpoints[i]!, head) ? [] : [{ target, checkpoint: checkpoints[i]! }]));
  }
}
