import type {
  AppendOutcome,
  EventStore,
  IntegrityProblem,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoredCommand,
  SubscribeOptions,
  Subscription,
  VerifyReport,
} from '../../../event-store';

const PAGE = 1000;

export interface LogViewOptions {
  /** One CAE's events only, read by the store's own index where it has one. */
  caeId?: string;
  /** Only these event types, skipped by the store itself (those no projection of the replay handles). */
  types?: readonly string[];
  /** The last position seen: what a projection had applied, or what was known at a moment. */
  last?: number;
  /** The events seen, of those up to `last`: one CAE's, those dated by a day, recorded by an instant. */
  keep?: (event: RecordedEvent) => boolean;
}

/**
 * The log as one replay sees it, read-only: one CAE's, up to a position, and only the events it keeps. Pages are filled
 * from the events kept, so a reader never takes a page of other CAEs' events for the end of the log.
 */
export class LogView implements EventStore {
  private readonly caeId: string | undefined;
  private readonly types: readonly string[] | undefined;
  private readonly last: number;
  private readonly keep: (event: RecordedEvent) => boolean;

  constructor(
    private readonly log: EventStore,
    options: LogViewOptions = {},
  ) {
    this.caeId = options.caeId;
    this.types = options.types;
    this.last = options.last ?? Number.POSITIVE_INFINITY;
    this.keep = options.keep ?? (() => true);
  }

  async readAll(fromPosition: number, options?: ReadAllOptions): Promise<RecordedEvent[]> {
    const limit = options?.limit ?? PAGE;
    const kept: RecordedEvent[] = [];
    for (let from = fromPosition; from <= this.last && kept.length < limit; ) {
      const page = await this.log.readAll(from, { limit: PAGE, ...(this.caeId !== undefined && { caeId: this.caeId }), ...(this.types !== undefined && { types: this.types }) });
      for (const event of page) {
        if (event.position > this.last) return kept;
        if (this.keep(event) && kept.push(event) === limit) return kept;
      }
      if (page.length < PAGE) break;
      from = page[page.length - 1]!.position + 1;
    }
    return kept;
  }

  async headPosition(): Promise<number> {
    return Math.min(this.last, await this.log.headPosition());
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.log.readStream(streamId, options);
  }

  streamRevision(streamId: string): Promise<number> {
    return this.log.streamRevision(streamId);
  }

  integrity(): Promise<IntegrityProblem[]> {
    return this.log.integrity();
  }

  findCommand(commandId: string): Promise<StoredCommand | undefined> {
    return this.log.findCommand(commandId);
  }

  verify(): Promise<VerifyReport> {
    return Promise.reject(new Error('A view of the log is not verified: verify the log itself'));
  }

  append(): Promise<AppendOutcome> {
    return Promise.reject(new Error('A view of the log is read-only'));
  }

  appendToStreams(): Promise<AppendOutcome> {
    return Promise.reject(new Error('A view of the log is read-only'));
  }

  /** Ends where the view does: a replay reads what it keeps, and never waits for appends it would not keep. */
  subscribeAll(fromPosition: number, options: SubscribeOptions = {}): Subscription {
    const limit = options.batchSize ?? PAGE;
    let closed = false;
    const view = this;
    const events = (async function* (): AsyncGenerator<RecordedEvent> {
      for (let next = Math.max(1, fromPosition); !closed; ) {
        const page = await view.readAll(next, { limit });
        if (page.length === 0) return;
        for (const event of page) {
          if (closed) return;
          yield event;
          next = event.position + 1;
        }
      }
    })();
    return {
      [Symbol.asyncIterator]: () => events,
      close: async () => {
        closed = true;
      },
    };
  }

  async close(): Promise<void> {}
}
