import { type Db, MongoBulkWriteError } from 'mongodb';
import type { Doc, GenerationRef, StoredDoc } from './read-store';

/** How the MongoDB adapter keeps read models: its records, their keys and indexes. */
export type GenerationState = 'active' | 'rebuilding';

/**
 * One read-model document. `_id` is the JSON array [projection, generation, collection, id]: unique, unambiguous
 * whatever the characters of the parts, and a plain string (every MongoDB-wire server looks strings up by _id fast).
 * The document itself is kept as its JSON text, as the SQLite adapter does: any key is allowed (MongoDB and
 * FerretDB refuse or restrict field names starting with `$` or holding a dot), and what is read back is exactly
 * JSON.parse(JSON.stringify(written)).
 */
export interface DocumentRecord {
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
export interface GenerationRecord {
  _id: string;
  projection: string;
  generation: number;
  version: number;
  state: GenerationState;
  checkpoint: number;
}

/** The last generation number handed out per projection (`_id` is the projection), never decremented. */
export interface CounterRecord {
  _id: string;
  last: number;
}

export const DUPLICATE_KEY = 11000;
/** Document keys looked up per query before a batch is written. */
export const LOOKUP_CHUNK = 1_000;
/** Plans of a batch tried before giving up on documents that another writer keeps moving. */
export const MAX_WRITE_ATTEMPTS = 5;
/**
 * Operations per bulk write. FerretDB v1 (SQLite) keeps each update's and delete's query open until the whole
 * command ends, one SQLite connection each, from a pool of 100: a command of more than 100 guarded updates waits
 * for a connection forever. Chunks of 50 stay well below, and cost MongoDB nothing that matters.
 */
export const WRITE_CHUNK = 50;
export const DOCUMENT_FIELDS = { _id: 0, id: 1, doc: 1, position: 1 } as const;

export const documentKey = (ref: GenerationRef, collection: string, id: string): string =>
  JSON.stringify([ref.projection, ref.generation, collection, id]);
export const generationKey = (ref: GenerationRef): string => JSON.stringify([ref.projection, ref.generation]);


export function toStoredDoc(record: Pick<DocumentRecord, 'id' | 'doc' | 'position'>): StoredDoc {
  return { id: record.id, doc: JSON.parse(record.doc) as Doc, position: record.position };
}

/**
 * Each projection's documents have their own collection: FerretDB v1 pushes down to SQLite only a filter that is
 * exactly `{ _id: <string> }`, and scans the whole collection for any other (`$in`, a guarded update), so a
 * collection shared by every projection made each projection's batch pay for all the others' documents.
 */
export const documentsCollection = (projection: string): string => `documents.${projection}`;

/** Where every projection's documents were kept before they had a collection each (read models before v0.15). */
export const LEGACY_DOCUMENTS = 'documents';

/** Generations by state. */
export async function ensureGenerationIndexes(db: Db): Promise<void> {
  await db.collection('generations').createIndex({ projection: 1, state: 1, generation: 1 }, { name: 'by_state' });
}

/**
 * One index per query route of a projection's documents: by id and by CAE then id, within a generation's
 * collection. One createIndex call each: FerretDB v1.24 drops the connection (a panic) when a createIndexes command
 * names several indexes that all exist already, as on every connect after the first.
 */
export async function ensureDocumentIndexes(db: Db, projection: string): Promise<void> {
  const documents = db.collection(documentsCollection(projection));
  await documents.createIndex({ projection: 1, generation: 1, collection: 1, id: 1 }, { name: 'by_id' });
  await documents.createIndex({ projection: 1, generation: 1, collection: 1, caeId: 1, id: 1 }, { name: 'by_cae' });
}

/** Whether a bulk write failed only for duplicate keys. */
export function onlyDuplicateKeys(error: unknown): boolean {
  if (!(error instanceof MongoBulkWriteError)) return false;
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  // A bulk write error without write errors (a write concern error, say) is a real failure.
  return writeErrors.length > 0 && writeErrors.every((writeError) => writeError.code === DUPLICATE_KEY);
}
