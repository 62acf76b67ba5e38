import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kafka } from 'kafkajs';
import { MemoryCheckpoint } from '../../apps/relay/src/checkpoint';
import { Relay } from '../../apps/relay/src/relay';
import { openEmbedded, type QueryRunner, type Runtime } from '../../libs/application';
import { validateEnvelope } from '../../libs/domain';
import type { EventPublisher } from '../../libs/messaging';
import type { DocChange, GenerationRef, ListOptions, ProjectionStatus, ReadStore, StoredDoc } from '../../libs/read-store';
import { generateHistory, type Envelope } from '../../libs/scenarios';
import { caeStatistics, networkStatistics, type Statistics } from '../../projections/network-statistics/queries';

/** Helpers of kafka-projector.spec.ts: a small multi-CAE network, its embedded figures, and the relay's pages. */

export const YEAR = 2016;
export const CAES = ['alpha', 'beta', 'gamma'];

/** Three CAEs of a few entrepreneurs each: every CAE's entrepreneur streams land on every partition. */
export const networkHistory = (entrepreneurs = 6): Envelope[] => CAES.flatMap((caeId) => generateHistory({ caeId, entrepreneurs, year: YEAR }));

export interface Figures {
  caes: Record<string, Statistics | undefined>;
  network: Statistics;
}

/** The statistics the API would answer: each CAE's and the network's, for the year. */
export const figuresOf = async (queries: QueryRunner, caes: readonly string[] = CAES): Promise<Figures> => {
  const byCae: Record<string, Statistics | undefined> = {};
  for (const caeId of caes) byCae[caeId] = await queries.run((models) => caeStatistics(models, caeId, YEAR));
  return { caes: byCae, network: await queries.run((models) => networkStatistics(models, YEAR)) };
};

/** An embedded runtime (SQLite log, keys, read models) in a temporary directory: the log and the reference figures. */
export class EmbeddedNetwork {
  readonly dir = mkdtempSync(join(tmpdir(), 'alveole-kafka-projector-'));
  readonly runtime: Runtime = openEmbedded(this.dir);

  async import(envelopes: readonly Envelope[]): Promise<void> {
    for (const raw of envelopes) {
      const envelope = validateEnvelope(raw);
      if (!envelope.ok) throw new Error(`Invalid ${raw.type}: ${envelope.error.message}`);
      const outcome = await this.runtime.commands.handle(envelope.value);
      if (outcome.status !== 'accepted') throw new Error(`${raw.type} ${outcome.status}: ${JSON.stringify(outcome.error)}`);
    }
  }

  /** The figures of the log projector over the same log: what the Kafka feed must answer. */
  async figures(caes: readonly string[] = CAES): Promise<Figures> {
    await this.runtime.projector.prepare();
    return figuresOf(this.runtime.queries, caes);
  }

  head(): Promise<number> {
    return this.runtime.store.headPosition();
  }

  /**
   * Publishes the log after `from` to the end in pages, as a relay whose checkpoint read `from` would: a relay
   * that crashed after the broker's acknowledgement but before its checkpoint publishes those pages again.
   */
  async publish(publisher: EventPublisher, topic: string, from = 0, batchSize = 100): Promise<number> {
    return new Relay(this.runtime.store, publisher, new MemoryCheckpoint(from), { topic, batchSize }).catchUp();
  }

  async close(): Promise<void> {
    await this.runtime.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Messages in the topic, from its offsets: duplicates included. */
export const messagesIn = async (kafka: Kafka, topic: string): Promise<number> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
};

export const until = async (what: string, condition: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

/**
 * A real read store that counts the batches written through it, and whose writes wait while held: holds a
 * build in the middle (its batches read, nothing written, no offset committed) so that what queries read
 * meanwhile can be looked at.
 */
export class GatedReadStore implements ReadStore {
  private opened: Promise<void> = Promise.resolve();
  private open: () => void = () => undefined;
  /** Batches that reached applyBatch, held or not. */
  batches = 0;

  constructor(private readonly inner: ReadStore) {}

  hold(): void {
    this.opened = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open();
  }

  status(projection: string): Promise<ProjectionStatus> {
    return this.inner.status(projection);
  }
  startGeneration(projection: string, version: number): Promise<number> {
    return this.inner.startGeneration(projection, version);
  }
  activate(ref: GenerationRef): Promise<void> {
    return this.inner.activate(ref);
  }
  dropGeneration(ref: GenerationRef): Promise<void> {
    return this.inner.dropGeneration(ref);
  }
  checkpoint(ref: GenerationRef): Promise<number> {
    return this.inner.checkpoint(ref);
  }
  async applyBatch(ref: GenerationRef, changes: DocChange[], checkpoint: number): Promise<void> {
    this.batches++;
    await this.opened;
    return this.inner.applyBatch(ref, changes, checkpoint);
  }
  get(ref: GenerationRef, collection: string, id: string): Promise<StoredDoc | undefined> {
    return this.inner.get(ref, collection, id);
  }
  getMany(ref: GenerationRef, collection: string, ids: string[]): Promise<Map<string, StoredDoc>> {
    return this.inner.getMany(ref, collection, ids);
  }
  list(ref: GenerationRef, collection: string, options?: ListOptions): Promise<StoredDoc[]> {
    return this.inner.list(ref, collection, options);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
