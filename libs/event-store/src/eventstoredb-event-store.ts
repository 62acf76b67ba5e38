/**
 * The event-log port on EventStoreDB, through `@eventstore/db-client` 6.x.
 *
 * DESIGN — why one log stream
 * ---------------------------
 * The port promises what EventStoreDB does not give across streams with this client: several streams appended
 * atomically (db-client 6.x has no multi-stream transaction; KurrentDB ≥ 25.1 has `multiStreamAppend` only in
 * `@kurrent/kurrentdb-client`), positions 1, 2, 3… without gaps (`$all` positions are commit/prepare byte
 * offsets, increasing with holes), and a hash chain per CAE along that order. What EventStoreDB does give
 * exactly is: one append to ONE stream is atomic, and it is conditional on that stream's exact revision.
 * So the adapter writes every event, of every logical stream, to one stream, `{prefix}log`:
 *
 * - **Positions**: position = revision of the event in `{prefix}log` + 1. Consecutive, 1-based, never reused,
 *   the same in every process: exactly the port's contract. (`$all` is not read: filtered to our log, with
 *   system events left out, it holds the same events in the same order, but its byte positions cannot be
 *   computed from ours, so a checkpoint could not be turned back into a read position. Reading the log stream
 *   from a revision is the exact, bounded-page equivalent.)
 * - **Atomicity**: one call of appendToStreams (and every call grouped with it, see below) is ONE append to the
 *   log stream, with expectedRevision = the log revision the decision was made on. Either the whole batch is
 *   stored, in the order given, or nothing is. The log stream's revision is the one serialisation point of
 *   all writers in all processes, like SQLite's write lock.
 * - **Expected revisions** of logical streams are checked by the adapter against the stream's index (below) as
 *   of log revision R, and the batch is written only if the log is still at R (`WrongExpectedVersionError` on
 *   the log means another writer got in first: everything is decided again on the new state, the caller never
 *   sees that conflict). 'no_stream' / 'stream_exists' / 'any' / n keep their exact meaning (-1 = no stream);
 *   `toEsdbExpectedRevision` maps them one to one onto EventStoreDB's, used for the index writes.
 * - **Indexes**, derived from the log and written right after each batch (by its writer, or by whoever reads
 *   or writes next if that writer died in between — "roll forward"; every index write is conditional on an
 *   exact revision or on NO_STREAM, so writing it twice is harmless):
 *     `{prefix}stream-{streamId}`  one `$>` link per event at the logical revision (read with resolveLinkTos);
 *     `{prefix}chain-{caeId}`      `{ position, hash }` per event of the CAE: the chain head, and its length;
 *     `{prefix}event-{eventId}`    the unicity of event ids (EventStoreDB's own dedupe is best effort);
 *     `{prefix}command-{commandId}` the command record (NO_STREAM: a second one cannot exist).
 *   and `{prefix}format`, the log's format version (log-integrity.ts), written on the first append to an empty log:
 *   a log with events and another version, or none, is refused by integrity() and by every append.
 *   Invariant: a batch is appended only after the previous batch is fully indexed, so only the log's last batch
 *   can ever be unindexed, and every reader of an index rolls it forward first.
 * - **Hash chain**: computed before writing, from the CAE's chain head as of R (planAppend, shared with the
 *   embedded adapters), and stored in the event's EventStoreDB metadata with the port's metadata, logical
 *   stream, revision, schema version and position (`LogEnvelope`). verify() recomputes it over the log, page
 *   by page, and compares each CAE's chain index with it and each command record with the digest its command's
 *   last event carries. The log stream cannot lose its last events (EventStoreDB only truncates from the start,
 *   which verify sees as missing positions), so no highest position is kept apart; a deleted command index stream
 *   is seen by verify, but not at append time (no index of events by commandId).
 * - **Command idempotency**: the command record rides in the metadata of the last event of its command, in the
 *   same atomic batch, then lands in `{prefix}command-{commandId}`. A duplicate is found in that stream (or
 *   earlier in the same group) and refused with DuplicateCommandError before anything is written; two
 *   processes racing with the same commandId are serialised by the log: the loser re-decides after the
 *   winner's batch is indexed and gets DuplicateCommandError.
 * - **Group commit / order**: appends requested in this process are queued and decided in request order, each
 *   on its own (a refused one does not affect the others), the accepted ones written in one batch (at most
 *   ~500 events per batch). A single command larger than EventStoreDB's MaxAppendSize (1 MB by default) fails.
 * - **Unknown outcomes**: a transient failure (unavailable, deadline, not leader) of the log append is retried
 *   with the same event ids and the same expected revision, which EventStoreDB treats idempotently; if the
 *   outcome is still unknown the error is thrown, and a later retry of the command cannot store its events
 *   twice (event ids and command ids are unique, see above).
 * - **Subscriptions**: pull-based (`LogSubscription`, shared with the SQLite adapter): one page of `readAll`
 *   at a time, the next read only when the `for await` body has finished (back-pressure); the checkpoint is
 *   the position after the last event delivered. A live EventStoreDB subscription to the log stream
 *   (consumed with `for await`) is only a doorbell that wakes waiting subscribers when anyone appends;
 *   when the server drops it, it is re-established with exponential backoff and jitter, and wakes everyone
 *   once (so nothing appended meanwhile waits for the poll). Page reads failing transiently are retried with
 *   backoff from the same checkpoint. Polling (pollIntervalMs) stays as a safety net.
 *
 * GUARANTEED: everything the contract suite checks (test/contract/event-store.contract.ts), across processes
 * and crashes: atomic multi-stream appends, exact expected revisions, gapless positions, per-CAE chain,
 * durable command idempotency, unique event ids, group decisions in request order.
 * NOT GUARANTEED: throughput beyond one batch per round trip (all writers share the log stream's revision,
 * as they share SQLite's lock); a stream read in another process may lag a batch whose writer died until the
 * next read or write rolls it forward (reads in this adapter do that first); other EventStoreDB clients writing
 * into `{prefix}*` streams are not defended against; streams and `$all` as seen by other EventStoreDB tools
 * show the log stream and the index streams, not one EventStoreDB stream per aggregate.
 */
import {
  BACKWARDS,
  binaryEvent,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  type EventData,
  NotLeaderError,
  type ReadStreamOptions as EsdbReadStreamOptions,
  type ResolvedEvent,
  StreamNotFoundError,
  type StreamSubscription,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { type AppendPlan, planAppend } from './append-plan';
import {
  type AppendOutcome,
  type CommandRecord,
  DuplicateCommandError,
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
} from './event-store';
import {
  assertNotReservedType,
  backoffDelay,
  type CommandEnvelope,
  decodeLogEvent,
  encodeLogEvent,
  esdbEventId,
  type EsdbEventToWrite,
  fromEsdbRevision,
  linkData,
  logExpectedRevision,
  type LogEnvelope,
  positionToLogRevision,
  type StreamNames,
  streamNames,
  toEsdbExpectedRevision,
} from './eventstoredb-mapping';
import { GroupCommit, type Settlement } from './group-commit';
import { GENESIS_HASH } from './chain-hash';
import { verifyLog } from './verify-log';
import { formatProblem, LOG_FORMAT_VERSION } from './log-integrity';
import { AppendSignal, LogSubscription } from './log-subscription';

const DEFAULT_PAGE = 1000;
const DEFAULT_BATCH = 500;
const DEFAULT_POLL_MS = 200;
const VERIFY_PAGE = 1000;
/** Events per log append when several commands are grouped (a single larger command still goes alone). */
const MAX_GROUP_EVENTS = 500;
/** Times a group is decided again after losing the log's revision to another writer. */
const MAX_CONFLICT_RETRIES = 100;
/** Times a transiently failed log append is repeated (idempotently) before giving up. */
const MAX_TRANSIENT_RETRIES = 5;

export interface EventStoreDbEventStoreOptions {
  /** Prefix of every stream the adapter writes (default 'alveole-'): several logs can share a server. */
  streamPrefix?: string;
}

interface PendingAppend {
  appends: StreamAppend[];
  command: CommandRecord | undefined;
}

interface ChainState {
  /** Events in the CAE's chain. */
  length: number;
  head: string;
}

/** State as of one log revision, as read from the indexes, plus what the group decided so far. */
interface GroupState {
  headPosition: number;
  revisions: Map<string, number>;
  chains: Map<string, ChainState>;
  storedEventIds: Set<string>;
  storedCommandIds: Set<string>;
}

export class EventStoreDbEventStore implements EventStore {
  private readonly names: StreamNames;
  private readonly signal = new AppendSignal();
  private readonly subscriptions = new Set<LogSubscription>();
  private readonly group = new GroupCommit<PendingAppend, AppendOutcome>((group) => this.commitGroup(group), {
    maxBatchSize: MAX_GROUP_EVENTS,
    sizeOf: ({ appends }) => appends.reduce((sum, append) => sum + append.events.length, 0),
  });
  private closed = false;
  /** Every batch up to this position is known to be indexed. */
  private indexedThrough = 0;
  private doorbell: Promise<void> | undefined;
  private liveSubscription: StreamSubscription | undefined;
  private wakeDoorbell: (() => void) | undefined;
  private format: Promise<void> | undefined;

  constructor(
    private readonly client: EventStoreDBClient,
    options: EventStoreDbEventStoreOptions = {},
    private readonly ownsClient = false,
  ) {
    this.names = streamNames(options.streamPrefix ?? 'alveole-');
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
    await this.rollForward();
    const links = await this.read(this.names.stream(streamId), {
      fromRevision: BigInt(from),
      maxCount: count,
      resolveLinkTos: true,
    });
    return links.map((resolved) => {
      const target = resolved.event;
      if (resolved.link === undefined || target === undefined || target.type === '$>') {
        throw new Error(`Stream ${streamId}: a link of its index does not resolve to the log`);
      }
      return decodeLogEvent(target).event;
    });
  }

  async streamRevision(streamId: string): Promise<number> {
    this.assertOpen();
    await this.rollForward();
    return this.indexRevision(this.names.stream(streamId));
  }

  async readAll(fromPosition: number, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const from = Math.max(1, Math.floor(fromPosition));
    const page = await this.read(this.names.log, {
      fromRevision: positionToLogRevision(from),
      maxCount: options.limit ?? DEFAULT_PAGE,
    });
    return page.map((resolved) => decodeLogEvent(recordedOf(resolved)).event);
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    const [last] = await this.read(this.names.log, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    return last === undefined ? 0 : fromEsdbRevision(recordedOf(last).revision) + 1;
  }

  subscribeAll(fromPosition: number, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const subscription: LogSubscription = new LogSubscription({
      fromPosition,
      batchSize: options.batchSize ?? DEFAULT_BATCH,
      pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_MS,
      readPage: (from, limit) => this.readPageWithRetry(subscription, from, limit),
      signal: this.signal,
      onEnd: (ended) => this.subscriptions.delete(ended),
    });
    this.subscriptions.add(subscription);
    this.startDoorbell();
    return subscription;
  }

  async verify(options: VerifyOptions = {}): Promise<VerifyReport> {
    // Appends made while verifying are left for the next run, so a busy log cannot keep verify from ending.
    const headPosition = await this.rollForward();
    const [last] = headPosition === 0 ? [] : await this.readAll(headPosition, { limit: 1 });
    return verifyLog({
      events: this.eventsUpTo(headPosition, options.caeId),
      headPosition,
      storedHeads: async (caeIds) => new Map(await Promise.all(caeIds.map(async (caeId) => [caeId, await this.chainHeadAt(caeId, headPosition)] as const))),
      records: this.recordsUpTo(headPosition),
      // The log stream only grows (EventStoreDB cannot delete its last events): its last event is the highest written.
      ...(last !== undefined ? { highestWritten: { position: last.position, hash: last.hash } } : {}),
      ...options,
    });
  }

  /** The log's format marker (the log stream itself cannot go backwards, so nothing else is checked cheaply). */
  async integrity(): Promise<IntegrityProblem[]> {
    this.assertOpen();
    const problem = await this.formatChecked().then(
      () => undefined,
      (error: unknown) => (error instanceof LogIntegrityError ? error.problem : Promise.reject(error)),
    );
    return problem === undefined ? [] : [problem];
  }

  async findCommand(commandId: string): Promise<StoredCommand | undefined> {
    this.assertOpen();
    await this.rollForward();
    const [last] = await this.read(this.names.command(commandId), { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    if (last === undefined) return undefined;
    const stored = recordedOf(last).data as unknown as CommandEnvelope & { position: number };
    return {
      commandId: stored.commandId,
      fingerprint: stored.fingerprint,
      result: stored.result,
      position: stored.position,
      recordedAt: stored.recordedAt,
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Appends already requested are written, not dropped.
    await this.group.idle();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.stopDoorbell();
    if (this.ownsClient) await this.client.dispose();
  }

  // ——— writing ———

  /**
   * The format marker stream `{prefix}format`: written with the current version when the log is empty, and a
   * log with events but another version (or none, written before the marker existed) is refused.
   */
  private formatChecked(): Promise<void> {
    this.format ??= (async () => {
      const [marker] = await this.read(this.names.format, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
      const version = marker === undefined ? undefined : (recordedOf(marker).data as { version?: unknown }).version;
      if (version === LOG_FORMAT_VERSION) return;
      const head = await this.headPosition();
      const problem = head === 0 ? undefined : formatProblem(typeof version === 'number' ? version : 1, `in EventStoreDB (stream ${this.names.log})`);
      if (problem !== undefined) throw new LogIntegrityError(problem);
      await this.appendIndex(this.names.format, 0, [
        jsonEvent({ id: esdbEventId(`${this.names.format}@0`), type: 'alveole-log-format', data: { version: LOG_FORMAT_VERSION } }),
      ]);
    })();
    // A failure to reach the server is tried again next time; a refused format stays refused.
    this.format.catch((error: unknown) => {
      if (!(error instanceof LogIntegrityError)) this.format = undefined;
    });
    return this.format;
  }

  /** Decides every append of the group on the log as of one revision, and writes the accepted ones in one append. */
  private async commitGroup(group: PendingAppend[]): Promise<Settlement<AppendOutcome>[]> {
    await this.formatChecked();
    for (let attempt = 0; ; attempt++) {
      const head = await this.rollForward();
      const state = await this.loadState(head, group);
      const chainLengths = new Map([...state.chains].map(([caeId, chain]) => [caeId, chain.length]));
      const results = group.map((item) => decide(item, state));
      const accepted = results.flatMap((result, index) => (result.plan ? [{ plan: result.plan, item: group[index]! }] : []));
      if (accepted.length > 0) {
        const batch = { first: head + 1, last: state.headPosition };
        const recordedAt = new Date().toISOString();
        const toWrite: EsdbEventToWrite[] = [];
        for (const { plan, item } of accepted) {
          plan.events.forEach((event, index) => {
            const { caeId } = event.metadata;
            const caeIndex = chainLengths.get(caeId) ?? 0;
            chainLengths.set(caeId, caeIndex + 1);
            const command: CommandEnvelope | undefined =
              item.command !== undefined && index === plan.events.length - 1
                ? { commandId: item.command.commandId, fingerprint: item.command.fingerprint, result: item.command.result ?? null, recordedAt }
                : undefined;
            toWrite.push(encodeLogEvent(event, { caeIndex, batch, ...(command ? { command } : {}) }));
          });
        }
        const written = await this.appendToLog(toWrite, head);
        if (!written) {
          if (attempt >= MAX_CONFLICT_RETRIES) throw new Error('EventStoreDB log: too much contention, the append was not written');
          await sleep(backoffDelay(attempt, 200));
          continue;
        }
        // The batch is stored: its outcome is success even if indexing fails now, as the next read or write
        // rolls the indexes forward (the invariant only needs them before the next batch).
        await this.index(toWrite.map((event) => event.metadata)).catch(() => undefined);
        this.signal.notify();
      }
      return results.map((result) =>
        result.plan
          ? { status: 'fulfilled', value: { events: result.plan.events, lastPosition: result.plan.lastPosition, revisions: result.plan.revisions } }
          : { status: 'rejected', reason: result.error },
      );
    }
  }

  /** Appends the batch to the log if it is still at `head`: false when another writer got in first. */
  private async appendToLog(events: EsdbEventToWrite[], head: number): Promise<boolean> {
    const data = events.map((event) => jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: { ...event.metadata } }));
    for (let attempt = 0; ; attempt++) {
      try {
        await this.client.appendToStream(this.names.log, data, { expectedRevision: logExpectedRevision(head) });
        return true;
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) return false;
        // Same ids, same expected revision: EventStoreDB answers success if the first try was in fact stored.
        if (!isTransient(error) || attempt >= MAX_TRANSIENT_RETRIES) throw error;
        await sleep(backoffDelay(attempt));
      }
    }
  }

  /** What the group's appends are decided against: the indexes as of the log's head (all rolled forward). */
  private async loadState(head: number, group: PendingAppend[]): Promise<GroupState> {
    const streamIds = new Set<string>();
    const caeIds = new Set<string>();
    const eventIds = new Set<string>();
    const commandIds = new Set<string>();
    for (const { appends, command } of group) {
      if (command !== undefined) commandIds.add(command.commandId);
      for (const { streamId, events } of appends) {
        streamIds.add(streamId);
        for (const event of events) {
          eventIds.add(event.eventId);
          if (typeof event.metadata?.caeId === 'string') caeIds.add(event.metadata.caeId);
        }
      }
    }
    const state: GroupState = {
      headPosition: head,
      revisions: new Map(),
      chains: new Map(),
      storedEventIds: new Set(),
      storedCommandIds: new Set(),
    };
    await Promise.all([
      ...[...streamIds].map(async (streamId) => state.revisions.set(streamId, await this.indexRevision(this.names.stream(streamId)))),
      ...[...caeIds].map(async (caeId) => state.chains.set(caeId, await this.chainState(caeId))),
      ...[...eventIds].map(async (eventId) => {
        if ((await this.indexRevision(this.names.eventId(eventId))) > NO_STREAM_REVISION) state.storedEventIds.add(eventId);
      }),
      ...[...commandIds].map(async (commandId) => {
        if ((await this.indexRevision(this.names.command(commandId))) > NO_STREAM_REVISION) state.storedCommandIds.add(commandId);
      }),
    ]);
    return state;
  }

  /**
   * Makes sure the log's last batch is indexed (the only one that may not be: see the invariant above) and
   * returns the head position.
   */
  private async rollForward(): Promise<number> {
    const [last] = await this.read(this.names.log, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    if (last === undefined) return 0;
    const { envelope } = decodeLogEvent(recordedOf(last));
    const head = envelope.position;
    if (head <= this.indexedThrough) return head;
    const { first } = envelope.batch;
    const batch = await this.read(this.names.log, { fromRevision: positionToLogRevision(first), maxCount: head - first + 1 });
    await this.index(batch.map((resolved) => decodeLogEvent(recordedOf(resolved)).envelope));
    return head;
  }

  /** Writes the indexes of one batch; each write is conditional, so writing them again changes nothing. */
  private async index(batch: LogEnvelope[]): Promise<void> {
    const byStream = groupBy(batch, (envelope) => envelope.streamId);
    const byCae = groupBy(batch, (envelope) => envelope.metadata.caeId);
    await Promise.all([
      ...[...byStream].map(([streamId, envelopes]) =>
        this.appendIndex(
          this.names.stream(streamId),
          envelopes[0]!.revision,
          envelopes.map((envelope) =>
            binaryEvent({
              id: esdbEventId(`${this.names.stream(streamId)}@${envelope.revision}`),
              type: '$>',
              data: Buffer.from(linkData(this.names.log, positionToLogRevision(envelope.position))),
            }),
          ),
        ),
      ),
      ...[...byCae].map(([caeId, envelopes]) =>
        this.appendIndex(
          this.names.chain(caeId),
          envelopes[0]!.caeIndex,
          envelopes.map((envelope) =>
            jsonEvent({
              id: esdbEventId(`${this.names.chain(caeId)}@${envelope.caeIndex}`),
              type: 'alveole-chain-link',
              data: { position: envelope.position, hash: envelope.hash },
            }),
          ),
        ),
      ),
      ...batch.map((envelope) =>
        this.appendIndex(this.names.eventId(envelope.eventId), 0, [
          jsonEvent({ id: esdbEventId(`${this.names.eventId(envelope.eventId)}@0`), type: 'alveole-event-id', data: { position: envelope.position } }),
        ]),
      ),
      ...batch.flatMap(({ command, position }) =>
        command === undefined
          ? []
          : [
              this.appendIndex(this.names.command(command.commandId), 0, [
                jsonEvent({ id: esdbEventId(`${this.names.command(command.commandId)}@0`), type: 'alveole-command', data: { ...command, position } }),
              ]),
            ],
      ),
    ]);
    const last = batch[batch.length - 1];
    if (last !== undefined) this.indexedThrough = Math.max(this.indexedThrough, last.position);
  }

  /** Appends index entries at revisions first… of the index stream, unless they are there already. */
  private async appendIndex(stream: string, firstRevision: number, events: EventData[]): Promise<void> {
    const lastRevision = firstRevision + events.length - 1;
    try {
      await this.client.appendToStream(stream, events, { expectedRevision: toEsdbExpectedRevision(firstRevision - 1) });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError && fromEsdbRevision(error.actualVersion) >= lastRevision) return;
      throw error;
    }
  }

  // ——— reading ———

  private async indexRevision(stream: string): Promise<number> {
    const [last] = await this.read(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    return last === undefined ? NO_STREAM_REVISION : fromEsdbRevision(recordedOf(last).revision);
  }

  private async chainState(caeId: string): Promise<ChainState> {
    const [last] = await this.read(this.names.chain(caeId), { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    if (last === undefined) return { length: 0, head: GENESIS_HASH };
    const recorded = recordedOf(last);
    return { length: fromEsdbRevision(recorded.revision) + 1, head: (recorded.data as { hash: string }).hash };
  }

  /** A bounded read of one stream, [] when the stream does not exist. */
  private async read(stream: string, options: EsdbReadStreamOptions): Promise<ResolvedEvent[]> {
    const events: ResolvedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(stream, { direction: FORWARDS, ...options })) events.push(resolved);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /** The CAE's chain head as of a position: the last entry of its chain index at or below it. */
  private async chainHeadAt(caeId: string, position: number): Promise<string> {
    const entries = await this.read(this.names.chain(caeId), { direction: BACKWARDS, fromRevision: END, maxCount: MAX_GROUP_EVENTS + 1 });
    const entry = entries.map((resolved) => recordedOf(resolved).data as { position: number; hash: string }).find((link) => link.position <= position);
    return entry?.hash ?? GENESIS_HASH;
  }

  /** The command records of the commands whose last event is at or below lastPosition, in position order. */
  private async *recordsUpTo(lastPosition: number): AsyncGenerator<StoredCommand> {
    for await (const event of this.eventsUpTo(lastPosition, undefined)) {
      if (event.metadata.commandDigest === undefined) continue;
      const record = await this.findCommand(event.metadata.commandId);
      if (record !== undefined) yield record;
    }
  }

  private async *eventsUpTo(lastPosition: number, caeId: string | undefined): AsyncGenerator<RecordedEvent> {
    for (let from = 1; from <= lastPosition; ) {
      const page = await this.readAll(from, { limit: Math.min(VERIFY_PAGE, lastPosition - from + 1) });
      for (const event of page) if (caeId === undefined || event.metadata.caeId === caeId) yield event;
      if (page.length === 0) return;
      from = page[page.length - 1]!.position + 1;
    }
  }

  // ——— subscriptions ———

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

  /** One live subscription to the log stream per store, only to wake waiting subscribers at once. */
  private startDoorbell(): void {
    if (this.doorbell !== undefined || this.closed) return;
    this.doorbell = this.ringDoorbell();
  }

  private async ringDoorbell(): Promise<void> {
    for (let attempt = 0; !this.closed; ) {
      const live = this.client.subscribeToStream(this.names.log, { fromRevision: END });
      this.liveSubscription = live;
      // Resubscribed after a drop: whatever was appended meanwhile is read now, from each subscriber's checkpoint.
      if (attempt > 0) this.signal.notify();
      try {
        for await (const resolved of live) {
          void resolved;
          attempt = 0;
          this.signal.notify();
        }
      } catch {
        // Dropped by the server or the network: resubscribe below, with backoff.
      } finally {
        this.liveSubscription = undefined;
      }
      if (this.closed) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoffDelay(attempt++));
        this.wakeDoorbell = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeDoorbell = undefined;
    }
  }

  private async stopDoorbell(): Promise<void> {
    await this.liveSubscription?.unsubscribe().catch(() => undefined);
    this.wakeDoorbell?.();
    await this.doorbell;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The event store is closed');
  }
}

type Decision = { plan: AppendPlan; error?: undefined } | { plan?: undefined; error: unknown };

/** Decides one append against the group's state, and on success makes the state include it. */
function decide(item: PendingAppend, state: GroupState): Decision {
  try {
    const { command } = item;
    if (command !== undefined && state.storedCommandIds.has(command.commandId)) throw new DuplicateCommandError(command.commandId);
    const plan = planAppend(
      item.appends,
      {
        headPosition: state.headPosition,
        streamRevision: (streamId) => state.revisions.get(streamId) ?? NO_STREAM_REVISION,
        chainHead: (caeId) => state.chains.get(caeId)?.head ?? GENESIS_HASH,
      },
      command,
    );
    const seen = new Set<string>();
    for (const event of plan.events) {
      if (state.storedEventIds.has(event.eventId) || seen.has(event.eventId)) throw new Error(`Duplicate event id ${event.eventId}`);
      seen.add(event.eventId);
      assertNotReservedType(event);
    }
    state.headPosition = plan.lastPosition;
    for (const [streamId, revision] of Object.entries(plan.revisions)) state.revisions.set(streamId, revision);
    for (const event of plan.events) {
      state.storedEventIds.add(event.eventId);
      const chain = state.chains.get(event.metadata.caeId) ?? { length: 0, head: GENESIS_HASH };
      state.chains.set(event.metadata.caeId, { length: chain.length + 1, head: event.hash });
    }
    if (command !== undefined) state.storedCommandIds.add(command.commandId);
    return { plan };
  } catch (error) {
    return { error };
  }
}

function recordedOf(resolved: ResolvedEvent) {
  const recorded = resolved.event;
  if (recorded === undefined) throw new Error('EventStoreDB returned a link that does not resolve');
  return recorded;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [item]);
    else group.push(item);
  }
  return groups;
}

/** Errors after which the same request may succeed (and, for appends, may have succeeded). */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof NotLeaderError ||
    error instanceof TimeoutError
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
