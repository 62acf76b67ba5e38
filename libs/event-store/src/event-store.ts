/**
 * The event log port. Every adapter (in-memory, SQLite, EventStoreDB) passes the same contract suite
 * (test/contract/event-store.contract.ts).
 *
 * Revisions are 0-based per stream; a stream that does not exist has revision -1.
 * Positions are global, 1-based, strictly increasing, without gaps in the embedded adapters.
 */

/** What a writer expects of a stream before appending: optimistic concurrency. */
export type ExpectedRevision = number | 'no_stream' | 'stream_exists' | 'any';

export const NO_STREAM_REVISION = -1;

export interface EventMetadata {
  caeId: string;
  commandId: string;
  causationId: string;
  correlationId: string;
  actor: string;
  /** Business date of the fact (YYYY-MM-DD), not the date it was recorded. */
  occurredOn: string;
  /** ISO timestamp of the append. */
  recordedAt: string;
  /**
   * On the last event of a command appended with its record: SHA-256 of the canonical record (commandDigest),
   * so the record is covered by the hash chain and verify can tell a record deleted or altered.
   */
  commandDigest?: string;
}

export interface EventToAppend {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface RecordedEvent extends EventToAppend {
  streamId: string;
  revision: number;
  position: number;
  /** SHA-256 (hex) of the previous hash of the same CAE ‖ canonical bytes of this event. */
  hash: string;
}

export interface StreamAppend {
  streamId: string;
  expectedRevision: ExpectedRevision;
  events: EventToAppend[];
}

/** The durable trace of a processed command, written in the same transaction as its events. */
export interface CommandRecord {
  commandId: string;
  /** SHA-256 of the canonical command, to tell a true retry from a reused commandId. */
  fingerprint: string;
  /** The result answered to the client the first time (JSON-serialisable). */
  result: unknown;
}

export interface StoredCommand extends CommandRecord {
  /** Global position of the last event the command appended. */
  position: number;
  recordedAt: string;
}

export interface AppendOutcome {
  /** The appended events, as stored, in global order. */
  events: RecordedEvent[];
  /** Position of the last appended event (the head after this append). */
  lastPosition: number;
  /** New revision of every stream written. */
  revisions: Record<string, number>;
}

export interface ReadStreamOptions {
  /** First revision to return (inclusive), default 0. */
  fromRevision?: number;
  /** Last revision to return (inclusive), default: the end. */
  toRevision?: number;
  /** At most this many events. */
  limit?: number;
}

export interface ReadAllOptions {
  /** Page size, default 1000. */
  limit?: number;
  /** Only this CAE's events (metadata.caeId), still in log order: one CAE's history without reading the others'. */
  caeId?: string;
  /** Only events of these types, still in log order: a replay reads what its projections handle and nothing else. */
  types?: readonly string[];
}

/** Whether an event is one a page read with these options holds (for the adapters that filter as they read). */
export const readBy =
  (options: ReadAllOptions) =>
  (event: RecordedEvent): boolean =>
    (options.caeId === undefined || event.metadata.caeId === options.caeId) && (options.types === undefined || options.types.includes(event.type));

export interface SubscribeOptions {
  /** Events read from the log per page, default 500. */
  batchSize?: number;
  /** How often to look for new events written by another process once caught up, default 200 ms. */
  pollIntervalMs?: number;
}

/**
 * A subscription to the global log from a position. Iterate it with `for await`: the next event is read
 * only once the loop body (the handler) has finished, so a slow handler slows the subscription (back-pressure).
 * `close()` ends the iteration.
 */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface CaeChainReport {
  caeId: string;
  events: number;
  /** The chain is intact and the stored head is the hash of the CAE's last event. */
  ok: boolean;
  /** The first position whose stored hash does not match the recomputed chain. */
  firstBrokenPosition?: number;
  /** Hash of the last event of the CAE (the chain's head), as recomputed. */
  head: string;
  /** The chain head the log stored for the CAE (absent when none is stored). */
  storedHead?: string;
}

/** Something verify found missing or wrong, named for an operator. */
export interface VerifyFinding {
  code:
    | 'CHAIN_BROKEN'
    | 'POSITIONS_MISSING'
    | 'STORED_HEAD_MISMATCH'
    | 'LOG_HEAD_WENT_BACKWARDS'
    | 'LOG_HEAD_MISMATCH'
    | 'COMMAND_RECORD_MISSING'
    | 'COMMAND_RECORD_ALTERED'
    | 'COMMAND_RECORD_ORPHANED';
  message: string;
  caeId?: string;
  commandId?: string;
  position?: number;
}

export interface VerifyReport {
  /** Nothing found: no finding at all. */
  ok: boolean;
  events: number;
  caes: CaeChainReport[];
  /** The smallest broken position across the CAEs verified. */
  firstBrokenPosition?: number;
  /** The position verified up to: the log's head when verify started. */
  headPosition: number;
  /** The first position missing between 1 and the head (whole-log verify only). */
  firstMissingPosition?: number;
  /**
   * `<position>:<hash>`, the hash digesting every CAE's chain head as of that position (whole-log verify only):
   * what an auditor records, to tell later a log truncated or rewritten with recomputed hashes.
   */
  logHead?: string;
  /** The log head as of the position asked for with `headAt`; absent when the log ends below it. */
  headAt?: string;
  findings: VerifyFinding[];
  /** Findings beyond the first MAX_FINDINGS, counted but not listed. */
  findingsNotListed?: number;
}

export interface VerifyOptions {
  /** Only this CAE's chain, stored head and command records (positions of the whole log are not checked). */
  caeId?: string;
  /** Also compute the log head as of this position (`--expect-head`), whole-log verify only. */
  headAt?: number;
}

export interface EventStore {
  /** Appends to one stream, checking its expected revision. */
  append(streamId: string, events: EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendOutcome>;

  /**
   * Appends to several streams atomically: either every stream's expected revision holds and every event
   * is stored (and the command recorded, when given), or nothing is. Events get consecutive positions in
   * the order given. Throws WrongExpectedRevisionError or DuplicateCommandError.
   */
  appendToStreams(appends: StreamAppend[], command?: CommandRecord): Promise<AppendOutcome>;

  /** The stream's events in revision order ([] if the stream does not exist). */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** The stream's current revision, -1 if it does not exist. */
  streamRevision(streamId: string): Promise<number>;

  /** One page of the global log: events with position >= fromPosition, ascending. */
  readAll(fromPosition: number, options?: ReadAllOptions): Promise<RecordedEvent[]>;

  /** Position of the last event in the log, 0 if the log is empty. */
  headPosition(): Promise<number>;

  /** Every event with position >= fromPosition, then each new one as it is appended, until closed. */
  subscribeAll(fromPosition: number, options?: SubscribeOptions): Subscription;

  /**
   * Recomputes the per-CAE hash chain (of one CAE, or of all) and names what is missing or wrong: the first
   * broken position of each chain, missing positions, stored chain heads that are not the chain's, command
   * records missing, altered or pointing at no event of their command, a log head gone backwards.
   */
  verify(options?: VerifyOptions): Promise<VerifyReport>;

  /**
   * What the adapter can tell cheaply of its log's integrity (for instance its head went backwards after a
   * truncation): [] when nothing is wrong. An adapter that finds a problem also refuses appends with
   * LogIntegrityError until an operator has looked.
   */
  integrity(): Promise<IntegrityProblem[]>;

  /** The record of a command already processed, if any. Survives restarts in durable adapters. */
  findCommand(commandId: string): Promise<StoredCommand | undefined>;

  close(): Promise<void>;
}

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number,
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${actual}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

export class DuplicateCommandError extends Error {
  constructor(readonly commandId: string) {
    super(`Command ${commandId} was already processed`);
    this.name = 'DuplicateCommandError';
  }
}

/** A problem with the log itself, named for an operator: `code` is stable, `message` says what to do. */
export interface IntegrityProblem {
  code: 'LOG_HEAD_WENT_BACKWARDS' | 'LOG_FORMAT_OUTDATED' | 'COMMAND_RECORD_MISSING' | 'LOG_TAMPERED';
  message: string;
  details?: Record<string, unknown>;
}

/** Thrown by an append refused because the log failed an integrity check: nothing was written. */
export class LogIntegrityError extends Error {
  constructor(readonly problem: IntegrityProblem) {
    super(problem.message);
    this.name = 'LogIntegrityError';
  }
}
