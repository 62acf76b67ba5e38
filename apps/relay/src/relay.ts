import type { EventStore, RecordedEvent } from '../../../libs/event-store';
import { LogConsumer } from '../../../libs/application/src/projector/log-consumer';
import { EVENTS_TOPIC, type EventPublisher } from '../../../libs/messaging';
import type { RelayCheckpoint } from './checkpoint';

export interface RelayOptions {
  topic?: string;
  /** Events published per page at most, default 500. */
  batchSize?: number;
  /** Pause before trying a failed page again, default 1000 ms. */
  retryDelayMs?: number;
  onError?: (error: unknown) => void;
  /** Called after each page is acknowledged and checkpointed. */
  onPublished?: (page: { from: number; to: number; count: number }) => void;
}

export interface RelayStatus {
  checkpoint: number;
  head: number;
  eventsBehind: number;
}

/**
 * Publishes the log, in order, to the events topic, as a handler of the log consumer: publishes a batch, and moves
 * the checkpoint only once the broker has acknowledged all of it. Killed in between, it publishes that batch again
 * on restart (at-least-once; consumers keep each event once by its stream revision), but never skips an event.
 */
export class Relay {
  readonly topic: string;
  private readonly consumer: LogConsumer;
  private checkpointed: number | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly publisher: EventPublisher,
    private readonly checkpoint: RelayCheckpoint,
    private readonly options: RelayOptions = {},
  ) {
    this.topic = options.topic ?? EVENTS_TOPIC;
    const onError = options.onError ?? ((error: unknown) => console.error('relay:', error));
    this.consumer = new LogConsumer(store, { checkpoint: () => this.position(), handle: (page) => this.publish(page) }, {
      batchSize: options.batchSize ?? 500,
      retryDelayMs: options.retryDelayMs ?? 1000,
      onError: (error) => {
        // Tried again from the durable checkpoint: nothing is skipped, at worst republished.
        this.checkpointed = undefined;
        onError(error);
      },
    });
  }

  /** Publishes every event up to the head; returns how many events it published. */
  async catchUp(): Promise<number> {
    try {
      return await this.consumer.catchUp();
    } catch (error) {
      this.checkpointed = undefined;
      throw error;
    }
  }

  /** Runs until `stop`: catches up, then follows appends (from this process or another) and publishes them. */
  start(): void {
    this.consumer.start();
  }

  /** Finishes the page in flight (published and checkpointed, or not checkpointed at all), then returns. */
  stop(): Promise<void> {
    return this.consumer.stop();
  }

  async status(): Promise<RelayStatus> {
    const [checkpoint, head] = await Promise.all([this.position(), this.store.headPosition()]);
    return { checkpoint, head, eventsBehind: Math.max(0, head - checkpoint) };
  }

  private async publish(page: RecordedEvent[]): Promise<void> {
    await this.publisher.publish(this.topic, page);
    const to = page[page.length - 1]!.position;
    await this.checkpoint.write(to);
    this.checkpointed = to;
    this.options.onPublished?.({ from: page[0]!.position, to, count: page.length });
  }

  private async position(): Promise<number> {
    // Read from the durable checkpoint once, then kept in step with every write.
    if (this.checkpointed === undefined) this.checkpointed = await this.checkpoint.read();
    return this.checkpointed;
  }
}
