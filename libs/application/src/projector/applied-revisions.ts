import type { Doc, Json } from '../../../read-store';

/**
 * The idempotence guard, for the log and for Kafka alike: each document keeps, in `_applied`, the highest revision
 * of each stream applied to it, and an event is applied to a document only above it. A stream's events come in
 * revision order from both feeds (the log's order; one partition per stream), and nothing orders two streams on
 * Kafka, so this is the one guard both can keep: a replayed batch or a redelivered message counts once.
 */
export const APPLIED = '_applied';

export class AppliedRevisions {
  private readonly highest: Map<string, number>;

  constructor(entries: Iterable<readonly [string, number]> = []) {
    this.highest = new Map(entries);
  }

  /** The guard kept in a stored document (none yet: nothing applied). */
  static of(doc: Doc | undefined): AppliedRevisions {
    const stored = doc?.[APPLIED];
    return new AppliedRevisions(Array.isArray(stored) ? (stored as [string, number][]) : []);
  }

  /** True when the document already holds this event. */
  holds(event: { streamId: string; revision: number }): boolean {
    return event.revision <= (this.highest.get(event.streamId) ?? -1);
  }

  record(event: { streamId: string; revision: number }): void {
    if (!this.holds(event)) this.highest.set(event.streamId, event.revision);
  }

  /** Records the event and answers true the first time it is offered, false for a repeat. */
  accept(event: { streamId: string; revision: number }): boolean {
    if (this.holds(event)) return false;
    this.record(event);
    return true;
  }

  /** In stream order: the same guard gives the same bytes, whatever order the events came in. */
  toJson(): Json {
    return [...this.highest].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) as Json;
  }
}

/** A stored document as projections and queries see it: without the guard. */
export const withoutGuard = (doc: Doc): Doc => {
  if (!(APPLIED in doc)) return doc;
  const { [APPLIED]: _guard, ...rest } = doc;
  return rest;
};

/** The document to store: the projection's, with its guard. */
export const withGuard = (doc: Doc, applied: AppliedRevisions): Doc => ({ ...doc, [APPLIED]: applied.toJson() });
