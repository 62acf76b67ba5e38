import type { RecordedEvent } from '../../event-store';

/** The topic the relay publishes the whole log to, keyed by stream id. */
export const EVENTS_TOPIC = 'cae.events.v1';

/**
 * Publishes stored events to a topic. Each event is a message keyed by its stream id (so a stream's events keep
 * their order within one partition), with headers type, caeId, position, hash and schemaVersion, and the stored
 * event as JSON for value.
 */
export interface EventPublisher {
  /**
   * Publishes the events in the order given and resolves only once the broker has acknowledged every one of
   * them (all in-sync replicas). A rejection means some may be published and others not: publish them again.
   */
  publish(topic: string, events: readonly RecordedEvent[]): Promise<void>;
  /** Creates the topic with that many partitions; does nothing if it already exists. */
  createTopic(name: string, partitions: number): Promise<void>;
  close(): Promise<void>;
}
