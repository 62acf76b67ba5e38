import { waitForAppend, type EventStore } from '../../../libs/event-store';
import { EVENTS_TOPIC, type EventPublisher } from '../../../libs/messaging';
import type { RelayCheckpoint } from './checkpoint';

export interface RelayOptions {
  topic?: string;
  /** Events read from the log and published per page, default 500. */
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
 * Publishes the log, in order, to the events topic: reads a page after the checkpoint, publishes it, and moves
 * the checkpoint only once the broker has acknowledged the whole page. Killed in between, it publishes that page
 * again on restart (at-least-once; consumers dedupe by stream id and revision), but never skips an event.
 */
export class Relay {
  readonly topic: string;
  private readonly batchSize: number;
  private readonly retryDelayMs: number;
  private readonly onError: (error: unknown) => void;
  private checkpointed: number | undefined;
  private running = false;
  private stopped: Promise<void> = Promise.resolve();
  private wakeStop: (() => void) | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly publisher: EventPublisher,
    private readonly checkpoint: RelayCheckpoint,
    private readonly options: RelayOptions = {},
  ) {
    this.topic = options.topic ?? EVENTS_TOPIC;
    this.batchSize = options.batchSize ?? 500;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.onError = options.onError ?? ((error) => console.error('relay:', error));
  }

  /** Publishes one page after the checkpoint; returns how many events it published (0: caught up). */
  async publishPage(): Promise<number> {
    const from = (await this.position()) + 1;
    const page = await this.store.readAll(from, { limit: this.batchSize });
    if (page.length === 0) return 0;
    await this.publisher.publish(this.topic, page);
    const to = page[page.length - 1]!.position;
    await this.checkpoint.write(to);
    this.checkpointed = to;
    this.options.onPublished?.({ from: page[0]!.position, to, count: page.length });
    return page.length;
  }

  /** Publishes every page up to the head; returns how many events it published. */
  async catchUp(): Promise<number> {
    let total = 0;
    for (let count = await this.publishPage(); count > 0; count = await this.publishPage()) total += count;
    return total;
  }

  /** Runs until `stop`: catches up, then waits for appends (from this process or another) and publishes them. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const stop = new Promise<void>((resolve) => (this.wakeStop = resolve));
    this.stopped = this.loop(stop);
  }

  /** Finishes the page in flight (published and checkpointed, or not checkpointed at all), then returns. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeStop?.();
    await this.stopped;
  }

  async status(): Promise<RelayStatus> {
    const [checkpoint, head] = await Promise.all([this.position(), this.store.headPosition()]);
    return { checkpoint, head, eventsBehind: Math.max(0, head - checkpoint) };
  }

  private async position(): Promise<number> {
    // Read from the durable checkpoint once, then kept in step with every write.
    if (this.checkpointed === undefined) this.checkpointed = await this.checkpoint.read();
    return this.checkpointed;
  }

  private async loop(stop: Promise<void>): Promise<void> {
    while (this.running) {
      try {
        while (this.running && (await this.publishPage()) > 0);
        if (!this.running) return;
        await waitForAppend(this.store, await this.position(), stop);
      } catch (error) {
        // The page is tried again from the checkpoint: nothing is skipped, at worst republished.
        this.checkpointed = undefined;
        this.onError(error);
        await Promise.race([new Promise((resolve) => setTimeout(resolve, this.retryDelayMs)), stop]);
      }
    }
  }
}
