import { type AppendState, cloneJson, planAppend } from './append-plan';
import {
  DuplicateCommandError,
  type AppendOutcome,
  type CommandRecord,
  type EventStore,
  type IntegrityProblem,
  type EventToAppend,
  type ExpectedRevision,
  NO_STREAM_REVISION,
  type ReadAllOptions,
  readBy,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoredCommand,
  type StreamAppend,
  type SubscribeOptions,
  type Subscription,
  type VerifyOptions,
  type VerifyReport,
} from './event-store';
import { GENESIS_HASH } from './chain-hash';
import { verifyLog } from './verify-log';
import { AppendSignal, LogSubscription } from './log-subscription';

const DEFAULT_PAGE = 1000;
const DEFAULT_BATCH = 500;

/**
 * The log in process memory, for tests and tools. Same behaviour as the durable adapters; every event and
 * command handed out is a copy, so callers cannot alter what is stored.
 */
export class InMemoryEventStore implements EventStore {
  /** events[position - 1]. */
  private readonly events: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly chainHeads = new Map<string, string>();
  private readonly eventIds = new Set<string>();
  private readonly commands = new Map<string, StoredCommand>();
  private readonly signal = new AppendSignal();
  private readonly subscriptions = new Set<LogSubscription>();
  private closed = false;

  async append(streamId: string, events: EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendOutcome> {
    return this.appendToStreams([{ streamId, expectedRevision, events }]);
  }

  async appendToStreams(appends: StreamAppend[], command?: CommandRecord): Promise<AppendOutcome> {
    this.assertOpen();
    if (command !== undefined && this.commands.has(command.commandId)) {
      throw new DuplicateCommandError(command.commandId);
    }
    const state: AppendState = {
      headPosition: this.events.length,
      streamRevision: (streamId) => this.revisionOf(streamId),
      chainHead: (caeId) => this.chainHeads.get(caeId) ?? GENESIS_HASH,
    };
    const plan = planAppend(appends, state, command);
    const newIds = new Set<string>();
    for (const { eventId } of plan.events) {
      if (this.eventIds.has(eventId) || newIds.has(eventId)) throw new Error(`Duplicate event id ${eventId}`);
      newIds.add(eventId);
    }

    // Nothing above wrote anything: from here on the append cannot fail.
    for (const event of plan.events) {
      this.events.push(event);
      this.eventIds.add(event.eventId);
      const stream = this.streams.get(event.streamId) ?? [];
      stream.push(event);
      this.streams.set(event.streamId, stream);
    }
    for (const [caeId, hash] of plan.chainHeads) this.chainHeads.set(caeId, hash);
    if (command !== undefined) {
      this.commands.set(command.commandId, {
        commandId: command.commandId,
        fingerprint: command.fingerprint,
        result: cloneJson(command.result ?? null),
        position: plan.lastPosition,
        recordedAt: new Date().toISOString(),
      });
    }
    this.signal.notify();
    return { events: plan.events.map(copy), lastPosition: plan.lastPosition, revisions: plan.revisions };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const stream = this.streams.get(streamId) ?? [];
    const from = Math.max(0, options.fromRevision ?? 0);
    const to = Math.min(stream.length - 1, options.toRevision ?? Number.MAX_SAFE_INTEGER);
    const end = Math.min(to + 1, from + (options.limit ?? Number.MAX_SAFE_INTEGER));
    return stream.slice(from, Math.max(from, end)).map(copy);
  }

  async streamRevision(streamId: string): Promise<number> {
    this.assertOpen();
    return this.revisionOf(streamId);
  }

  async readAll(fromPosition: number, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const start = Math.max(1, fromPosition) - 1;
    const limit = options.limit ?? DEFAULT_PAGE;
    if (options.caeId === undefined && options.types === undefined) return this.events.slice(start, start + limit).map(copy);
    const read = readBy(options);
    const kept: RecordedEvent[] = [];
    for (let i = start; i < this.events.length && kept.length < limit; i++) if (read(this.events[i]!)) kept.push(copy(this.events[i]!));
    return kept;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.events.length;
  }

  subscribeAll(fromPosition: number, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    // Every writer is in this process, so the append signal alone wakes subscribers: no polling.
    const subscription = new LogSubscription({
      fromPosition,
      batchSize: options.batchSize ?? DEFAULT_BATCH,
      readPage: (from, limit) => this.readAll(from, { limit }),
      signal: this.signal,
      onEnd: (ended) => this.subscriptions.delete(ended),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async verify(options: VerifyOptions = {}): Promise<VerifyReport> {
    this.assertOpen();
    const { caeId } = options;
    const events = caeId === undefined ? this.events : this.events.filter((event) => event.metadata.caeId === caeId);
    const last = this.events[this.events.length - 1];
    return verifyLog({
      events,
      headPosition: this.events.length,
      storedHeads: async () => new Map(this.chainHeads),
      records: [...this.commands.values()].sort((a, b) => a.position - b.position),
      ...(last !== undefined ? { highestWritten: { position: last.position, hash: last.hash } } : {}),
      ...options,
    });
  }

  /** Nothing outside this object can remove its events or records: the log cannot be tampered with. */
  async integrity(): Promise<IntegrityProblem[]> {
    return [];
  }

  async findCommand(commandId: string): Promise<StoredCommand | undefined> {
    this.assertOpen();
    const command = this.commands.get(commandId);
    return command === undefined ? undefined : { ...command, result: cloneJson(command.result) };
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
  }

  private revisionOf(streamId: string): number {
    const stream = this.streams.get(streamId);
    return stream === undefined ? NO_STREAM_REVISION : stream.length - 1;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The event store is closed');
  }
}

function copy(event: RecordedEvent): RecordedEvent {
  return { ...event, data: cloneJson(event.data), metadata: { ...event.metadata } };
}
