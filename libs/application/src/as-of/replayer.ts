import type { EventStore, RecordedEvent } from '../../../event-store';
import { occurredOn, type DomainEvent, type IsoDate, type KnownAt } from '../../../domain';
import type { PersonalDataVault } from '../../../personal-data';
import { InMemoryReadStore } from '../../../read-store';
import type { Projection } from '../../../../projections/projection';
import { Projector } from '../projector/projector';
import { QueryRunner } from '../projector/read-models';
import { LogView } from './log-view';

/** Whose events a replay reads: one CAE's, or the whole network's (no caeId). */
export interface Scope {
  caeId?: string;
}

/** Where history is cut: facts dated after `asOf` are left out, and so are events recorded after `knownAt`. */
export interface Cut {
  asOf?: IsoDate;
  knownAt?: KnownAt;
}

/** Without a cut a query reads the live read models. */
export const isLive = (cut: Cut): boolean => cut.asOf === undefined && cut.knownAt === undefined;

/** A fact dated after the day; one without a business date (a CAE's registration) stands from when it was recorded. */
export const datedAfter = (event: RecordedEvent, day: IsoDate): boolean =>
  event.metadata.occurredOn > day && occurredOn({ type: event.type, data: event.data } as unknown as DomainEvent) !== undefined;

/** The log as the scope and the cut see it: the events a replay projects, or an audit evaluates. */
export const viewOf = (store: EventStore, scope: Scope, cut: Cut, types?: readonly string[]): LogView => {
  const knownAt = cut.knownAt;
  const recordedBy = knownAt !== undefined && 'instant' in knownAt ? Date.parse(knownAt.instant) : undefined;
  const keep = (event: RecordedEvent): boolean =>
    (cut.asOf === undefined || !datedAfter(event, cut.asOf)) && (recordedBy === undefined || Date.parse(event.metadata.recordedAt) <= recordedBy);
  return new LogView(store, {
    keep,
    ...(scope.caeId !== undefined && { caeId: scope.caeId }),
    ...(types !== undefined && { types }),
    ...(knownAt !== undefined && 'position' in knownAt && { last: knownAt.position }),
  });
};

/** The event types the projections handle (undefined when one of them does not say: then every type). */
const handledBy = (projections: readonly Projection[]): readonly string[] | undefined =>
  projections.every((projection) => projection.events !== undefined) ? [...new Set(projections.flatMap((projection) => projection.events!))] : undefined;

const CACHED = 4;
const REPLAY_BATCH = 20_000;

/**
 * Read models as of a cut: the scope's events replayed through the same projections into a throwaway in-memory
 * store, never touching the live read models. The last few replays are kept, keyed by the log head too, so
 * paging through a register as of a date replays once while the log does not move.
 */
export class AsOfReplayer {
  private readonly replays = new Map<string, Promise<QueryRunner>>();

  constructor(
    private readonly store: EventStore,
    private readonly vault: PersonalDataVault,
    private readonly projections: readonly Projection[],
  ) {}

  /** `projections`: the names of those the query reads (default: every one); only they are replayed. */
  async readModels(scope: Scope, cut: Cut, projections?: readonly string[]): Promise<QueryRunner> {
    const chosen = projections === undefined ? this.projections : this.projections.filter((projection) => projections.includes(projection.name));
    const key = JSON.stringify([scope.caeId ?? null, cut.asOf ?? null, cut.knownAt ?? null, chosen.map((projection) => projection.name), await this.store.headPosition()]);
    const cached = this.replays.get(key);
    if (cached !== undefined) {
      // Most recently used last: the first key is the one to drop.
      this.replays.delete(key);
      this.replays.set(key, cached);
      return cached;
    }
    const replay = this.replay(scope, cut, chosen);
    this.replays.set(key, replay);
    replay.catch(() => this.replays.delete(key));
    while (this.replays.size > CACHED) this.replays.delete(this.replays.keys().next().value!);
    return replay;
  }

  private async replay(scope: Scope, cut: Cut, projections: readonly Projection[]): Promise<QueryRunner> {
    const readStore = new InMemoryReadStore();
    // An event a projection cannot apply is quarantined in the throwaway store, as it is in the live one. Large
    // batches: every document a batch touches is copied in and out of the store once per batch.
    const projector = new Projector(viewOf(this.store, scope, cut, handledBy(projections)), readStore, this.vault, projections, { onError: () => undefined, onQuarantine: () => undefined, batchSize: REPLAY_BATCH });
    await projector.rebuild(projections.map((projection) => projection.name));
    return new QueryRunner(readStore);
  }
}
