import { upcast, type Fold, type StreamReader } from '../../domain';
import type { EventStore } from '../../event-store';

export type { Fold };

interface Entry {
  revision: number;
  state: unknown;
}

/**
 * Folded aggregates kept between commands (least recently used first out): loading a stream reads only the
 * events appended since the cached revision, by this process or another. The log stays the truth: a stale
 * entry is caught up on the next load, and an append against it fails on its expected revision.
 * The cache is bounded by the number of events its states were folded from, since a year's invoice series is
 * thousands of times longer than a CAE's stream.
 */
export class AggregateCache implements StreamReader {
  private readonly entries = new Map<string, Entry>();
  private weight = 0;

  constructor(
    private readonly store: EventStore,
    private readonly maxEvents = 1_000_000,
  ) {}

  async readStream<S>(streamId: string, fold: Fold<S>): Promise<{ state: S; revision: number }> {
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
    const kept = latest && latest.revision > revision ? latest : { revision, state };
    this.remove(streamId);
    this.entries.set(streamId, kept);
    this.weight += kept.revision + 1;
    for (const oldest of this.entries.keys()) {
      if (this.weight <= this.maxEvents || oldest === streamId) break;
      this.remove(oldest);
    }
    return { state, revision };
  }

  private remove(streamId: string): void {
    const entry = this.entries.get(streamId);
    if (!entry) return;
    this.weight -= entry.revision + 1;
    this.entries.delete(streamId);
  }
}
