import type { EventStore, RecordedEvent, Subscription } from '../../../event-store';

/** What follows the log: where it stands, and what it does with a batch. */
export interface LogHandler {
  /** The position of the last event whose effects are durable (0: none), read from where the handler keeps it. */
  checkpoint(): Promise<number>;
  /** Handles events in log order; resolves once their effects, and the checkpoint after them, are durable. */
  handle(events: RecordedEvent[]): Promise<void>;
}

export interface LogConsumerOptions {
  /** Events handed to the handler at most per batch, default 1000. */
  batchSize?: number;
  /** Pause before a failed batch is tried again from the checkpoint, default 1000 ms. */
  retryDelayMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * The one way to follow the log, from the handler's checkpoint: catching up reads pages up to the head; following
 * takes the port's subscription (pull-based, so a slow handler slows the reading), in batches of what has arrived.
 * The checkpoint moves only after the handler's effects (checkpoint after effects): killed in between, the batch is
 * handed over again, never skipped.
 */
export class LogConsumer {
  private readonly batchSize: number;
  private readonly retryDelayMs: number;
  private readonly onError: (error: unknown) => void;
  private running = false;
  private stopped: Promise<void> = Promise.resolve();
  private wakeStop: (() => void) | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly handler: LogHandler,
    options: LogConsumerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.onError = options.onError ?? ((error) => console.error('log consumer: batch failed, retrying', error));
  }

  /**
   * Handles every event up to the head as it is now; answers how many. A failed batch fails the call. Read a page
   * at a time: there is nothing to wait for below the head, so no subscription (following is start()'s job).
   */
  async catchUp(): Promise<number> {
    const head = await this.store.headPosition();
    let from = await this.handler.checkpoint();
    let handled = 0;
    while (from < head) {
      const batch = await this.store.readAll(from + 1, { limit: this.batchSize });
      if (batch.length === 0) break;
      await this.handler.handle(batch);
      handled += batch.length;
      from = batch[batch.length - 1]!.position;
    }
    return handled;
  }

  /** Follows the log until stop(): a failed batch is reported, then tried again from the checkpoint after a pause. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const stop = new Promise<void>((resolve) => (this.wakeStop = resolve));
    this.stopped = this.follow(stop);
  }

  /** Finishes the batch in flight (its effects and checkpoint written, or not at all), then returns. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeStop?.();
    await this.stopped;
  }

  private async follow(stop: Promise<void>): Promise<void> {
    while (this.running) {
      try {
        await this.subscribeFromCheckpoint(stop);
      } catch (error) {
        this.onError(error);
        await Promise.race([new Promise((resolve) => setTimeout(resolve, this.retryDelayMs)), stop]);
      }
    }
  }

  /** Returns when stopped, or when the checkpoint went below what was read (a generation activated behind it). */
  private async subscribeFromCheckpoint(stop: Promise<void>): Promise<void> {
    let last = await this.handler.checkpoint();
    const batches = new Batches(this.store.subscribeAll(last + 1, { batchSize: this.batchSize }), this.batchSize);
    try {
      while (this.running) {
        const batch = await batches.next(stop);
        if (batch === undefined || !this.running) return;
        if ((await this.handler.checkpoint()) < last) return;
        await this.handler.handle(batch);
        last = batch[batch.length - 1]!.position;
      }
    } finally {
      await batches.close();
    }
  }
}

/** Groups a subscription's events into batches: waits for the first, then takes what has already arrived. */
class Batches {
  private readonly iterator: AsyncIterator<RecordedEvent>;
  private pending: Promise<IteratorResult<RecordedEvent>> | undefined;

  constructor(
    private readonly subscription: Subscription,
    private readonly max: number,
  ) {
    this.iterator = subscription[Symbol.asyncIterator]();
  }

  /** The next batch, or undefined once `stop` resolved first. */
  async next(stop: Promise<void>): Promise<RecordedEvent[] | undefined> {
    const batch: RecordedEvent[] = [];
    const stopped = stop.then(() => undefined);
    // After the first event, only those already read (a page is read in one go): what arrives before the next turn.
    let turn: Promise<undefined> | undefined;
    while (batch.length < this.max) {
      this.pending ??= this.iterator.next();
      const result = await Promise.race([this.pending, batch.length === 0 ? stopped : (turn ??= new Promise((resolve) => setImmediate(() => resolve(undefined))))]);
      if (result === undefined) break;
      this.pending = undefined;
      if (result.done) break;
      batch.push(result.value);
    }
    return batch.length > 0 ? batch : undefined;
  }

  close(): Promise<void> {
    return this.subscription.close();
  }
}
