import type Database from 'better-sqlite3';
import type { Doc, GenerationRef, StoredDoc } from './read-store';

/** The read models' tables, and the statements the adapter runs on them. */
export const SCHEMA = `
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

export type GenerationState = 'active' | 'rebuilding';

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

export interface ListQuery {
  projection: string;
  generation: number;
  collection: string;
  cae_id?: string;
  after_id?: string;
  /** -1: no limit. */
  limit: number;
}

export type Statements = ReturnType<typeof prepareStatements>;

const DOCUMENT = 'projection = @projection AND generation = @generation';
const IN_COLLECTION = `${DOCUMENT} AND collection = @collection`;
const IN_STATE = `projection = @projection AND generation IN
  (SELECT generation FROM generations WHERE projection = @projection AND state = @state)`;

export function prepareStatements(db: Database.Database) {
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

export function toStoredDoc(row: DocumentRow): StoredDoc {
  return { id: row.id, doc: JSON.parse(row.data) as Doc, position: row.position };
}
