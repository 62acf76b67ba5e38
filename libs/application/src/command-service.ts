import { createHash, randomUUID } from 'node:crypto';
import {
  handleCommand,
  occurredOn,
  personKey,
  planOf,
  refuse,
  SCHEMA_VERSION,
  streamsOf,
  type CommandEnvelope,
  type CommandStreams,
  type DomainError,
  type PlannedEvent,
} from '../../domain';
import {
  canonicalJson,
  DuplicateCommandError,
  LogIntegrityError,
  WrongExpectedRevisionError,
  type EventStore,
  type EventToAppend,
  type StreamAppend,
} from '../../event-store';
import type { KeyStore, PersonalDataVault } from '../../personal-data';
import { AggregateCache } from './aggregate-cache';
import { sealPersonalFields } from './sealing';
import { StreamTurns } from './stream-turns';

export type CommandStatus = 'accepted' | 'duplicate' | 'rejected';

export interface AppendedEvent {
  type: string;
  streamId: string;
  revision: number;
  position?: number;
}

export interface CommandOutcome {
  commandId: string;
  status: CommandStatus;
  events?: AppendedEvent[];
  result?: Record<string, unknown>;
  error?: DomainError;
}

/** What is stored with the command, so a retry answers exactly what the first call answered. */
interface StoredResult {
  type: string;
  events: AppendedEvent[];
  result: Record<string, unknown>;
}

export interface CommandServiceOptions {
  /** Attempts on optimistic-concurrency conflicts before answering CONCURRENCY_CONFLICT. */
  maxAttempts?: number;
  now?: () => Date;
  /** How many events' worth of folded aggregates to keep in memory between commands. */
  cachedEvents?: number;
}

/**
 * Handles one command: the domain's handler reads the aggregates it needs and decides → seal personal data →
 * append with the expected revision of every stream written, atomically with the command's record. Commands of this process
 * take turns on the streams they write, so a conflict can only come from another process; those are retried.
 */
export class CommandService {
  private readonly maxAttempts: number;
  private readonly now: () => Date;

  private readonly aggregates: AggregateCache;
  private readonly turns = new StreamTurns();

  constructor(
    private readonly store: EventStore,
    private readonly vault: PersonalDataVault,
    private readonly keys: KeyStore,
    options: CommandServiceOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 100;
    this.aggregates = new AggregateCache(store, options.cachedEvents);
    this.now = options.now ?? (() => new Date());
  }

  async handle(envelope: CommandEnvelope): Promise<CommandOutcome> {
    const streams = await streamsOf(envelope.command, this.aggregates);
    // Held from the load until the append has resolved or failed: writers of other streams run meanwhile.
    return this.turns.run(streams.written, () => this.handleInTurn(envelope, streams));
  }

  private async handleInTurn(envelope: CommandEnvelope, streams: CommandStreams): Promise<CommandOutcome> {
    const { commandId, command } = envelope;
    const fingerprint = createHash('sha256').update(canonicalJson(command)).digest('hex');
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const previous = await this.store.findCommand(commandId);
      if (previous) {
        if (previous.fingerprint !== fingerprint)
          return rejected(commandId, refuse('COMMAND_ID_REUSED', `commandId "${commandId}" was already used for a different command.`).error);
        const stored = previous.result as StoredResult;
        return { commandId, status: 'duplicate', events: stored.events, result: stored.result };
      }
      const now = this.now();
      const decision = await handleCommand(command, this.aggregates, { today: now.toISOString().slice(0, 10) }, streams);
      if (!decision.ok) return rejected(commandId, decision.error);
      const revisions = decision.value.expectedRevisions;
      if (command.type === 'ForgetPerson') await this.keys.destroy(command.data.caeId, personKey(command.data.kind, command.data.personId));

      const appends = await this.toAppends(envelope, decision.value.events, revisions, now);
      const events: AppendedEvent[] = appends.flatMap((a) =>
        a.events.map((e, i) => ({ type: e.type, streamId: a.streamId, revision: (revisions.get(a.streamId) ?? -1) + 1 + i })),
      );
      const stored: StoredResult = { type: command.type, events, result: decision.value.result };
      try {
        const outcome = await this.store.appendToStreams(appends, { commandId, fingerprint, result: stored });
        const positions = new Map(outcome.events.map((e) => [`${e.streamId}@${e.revision}`, e.position]));
        return {
          commandId,
          status: 'accepted',
          events: events.map((e) => ({ ...e, position: positions.get(`${e.streamId}@${e.revision}`)! })),
          result: decision.value.result,
        };
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError) {
          await backoff(attempt);
          continue;
        }
        if (error instanceof DuplicateCommandError) continue;
        if (error instanceof LogIntegrityError) return rejected(commandId, refuse('LOG_INTEGRITY_FAILED', error.message, { problem: error.problem.code, ...error.problem.details }).error);
        throw error;
      }
    }
    return rejected(
      commandId,
      refuse('CONCURRENCY_CONFLICT', `Too many concurrent changes to the same records; the command was not applied. Send it again.`).error,
    );
  }

  /** Commands of a batch run in order, each on the state the previous ones left. */
  async handleAll(envelopes: CommandEnvelope[]): Promise<CommandOutcome[]> {
    const outcomes: CommandOutcome[] = [];
    for (const envelope of envelopes) outcomes.push(await this.handle(envelope));
    return outcomes;
  }

  /** Groups the decided events by stream (first-appearance order), sealed and with their metadata. */
  private async toAppends(envelope: CommandEnvelope, planned: PlannedEvent[], revisions: Map<string, number>, now: Date): Promise<StreamAppend[]> {
    const byStream = new Map<string, EventToAppend[]>();
    const recordedAt = now.toISOString();
    for (const { streamId, event } of planned) {
      const data = await sealPersonalFields(event, this.vault);
      const toAppend: EventToAppend = {
        eventId: randomUUID(),
        type: event.type,
        schemaVersion: SCHEMA_VERSION[event.type],
        data,
        metadata: {
          caeId: planOf(envelope.command).caeId,
          commandId: envelope.commandId,
          causationId: envelope.causationId ?? envelope.commandId,
          correlationId: envelope.correlationId ?? envelope.commandId,
          actor: envelope.actor ?? 'anonymous',
          occurredOn: occurredOn(event) ?? recordedAt.slice(0, 10),
          recordedAt,
        },
      };
      const list = byStream.get(streamId) ?? [];
      list.push(toAppend);
      byStream.set(streamId, list);
    }
    return [...byStream].map(([streamId, events]) => {
      // The domain's handler guarantees every stream decided on has its expected revision.
      const revision = revisions.get(streamId)!;
      return { streamId, events, expectedRevision: revision === -1 ? 'no_stream' : revision };
    });
  }
}

const rejected = (commandId: string, error: DomainError): CommandOutcome => ({ commandId, status: 'rejected', error });

/** Small randomised pause so writers of one stream in different processes do not collide again in lockstep. */
const backoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * Math.min(20, attempt * 2))));
