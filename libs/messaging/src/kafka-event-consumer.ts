import type { Consumer, ConsumerConfig, Kafka } from 'kafkajs';
import { fromEventMessage, type DeliveredEvent } from './event-message';

export interface ConsumeOptions {
  topic: string;
  /** Where a group without committed offsets starts: the beginning of the topic (default) or its end. */
  fromBeginning?: boolean;
  /**
   * Called with the events of one slice of a partition's batch, in offset order. Their offsets are committed only after it
   * resolves: if it throws, or the process dies, the batch is delivered again (so handlers must dedupe).
   */
  handler: (events: DeliveredEvent[]) => Promise<void>;
}

/** A consumer-group member reading the events topic, with manual offset commits after each handled slice. */
export class KafkaEventConsumer {
  private readonly consumer: Consumer;

  /** The most events handed to the handler at once (a fetched batch may hold thousands). */
  private readonly sliceSize: number;

  /** How often a member busy in the handler tells the group it is alive (kafkajs's heartbeatInterval). */
  private readonly heartbeatMs: number;

  /** How long a handler may run while heartbeating for it: past that, it counts as stuck and the session lapses. */
  private readonly maxHandlingMs: number;

  constructor(
    kafka: Kafka,
    groupId: string,
    { sliceSize = 200, maxHandlingMs = 300_000, ...config }: Omit<Partial<ConsumerConfig>, 'groupId'> & { sliceSize?: number; maxHandlingMs?: number } = {},
  ) {
    this.consumer = kafka.consumer({ ...config, groupId });
    this.sliceSize = sliceSize;
    this.heartbeatMs = config.heartbeatInterval ?? 3000;
    this.maxHandlingMs = maxHandlingMs;
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
        // In slices, each committed: a rebalance or a crash takes back at most one slice's work.
        let rebalancing = false;
        for (let from = 0; from < batch.messages.length; from += this.sliceSize) {
          if (!isRunning() || isStale() || rebalancing) return;
          const slice = batch.messages.slice(from, from + this.sliceSize);
          const events = slice.map((message) =>
            fromEventMessage(message, { topic: batch.topic, partition: batch.partition, offset: message.offset }),
          );
          await this.alive(heartbeat, () => options.handler(events), () => (rebalancing = true));
          const last = slice[slice.length - 1]!.offset;
          resolveOffset(last);
          // The committed offset is the next one to read.
          await this.consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: String(BigInt(last) + 1n) }]);
          await heartbeat();
        }
      },
    });
  }

  /**
   * Runs `work` while heartbeating: kafkajs heartbeats only between our calls, and a member silent for a session is
   * dropped, its slice handed again to a member as slow (a slow read store would loop). As Kafka's own clients do
   * (max.poll.interval.ms), a handler running past `maxHandlingMs` stops being vouched for.
   */
  private async alive(heartbeat: () => Promise<void>, work: () => Promise<void>, onRebalance: () => void): Promise<void> {
    const since = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - since > this.maxHandlingMs) return clearInterval(timer);
      // A rebalance under way: this member stops after the slice, to join the group again in time.
      heartbeat().catch(onRebalance);
    }, this.heartbeatMs);
    try {
      await work();
    } finally {
      clearInterval(timer);
    }
  }

  async close(): Promise<void> {
    await this.consumer.disconnect();
  }
}
