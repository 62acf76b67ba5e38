import type { RecordedEvent } from '../../event-store';

/**
 * Consumer-side dedupe by (streamId, revision). The relay may publish a page again (killed between the broker's
 * acknowledgement and its checkpoint), but a stream's events always arrive in revision order on one partition,
 * so remembering the highest revision seen per stream is enough to drop every repeat.
 */
export class StreamDeduper {
  private readonly seen = new Map<string, number>();

  /** `highest`: revisions already applied, per stream (a consumer restores them from its own store). */
  constructor(highest: Iterable<[string, number]> = []) {
    for (const [streamId, revision] of highest) this.seen.set(streamId, revision);
  }

  /** True the first time an event is offered, false for a redelivery. */
  accept(event: Pick<RecordedEvent, 'streamId' | 'revision'>): boolean {
    const last = this.seen.get(event.streamId);
    if (last !== undefined && event.revision <= last) return false;
    this.seen.set(event.streamId, event.revision);
    return true;
  }

  highest(streamId: string): number | undefined {
    return this.seen.get(streamId);
  }
}
