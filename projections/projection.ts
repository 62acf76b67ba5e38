import type { DomainEvent, IsoDate } from '../libs/domain';

/**
 * A projection is pure: which documents an event concerns, and how it changes them. The projector runtime
 * (libs/application/src/projector) owns reading the log, batching, idempotence, checkpoints and rebuilds.
 * Documents are plain JSON; money in them is decimal strings, as on the wire.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Doc = { [key: string]: Json };

/** An event as projections see it: personal data opened (or `[forgotten]`), with its position in the log. */
export type ProjectedEvent = DomainEvent & {
  position: number;
  streamId: string;
  caeId: string;
  /** Business date (metadata.occurredOn). */
  occurredOn: IsoDate;
};

export interface DocRef {
  collection: string;
  id: string;
}

/** The documents an event concerns, as they are before it (undefined: none yet). */
export interface DocReader {
  get(collection: string, id: string): Doc | undefined;
}

export interface DocUpdate extends DocRef {
  /** The whole new document, or null to delete it. */
  doc: Doc | null;
}

export interface Projection {
  name: string;
  /** Bump it when the documents' shape or meaning changes: the projector then rebuilds the projection. */
  version: number;
  collections: readonly string[];
  /** Every document `apply` may read or write for this event ([] when the event does not concern it). */
  documentsFor(event: ProjectedEvent): DocRef[];
  /** The documents that change, computed only from the event and the documents named by documentsFor. */
  apply(event: ProjectedEvent, docs: DocReader): DocUpdate[];
}

/** What queries read: the active generation of each projection. Queries never read the log. */
export interface ReadModels {
  get(projection: string, collection: string, id: string): Promise<Doc | undefined>;
  /** The collection's documents in id order, optionally only those whose `caeId` field matches. */
  list(projection: string, collection: string, options?: { caeId?: string }): Promise<Doc[]>;
}
