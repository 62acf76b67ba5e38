import { type Collection, type Db, MongoClient, type MongoClientOptions } from 'mongodb';
import {
  type DocChange,
  type GenerationRef,
  type ListOptions,
  type ProjectionStatus,
  type ReadStore,
  type StoredDoc,
  UnknownGenerationError,
} from './read-store';
import { assertValidBatch, assertValidListOptions, statusOf } from './read-store-rules';
import {
  documentKey,
  DOCUMENT_FIELDS,
  documentsCollection,
  ensureDocumentIndexes,
  ensureGenerationIndexes,
  LEGACY_DOCUMENTS,
  generationKey,
  LOOKUP_CHUNK,
  MAX_WRITE_ATTEMPTS,
  onlyDuplicateKeys,
  toStoredDoc,
  WRITE_CHUNK,
  type CounterRecord,
  type DocumentRecord,
  type GenerationRecord,
} from './mongo-records';
import { newGeneration } from './mongo-generation-numbers';
import { planWrites, serialise, type Operation } from './mongo-write-plan';

export interface MongoReadStoreOptions {
  /** Passed to the driver (pool size, timeouts…). */
  client?: MongoClientOptions;
}

/**
 * Read models in a MongoDB database (MongoDB 6/7, or FerretDB v1 over SQLite or PostgreSQL). Uses neither
 * transactions nor change streams, which FerretDB v1 lacks: every write is guarded instead.
 *
 * - Each projection keeps its documents in its own collection (`documents.{projection}`): see documentsCollection.
 * - A batch first reads the positions stored for the documents it touches (one `$in` query per 1,000), works
 *   out per document the one write that applying its changes in order would leave, and sends those writes as
 *   one unordered bulk write: an insert for a new document, an update or delete filtered on
 *   `position < change.position` for an existing one, so that a write racing another writer's newer change
 *   matches nothing. An insert racing another writer's fails with a duplicate key: the batch then reads the
 *   positions again and sends what is still needed. Replayed or stale changes write nothing at all. Then the
 *   checkpoint (`$max`, so it never moves back): a crash in between leaves documents ahead of the checkpoint,
 *   which the replay then skips.
 * - Generation numbers come from an `$inc` on a counter document, and a generation's record is inserted with
 *   its number as `_id`: two processes never get the same one, even where `findAndModify` is not atomic.
 * - `activate` marks the new generation active, then deletes the old one (record first, documents after). A
 *   query still aimed at the old generation during the swap may see part of it: the query layer reads the
 *   status again and re-runs a query whose generation is no longer active.
 * - A write to a generation dropped meanwhile by another process is undone: the checkpoint update, which finds
 *   no generation, deletes what the batch wrote and throws UnknownGenerationError.
 */
export class MongoReadStore implements ReadStore {
  private closed = false;

  /** Each projection's documents, once their indexes are made sure of. */
  private readonly collections = new Map<string, Promise<Collection<DocumentRecord>>>();

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    private readonly generations: Collection<GenerationRecord>,
    private readonly counters: Collection<CounterRecord>,
  ) {}

  /**
   * Connects to the database (created on first write) and makes sure its indexes exist. Read models kept in the
   * layout before each projection had its collection are dropped: they are rebuilt from the log.
   */
  static async connect(url: string, dbName: string, options: MongoReadStoreOptions = {}): Promise<MongoReadStore> {
    const client = new MongoClient(url, options.client);
    try {
      await client.connect();
      const db = client.db(dbName);
      if ((await db.listCollections({ name: LEGACY_DOCUMENTS }, { nameOnly: true }).toArray()).length > 0) {
        await db.collection('generations').drop().catch(() => undefined);
        await db.collection(LEGACY_DOCUMENTS).drop().catch(() => undefined);
      }
      await ensureGenerationIndexes(db);
      return new MongoReadStore(client, db, db.collection<GenerationRecord>('generations'), db.collection<CounterRecord>('counters'));
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  /** The collection of a projection's documents (its indexes made sure of on first use). */
  private documents(projection: string): Promise<Collection<DocumentRecord>> {
    let collection = this.collections.get(projection);
    if (collection === undefined) {
      collection = ensureDocumentIndexes(this.db, projection).then(() => this.db.collection<DocumentRecord>(documentsCollection(projection)));
      // A failure is not kept: the next use tries again.
      collection.catch(() => this.collections.delete(projection));
      this.collections.set(projection, collection);
    }
    return collection;
  }

  async status(projection: string): Promise<ProjectionStatus> {
    this.assertOpen();
    return statusOf(projection, await this.generations.find({ projection }).sort({ generation: 1 }).toArray());
  }

  async startGeneration(projection: string, version: number): Promise<number> {
    this.assertOpen();
    const generation = await newGeneration(this.generations, this.counters, projection, version);
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
    const marked = await this.generations.updateOne({ _id: generationKey(ref) }, { $set: { state: 'active' } });
    if (marked.matchedCount === 0) throw new UnknownGenerationError(ref.projection, ref.generation);
    // Without transactions, two generations activated at once are both marked for a moment: the newest wins,
    // whatever the interleaving. Each activation drops the older active ones only, and one that finds a newer
    // active generation drops itself, so the swap never leaves the projection without an active generation.
    const active = await this.generations.find({ projection: ref.projection, state: 'active' }, { projection: { generation: 1 } }).toArray();
    for (const record of active)
      if (record.generation < ref.generation) await this.dropGeneration({ projection: ref.projection, generation: record.generation });
    if (active.some((record) => record.generation > ref.generation)) {
      await this.dropGeneration(ref);
      throw new UnknownGenerationError(ref.projection, ref.generation);
    }
  }

  async dropGeneration(ref: GenerationRef): Promise<void> {
    this.assertOpen();
    // The record first: from then on writers to the generation fail, and status() no longer names it.
    await this.generations.deleteOne({ _id: generationKey(ref) });
    await (await this.documents(ref.projection)).deleteMany({ projection: ref.projection, generation: ref.generation });
  }

  async checkpoint(ref: GenerationRef): Promise<number> {
    this.assertOpen();
    const record = await this.generations.findOne({ _id: generationKey(ref) }, { projection: { checkpoint: 1 } });
    return record?.checkpoint ?? 0;
  }

  async applyBatch(ref: GenerationRef, changes: DocChange[], checkpoint: number): Promise<void> {
    this.assertOpen();
    assertValidBatch(changes, checkpoint);
    const texts = serialise(changes);
    if ((await this.generations.countDocuments({ _id: generationKey(ref) }, { limit: 1 })) === 0) {
      throw new UnknownGenerationError(ref.projection, ref.generation);
    }
    // A duplicate key means another writer moved a document since its position was read: read again, plan again.
    for (let attempt = 1; ; attempt++) {
      const stored = await this.storedPositions(ref, changes);
      if (await this.write(ref.projection, planWrites(ref, changes, texts, stored))) break;
      if (attempt === MAX_WRITE_ATTEMPTS) {
        throw new Error(`Batch for ${ref.projection}/${ref.generation}: documents still racing another writer after ${attempt} attempts`);
      }
    }
    const advanced = await this.generations.updateOne({ _id: generationKey(ref) }, { $max: { checkpoint } });
    if (advanced.matchedCount === 0) {
      // Dropped while the batch was being written: undo, so that nothing is left behind the drop.
      await (await this.documents(ref.projection)).deleteMany({ projection: ref.projection, generation: ref.generation });
      throw new UnknownGenerationError(ref.projection, ref.generation);
    }
  }

  async get(ref: GenerationRef, collection: string, id: string): Promise<StoredDoc | undefined> {
    this.assertOpen();
    const record = await (await this.documents(ref.projection)).findOne({ _id: documentKey(ref, collection, id) }, { projection: DOCUMENT_FIELDS });
    return record === null ? undefined : toStoredDoc(record);
  }

  async getMany(ref: GenerationRef, collection: string, ids: string[]): Promise<Map<string, StoredDoc>> {
    this.assertOpen();
    const found = new Map<string, StoredDoc>();
    if (ids.length === 0) return found;
    const keys = [...new Set(ids)].map((id) => documentKey(ref, collection, id));
    for (const record of await this.findByKeys(ref.projection, keys, DOCUMENT_FIELDS)) found.set(record.id, toStoredDoc(record));
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
    let cursor = (await this.documents(ref.projection)).find(filter, { projection: DOCUMENT_FIELDS }).sort({ id: 1 });
    if (limit !== undefined) cursor = cursor.limit(limit);
    return (await cursor.toArray()).map(toStoredDoc);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.close();
  }

  /** The positions stored for the documents the changes touch, by document key. */
  private async storedPositions(ref: GenerationRef, changes: DocChange[]): Promise<Map<string, number>> {
    const keys = [...new Set(changes.map((change) => documentKey(ref, change.collection, change.id)))];
    const positions = new Map<string, number>();
    for (const record of await this.findByKeys(ref.projection, keys, { _id: 1, position: 1 })) positions.set(record._id, record.position);
    return positions;
  }

  /** The documents of these keys that exist, looked up in chunks (a query per LOOKUP_CHUNK keys). */
  private async findByKeys(projection: string, keys: string[], fields: Readonly<Record<string, 0 | 1>>): Promise<DocumentRecord[]> {
    const documents = await this.documents(projection);
    const found: DocumentRecord[] = [];
    for (let start = 0; start < keys.length; start += LOOKUP_CHUNK)
      found.push(...(await documents.find({ _id: { $in: keys.slice(start, start + LOOKUP_CHUNK) } }, { projection: fields }).toArray()));
    return found;
  }

  /**
   * Sends the writes as one unordered bulk write; answers false when some hit a duplicate key (a racing writer
   * created the document, or stored a newer version). Which of the others ran is then not known for sure
   * (FerretDB v1 stops at the first failed update whatever `ordered` says, and inserts in chunks of 100 that go
   * on after a failed one): the caller reads the positions again and sends what is still needed.
   */
  private async write(projection: string, writes: Operation[]): Promise<boolean> {
    const documents = await this.documents(projection);
    let complete = true;
    for (let start = 0; start < writes.length; start += WRITE_CHUNK) {
      try {
        await documents.bulkWrite(writes.slice(start, start + WRITE_CHUNK), { ordered: false });
      } catch (error) {
        if (!onlyDuplicateKeys(error)) throw error;
        complete = false;
      }
    }
    return complete;
  }

  /** The driver reconnects on demand after close(): a closed store must refuse instead. */
  private assertOpen(): void {
    if (this.closed) throw new Error('MongoReadStore is closed');
  }
}
