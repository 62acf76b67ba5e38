import Database from 'better-sqlite3';
import {
  type DocChange,
  type GenerationRef,
  type ListOptions,
  type ProjectionStatus,
  type ReadStore,
  type StoredDoc,
  UnknownGenerationError,
} from './read-store';
import { assertValidBatch, assertValidListOptions, caeIdOf, statusOf } from './read-store-rules';
import { prepareStatements, SCHEMA, toStoredDoc, type GenerationState, type ListQuery, type Statements } from './sqlite-statements';

export interface SqliteReadStoreOptions {
  /**
   * NORMAL (default) may lose the last commits on a power cut, never corrupts: read models are rebuilt from
   * the log, and a lost checkpoint only makes the projector replay events each document then skips (it holds their revisions).
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** How long a writer waits for another process's write lock before failing, default 5000 ms. */
  busyTimeoutMs?: number;
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
