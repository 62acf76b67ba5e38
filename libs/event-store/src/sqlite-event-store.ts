import Database from 'better-sqlite3';
import {
  type AppendOutcome,
  type CommandRecord,
  type EventStore,
  type IntegrityProblem,
  type EventToAppend,
  type ExpectedRevision,
  NO_STREAM_REVISION,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoredCommand,
  type StreamAppend,
  type SubscribeOptions,
  type Subscription,
  type VerifyOptions,
  type VerifyReport,
} from './event-store';
import { GroupCommit, type Settlement } from './group-commit';
import { headProblem } from './log-integrity';
import { AppendSignal, LogSubscription } from './log-subscription';
import { type AppendRequest, SqliteAppender } from './sqlite/append';
import { toRecordedEvent, toStoredCommand } from './sqlite/rows';
import { checkFormat } from './sqlite/schema';
import { prepareStatements, type Statements } from './sqlite/statements';
import { verifySqliteLog } from './sqlite/verify';

const DEFAULT_PAGE = 1000;
const DEFAULT_BATCH = 500;
const DEFAULT_POLL_MS = 200;

export interface SqliteEventStoreOptions {
  /**
   * FULL (default) fsyncs the WAL on every commit: an acknowledged append (an invoice number handed out, a
   * command answered) survives a power cut. NORMAL only survives process crashes; meant for bulk loads.
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** How long a writer waits for another process's write lock before failing, default 5000 ms. */
  busyTimeoutMs?: number;
}

/**
 * The log in one SQLite file (WAL). Several processes may open the same file: writers serialise on
 * BEGIN IMMEDIATE, and subscriptions poll for what other processes append.
 */
export class SqliteEventStore implements EventStore {
  private readonly signal = new AppendSignal();
  private readonly subscriptions = new Set<LogSubscription>();
  private readonly statements: Statements;
  private readonly appender: SqliteAppender;
  /** One transaction, one fsync for the appends of one turn, each still checked and refused on its own. */
  private readonly group = new GroupCommit<AppendRequest, AppendOutcome>((requests) => this.commitGroup(requests));

  private constructor(private readonly db: Database.Database) {
    this.statements = prepareStatements(db);
    this.appender = new SqliteAppender(db, this.statements);
  }

  /** Opens (creating if missing) the log at path; ':memory:' gives a private in-memory database. */
  static open(path: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    const db = new Database(path);
    try {
      db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
      db.transaction(() => checkFormat(db, path)).immediate();
      return new SqliteEventStore(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  async append(streamId: string, events: EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendOutcome> {
    return this.appendToStreams([{ streamId, expectedRevision, events }]);
  }

  appendToStreams(appends: StreamAppend[], command?: CommandRecord): Promise<AppendOutcome> {
    if (!this.db.open) return Promise.reject(new Error('The event store is closed'));
    return this.group.submit({ appends, command });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { fromRevision = 0, toRevision = Number.MAX_SAFE_INTEGER, limit = -1 } = options;
    return this.statements.readStream.all(streamId, fromRevision, toRevision, limit).map(toRecordedEvent);
  }

  async streamRevision(streamId: string): Promise<number> {
    return this.statements.streamRevision.get(streamId) ?? NO_STREAM_REVISION;
  }

  async readAll(fromPosition: number, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.limit ?? DEFAULT_PAGE;
    // One CAE's events by the (cae_id, position) index: the others' are never read.
    const { caeId, types } = options;
    const rows =
      types === undefined
        ? caeId === undefined
          ? this.statements.readAll.all(fromPosition, limit)
          : this.statements.readCae.all(caeId, fromPosition, limit)
        : caeId === undefined
          ? this.statements.readTypes.all(fromPosition, JSON.stringify(types), limit)
          : this.statements.readCaeTypes.all(caeId, fromPosition, JSON.stringify(types), limit);
    return rows.map(toRecordedEvent);
  }

  async headPosition(): Promise<number> {
    return this.statements.headPosition.get() ?? 0;
  }

  subscribeAll(fromPosition: number, options: SubscribeOptions = {}): Subscription {
    if (!this.db.open) throw new Error('The event store is closed');
    const subscription = new LogSubscription({
      fromPosition,
      batchSize: options.batchSize ?? DEFAULT_BATCH,
      // Local appends wake subscribers at once; polling catches the appends of other processes.
      pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_MS,
      readPage: (from, limit) => this.readAll(from, { limit }),
      signal: this.signal,
      onEnd: (ended) => this.subscriptions.delete(ended),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async verify(options: VerifyOptions = {}): Promise<VerifyReport> {
    return verifySqliteLog(this.db, this.statements, options);
  }

  async integrity(): Promise<IntegrityProblem[]> {
    const problem = headProblem(this.statements.headPosition.get() ?? 0, this.statements.logHead.get()?.position);
    return [...(problem === undefined ? [] : [problem]), ...this.appender.truncatedStreams.values()];
  }

  async findCommand(commandId: string): Promise<StoredCommand | undefined> {
    const row = this.statements.findCommand.get(commandId);
    return row === undefined ? undefined : toStoredCommand(row);
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    // Appends already requested are written, not dropped.
    await this.group.idle();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.db.close();
  }

  private commitGroup(group: AppendRequest[]): Settlement<AppendOutcome>[] {
    const results = this.appender.commit(group);
    if (results.some((r) => r.status === 'fulfilled')) this.signal.notify();
    return results;
  }
}
