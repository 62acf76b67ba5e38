import {
  type AnyBulkWriteOperation,
  type Collection,
  type Db,
  MongoBulkWriteError,
  MongoClient,
  type MongoClientOptions,
} from 'mongodb';
import {
  type Doc,
  type DocChange,
  type GenerationRef,
  type ListOptions,
  type ProjectionStatus,
  type ReadStore,
  type StoredDoc,
  UnknownGenerationError,
} from './read-store';
import { assertValidBatch, assertValidListOptions, caeIdOf } from './read-store-rules';

export interface MongoReadStoreOptions {
  /** Passed to the driver (pool size, timeouts…). */
  client?: MongoClientOptions;
}

type GenerationState = 'active' | 'rebuilding';

/**
 * One read-model document. `_id` is the JSON array [projection, generation, collection, id]: unique, unambiguous
 * whatever the characters of the parts, and a plain string (every MongoDB-wire server looks strings up by _id fast).
 * The document itself is kept as its JSON text, as the SQLite adapter does: any key is allowed (MongoDB and
 * FerretDB refuse or restrict field names starting with `$` or holding a dot), and what is read back is exactly
 * JSON.parse(JSON.stringify(written)).
 */
interface DocumentRecord {
  _id: string;
  projection: string;
  generation: number;
  collection: string;
  id: string;
  caeId: string | null;
  doc: string;
  position: number;
}

/** A generation and its checkpoint. `_id` is the JSON array [projection, generation]. */
interface GenerationRecord {
  _id: string;
  projection: string;
  generation: number;
  version: number;
  state: GenerationState;
  checkpoint: number;
}

/** The last generation number handed out per projection (`_id` is the projection), never decremented. */
interface CounterRecord {
  _id: string;
  last: number;
}

const DUPLICATE_KEY = 11000;
const DOCUMENT_FIELDS = { _id: 0, id: 1, doc: 1, position: 1 } as const;

const documentKey = (ref: GenerationRef, collection: string, id: string): string =>
  JSON.stringify([ref.projection, ref.generation, collection, id]);
const generationKey = (ref: GenerationRef): string => JSON.stringify([ref.projection, ref.generation]);

/**
 * Read models in a MongoDB database (MongoDB 6/7, or FerretDB v1 over SQLite or PostgreSQL). Uses neither
 * transactions nor change streams, which FerretDB v1 lacks: every write is guarded instead.
 *
 * - A document change is an upsert or delete filtered on `position < change.position`: replayed or stale
 *   changes match nothing (an upsert that matches nothing tries to insert an existing `_id` and fails with a
 *   duplicate key, which means "a newer version is stored": skipped). A batch is one unordered bulk write,
 *   then the checkpoint (`$max`, so it never moves back): a crash in between leaves documents ahead of the
 *   checkpoint, which the replay then skips.
 * - Generation numbers come from an `$inc` on a counter document, so two processes never get the same one.
 * - `activate` marks the new generation active, then deletes the old one (record first, documents after). A
 *   query still aimed at the old generation during the swap may see part of it: the query layer reads the
 *   status again and re-runs a query whose generation is no longer active.
 * - A write to a generation dropped meanwhile by another process is undone: the checkpoint update, which finds
 *   no generation, deletes what the batch wrote and throws UnknownGenerationError.
 */
export class MongoReadStore implements ReadStore {
  private closed = false;

  private constructor(
    private readonly client: MongoClient,
    private readonly documents: Collection<DocumentRecord>,
    private readonly generations: Collection<GenerationRecord>,
    private readonly counters: Collection<CounterRecord>,
  ) {}

  /** Connects to the database (created on first write) and makes sure its indexes exist. */
  static async connect(url: string, dbName: string, options: MongoReadStoreOptions = {}): Promise<MongoReadStore> {
    const client = new MongoClient(url, options.client);
    try {
      await client.connect();
      const db = client.db(dbName);
      await ensureIndexes(db);
      return new MongoReadStore(
        client,
        db.collection<DocumentRecord>('documents'),
        db.collection<GenerationRecord>('generations'),
        db.collection<CounterRecord>('counters'),
      );
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  async status(projection: string): Promise<ProjectionStatus> {
    this.assertOpen();
    const status: ProjectionStatus = { projection };
    // Sorted so that, should a race ever leave two generations in one state, the newest one wins.
    const records = await this.generations.find({ projection }).sort({ generation: 1 }).toArray();
    for (const record of records) {
      if (record.state === 'active') {
        status.activeGeneration = record.generation;
        status.version = record.version;
      } else {
        status.rebuildingGeneration = record.generation;
        status.rebuildingVersion = record.version;
      }
    }
    return status;
  }

  async startGeneration(projection: string, version: number): Promise<number> {
    this.assertOpen();
    const counter = await this.counters.findOneAndUpdate(
      { _id: projection },
      { $inc: { last: 1 } },
      { upsert: true, returnDocument: 'after' },
    );
    if (counter === null) throw new Error(`No generation counter for projection ${projection}`);
    const generation = counter.last;
    const ref = { projection, generation };
    await this.generations.insertOne({ _id: generationKey(ref), projection, generation, version, state: 'rebuilding', checkpoint: 0 });
    // The rebuilding generations this one replaces could no longer be named by status(): drop them. Only the
    // older ones, so that two processes starting at once leave the newest generation.
    const replaced = await this.generations
      .find({ projection, state: 'rebuilding', generation: { $lt: generation } }, { projection: { generation: 1 } })
      .toArray();
    for (const record of replaced) await this.dropGeneration({ projection, generation: record.generation });
    return generation;
  }

  async activate(ref: GenerationRef): Promise<void> {
    this.assertOpen();
    const target = await this.generations.findOne({ _id: generationKey(ref) });
    if (target === null) throw new UnknownGenerationError(ref.projection, ref.generation);
    if (target.state === 'active') return;
    const previous = await this.generations
      .find({ projection: ref.projection, state: 'active' }, { projection: { generation: 1 } })
      .toArray();
    const marked = await this.generations.updateOne({ _id: generationKey(ref) }, { $set: { state: 'active' } });
    if (marked.matchedCount === 0) throw new UnknownGenerationError(ref.projection, ref.generation);
    for (const record of previous) await this.dropGeneration({ projection: ref.projection, generation: record.generation });
  }

  async dropGeneration(ref: GenerationRef): Promise<void> {
    this.assertOpen();
    // The record first: from then on writers to the generation fail, and status() no longer names it.
    await this.generations.deleteOne({ _id: generationKey(ref) });
    await this.documents.deleteMany({ projection: ref.projection, generation: ref.generation });
  }

  async checkpoint(ref: GenerationRef): Promise<number> {
    this.assertOpen();
    const record = await this.generations.findOne({ _id: generationKey(ref) }, { projection: { checkpoint: 1 } });
    return record?.checkpoint ?? 0;
  }

  async applyBatch(ref: GenerationRef, changes: DocChange[], checkpoint: number): Promise<void> {
    this.assertOpen();
    assertValidBatch(changes, checkpoint);
    // Everything is serialised before anything is written: a document that cannot be fails the batch whole.
    const rounds = planRounds(ref, changes);
    if ((await this.generations.countDocuments({ _id: generationKey(ref) }, { limit: 1 })) === 0) {
      throw new UnknownGenerationError(ref.projection, ref.generation);
    }
    for (const round of rounds) await this.write(round);
    const advanced = await this.generations.updateOne({ _id: generationKey(ref) }, { $max: { checkpoint } });
    if (advanced.matchedCount === 0) {
      // Dropped while the batch was being written: undo, so that nothing is left behind the drop.
      await this.documents.deleteMany({ projection: ref.projection, generation: ref.generation });
      throw new UnknownGenerationError(ref.projection, ref.generation);
    }
  }

  async get(ref: GenerationRef, collection: string, id: string): Promise<StoredDoc | undefined> {
    this.assertOpen();
    const record = await this.documents.findOne({ _id: documentKey(ref, collection, id) }, { projection: DOCUMENT_FIELDS });
    return record === null ? undefined : toStoredDoc(record);
  }

  async getMany(ref: GenerationRef, collection: string, ids: string[]): Promise<Map<string, StoredDoc>> {
    this.assertOpen();
    const found = new Map<string, StoredDoc>();
    if (ids.length === 0) return found;
    const keys = [...new Set(ids)].map((id) => documentKey(ref, collection, id));
    const records = await this.documents.find({ _id: { $in: keys } }, { projection: DOCUMENT_FIELDS }).toArray();
    for (const record of records) found.set(record.id, toStoredDoc(record));
    return found;
  }

  async list(ref: GenerationRef, collection: string, options: ListOptions = {}): Promise<StoredDoc[]> {
    this.assertOpen();
    assertValidListOptions(options);
    const { caeId, afterId, limit } = options;
    // A limit of 0 means "no limit" to MongoDB.
    if (limit === 0) return [];
    const filter: Record<string, unknown> = { projection: ref.projection, generation: ref.generation, collection };
    if (caeId !== undefined) filter['caeId'] = caeId;
    if (afterId !== undefined) filter['id'] = { $gt: afterId };
    // Strings compare by their UTF-8 bytes (no collation is set), which is code-point order, as compareIds.
    let cursor = this.documents.find(filter, { projection: DOCUMENT_FIELDS }).sort({ id: 1 });
    if (limit !== undefined) cursor = cursor.limit(limit);
    return (await cursor.toArray()).map(toStoredDoc);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.close();
  }

  /** One unordered bulk write; a duplicate key on a guarded upsert means a newer version is stored: skipped. */
  private async write(operations: AnyBulkWriteOperation<DocumentRecord>[]): Promise<void> {
    if (operations.length === 0) return;
    try {
      await this.documents.bulkWrite(operations, { ordered: false });
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      const errors = error.writeErrors;
      const list = Array.isArray(errors) ? errors : [errors];
      // A bulk write error without write errors (a write concern error, say) is a real failure.
      if (list.length === 0 || list.some((writeError) => writeError.code !== DUPLICATE_KEY)) throw error;
    }
  }

  /** The driver reconnects on demand after close(): a closed store must refuse instead. */
  private assertOpen(): void {
    if (this.closed) throw new Error('MongoReadStore is closed');
  }
}

/**
 * Turns a batch into rounds of bulk-write operations, at most one per document in each round, so that an
 * unordered bulk write gives the same result as applying the changes one by one, in order:
 * - the changes of a document whose positions increase collapse into the last one (guarded, it alone decides
 *   the outcome, whatever is stored) — the usual case, one round in all;
 * - otherwise the document's changes go one per round, in order.
 */
function planRounds(ref: GenerationRef, changes: DocChange[]): AnyBulkWriteOperation<DocumentRecord>[][] {
  const byDocument = new Map<string, DocChange[]>();
  for (const change of changes) {
    const key = documentKey(ref, change.collection, change.id);
    const sequence = byDocument.get(key);
    if (sequence === undefined) byDocument.set(key, [change]);
    else sequence.push(change);
  }
  const rounds: AnyBulkWriteOperation<DocumentRecord>[][] = [];
  for (const [key, sequence] of byDocument) {
    const increasing = sequence.every((change, n) => n === 0 || change.position > sequence[n - 1].position);
    const kept = increasing ? sequence.slice(-1) : sequence;
    kept.forEach((change, n) => {
      (rounds[n] ??= []).push(operationFor(ref, key, change));
    });
  }
  return rounds;
}

function operationFor(ref: GenerationRef, key: string, change: DocChange): AnyBulkWriteOperation<DocumentRecord> {
  const { collection, id, doc, position } = change;
  const filter = { _id: key, position: { $lt: position } };
  if (doc === null) return { deleteOne: { filter } };
  const record: Omit<DocumentRecord, '_id'> = {
    projection: ref.projection,
    generation: ref.generation,
    collection,
    id,
    caeId: caeIdOf(doc),
    doc: JSON.stringify(doc),
    position,
  };
  return { updateOne: { filter, update: { $set: record }, upsert: true } };
}

function toStoredDoc(record: Pick<DocumentRecord, 'id' | 'doc' | 'position'>): StoredDoc {
  return { id: record.id, doc: JSON.parse(record.doc) as Doc, position: record.position };
}

/** One index per query route: by id and by CAE then id, within a generation's collection. */
async function ensureIndexes(db: Db): Promise<void> {
  await db.collection('documents').createIndexes([
    { key: { projection: 1, generation: 1, collection: 1, id: 1 }, name: 'by_id' },
    { key: { projection: 1, generation: 1, collection: 1, caeId: 1, id: 1 }, name: 'by_cae' },
  ]);
  await db.collection('generations').createIndexes([{ key: { projection: 1, state: 1, generation: 1 }, name: 'by_state' }]);
}
