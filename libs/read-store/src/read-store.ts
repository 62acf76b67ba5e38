/**
 * The read-model port: JSON documents in named collections, grouped per projection and per generation.
 * A projection writes one generation at a time; queries read the projection's active generation. A rebuild
 * fills a new generation while queries keep reading the old one, then `activate` swaps them (blue/green).
 * Every adapter (in-memory, SQLite, MongoDB) passes test/contract/read-store.contract.ts.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A read-model document. `caeId`, when present, is indexed: queries list a CAE's documents by it. */
export type Doc = { [key: string]: Json };

export interface StoredDoc {
  id: string;
  doc: Doc;
  /**
   * The document's version, which only grows: a change is written only above it (the write guard). The log
   * projector writes the position of the last event applied, the Kafka feed the version read + 1 (a compare-and-set).
   * Which events a document holds is the projector's guard, kept in the document (`_applied`).
   */
  position: number;
}

export interface DocChange {
  collection: string;
  id: string;
  /** The whole new document, or null to delete it. */
  doc: Doc | null;
  /** The version the change gives the document (see StoredDoc.position). */
  position: number;
}

export interface GenerationRef {
  projection: string;
  generation: number;
}

export interface ProjectionStatus {
  projection: string;
  /** The generation queries read, if any. */
  activeGeneration?: number;
  /** A generation being rebuilt, not yet active. */
  rebuildingGeneration?: number;
  /** Version of the projection's code that filled the active generation. */
  version?: number;
  /** Version of the projection's code filling the rebuilding generation (resume it only if the code still matches). */
  rebuildingVersion?: number;
}

export interface ListOptions {
  /** Only the documents whose `caeId` field equals this. */
  caeId?: string;
  /** At most this many (a non-negative integer), in id order. */
  limit?: number;
  /** Skip the documents whose id is <= this (pagination by id). */
  afterId?: string;
}

/** A write aimed at a generation that does not exist: never started, or dropped (an abandoned rebuild). */
export class UnknownGenerationError extends Error {
  constructor(readonly projection: string, readonly generation: number) {
    super(`Unknown generation ${generation} of projection ${projection}`);
    this.name = 'UnknownGenerationError';
  }
}

export interface ReadStore {
  status(projection: string): Promise<ProjectionStatus>;

  /**
   * Creates an empty generation (numbers grow, never reused); it becomes the one being rebuilt, and a previous
   * rebuilding generation of the projection is dropped with it (it would otherwise be unreachable).
   */
  startGeneration(projection: string, version: number): Promise<number>;

  /**
   * Makes the generation the active one (queries read it from now on) and drops the previous active
   * generation. Atomic for readers: a query sees either the old or the new generation, whole.
   * Throws UnknownGenerationError if the generation does not exist (never started, or dropped).
   */
  activate(ref: GenerationRef): Promise<void>;

  /** Drops a generation's documents and checkpoint (an abandoned rebuild); nothing happens if it is unknown. */
  dropGeneration(ref: GenerationRef): Promise<void>;

  /** Last event position whose changes are all written in this generation (0 if none). */
  checkpoint(ref: GenerationRef): Promise<number>;

  /**
   * Writes the changes and then the checkpoint. A change is skipped when its document already holds a
   * position >= the change's (a stale or raced write never overwrites a newer one). Adapters with transactions write the
   * whole batch atomically; the others write documents first and the checkpoint last.
   * Throws UnknownGenerationError, writing nothing, if the generation does not exist (a rebuild dropped meanwhile),
   * and RangeError, writing nothing, if a position is not a positive safe integer (checkpoint: >= 0).
   */
  applyBatch(ref: GenerationRef, changes: DocChange[], checkpoint: number): Promise<void>;

  get(ref: GenerationRef, collection: string, id: string): Promise<StoredDoc | undefined>;

  getMany(ref: GenerationRef, collection: string, ids: string[]): Promise<Map<string, StoredDoc>>;

  list(ref: GenerationRef, collection: string, options?: ListOptions): Promise<StoredDoc[]>;

  /**
   * Leaves no copy of overwritten or deleted documents in the store's files (stale pages, write-ahead log): the
   * projector calls it after a batch that erased personal data. Optional: a store that keeps no files (in memory)
   * or cannot promise it (MongoDB) has none. Dropped generations are scrubbed by the store itself.
   */
  scrub?(): Promise<void>;

  close(): Promise<void>;
}
