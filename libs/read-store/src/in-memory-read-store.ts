import {
  type DocChange,
  type GenerationRef,
  type ListOptions,
  type ProjectionStatus,
  type ReadStore,
  type StoredDoc,
  UnknownGenerationError,
} from './read-store';
import { assertValidBatch, assertValidListOptions, compareIds, statusOf } from './read-store-rules';

interface Generation {
  version: number;
  state: 'active' | 'rebuilding';
  checkpoint: number;
  /** collection → id → document. */
  collections: Map<string, Map<string, StoredDoc>>;
}

interface Projection {
  /** Highest generation number ever handed out: numbers are never reused, also after a drop. */
  lastGeneration: number;
  generations: Map<number, Generation>;
}

/** A copy through JSON: what the durable adapters would give back, detached from the caller's objects. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Read models in process memory, for tests, tools and as-of replays. Same behaviour as the durable adapters;
 * documents are copied in and out, so callers cannot alter what is stored.
 */
export class InMemoryReadStore implements ReadStore {
  private readonly projections = new Map<string, Projection>();
  private closed = false;

  async status(projection: string): Promise<ProjectionStatus> {
    this.assertOpen();
    const generations = this.projections.get(projection)?.generations ?? new Map();
    return statusOf(projection, [...generations].map(([generation, { version, state }]) => ({ generation, version, state })));
  }

  async startGeneration(projection: string, version: number): Promise<number> {
    this.assertOpen();
    const entry = this.projections.get(projection) ?? { lastGeneration: 0, generations: new Map<number, Generation>() };
    this.projections.set(projection, entry);
    for (const [number, generation] of entry.generations) {
      if (generation.state === 'rebuilding') entry.generations.delete(number);
    }
    const number = ++entry.lastGeneration;
    entry.generations.set(number, { version, state: 'rebuilding', checkpoint: 0, collections: new Map() });
    return number;
  }

  async activate(ref: GenerationRef): Promise<void> {
    this.assertOpen();
    const target = this.existing(ref);
    if (target.state === 'active') return;
    const { generations } = this.projections.get(ref.projection)!;
    for (const [number, generation] of generations) {
      if (generation.state === 'active') generations.delete(number);
    }
    target.state = 'active';
  }

  async dropGeneration(ref: GenerationRef): Promise<void> {
    this.assertOpen();
    this.projections.get(ref.projection)?.generations.delete(ref.generation);
  }

  async checkpoint(ref: GenerationRef): Promise<number> {
    this.assertOpen();
    return this.generation(ref)?.checkpoint ?? 0;
  }

  async applyBatch(ref: GenerationRef, changes: DocChange[], checkpoint: number): Promise<void> {
    this.assertOpen();
    assertValidBatch(changes, checkpoint);
    const generation = this.existing(ref);
    // Copied before anything is written: a document that is not JSON fails the batch, whole.
    const copies = changes.map((change) => ({ ...change, doc: change.doc === null ? null : copy(change.doc) }));
    for (const { collection, id, doc, position } of copies) {
      const documents = generation.collections.get(collection) ?? new Map<string, StoredDoc>();
      generation.collections.set(collection, documents);
      const stored = documents.get(id);
      if (stored !== undefined && stored.position >= position) continue;
      if (doc === null) documents.delete(id);
      else documents.set(id, { id, doc, position });
    }
    generation.checkpoint = Math.max(generation.checkpoint, checkpoint);
  }

  async get(ref: GenerationRef, collection: string, id: string): Promise<StoredDoc | undefined> {
    this.assertOpen();
    const stored = this.documents(ref, collection)?.get(id);
    return stored === undefined ? undefined : copy(stored);
  }

  async getMany(ref: GenerationRef, collection: string, ids: string[]): Promise<Map<string, StoredDoc>> {
    this.assertOpen();
    const documents = this.documents(ref, collection);
    const found = new Map<string, StoredDoc>();
    for (const id of ids) {
      const stored = documents?.get(id);
      if (stored !== undefined) found.set(id, copy(stored));
    }
    return found;
  }

  async list(ref: GenerationRef, collection: string, options: ListOptions = {}): Promise<StoredDoc[]> {
    this.assertOpen();
    assertValidListOptions(options);
    const { caeId, afterId, limit } = options;
    const matching = [...(this.documents(ref, collection)?.values() ?? [])].filter(
      (stored) =>
        (caeId === undefined || stored.doc['caeId'] === caeId) && (afterId === undefined || compareIds(stored.id, afterId) > 0),
    );
    return matching
      .sort((a, b) => compareIds(a.id, b.id))
      .slice(0, limit)
      .map((stored) => copy(stored));
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private generation(ref: GenerationRef): Generation | undefined {
    return this.projections.get(ref.projection)?.generations.get(ref.generation);
  }

  private existing(ref: GenerationRef): Generation {
    const generation = this.generation(ref);
    if (generation === undefined) throw new UnknownGenerationError(ref.projection, ref.generation);
    return generation;
  }

  private documents(ref: GenerationRef, collection: string): Map<string, StoredDoc> | undefined {
    return this.generation(ref)?.collections.get(collection);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The read store is closed');
  }
}
