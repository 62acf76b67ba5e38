import Database from 'better-sqlite3';
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
import { assertValidBatch, assertValidListOptions, caeIdOf, statusOf } from './read-store-rules';

export interface SqliteReadStoreOptions {
  /**
   * NORMAL (default) may lose the last commits on a power cut, never corrupts: read models are rebuilt from
   * the log, and a lost checkpoint only makes the projector replay events the position guard then skips.
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** How long a writer waits for another process's write lock before failing, default 5000 ms. */
  busyTimeoutMs?: number;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS documents (
    projection TEXT NOT NULL,
    generation INTEGER NOT NULL,
    collection TEXT NOT NULL,
    id TEXT NOT NULL,
    cae_id TEXT NULL,
    data TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (projection, generation, collection, id)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS documents_by_cae ON documents (projection, generation, collection, cae_id, id);
  CREATE TABLE IF NOT EXISTS generations (
    projection TEXT NOT NULL,
    generation INTEGER NOT NULL,
    version INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('active', 'rebuilding')),
    checkpoint INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (projection, generation)
  ) WITHOUT ROWID;
  CREATE UNIQUE INDEX IF NOT EXISTS one_active_generation ON generations (projection) WHERE state = 'active';
  CREATE TABLE IF NOT EXISTS generation_counters (
    projection TEXT PRIMARY KEY,
    last_generation INTEGER NOT NULL
  ) WITHOUT ROWID;
`;

type GenerationState = 'active' | 'rebuilding';

interface GenerationRow {
  generation: number;
  version: number;
  state: GenerationState;
  checkpoint: number;
}

interface DocumentRow {
  id: string;
  data: string;
  position: number;
}

interface DocumentWrite {
  projection: string;
  generation: number;
  collection: string;
  id: string;
  cae_id: string | null;
  data: string;
  position: number;
}

type DocumentKey = Omit<DocumentWrite, 'cae_id' | 'data'>;

interface ListQuery {
  projection: string;
  generation: number;
  collection: string;
  cae_id?: string;
  after_id?: string;
  /** -1: no limit. */
  limit: number;
}

/**
 * Read models in one SQLite file (WAL). Several processes may open the same file: writers serialise on
 * BEGIN IMMEDIATE, and every query is a single statement, so it reads one committed state.
 */
export class SqliteReadStore implements ReadStore {
  private readonly statements: Statements;
  private readonly startTransaction: Database.Transaction<(projection: string, version: number) => number>;
  private readonly activateTransaction: Database.Transaction<(ref: GenerationRef) => void>;
  private readonly dropTransaction: Database.Transaction<(ref: GenerationRef) => void>;
  private readonly batchTransaction: Database.Transaction<(ref: GenerationRef, changes: DocChange[], checkpoint: number) => void>;
  /** A scrub could not empty the WAL (another process was reading it): tried again after the next write. */
  private scrubPending = false;

  private constructor(private readonly db: Database.Database) {
    this.statements = prepareStatements(db);
    this.startTransaction = db.transaction((projection, version) => this.writeStart(projection, version));
    this.activateTransaction = db.transaction((ref) => this.writeActivate(ref));
    this.dropTransaction = db.transaction((ref) => this.writeDrop(ref));
    this.batchTransaction = db.transaction((ref, changes, checkpoint) => this.writeBatch(ref, changes, checkpoint));
  }

  /** Opens (creating if missing) the read models at path; ':memory:' gives a private in-memory database. */
  static open(path: string, options: SqliteReadStoreOptions = {}): SqliteReadStore {
    const db = new Database(path);
    try {
      db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
      // Read models hold opened personal data: what a forget blanks or a drop deletes is overwritten with zeros.
      db.pragma('secure_delete = ON');
      db.exec(SCHEMA);
      return new SqliteReadStore(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  async status(projection: string): Promise<ProjectionStatus> {
    return statusOf(projection, this.statements.generationsOf.all(projection));
  }

  async startGeneration(projection: string, version: number): Promise<number> {
    // IMMEDIATE takes the write lock before the counter is read: two processes never get the same number.
    const generation = this.startTransaction.immediate(projection, version);
    this.emptyWal();
    return generation;
  }

  async activate(ref: GenerationRef): Promise<void> {
    this.activateTransaction.immediate(ref);
    this.emptyWal();
  }

  async dropGeneration(ref: GenerationRef): Promise<void> {
    this.dropTransaction.immediate(ref);
    this.emptyWal();
  }

  async checkpoint(ref: GenerationRef): Promise<number> {
    return this.statements.generation.get(ref)?.checkpoint ?? 0;
  }

  async applyBatch(ref: GenerationRef, changes: DocChange[], checkpoint: number): Promise<void> {
    assertValidBatch(changes, checkpoint);
    this.batchTransaction.immediate(ref, changes, checkpoint);
    if (this.scrubPending) this.emptyWal();
  }

  async scrub(): Promise<void> {
    this.emptyWal();
  }

  async get(ref: GenerationRef, collection: string, id: string): Promise<StoredDoc | undefined> {
    const row = this.statements.get.get({ ...ref, collection, id });
    return row === undefined ? undefined : toStoredDoc(row);
  }

  async getMany(ref: GenerationRef, collection: string, ids: string[]): Promise<Map<string, StoredDoc>> {
    // One statement whatever the number of ids: they travel as one JSON array.
    const rows = this.statements.getMany.all({ ...ref, collection, ids: JSON.stringify(ids) });
    return new Map(rows.map((row) => [row.id, toStoredDoc(row)]));
  }

  async list(ref: GenerationRef, collection: string, options: ListOptions = {}): Promise<StoredDoc[]> {
    assertValidListOptions(options);
    const { caeId, afterId, limit = -1 } = options;
    const query: ListQuery = { ...ref, collection, limit };
    if (caeId !== undefined) query.cae_id = caeId;
    if (afterId !== undefined) query.after_id = afterId;
    // One statement per combination rather than `? IS NULL OR …`, which would keep SQLite from using the index.
    const statement =
      caeId === undefined
        ? afterId === undefined
          ? this.statements.list
          : this.statements.listAfter
        : afterId === undefined
          ? this.statements.listByCae
          : this.statements.listByCaeAfter;
    return statement.all(query).map(toStoredDoc);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /**
   * Old versions of rewritten pages stay in the WAL after a commit (secure_delete only zeroes the newest copy):
   * copy the latest pages into the database file and cut the WAL to zero bytes.
   */
  private emptyWal(): void {
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    this.scrubPending = result?.busy !== 0;
  }

  private writeStart(projection: string, version: number): number {
    // The rebuilding generation this one replaces could no longer be named by status(): drop it.
    this.dropInState(projection, 'rebuilding');
    const generation = this.statements.nextGeneration.get(projection)!;
    this.statements.insertGeneration.run({ projection, generation, version });
    return generation;
  }

  private writeActivate(ref: GenerationRef): void {
    const target = this.statements.generation.get(ref);
    if (target === undefined) throw new UnknownGenerationError(ref.projection, ref.generation);
    if (target.state === 'active') return;
    this.dropInState(ref.projection, 'active');
    this.statements.markActive.run(ref);
  }

  private writeDrop(ref: GenerationRef): void {
    this.statements.deleteDocuments.run(ref);
    this.statements.deleteGeneration.run(ref);
  }

  private dropInState(projection: string, state: GenerationState): void {
    this.statements.deleteDocumentsInState.run({ projection, state });
    this.statements.deleteGenerationsInState.run({ projection, state });
  }

  private writeBatch(ref: GenerationRef, changes: DocChange[], checkpoint: number): void {
    const { statements } = this;
    // Checked inside the transaction: a generation dropped by another process meanwhile gets no documents.
    if (statements.generation.get(ref) === undefined) throw new UnknownGenerationError(ref.projection, ref.generation);
    for (const { collection, id, doc, position } of changes) {
      const key = { ...ref, collection, id, position };
      // Both statements only touch a document holding an older position: replays and stale changes are no-ops.
      if (doc === null) statements.deleteDocument.run(key);
      else statements.upsertDocument.run({ ...key, cae_id: caeIdOf(doc), data: JSON.stringify(doc) });
    }
    statements.advanceCheckpoint.run({ ...ref, checkpoint });
  }
}

type Statements = ReturnType<typeof prepareStatements>;

const DOCUMENT = 'projection = @projection AND generation = @generation';
const IN_COLLECTION = `${DOCUMENT} AND collection = @collection`;
const IN_STATE = `projection = @projection AND generation IN
  (SELECT generation FROM generations WHERE projection = @projection AND state = @state)`;

function prepareStatements(db: Database.Database) {
  const list = (where: string, indexedBy = '') =>
    db.prepare<[ListQuery], DocumentRow>(
      `SELECT id, data, position FROM documents ${indexedBy} WHERE ${IN_COLLECTION}${where} ORDER BY id LIMIT @limit`,
    );
  // Left alone, the planner prefers the covering primary key (in id order) and filters the whole collection by CAE.
  const byCae = 'INDEXED BY documents_by_cae';
  return {
    generationsOf: db.prepare<[string], GenerationRow>(
      'SELECT generation, version, state, checkpoint FROM generations WHERE projection = ? ORDER BY generation',
    ),
    generation: db.prepare<[GenerationRef], GenerationRow>(
      `SELECT generation, version, state, checkpoint FROM generations WHERE ${DOCUMENT}`,
    ),
    nextGeneration: db
      .prepare<[string], number>(
        `INSERT INTO generation_counters (projection, last_generation) VALUES (?, 1)
         ON CONFLICT (projection) DO UPDATE SET last_generation = last_generation + 1
         RETURNING last_generation`,
      )
      .pluck(),
    insertGeneration: db.prepare<[{ projection: string; generation: number; version: number }]>(
      `INSERT INTO generations (projection, generation, version, state, checkpoint)
       VALUES (@projection, @generation, @version, 'rebuilding', 0)`,
    ),
    markActive: db.prepare<[GenerationRef]>(`UPDATE generations SET state = 'active' WHERE ${DOCUMENT}`),
    deleteDocumentsInState: db.prepare<[{ projection: string; state: GenerationState }]>(
      `DELETE FROM documents WHERE ${IN_STATE}`,
    ),
    deleteGenerationsInState: db.prepare<[{ projection: string; state: GenerationState }]>(
      'DELETE FROM generations WHERE projection = @projection AND state = @state',
    ),
    deleteDocuments: db.prepare<[GenerationRef]>(`DELETE FROM documents WHERE ${DOCUMENT}`),
    deleteGeneration: db.prepare<[GenerationRef]>(`DELETE FROM generations WHERE ${DOCUMENT}`),
    advanceCheckpoint: db.prepare<[GenerationRef & { checkpoint: number }]>(
      `UPDATE generations SET checkpoint = MAX(checkpoint, @checkpoint) WHERE ${DOCUMENT}`,
    ),
    upsertDocument: db.prepare<[DocumentWrite]>(
      `INSERT INTO documents (projection, generation, collection, id, cae_id, data, position)
       VALUES (@projection, @generation, @collection, @id, @cae_id, @data, @position)
       ON CONFLICT (projection, generation, collection, id) DO UPDATE
         SET cae_id = excluded.cae_id, data = excluded.data, position = excluded.position
         WHERE excluded.position > documents.position`,
    ),
    deleteDocument: db.prepare<[DocumentKey]>(
      `DELETE FROM documents WHERE ${IN_COLLECTION} AND id = @id AND position < @position`,
    ),
    get: db.prepare<[Omit<DocumentKey, 'position'>], DocumentRow>(
      `SELECT id, data, position FROM documents WHERE ${IN_COLLECTION} AND id = @id`,
    ),
    getMany: db.prepare<[GenerationRef & { collection: string; ids: string }], DocumentRow>(
      `SELECT id, data, position FROM documents
       WHERE ${IN_COLLECTION} AND id IN (SELECT value FROM json_each(@ids))`,
    ),
    list: list(''),
    listAfter: list(' AND id > @after_id'),
    listByCae: list(' AND cae_id = @cae_id', byCae),
    listByCaeAfter: list(' AND cae_id = @cae_id AND id > @after_id', byCae),
  };
}

function toStoredDoc(row: DocumentRow): StoredDoc {
  return { id: row.id, doc: JSON.parse(row.data) as Doc, position: row.position };
}
