/** What the batch writer says of each request of its batch, in the batch's order. */
export type Settlement<T> = PromiseSettledResult<T>;

/** Writes one batch: settles each request on its own, or throws to fail the whole batch. */
export type BatchWriter<Request, Result> = (requests: Request[]) => Settlement<Result>[] | Promise<Settlement<Result>[]>;

export interface GroupCommitOptions<Request> {
  /** Largest batch, counted with sizeOf; a single larger request still goes alone. Unbounded by default. */
  maxBatchSize?: number;
  sizeOf?(request: Request): number;
}

interface Queued<Request, Result> {
  request: Request;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/**
 * Group commit: the requests made in the same turn of the event loop are written together, in request order
 * (one transaction, one fsync, one round trip); requests made while an asynchronous batch is being written form
 * the next batch. Each caller gets its own result or error; a failure of the whole batch reaches all of its callers.
 */
export class GroupCommit<Request, Result> {
  private queue: Queued<Request, Result>[] = [];
  private draining: Promise<void> | undefined;

  constructor(
    private readonly write: BatchWriter<Request, Result>,
    private readonly options: GroupCommitOptions<Request> = {},
  ) {}

  submit(request: Request): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.draining ??= this.drain();
    });
  }

  /** Resolves once every request submitted so far is settled. */
  idle(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  /** Runs while requests are queued; `draining` is cleared in the same synchronous step that finds none left. */
  private async drain(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (;;) {
      if (this.queue.length === 0) {
        this.draining = undefined;
        return;
      }
      const batch = this.take();
      try {
        const written = this.write(batch.map(({ request }) => request));
        // A synchronous writer is not awaited: its batch is settled in the turn it was written in.
        const settlements = written instanceof Promise ? await written : written;
        if (settlements.length !== batch.length) throw new Error(`Group commit: ${settlements.length} results for ${batch.length} requests`);
        settlements.forEach((settlement, index) => {
          const { resolve, reject } = batch[index]!;
          if (settlement.status === 'fulfilled') resolve(settlement.value);
          else reject(settlement.reason);
        });
      } catch (error) {
        for (const { reject } of batch) reject(error);
      }
    }
  }

  /** The next batch, from the head of the queue. */
  private take(): Queued<Request, Result>[] {
    const { maxBatchSize, sizeOf = () => 1 } = this.options;
    if (maxBatchSize === undefined) return this.queue.splice(0, this.queue.length);
    let count = 0;
    for (let size = 0; count < this.queue.length; count++) {
      const next = sizeOf(this.queue[count]!.request);
      if (count > 0 && size + next > maxBatchSize) break;
      size += next;
    }
    return this.queue.splice(0, count);
  }
}
