import { upcast, type DomainEvent } from '../../domain';
import type { EventStore } from '../../event-store';

/** How a stream folds into the state a decider needs. */
export interface Fold<S> {
  initial(): S;
  evolve(state: S, event: DomainEvent): S;
}

interface Entry {
  revision: number;
  state: unknown;
}

/**
 * Folded aggregates kept between commands (least recently used first out): loading a stream reads only the
 * events appended since the cached revision, by this process or another. The log stays the truth: a stale
 * entry is caught up on the next load, and an append against it fails on its expected revision.
 */
export class AggregateCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: EventStore,
    private readonly maxStreams = 20_000,
  ) {}

  async load<S>(streamId: string, fold: Fold<S>): Promise<{ state: S; revision: number }> {
    const cached = this.entries.get(streamId);
    let state = (cached?.state as S | undefined) ?? fold.initial();
    let revision = cached?.revision ?? -1;
    const recorded = await this.store.readStream(streamId, { fromRevision: revision + 1 });
    for (const r of recorded) {
      state = fold.evolve(state, upcast(r.type, r.schemaVersion, r.data));
      revision = r.revision;
    }
    // Re-inserting moves the stream to the most recently used end; a slower concurrent load never rolls it back.
    const latest = this.entries.get(streamId);
    this.entries.delete(streamId);
    this.entries.set(streamId, latest && latest.revision > revision ? latest : { revision, state });
    if (this.entries.size > this.maxStreams) this.entries.delete(this.entries.keys().next().value!);
    return { state, revision };
  }
}
