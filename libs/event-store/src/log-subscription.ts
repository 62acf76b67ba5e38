import type { RecordedEvent, Subscription } from './event-store';

/** Tells waiting subscriptions that this process appended; the version lets a reader notice an append it raced with. */
export class AppendSignal {
  private appends = 0;
  private readonly listeners = new Set<() => void>();

  get version(): number {
    return this.appends;
  }

  notify(): void {
    this.appends++;
    for (const listener of [...this.listeners]) listener();
  }

  /** Calls listener on every append until the returned function is called. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export interface LogSubscriptionOptions {
  fromPosition: number;
  batchSize: number;
  /** Undefined when every writer lives in this process, so the signal alone is enough. */
  pollIntervalMs?: number;
  readPage(fromPosition: number, limit: number): Promise<RecordedEvent[]>;
  signal: AppendSignal;
  /** Called once when the subscription ends, so the store can forget it. */
  onEnd(subscription: LogSubscription): void;
}

/**
 * Pull-based: one page in memory at most, and the next event is produced only when the consumer asks for it.
 * Once caught up it sleeps until a local append, a poll tick or close().
 */
export class LogSubscription implements Subscription {
  private closed = false;
  private wakeUp: (() => void) | undefined;
  private readonly iterator: AsyncGenerator<RecordedEvent>;

  constructor(private readonly options: LogSubscriptionOptions) {
    this.iterator = this.run();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.iterator;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.wakeUp?.();
    this.options.onEnd(this);
  }

  private async *run(): AsyncGenerator<RecordedEvent> {
    const { batchSize, readPage, signal } = this.options;
    let next = Math.max(1, this.options.fromPosition);
    try {
      while (!this.closed) {
        const seen = signal.version;
        const page = await readPage(next, batchSize);
        for (const event of page) {
          if (this.closed) return;
          yield event;
          next = event.position + 1;
        }
        if (page.length < batchSize) await this.sleep(seen);
      }
    } finally {
      // A `break` in the consumer's loop ends the subscription as close() would.
      await this.close();
    }
  }

  private sleep(seenVersion: number): Promise<void> {
    if (this.closed || this.options.signal.version !== seenVersion) return Promise.resolve();
    return new Promise((resolve) => {
      const { pollIntervalMs, signal } = this.options;
      const done = (): void => {
        clearTimeout(timer);
        stopListening();
        this.wakeUp = undefined;
        resolve();
      };
      const timer = pollIntervalMs === undefined ? undefined : setTimeout(done, pollIntervalMs);
      const stopListening = signal.listen(done);
      this.wakeUp = done;
    });
  }
}
