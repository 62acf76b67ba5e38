import type { Consumer, ConsumerConfig, Kafka } from 'kafkajs';
import { fromEventMessage, type DeliveredEvent } from './event-message';

export interface ConsumeOptions {
  topic: string;
  /** Where a group without committed offsets starts: the beginning of the topic (default) or its end. */
  fromBeginning?: boolean;
  /**
   * Called with the events of one partition's batch, in offset order. Their offsets are committed only after it
   * resolves: if it throws, or the process dies, the batch is delivered again (so handlers must dedupe).
   */
  handler: (events: DeliveredEvent[]) => Promise<void>;
}

/** A consumer-group member reading the events topic, with manual offset commits after each handled batch. */
export class KafkaEventConsumer {
  private readonly consumer: Consumer;

  constructor(kafka: Kafka, groupId: string, config: Omit<Partial<ConsumerConfig>, 'groupId'> = {}) {
    this.consumer = kafka.consumer({ ...config, groupId });
  }

  /**
   * Called when the consumer crashes; `restarting`: kafkajs restarts it by itself (a retriable error). A
   * non-retriable one (say, the group forgot a member whose session expired during a slow batch) stops it for good.
   */
  onCrash(listener: (error: Error, restarting: boolean) => void): void {
    this.consumer.on(this.consumer.events.CRASH, (event) => listener(event.payload.error, event.payload.restart));
  }

  /** Joins the group and starts delivering; resolves once running (delivery goes on until `close`). */
  async start(options: ConsumeOptions): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [options.topic], fromBeginning: options.fromBeginning ?? true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        if (!isRunning() || isStale() || batch.messages.length === 0) return;
        const events = batch.messages.map((message) =>
          fromEventMessage(message, { topic: batch.topic, partition: batch.partition, offset: message.offset }),
        );
        await options.handler(events);
        const last = batch.messages[batch.messages.length - 1]!.offset;
        resolveOffset(last);
        // The committed offset is the next one to read.
        await this.consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: String(BigInt(last) + 1n) }]);
        await heartbeat();
      },
    });
  }

  async close(): Promise<void> {
    await this.consumer.disconnect();
  }
}
