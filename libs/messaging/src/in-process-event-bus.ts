import { createHash } from 'node:crypto';
import type { RecordedEvent } from '../../event-store';
import { fromEventMessage, toEventMessage, type DeliveredEvent } from './event-message';
import type { EventPublisher } from './event-publisher';

/**
 * An EventPublisher that keeps topics in memory, partitioned by key like Kafka: for the embedded profile and for
 * tests of what publishes (the relay) without a broker. Messages go through the same encoding as the Kafka adapter.
 */
export class InProcessEventBus implements EventPublisher {
  private readonly topics = new Map<string, DeliveredEvent[][]>();

  async createTopic(name: string, partitions: number): Promise<void> {
    if (!Number.isInteger(partitions) || partitions < 1) throw new Error(`A topic needs at least one partition, got ${partitions}`);
    if (!this.topics.has(name)) this.topics.set(name, Array.from({ length: partitions }, () => []));
  }

  async publish(topic: string, events: readonly RecordedEvent[]): Promise<void> {
    const partitions = this.topics.get(topic);
    if (!partitions) throw new Error(`Unknown topic "${topic}"`);
    for (const event of events) {
      const message = toEventMessage(event);
      const partition = createHash('sha1').update(message.key).digest().readUInt32BE(0) % partitions.length;
      const log = partitions[partition]!;
      log.push(fromEventMessage(message, { topic, partition, offset: String(log.length) }));
    }
  }

  /** Every message of the topic, partition by partition, each in offset order. */
  read(topic: string): DeliveredEvent[] {
    return (this.topics.get(topic) ?? []).flat();
  }

  async close(): Promise<void> {}
}
