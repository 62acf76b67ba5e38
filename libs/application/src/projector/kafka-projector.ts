import type { Kafka } from 'kafkajs';
import { EVENTS_TOPIC, KafkaEventConsumer, type DeliveredEvent } from '../../../messaging';
import type { PersonalDataVault } from '../../../personal-data';
import { UnknownGenerationError, type GenerationRef, type ReadStore } from '../../../read-store';
import type { Projection } from '../../../../projections/projection';
import { projectBatch } from './document-batch';
import { activateIfConsumed, chooseGeneration } from './kafka-generations';
import { lagOfFeed, type KafkaFeedLag, type KafkaFeedNotBuilt } from './kafka-lag';
import { KafkaTopic, sleep } from './kafka-topic';

export type { KafkaFeedLag, KafkaFeedNotBuilt } from './kafka-lag';
import { openPage } from './opening';
import { QuarantiningProjection, type Quarantined } from './quarantine';

/**
 * A projection fed by the events topic (`cae.events.v1`) as a Kafka consumer group instead of the log: how a
 * network-wide consumer (the network statistics) follows every CAE of the network.
 *
 * What the topic gives: each stream's events in revision order (keyed by stream id, one partition per stream),
 * delivered at least once. What it does not give: one order across streams, nor a single writer per document (the
 * members of a group consume their partitions at the same time). So it shares the log projector's batch applier
 * and guard (document-batch.ts) in its `streams` order (a compare-and-set per document: with FerretDB v1, run one
 * member per group); offsets are committed after the documents (checkpoint after effects); the projection must
 * not depend on the order of events of different streams.
 *
 * Generations: a new version of the projection's code is built in a fresh generation by a fresh consumer group
 * (from the beginning of the topic, which keeps the whole log: retention -1), while queries read the active one;
 * it is activated once the group has consumed every partition up to its end as found at the start.
 */
export interface KafkaProjectorOptions {
  topic?: string;
  /** Consumer groups are `{groupPrefix}.g{generation}`; default `alveole.{projection name}`. */
  groupPrefix?: string;
  onError?: (error: unknown) => void;
  /** Largest batch fetched per partition (bytes), default 1 MiB. */
  maxBytesPerPartition?: number;
  /** How long the broker waits for a silent member before giving its partitions to the others, default 30 s. */
  sessionTimeoutMs?: number;
  /** How long a slice's handling is heartbeated for before the member counts as stuck, default 5 minutes. */
  maxHandlingMs?: number;
  /** How often a rebuilding generation checks whether the group has caught up, default 1000 ms. */
  catchUpCheckMs?: number;
  /** Where an event quarantined is reported as it happens (default: a warning on the console). */
  onQuarantine?: (quarantined: Quarantined) => void;
}

/** Generations fed by Kafka are stored under this offset + the projection's version: switching feeds rebuilds. */
export const KAFKA_FEED_VERSION_OFFSET = 1_000_000;

const MAX_ATTEMPTS = 20;

/** Where a member stands: out of any group, or consuming a generation's group (still building it, or active). */
type FeedState =
  | { kind: 'idle' }
  | { kind: 'consuming'; ref: GenerationRef; consumer: KafkaEventConsumer; building?: { ends: Map<number, number>; timer?: NodeJS.Timeout } };

export class KafkaProjector {
  readonly topic: string;
  private readonly groupPrefix: string;
  private readonly onError: (error: unknown) => void;
  private readonly catchUpCheckMs: number;
  private readonly broker: KafkaTopic;
  private readonly guard: QuarantiningProjection;
  private state: FeedState = { kind: 'idle' };
  private stopping = false;
  /** A move to the surviving generation's group, in progress. */
  private rejoining: Promise<void> | undefined;
  /** The activation check in progress: the timer may fire while the previous one still waits for the broker. */
  private checking: Promise<Map<number, number>> | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly readStore: ReadStore,
    private readonly vault: PersonalDataVault,
    readonly projection: Projection,
    private readonly options: KafkaProjectorOptions = {},
  ) {
    this.topic = options.topic ?? EVENTS_TOPIC;
    this.groupPrefix = options.groupPrefix ?? `alveole.${projection.name}`;
    this.onError = options.onError ?? ((error) => console.error(`${projection.name} (Kafka): failed, trying again`, error));
    this.catchUpCheckMs = options.catchUpCheckMs ?? 1000;
    this.broker = new KafkaTopic(kafka, this.topic);
    this.guard = new QuarantiningProjection(projection, options.onQuarantine);
  }

  get version(): number {
    return KAFKA_FEED_VERSION_OFFSET + this.projection.version;
  }

  get group(): string {
    if (this.state.kind === 'idle') throw new Error('KafkaProjector not started');
    return this.groupOf(this.state.ref);
  }

  /** Chooses the generation, waits for the topic to exist, joins the group and starts consuming. */
  async start(): Promise<void> {
    this.stopping = false;
    // A broker restarting, or a topic the relay has just created (listed before its partitions have leaders),
    // fails a step: start again from the top, which resumes whatever generation the failed try started.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.join(true);
      } catch (error) {
        await this.leave().catch(() => undefined);
        if (this.stopping) throw error;
        this.onError(error);
        await sleep(Math.min(10_000, 500 * attempt));
      }
    }
  }

  /**
   * The operator's rebuild: a fresh generation filled by a fresh group from the beginning of the topic, while
   * queries read the active one; activated once caught up with the topic as it is now, then this instance stops.
   * Running members notice that their generation was dropped at their next batch and follow the new one.
   */
  async rebuild(onProgress?: (progress: { consumed: number; end: number }) => void): Promise<{ generation: number }> {
    this.stopping = false;
    await this.broker.created(this.projection.name, () => this.stopping);
    const ref = { projection: this.projection.name, generation: await this.readStore.startGeneration(this.projection.name, this.version) };
    const ends = await this.broker.ends();
    const end = [...ends.values()].reduce((sum, offset) => sum + offset, 0);
    try {
      await this.consume(ref, ends);
      for (;;) {
        const committed = await this.checkActivation();
        if (this.state.kind !== 'consuming' || !this.state.building) break;
        onProgress?.({ consumed: [...ends.keys()].reduce((sum, partition) => sum + Math.min(ends.get(partition)!, committed.get(partition) ?? 0), 0), end });
        await sleep(this.catchUpCheckMs);
      }
      onProgress?.({ consumed: end, end });
      return { generation: ref.generation };
    } finally {
      await this.stop();
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.rejoining?.catch(() => undefined);
    await this.leave();
    await this.broker.close();
  }

  /** Where the group stands against the end of each partition (from any process: see lagOfFeed). */
  lag(): Promise<KafkaFeedLag | KafkaFeedNotBuilt> {
    const consuming = this.state.kind === 'consuming' ? { ref: this.state.ref, rebuilding: this.state.building !== undefined } : undefined;
    return lagOfFeed(this.readStore, this.broker, this.projection.name, this.version, (ref) => this.groupOf(ref), consuming);
  }

  /** Resolves once the group has consumed the topic up to its current end and the generation is active. */
  async waitUntilCaughtUp(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lag = await this.lag();
      if ('messagesBehind' in lag && lag.messagesBehind === 0 && !lag.rebuilding) return;
      if (Date.now() > deadline) throw new Error(`${this.projection.name} (Kafka): not caught up after ${timeoutMs} ms: ${JSON.stringify(lag)}`);
      await sleep(200);
    }
  }

  private groupOf(ref: GenerationRef): string {
    return `${this.groupPrefix}.g${ref.generation}`;
  }

  private async join(mayReplace: boolean): Promise<void> {
    await this.broker.created(this.projection.name, () => this.stopping);
    let chosen = await chooseGeneration(this.readStore, this.projection.name, this.version, mayReplace);
    let ends: Map<number, number> | undefined;
    for (let attempt = 1; chosen.building; attempt++) {
      ends = await this.broker.ends();
      try {
        // Already consumed by the group (a member restarted at the end of a build): activated at once.
        if (await activateIfConsumed(this.readStore, chosen.ref, ends, await this.broker.committed(this.groupOf(chosen.ref)))) ends = undefined;
        break;
      } catch (error) {
        // Dropped by a member that started its own build at the same moment: follow the newest generation.
        if (!(error instanceof UnknownGenerationError) || attempt >= MAX_ATTEMPTS) throw error;
        chosen = await chooseGeneration(this.readStore, this.projection.name, this.version, mayReplace);
        ends = undefined;
      }
    }
    await this.consume(chosen.ref, ends);
    if (this.state.kind === 'consuming' && this.state.building) {
      const check = (): Promise<unknown> => this.checkActivation().catch((error) => (error instanceof UnknownGenerationError ? this.rejoin() : this.onError(error)));
      this.state.building.timer = setInterval(() => void check(), this.catchUpCheckMs);
    }
  }

  /** Joins the group of `ref`'s generation and consumes from its committed offsets (the topic's start if none). */
  private async consume(ref: GenerationRef, ends: Map<number, number> | undefined): Promise<void> {
    const sessionTimeout = this.options.sessionTimeoutMs ?? 30_000;
    const consumer = new KafkaEventConsumer(this.kafka, this.groupOf(ref), {
      maxBytesPerPartition: this.options.maxBytesPerPartition ?? 1024 * 1024,
      sessionTimeout,
      heartbeatInterval: Math.min(3000, Math.floor(sessionTimeout / 3)),
      ...(this.options.maxHandlingMs !== undefined && { maxHandlingMs: this.options.maxHandlingMs }),
    });
    consumer.onCrash((error, restarting) => {
      this.onError(error);
      // kafkajs gave up on this member: leave and join again, from the group's committed offsets.
      if (!restarting) this.rejoin();
    });
    this.state = { kind: 'consuming', ref, consumer, ...(ends ? { building: { ends } } : {}) };
    await consumer.start({ topic: this.topic, fromBeginning: true, handler: (events) => this.handle(ref, events) });
  }

  /** Leaves the group and stops checking for catch-up. */
  private async leave(): Promise<void> {
    const state = this.state;
    this.state = { kind: 'idle' };
    if (state.kind === 'idle') return;
    if (state.building?.timer) clearInterval(state.building.timer);
    await state.consumer.close();
  }

  /**
   * Leaves our group and joins the generation's again: after our generation was dropped by a member that started a
   * newer build at the same moment (the store keeps only the newest: we follow the survivor), or after a crash
   * kafkajs does not restart from.
   */
  private rejoin(): void {
    if (this.stopping || this.rejoining) return;
    this.rejoining = (async () => {
      await this.leave();
      if (!this.stopping) await this.join(false);
    })()
      .catch((error) => this.onError(error))
      .finally(() => (this.rejoining = undefined));
  }

  /** One partition's batch: applied document by document, offsets committed by the consumer afterwards. */
  private async handle(ref: GenerationRef, delivered: DeliveredEvent[]): Promise<void> {
    const events = await openPage(delivered.map(({ event }) => event), this.vault);
    const checkpoint = Math.max(...events.map(({ event }) => event.position));
    try {
      await projectBatch(this.readStore, ref, this.guard, events, { order: 'streams', checkpoint, stopping: () => this.stopping });
    } catch (error) {
      // Another member started a newer build and dropped ours: nothing of this batch is kept; join its group.
      if (error instanceof UnknownGenerationError) this.rejoin();
      throw error;
    }
  }

  /** Activates the generation being built once its group has consumed every partition up to the recorded ends. */
  private checkActivation(): Promise<Map<number, number>> {
    this.checking ??= (async () => {
      const state = this.state;
      if (state.kind !== 'consuming' || !state.building) return new Map<number, number>();
      const committed = await this.broker.committed(this.groupOf(state.ref));
      if (await activateIfConsumed(this.readStore, state.ref, state.building.ends, committed)) {
        if (state.building.timer) clearInterval(state.building.timer);
        delete state.building;
      }
      return committed;
    })().finally(() => (this.checking = undefined));
    return this.checking;
  }
}
