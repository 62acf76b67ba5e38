import { createHash, randomUUID } from 'node:crypto';
import {
  decide,
  evolveAssociate,
  evolveCae,
  evolveEntrepreneur,
  evolveInvoiceSeries,
  initialAssociateState,
  initialCaeState,
  initialEntrepreneurState,
  initialInvoiceSeriesState,
  occurredOn,
  personKey,
  planOf,
  refuse,
  SCHEMA_VERSION,
  associateStream,
  caeStream,
  entrepreneurStream,
  invoiceSeriesStream,
  type CommandEnvelope,
  type DecisionState,
  type DomainError,
  type AssociateState,
  type CaeState,
  type EntrepreneurState,
  type InvoiceSeriesState,
  type Command,
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
import { AggregateCache, type Fold } from './aggregate-cache';
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
 * Handles one command: read the aggregates it needs → decide → seal personal data → append with the
 * expected revision of every stream written, atomically with the command's record. Commands of this process
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
    const aggregates = await this.aggregatesOf(envelope.command);
    // Held from the load until the append has resolved or failed: writers of other streams run meanwhile.
    return this.turns.run(aggregates.written, () => this.handleInTurn(envelope, aggregates));
  }

  private async handleInTurn(envelope: CommandEnvelope, aggregates: Aggregates): Promise<CommandOutcome> {
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
      const { state, revisions } = await this.load(aggregates);
      const now = this.now();
      const today = now.toISOString().slice(0, 10);
      const decision = decide(command, state, { today });
      if (!decision.ok) return rejected(commandId, decision.error);
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

  /**
   * The streams a command is decided against, and those it writes. A payment or credit note names an invoice:
   * its entrepreneur is read from the series' index before any turn is taken, which is safe since an assigned
   * number never changes hands; an unknown number leaves the entrepreneur out, for the decider to refuse.
   */
  private async aggregatesOf(command: Command): Promise<Aggregates> {
    const plan = planOf(command);
    let entrepreneurId = plan.entrepreneurId;
    let document: DecisionState['document'];
    if (plan.document) {
      const { state: series } = await this.aggregates.load(invoiceSeriesStream(plan.caeId, plan.document.seriesYear), SERIES);
      const invoiceOf = series.invoices.get(plan.document.number);
      if (invoiceOf !== undefined) {
        document = { document: 'invoice', entrepreneurId: invoiceOf };
        entrepreneurId = invoiceOf;
      }
    }
    const cae = caeStream(plan.caeId);
    const entrepreneur = entrepreneurId === undefined ? undefined : entrepreneurStream(plan.caeId, entrepreneurId);
    const series = plan.seriesYear === undefined ? undefined : invoiceSeriesStream(plan.caeId, plan.seriesYear);
    const associate = plan.associateId === undefined ? undefined : associateStream(plan.caeId, plan.associateId);
    // A CAE-level command names nothing but the CAE, or is an erasure (which reads the person, records in the
    // CAE). Others only read the CAE: a turn on it would serialise the whole CAE. An associate's entrepreneur is
    // read for the CESA, not written.
    const caeLevel =
      command.type === 'ForgetPerson' ||
      (plan.entrepreneurId === undefined && plan.document === undefined && plan.seriesYear === undefined && plan.associateId === undefined);
    const written = caeLevel ? [cae] : associate !== undefined ? [associate] : [entrepreneur, series].filter((s): s is string => s !== undefined);
    return { cae, entrepreneur, series, associate, document, written };
  }

  /** Folds the aggregates; only the revisions of the streams written (held in turn) become expected revisions. */
  private async load(aggregates: Aggregates): Promise<{ state: DecisionState; revisions: Map<string, number> }> {
    const revisions = new Map<string, number>();
    const read = async <S>(streamId: string, fold: Fold<S>): Promise<S> => {
      const { state, revision } = await this.aggregates.load(streamId, fold);
      if (aggregates.written.includes(streamId)) revisions.set(streamId, revision);
      return state;
    };

    const state: DecisionState = { cae: await read(aggregates.cae, CAE) };
    if (aggregates.document) state.document = aggregates.document;
    if (aggregates.entrepreneur) state.entrepreneur = await read(aggregates.entrepreneur, ENTREPRENEUR);
    if (aggregates.series) state.series = (await read(aggregates.series, SERIES)).state;
    if (aggregates.associate) state.associate = await read(aggregates.associate, ASSOCIATE);
    return { state, revisions };
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
          caeId: envelope.command.data.caeId,
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
      const revision = revisions.get(streamId);
      if (revision === undefined) throw new Error(`Stream ${streamId} was written without its turn`);
      return { streamId, events, expectedRevision: revision === -1 ? 'no_stream' : revision };
    });
  }
}

/** The streams of one command: those read, and those written, on which it takes its turns. */
interface Aggregates {
  cae: string;
  entrepreneur?: string;
  series?: string;
  associate?: string;
  document?: DecisionState['document'];
  written: string[];
}

const CAE: Fold<CaeState> = { initial: initialCaeState, evolve: evolveCae };
const ENTREPRENEUR: Fold<EntrepreneurState> = { initial: initialEntrepreneurState, evolve: evolveEntrepreneur };
const ASSOCIATE: Fold<AssociateState> = { initial: initialAssociateState, evolve: evolveAssociate };

/** A series and which entrepreneur each of its invoices belongs to (what payments and credit notes refer to). */
interface SeriesView {
  state: InvoiceSeriesState;
  invoices: Map<string, string>;
}

const SERIES: Fold<SeriesView> = {
  initial: () => ({ state: initialInvoiceSeriesState(), invoices: new Map() }),
  evolve: (view, event) => {
    // The index only grows, so it is extended in place rather than copied at every invoice.
    if (event.type === 'InvoiceNumberAssigned' && event.data.document === 'invoice') view.invoices.set(event.data.number, event.data.entrepreneurId);
    return { state: evolveInvoiceSeries(view.state, event), invoices: view.invoices };
  },
};

const rejected = (commandId: string, error: DomainError): CommandOutcome => ({ commandId, status: 'rejected', error });

/** Small randomised pause so writers of one stream in different processes do not collide again in lockstep. */
const backoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * Math.min(20, attempt * 2))));
