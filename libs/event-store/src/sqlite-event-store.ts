import Database from 'better-sqlite3';
import { type AppendPlan, planAppend } from './append-plan';
import {
  DuplicateCommandError,
  type AppendOutcome,
  type CommandRecord,
  type EventStore,
  type IntegrityProblem,
  type EventToAppend,
  type ExpectedRevision,
  LogIntegrityError,
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
  WrongExpectedRevisionError,
} from './event-store';
import { GroupCommit, type Settlement } from './group-commit';
import { GENESIS_HASH } from './chain-hash';
import { verifyLog } from './verify-log';
import { commandRecordMissing, formatProblem, headProblem, LOG_FORMAT_VERSION, streamTruncated } from './log-integrity';
import { AppendSignal, LogSubscription } from './log-subscription';

const DEFAULT_PAGE = 1000;
const DEFAULT_BATCH = 500;
const DEFAULT_POLL_MS = 200;
const VERIFY_PAGE = 1000;

export interface SqliteEventStoreOptions {
  /**
   * FULL (default) fsyncs the WAL on every commit: an acknowledged append (an invoice number handed out, a
   * command answered) survives a power cut. NORMAL only survives process crashes; meant for bulk loads.
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** How long a writer waits for another process's write lock before failing, default 5000 ms. */
  busyTimeoutMs?: number;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position INTEGER PRIMARY KEY,
    stream_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    type TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    cae_id TEXT NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    hash TEXT NOT NULL,
    UNIQUE (stream_id, revision),
    UNIQUE (event_id)
  );
  CREATE INDEX IF NOT EXISTS events_by_cae ON events (cae_id, position);
  CREATE TABLE IF NOT EXISTS streams (
    stream_id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS chain_heads (
    cae_id TEXT PRIMARY KEY,
    hash TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS commands (
    command_id TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    result TEXT NOT NULL,
    position INTEGER NOT NULL,
    recorded_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS commands_by_position ON commands (position);
  -- Finds the events of a command whose record is missing, before it could be applied twice.
  CREATE INDEX IF NOT EXISTS events_by_command ON events (json_extract(metadata, '$.commandId'));
  -- The highest position ever written and its hash, in the same transaction as each append: the head cannot
  -- go backwards unseen.
  CREATE TABLE IF NOT EXISTS log_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    position INTEGER NOT NULL,
    hash TEXT NOT NULL
  );
`;

const EVENT_COLUMNS = 'position, stream_id, revision, event_id, type, schema_version, data, metadata, hash';

interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  hash: string;
}

interface CommandRow {
  command_id: string;
  fingerprint: string;
  result: string;
  position: number;
  recorded_at: string;
}

interface AppendRequest {
  appends: StreamAppend[];
  command: CommandRecord | undefined;
}

/**
 * The log in one SQLite file (WAL). Several processes may open the same file: writers serialise on
 * BEGIN IMMEDIATE, and subscriptions poll for what other processes append.
 */
export class SqliteEventStore implements EventStore {
  private readonly signal = new AppendSignal();
  private readonly subscriptions = new Set<LogSubscription>();
  private readonly statements: Statements;
  private readonly appendTransaction: Database.Transaction<(appends: StreamAppend[], command?: CommandRecord) => AppendPlan>;
  private readonly groupTransaction: Database.Transaction<(group: AppendRequest[]) => Settlement<AppendOutcome>[]>;
  /** One transaction, one fsync for the appends of one turn, each still checked and refused on its own. */
  private readonly group = new GroupCommit<AppendRequest, AppendOutcome>((requests) => this.commitGroup(requests));
  /** Streams found truncated by a refused append, reported by integrity() (a scan would not be cheap). */
  private readonly truncatedStreams = new Map<string, IntegrityProblem>();

  private constructor(private readonly db: Database.Database) {
    this.statements = prepareStatements(db);
    this.appendTransaction = db.transaction((appends, command) => this.writeAppend(appends, command));
    // Nested in the group's transaction, each append is a savepoint: a refused one leaves the others whole.
    this.groupTransaction = db.transaction((group: AppendRequest[]) =>
      group.map((item): Settlement<AppendOutcome> => {
        try {
          const plan = this.appendTransaction(item.appends, item.command);
          return { status: 'fulfilled', value: { events: plan.events, lastPosition: plan.lastPosition, revisions: plan.revisions } };
        } catch (error) {
          return { status: 'rejected', reason: error };
        }
      }),
    );
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

  private commitGroup(group: AppendRequest[]): Settlement<AppendOutcome>[] {
    // IMMEDIATE takes the write lock before the revisions are read, so no other process can slip in between.
    const results = this.groupTransaction.immediate(group);
    if (results.some((r) => r.status === 'fulfilled')) this.signal.notify();
    return results;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { fromRevision = 0, toRevision = Number.MAX_SAFE_INTEGER, limit = -1 } = options;
    return this.statements.readStream.all(streamId, fromRevision, toRevision, limit).map(toRecordedEvent);
  }

  async streamRevision(streamId: string): Promise<number> {
    return this.statements.streamRevision.get(streamId) ?? NO_STREAM_REVISION;
  }

  async readAll(fromPosition: number, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.statements.readAll.all(fromPosition, options.limit ?? DEFAULT_PAGE).map(toRecordedEvent);
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
    const { statements } = this;
    // One snapshot of head, stored heads and highest position; appends made while verifying are left for the
    // next run, so a busy log cannot keep verify from ending.
    const snapshot = this.db.transaction(() => ({
      headPosition: statements.headPosition.get() ?? 0,
      storedHeads: new Map(statements.chainHeads.all().map((row) => [row.cae_id, row.hash])),
      highestWritten: statements.logHead.get(),
    }))();
    const { headPosition, highestWritten } = snapshot;
    return verifyLog({
      events: this.eventsUpTo(headPosition, options.caeId),
      headPosition,
      storedHeads: async () => snapshot.storedHeads,
      records: this.recordsUpTo(Math.max(headPosition, highestWritten?.position ?? 0)),
      ...(highestWritten !== undefined ? { highestWritten } : {}),
      ...options,
    });
  }

  async integrity(): Promise<IntegrityProblem[]> {
    const problem = headProblem(this.statements.headPosition.get() ?? 0, this.statements.logHead.get()?.position);
    return [...(problem === undefined ? [] : [problem]), ...this.truncatedStreams.values()];
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

  private writeAppend(appends: StreamAppend[], command?: CommandRecord): AppendPlan {
    const { statements } = this;
    const headPosition = statements.headPosition.get() ?? 0;
    const wentBackwards = headProblem(headPosition, statements.logHead.get()?.position);
    if (wentBackwards !== undefined) throw new LogIntegrityError(wentBackwards);
    if (command !== undefined) {
      if (statements.findCommand.get(command.commandId) !== undefined) throw new DuplicateCommandError(command.commandId);
      const applied = statements.eventOfCommand.get(command.commandId);
      if (applied !== undefined) throw new LogIntegrityError(commandRecordMissing(command.commandId, applied));
    }
    const plan = this.plan(appends, headPosition, command);
    for (const event of plan.events) insertEvent(statements, event);
    for (const [streamId, revision] of Object.entries(plan.revisions)) statements.saveStreamRevision.run(streamId, revision);
    for (const [caeId, hash] of plan.chainHeads) statements.saveChainHead.run(caeId, hash);
    statements.saveLogHead.run(plan.lastPosition, plan.events[plan.events.length - 1]!.hash);
    if (command !== undefined) {
      statements.insertCommand.run({
        command_id: command.commandId,
        fingerprint: command.fingerprint,
        result: JSON.stringify(command.result ?? null),
        position: plan.lastPosition,
        recorded_at: new Date().toISOString(),
      });
    }
    return plan;
  }

  /** planAppend on the file's state; a conflict on a stream whose last events were deleted is named as such. */
  private plan(appends: StreamAppend[], headPosition: number, command: CommandRecord | undefined): AppendPlan {
    const { statements } = this;
    const streamRevision = (streamId: string) => statements.streamRevision.get(streamId) ?? NO_STREAM_REVISION;
    try {
      return planAppend(appends, { headPosition, streamRevision, chainHead: (caeId) => statements.chainHead.get(caeId) ?? GENESIS_HASH }, command);
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || error.actual !== streamRevision(error.streamId)) throw error;
      const lastRevision = statements.lastRevisionInEvents.get(error.streamId) ?? NO_STREAM_REVISION;
      if (lastRevision === error.actual) throw error;
      const problem = streamTruncated(error.streamId, lastRevision, error.actual);
      this.truncatedStreams.set(error.streamId, problem);
      throw new LogIntegrityError(problem);
    }
  }

  /** The log up to lastPosition (of one CAE, or all), page by page, yielding the event loop between pages. */
  private async *eventsUpTo(lastPosition: number, caeId: string | undefined): AsyncGenerator<RecordedEvent> {
    let from = 1;
    while (from <= lastPosition) {
      const rows =
        caeId === undefined
          ? this.statements.readRange.all(from, lastPosition, VERIFY_PAGE)
          : this.statements.readCaeRange.all(caeId, from, lastPosition, VERIFY_PAGE);
      for (const row of rows) yield toRecordedEvent(row);
      if (rows.length < VERIFY_PAGE) return;
      from = rows[rows.length - 1].position + 1;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** The command records up to lastPosition, in position order, page by page. */
  private async *recordsUpTo(lastPosition: number): AsyncGenerator<StoredCommand> {
    for (let after = 0; ; ) {
      const rows = this.statements.commandsInRange.all(after, lastPosition, VERIFY_PAGE);
      for (const row of rows) yield toStoredCommand(row);
      if (rows.length < VERIFY_PAGE) return;
      after = rows[rows.length - 1]!.position;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}

/** A new file gets the current format; a file with events in another format is refused, saying what to do. */
function checkFormat(db: Database.Database, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const hasEvents =
    db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'`).get() !== undefined &&
    db.prepare('SELECT 1 FROM events LIMIT 1').get() !== undefined;
  const problem = hasEvents ? formatProblem(version, `in ${path}`) : undefined;
  if (problem !== undefined) throw new LogIntegrityError(problem);
  db.exec(SCHEMA);
  if (version !== LOG_FORMAT_VERSION) db.pragma(`user_version = ${LOG_FORMAT_VERSION}`);
}

type Statements = ReturnType<typeof prepareStatements>;

function prepareStatements(db: Database.Database) {
  return {
    headPosition: db.prepare<[], number>('SELECT COALESCE(MAX(position), 0) FROM events').pluck(),
    streamRevision: db.prepare<[string], number>('SELECT revision FROM streams WHERE stream_id = ?').pluck(),
    lastRevisionInEvents: db.prepare<[string], number | null>('SELECT MAX(revision) FROM events WHERE stream_id = ?').pluck(),
    chainHead: db.prepare<[string], string>('SELECT hash FROM chain_heads WHERE cae_id = ?').pluck(),
    insertEvent: db.prepare<[EventRow & { cae_id: string }]>(
      `INSERT INTO events (${EVENT_COLUMNS}, cae_id)
       VALUES (@position, @stream_id, @revision, @event_id, @type, @schema_version, @data, @metadata, @hash, @cae_id)`,
    ),
    saveStreamRevision: db.prepare<[string, number]>(
      `INSERT INTO streams (stream_id, revision) VALUES (?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision`,
    ),
    saveChainHead: db.prepare<[string, string]>(
      `INSERT INTO chain_heads (cae_id, hash) VALUES (?, ?)
       ON CONFLICT (cae_id) DO UPDATE SET hash = excluded.hash`,
    ),
    insertCommand: db.prepare<[CommandRow]>(
      `INSERT INTO commands (command_id, fingerprint, result, position, recorded_at)
       VALUES (@command_id, @fingerprint, @result, @position, @recorded_at)`,
    ),
    findCommand: db.prepare<[string], CommandRow>('SELECT * FROM commands WHERE command_id = ?'),
    eventOfCommand: db.prepare<[string], number>(`SELECT position FROM events WHERE json_extract(metadata, '$.commandId') = ? LIMIT 1`).pluck(),
    commandsInRange: db.prepare<[number, number, number], CommandRow>(
      'SELECT * FROM commands WHERE position > ? AND position <= ? ORDER BY position, command_id LIMIT ?',
    ),
    chainHeads: db.prepare<[], { cae_id: string; hash: string }>('SELECT cae_id, hash FROM chain_heads'),
    logHead: db.prepare<[], { position: number; hash: string }>('SELECT position, hash FROM log_head WHERE id = 1'),
    saveLogHead: db.prepare<[number, string]>(
      `INSERT INTO log_head (id, position, hash) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET position = excluded.position, hash = excluded.hash`,
    ),
    readStream: db.prepare<[string, number, number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE stream_id = ? AND revision >= ? AND revision <= ? ORDER BY revision LIMIT ?`,
    ),
    readAll: db.prepare<[number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ?`,
    ),
    readRange: db.prepare<[number, number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? AND position <= ? ORDER BY position LIMIT ?`,
    ),
    readCaeRange: db.prepare<[string, number, number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE cae_id = ? AND position >= ? AND position <= ? ORDER BY position LIMIT ?`,
    ),
  };
}

function insertEvent(statements: Statements, event: RecordedEvent): void {
  try {
    statements.insertEvent.run({
      position: event.position,
      stream_id: event.streamId,
      revision: event.revision,
      event_id: event.eventId,
      type: event.type,
      schema_version: event.schemaVersion,
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(event.metadata),
      hash: event.hash,
      cae_id: event.metadata.caeId,
    });
  } catch (error) {
    // Same message as the in-memory adapter; the transaction rolls back either way. Matched by code, not by
    // class: the native addon keeps the SqliteError class of the first module instance that loaded it.
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' && String(message).includes('events.event_id')) {
      throw new Error(`Duplicate event id ${event.eventId}`);
    }
    throw error;
  }
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data) as Record<string, unknown>,
    metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
    hash: row.hash,
  };
}

function toStoredCommand(row: CommandRow): StoredCommand {
  return {
    commandId: row.command_id,
    fingerprint: row.fingerprint,
    result: JSON.parse(row.result),
    position: row.position,
    recordedAt: row.recorded_at,
  };
}
