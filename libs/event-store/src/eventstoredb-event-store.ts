/**
 * The event-log port on EventStoreDB, through `@eventstore/db-client` 6.x: every event of every logical stream is
 * written to ONE stream, `{prefix}log`, because one append to one stream is the only atomic, revision-checked
 * write EventStoreDB gives across streams; the rest is derived from it. Design: libs/event-store/README.md.
 */
import { EventStoreDBClient } from '@eventstore/db-client';
import type {
  AppendOutcome,
  CommandRecord,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  IntegrityProblem,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoredCommand,
  StreamAppend,
  SubscribeOptions,
  Subscription,
  VerifyOptions,
  VerifyReport,
} from './event-store';
import { LogIntegrityError, readBy } from './event-store';
import { Doorbell } from './eventstoredb/doorbell';
import { FormatMarker } from './eventstoredb/format-marker';
import type { AppendRequest } from './eventstoredb/group-decision';
import { LogIndexes } from './eventstoredb/indexes';
import { LogWriter, MAX_GROUP_EVENTS } from './eventstoredb/log-append';
import { EsdbReads } from './eventstoredb/reads';
import { backoffDelay, isTransient, sleep } from './eventstoredb/retry';
import { streamNames } from './eventstoredb/stream-names';
import { verifyEsdbLog } from './eventstoredb/verify';
import { GroupCommit } from './group-commit';
import { AppendSignal, LogSubscription } from './log-subscription';

export { isTransient } from './eventstoredb/retry';

const DEFAULT_PAGE = 1000;
const DEFAULT_BATCH = 500;
const DEFAULT_POLL_MS = 200;

export interface EventStoreDbEventStoreOptions {
  /** Prefix of every stream the adapter writes (default 'alveole-'): several logs can share a server. */
  streamPrefix?: string;
}

export class EventStoreDbEventStore implements EventStore {
  private readonly reads: EsdbReads;
  private readonly indexes: LogIndexes;
  private readonly format: FormatMarker;
  private readonly writer: LogWriter;
  private readonly doorbell: Doorbell;
  private readonly signal = new AppendSignal();
  private readonly subscriptions = new Set<LogSubscription>();
  /** Appends of this process are decided in request order, each on its own, the accepted ones written in one batch. */
  private readonly group = new GroupCommit<AppendRequest, AppendOutcome>((group) => this.writer.commit(group), {
    maxBatchSize: MAX_GROUP_EVENTS,
    sizeOf: ({ appends }) => appends.reduce((sum, append) => sum + append.events.length, 0),
  });
  private closed = false;

  constructor(
    private readonly client: EventStoreDBClient,
    options: EventStoreDbEventStoreOptions = {},
    private readonly ownsClient = false,
  ) {
    this.reads = new EsdbReads(client, streamNames(options.streamPrefix ?? 'alveole-'));
    this.indexes = new LogIndexes(this.reads);
    this.format = new FormatMarker(this.reads, this.indexes, () => this.headPosition());
    this.writer = new LogWriter(this.reads, this.indexes, this.format, this.signal);
    this.doorbell = new Doorbell(client, this.reads.names.log, this.signal, () => this.closed);
  }

  /** Connects with a connection string such as `esdb://127.0.0.1:2113?tls=false`; close() disposes the client. */
  static connect(connectionString: string, options: EventStoreDbEventStoreOptions = {}): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), options, true);
  }

  async append(streamId: string, events: EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendOutcome> {
    return this.appendToStreams([{ streamId, expectedRevision, events }]);
  }

  appendToStreams(appends: StreamAppend[], command?: CommandRecord): Promise<AppendOutcome> {
    if (this.closed) return Promise.reject(new Error('The event store is closed'));
    return this.group.submit({ appends, command });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { fromRevision = 0, toRevision = Number.MAX_SAFE_INTEGER, limit } = options;
    const from = Math.max(0, fromRevision);
    const count = Math.min(limit ?? Number.MAX_SAFE_INTEGER, toRevision - from + 1);
    if (count <= 0) return [];
    // Reads roll the indexes forward first, so a batch whose writer died is seen here too.
    await this.indexes.rollForward();
    return this.reads.streamEvents(streamId, from, count);
  }

  async streamRevision(streamId: string): Promise<number> {
    this.assertOpen();
    await this.indexes.rollForward();
    return this.reads.indexRevision(this.reads.names.stream(streamId));
  }

  async readAll(fromPosition: number, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const from = Math.max(1, Math.floor(fromPosition));
    const limit = options.limit ?? DEFAULT_PAGE;
    if (options.caeId === undefined && options.types === undefined) return this.reads.logPage(from, limit);
    // One CAE's events, or some types, read from the log and filtered here (the CAE's chain index could serve them: not yet).
    const read = readBy(options);
    const kept: RecordedEvent[] = [];
    for (let next = from; kept.length < limit; ) {
      const page = await this.reads.logPage(next, DEFAULT_PAGE);
      for (const event of page) if (read(event) && kept.push(event) === limit) return kept;
      if (page.length < DEFAULT_PAGE) return kept;
      next = page[page.length - 1]!.position + 1;
    }
    return kept;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.reads.headPosition();
  }

  subscribeAll(fromPosition: number, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const subscription: LogSubscription = new LogSubscription({
      fromPosition,
      batchSize: options.batchSize ?? DEFAULT_BATCH,
      // The doorbell wakes subscribers at once; polling stays as a safety net.
      pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_MS,
      readPage: (from, limit) => this.readPageWithRetry(subscription, from, limit),
      signal: this.signal,
      onEnd: (ended) => this.subscriptions.delete(ended),
    });
    this.subscriptions.add(subscription);
    this.doorbell.start();
    return subscription;
  }

  async verify(options: VerifyOptions = {}): Promise<VerifyReport> {
    return verifyEsdbLog(this, this.reads, this.indexes, options);
  }

  /** The log's format marker (the log stream itself cannot go backwards, so nothing else is checked cheaply). */
  async integrity(): Promise<IntegrityProblem[]> {
    this.assertOpen();
    const problem = await this.format.checked().then(
      () => undefined,
      (error: unknown) => (error instanceof LogIntegrityError ? error.problem : Promise.reject(error)),
    );
    return problem === undefined ? [] : [problem];
  }

  async findCommand(commandId: string): Promise<StoredCommand | undefined> {
    this.assertOpen();
    await this.indexes.rollForward();
    return this.reads.command(commandId);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Appends already requested are written, not dropped.
    await this.group.idle();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.doorbell.stop();
    if (this.ownsClient) await this.client.dispose();
  }

  /** A page for a subscription; transient failures are retried with backoff from the same checkpoint. */
  private async readPageWithRetry(subscription: LogSubscription, from: number, limit: number): Promise<RecordedEvent[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.readAll(from, { limit });
      } catch (error) {
        if (this.closed || !this.subscriptions.has(subscription) || !isTransient(error)) throw error;
        await sleep(backoffDelay(attempt));
        if (this.closed || !this.subscriptions.has(subscription)) return [];
      }
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The event store is closed');
  }
}
