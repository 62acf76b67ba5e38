import type { Admin, Kafka } from 'kafkajs';
import { EVENTS_TOPIC, KafkaEventConsumer, type DeliveredEvent } from '../../../messaging';
import type { PersonalDataVault } from '../../../personal-data';
import { UnknownGenerationError, type DocChange, type GenerationRef, type Json, type ProjectionStatus, type ReadStore } from '../../../read-store';
import type { Doc, DocRef, Projection } from '../../../../projections/projection';
import { keyOf, readDocuments } from './declared-documents';
import { openForProjection, QuarantiningProjection, type IncomingEvent, type Quarantined } from './quarantine';

/**
 * A projection fed by the events topic (`cae.events.v1`) as a Kafka consumer group instead of the log: how a
 * network-wide consumer (the network statistics) follows every CAE of the network.
 *
 * What the topic gives: each stream's events in revision order (keyed by stream id, one partition per stream),
 * delivered at least once (the relay may publish a page again; a batch whose offsets were not committed is
 * delivered again). What it does not give: one order across streams, nor a single writer per document (the
 * members of a group consume their partitions at the same time). So, instead of the log projector's
 * position guard:
 * - every document keeps, in its `_applied` field, the highest revision of each stream applied to it; an event
 *   is applied to a document only if its revision is above it. Redeliveries and relay duplicates are dropped
 *   document by document, and a batch written halfway before a crash is completed, never doubled;
 * - a document is written only if nobody wrote it since it was read (compare-and-set on the read store's
 *   document position, used here as a version counter); a lost race is read again and applied again;
 *   this needs the read store's guarded write to be atomic (SQLite; MongoDB's filtered updates). FerretDB v1
 *   runs a filtered update as a read then a separate write: with it, run one member per group;
 * - offsets are committed only after the documents are written (checkpoint after effects);
 * - the projection must not depend on the order of events of different streams (network statistics keeps facts
 *   with their business dates, and only adds).
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
  /**
   * How long the broker waits for a silent member before giving its partitions to the others (a killed projector
   * holds its partitions that long), default 30 s.
   */
  sessionTimeoutMs?: number;
  /** How often a rebuilding generation checks whether the group has caught up, default 1000 ms. */
  catchUpCheckMs?: number;
  /** Where an event quarantined is reported as it happens (default: a warning on the console). */
  onQuarantine?: (quarantined: Quarantined) => void;
}

export interface KafkaFeedLag {
  projection: string;
  source: 'kafka';
  topic: string;
  group: string;
  generation: number;
  /** True until the generation has caught up with the topic as it was when the build started. */
  rebuilding: boolean;
  /** Messages of the topic not yet consumed by the group (duplicates included). */
  messagesBehind: number;
  partitions: { partition: number; committed: number; end: number }[];
}

export interface KafkaFeedNotBuilt {
  projection: string;
  source: 'kafka';
  topic: string;
  state: 'not built yet';
}

/** Generations fed by Kafka are stored under this offset + the projection's version: switching feeds rebuilds. */
export const KAFKA_FEED_VERSION_OFFSET = 1_000_000;

const APPLIED = '_applied';
const MAX_ATTEMPTS = 20;
/** Longest random pause before starting a generation (see chooseGeneration). */
const START_JITTER_MS = 1000;

/** A document written by another member between our read and our write. */
class LostRace extends Error {}

interface Held {
  collection: string;
  id: string;
  /** Without `_applied`, as the projection sees it (null: deleted or never written). */
  doc: Doc | null;
  /** The read store's position of the document when read (0: none): our write must find it unchanged. */
  version: number;
  applied: Map<string, number>;
  changed: boolean;
}

export class KafkaProjector {
  readonly topic: string;
  private readonly groupPrefix: string;
  private readonly onError: (error: unknown) => void;
  private readonly catchUpCheckMs: number;
  private admin: Promise<Admin> | undefined;
  private consumer: KafkaEventConsumer | undefined;
  private ref: GenerationRef | undefined;
  private ends: Map<number, number> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;
  private activating: Promise<Map<number, number>> | undefined;
  private following: Promise<void> | undefined;
  private readonly guard: QuarantiningProjection;

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
    this.guard = new QuarantiningProjection(projection, options.onQuarantine);
  }

  get version(): number {
    return KAFKA_FEED_VERSION_OFFSET + this.projection.version;
  }

  get group(): string {
    if (!this.ref) throw new Error('KafkaProjector not started');
    return this.groupOf(this.ref);
  }

  private groupOf(ref: GenerationRef): string {
    return `${this.groupPrefix}.g${ref.generation}`;
  }

  /**
   * Chooses the generation (the active one if it was built by this feed and this version of the code, the one
   * being built if any, else a new one), waits for the topic to exist, joins the group and starts consuming.
   */
  async start(): Promise<void> {
    this.stopping = false;
    // A broker restarting, or a topic the relay has just created (listed before its partitions have leaders),
    // fails a step: start again from the top, which resumes whatever generation the failed try started.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.join(true);
      } catch (error) {
        await this.halt().catch(() => undefined);
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
    await this.waitForTopic();
    const generation = await this.readStore.startGeneration(this.projection.name, this.version);
    this.ref = { projection: this.projection.name, generation };
    const ends = await this.partitionEnds();
    this.ends = ends;
    const end = [...ends.values()].reduce((sum, offset) => sum + offset, 0);
    try {
      await this.consume();
      for (;;) {
        const committed = await this.activateIfCaughtUp();
        if (this.ends === undefined) break;
        onProgress?.({ consumed: [...ends.keys()].reduce((sum, partition) => sum + Math.min(ends.get(partition)!, committed.get(partition) ?? 0), 0), end });
        await sleep(this.catchUpCheckMs);
      }
      onProgress?.({ consumed: end, end });
      return { generation };
    } finally {
      await this.stop();
    }
  }

  private async join(mayReplace: boolean): Promise<void> {
    await this.waitForTopic();
    for (let attempt = 1; ; attempt++) {
      const rebuilding = await this.chooseGeneration(mayReplace);
      if (!rebuilding) break;
      this.ends = await this.partitionEnds();
      try {
        await this.activateIfCaughtUp();
        break;
      } catch (error) {
        // Dropped by a member that started its own build at the same moment: follow the newest generation.
        if (!(error instanceof UnknownGenerationError) || attempt >= MAX_ATTEMPTS) throw error;
        this.ends = undefined;
      }
    }
    await this.consume();
    if (this.ends) {
      const check = (): Promise<unknown> =>
        this.activateIfCaughtUp().catch((error) => (error instanceof UnknownGenerationError ? this.follow() : this.onError(error)));
      this.timer = setInterval(() => void check(), this.catchUpCheckMs);
    }
  }

  /**
   * Sets `ref` and answers whether that generation is still to be built. Members started together would each
   * start a generation, and the store keeps only the newest: a random pause first lets the others see the first
   * one's, and the status is read again after starting ours, to follow the one that survived.
   * `mayReplace`: false when following (a newer version's generations are then left alone).
   */
  private async chooseGeneration(mayReplace: boolean): Promise<boolean> {
    const adopt = (status: ProjectionStatus): boolean | undefined => {
      if (status.rebuildingGeneration !== undefined && status.rebuildingVersion === this.version) {
        this.ref = { projection: this.projection.name, generation: status.rebuildingGeneration };
        return true;
      }
      if (status.activeGeneration !== undefined && status.version === this.version) {
        this.ref = { projection: this.projection.name, generation: status.activeGeneration };
        return false;
      }
      return undefined;
    };
    const chosen = adopt(await this.readStore.status(this.projection.name));
    if (chosen !== undefined) return chosen;
    await sleep(Math.random() * START_JITTER_MS);
    const status = await this.readStore.status(this.projection.name);
    const seen = adopt(status);
    if (seen !== undefined) return seen;
    if (!mayReplace && (status.activeGeneration !== undefined || status.rebuildingGeneration !== undefined))
      throw new Error(`${this.projection.name} (Kafka): no generation of version ${this.version} left to follow; restart this projector`);
    const generation = await this.readStore.startGeneration(this.projection.name, this.version);
    this.ref = { projection: this.projection.name, generation };
    return adopt(await this.readStore.status(this.projection.name)) ?? true;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.following?.catch(() => undefined);
    await this.halt();
    const admin = this.admin;
    this.admin = undefined;
    this.ref = undefined;
    await (await admin)?.disconnect();
  }

  /** Leaves the group and stops checking for catch-up; the admin client stays. */
  private async halt(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const consumer = this.consumer;
    this.consumer = undefined;
    this.ends = undefined;
    await consumer?.close();
  }

  /**
   * Our generation was dropped by a member that started a newer build of the same version at the same moment
   * (the store keeps only the newest): leave our group and join the one building the surviving generation.
   */
  private follow(): void {
    if (this.stopping || this.following) return;
    this.following = (async () => {
      await this.halt();
      if (!this.stopping) await this.join(false);
    })()
      .catch((error) => this.onError(error))
      .finally(() => (this.following = undefined));
  }

  /**
   * Where the group stands against the end of each partition. Works from any process (the API asks it for its
   * health report): the generation is read from the read store when this one is not consuming.
   */
  async lag(): Promise<KafkaFeedLag | KafkaFeedNotBuilt> {
    let ref = this.ref;
    let rebuilding = this.ends !== undefined;
    if (!ref) {
      const status = await this.readStore.status(this.projection.name);
      const generation = status.rebuildingVersion === this.version ? status.rebuildingGeneration : status.version === this.version ? status.activeGeneration : undefined;
      if (generation === undefined) return { projection: this.projection.name, source: 'kafka', topic: this.topic, state: 'not built yet' };
      ref = { projection: this.projection.name, generation };
      rebuilding = status.rebuildingGeneration === generation;
    }
    const admin = await this.adminClient();
    const group = this.groupOf(ref);
    const [ends, committed] = await Promise.all([admin.fetchTopicOffsets(this.topic), this.committedOffsets(group)]);
    const partitions = ends
      .map((p) => ({ partition: p.partition, end: Number(p.high), committed: committed.get(p.partition) ?? Number(p.low) }))
      .sort((a, b) => a.partition - b.partition);
    return {
      projection: this.projection.name,
      source: 'kafka',
      topic: this.topic,
      group,
      generation: ref.generation,
      rebuilding,
      messagesBehind: partitions.reduce((sum, p) => sum + Math.max(0, p.end - p.committed), 0),
      partitions,
    };
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

  /** One partition's batch: applied document by document, offsets committed by the consumer afterwards. */
  private async handle(delivered: DeliveredEvent[]): Promise<void> {
    const ref = this.ref!;
    const events = await Promise.all(delivered.map(async ({ event }) => ({ revision: event.revision, projected: await openForProjection(event, this.vault) })));
    for (let attempt = 1; ; attempt++) {
      try {
        await this.applyOnce(ref, events);
        break;
      } catch (error) {
        if (error instanceof UnknownGenerationError) {
          // Another member started a newer build and dropped ours: nothing of this batch is kept; join its group.
          this.follow();
          throw error;
        }
        if (!(error instanceof LostRace) || attempt >= MAX_ATTEMPTS || this.stopping) throw error;
        // Another member wrote one of our documents meanwhile: read them again and apply what is still missing.
        await sleep(Math.min(500, 10 * attempt * attempt));
      }
    }
  }

  private async applyOnce(ref: GenerationRef, events: { revision: number; projected: IncomingEvent }[]): Promise<void> {
    // An event the projection cannot apply is quarantined, its CAE's later ones held: the same rules as the log's.
    const plans = events.map(({ projected }) => this.guard.plan(projected));
    const held = await this.read(ref, plans.flatMap((plan) => plan.refs));
    let highestPosition = 0;
    events.forEach(({ revision, projected: event }, i) => {
      highestPosition = Math.max(highestPosition, event.position);
      const refs = plans[i]!.refs;
      // Documents that already hold this event (a redelivery, or a batch written halfway) keep it once.
      const pending = new Set(refs.map(keyOf).filter((key) => revision > (held.get(key)!.applied.get(event.streamId) ?? -1)));
      if (pending.size === 0) return;
      for (const update of this.guard.apply(event, plans[i]!, (key) => held.get(key)!.doc ?? undefined)) {
        if (!pending.has(update.key)) continue;
        held.get(update.key)!.doc = update.doc;
      }
      // Even a document the event left unchanged has now seen it.
      for (const key of pending) {
        const doc = held.get(key)!;
        doc.applied.set(event.streamId, revision);
        doc.changed = true;
      }
    });
    const written = [...held.values()].filter((doc) => doc.changed);
    if (written.length === 0) return;
    const changes: DocChange[] = written.map((doc) => ({
      collection: doc.collection,
      id: doc.id,
      // A deleted document keeps nothing, not even its guard: projections fed by Kafka only add and update.
      doc: doc.doc === null ? null : { ...doc.doc, [APPLIED]: [...doc.applied].map(([stream, revision]) => [stream, revision]) as Json },
      position: doc.version + 1,
    }));
    // The store skips a change whose document's position is already >= ours: someone else wrote it since we read.
    await this.readStore.applyBatch(ref, changes, highestPosition);
    if (events.some(({ projected }) => projected.type === 'PersonForgotten')) await this.readStore.scrub?.();
    const after = await this.read(ref, written);
    for (const doc of written) {
      const now = after.get(keyOf(doc))!;
      for (const [stream, revision] of doc.applied) if ((now.applied.get(stream) ?? -1) < revision && doc.doc !== null) throw new LostRace();
      if (doc.doc === null && now.version > doc.version + 1) throw new LostRace();
    }
  }

  private async read(ref: GenerationRef, refs: DocRef[]): Promise<Map<string, Held>> {
    const held = new Map<string, Held>();
    for (const [key, { collection, id, stored }] of await readDocuments(this.readStore, ref, refs)) {
      const { [APPLIED]: applied, ...doc } = (stored?.doc ?? {}) as Doc;
      held.set(key, {
        collection,
        id,
        doc: stored ? (doc as Doc) : null,
        version: stored?.position ?? 0,
        applied: new Map((Array.isArray(applied) ? applied : []) as [string, number][]),
        changed: false,
      });
    }
    return held;
  }

  /** Activates the generation being built once the group has consumed every partition up to the recorded end. */
  private activateIfCaughtUp(): Promise<Map<number, number>> {
    // One check at a time: the timer may fire while the previous check is still waiting for the broker.
    this.activating ??= this.tryActivate().finally(() => (this.activating = undefined));
    return this.activating;
  }

  /** Answers the group's committed offsets it compared with the recorded ends. */
  private async tryActivate(): Promise<Map<number, number>> {
    const ends = this.ends;
    if (!ends || !this.ref) return new Map();
    const committed = await this.committedOffsets(this.groupOf(this.ref));
    for (const [partition, end] of ends) if ((committed.get(partition) ?? 0) < end) return committed;
    const status = await this.readStore.status(this.projection.name);
    if (status.activeGeneration !== this.ref.generation) {
      // Replaced by a newer build meanwhile: never activate (and so drop the active one for) a dropped build.
      if (status.rebuildingGeneration !== this.ref.generation) throw new UnknownGenerationError(this.ref.projection, this.ref.generation);
      await this.readStore.activate(this.ref);
      // Two different builds activated at the same moment may drop each other (the store has no transaction).
      if ((await this.readStore.status(this.projection.name)).activeGeneration !== this.ref.generation) throw new UnknownGenerationError(this.ref.projection, this.ref.generation);
    }
    this.ends = undefined;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    return committed;
  }

  /** The end of every partition of the topic now: what "caught up" means for a build starting. */
  private async partitionEnds(): Promise<Map<number, number>> {
    return new Map((await (await this.adminClient()).fetchTopicOffsets(this.topic)).map((p) => [p.partition, Number(p.high)]));
  }

  /** Joins the group of `ref`'s generation and consumes from its committed offsets (the topic's start if none). */
  private async consume(): Promise<void> {
    const sessionTimeout = this.options.sessionTimeoutMs ?? 30_000;
    const consumer = new KafkaEventConsumer(this.kafka, this.group, {
      maxBytesPerPartition: this.options.maxBytesPerPartition ?? 1024 * 1024,
      sessionTimeout,
      heartbeatInterval: Math.min(3000, Math.floor(sessionTimeout / 3)),
    });
    consumer.onCrash((error) => this.onError(error));
    this.consumer = consumer;
    await consumer.start({ topic: this.topic, fromBeginning: true, handler: (events) => this.handle(events) });
  }

  /** The group's committed offset per partition (the next offset it will read); absent when none yet. */
  private async committedOffsets(groupId: string): Promise<Map<number, number>> {
    const [topic] = await (await this.adminClient()).fetchOffsets({ groupId, topics: [this.topic] });
    const committed = new Map<number, number>();
    for (const p of topic?.partitions ?? []) if (Number(p.offset) >= 0) committed.set(p.partition, Number(p.offset));
    return committed;
  }

  private async waitForTopic(): Promise<void> {
    let warned = false;
    while (!(await (await this.adminClient()).listTopics()).includes(this.topic)) {
      if (this.stopping) throw new Error('stopped');
      if (!warned) console.warn(`${this.projection.name} (Kafka): waiting for topic ${this.topic} (the relay creates it)`);
      warned = true;
      await sleep(1000);
    }
  }

  /** One admin client, connected on first use (a failed connection is tried again next time). */
  private adminClient(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.admin = admin.connect().then(() => admin);
      this.admin.catch(() => (this.admin = undefined));
    }
    return this.admin;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
