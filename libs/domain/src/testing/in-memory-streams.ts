import type { Fold, StreamReader } from '../command-handling/stream-reader';
import { streamOf, type DomainEvent } from '../events';

/** The log of a spec: each event on the stream its type declares, and all of them in the order recorded. */
export class InMemoryStreams implements StreamReader {
  private readonly streams = new Map<string, DomainEvent[]>();
  readonly events: DomainEvent[] = [];

  constructor(events: readonly DomainEvent[] = []) {
    events.forEach((event) => this.append(event));
  }

  append(event: DomainEvent): void {
    const streamId = streamOf(event);
    this.streams.set(streamId, [...(this.streams.get(streamId) ?? []), event]);
    this.events.push(event);
  }

  async readStream<S>(streamId: string, fold: Fold<S>): Promise<{ state: S; revision: number }> {
    const events = this.streams.get(streamId) ?? [];
    return { state: events.reduce(fold.evolve, fold.initial()), revision: events.length - 1 };
  }
}
