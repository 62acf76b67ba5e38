import type { DomainEvent, EventDataByType, EventType, IsoDate } from '../libs/domain';

/**
 * A projection is pure: which documents an event concerns, and how it changes them. The projector runtime
 * (libs/application/src/projector) owns reading the log, batching, idempotence, checkpoints and rebuilds.
 * Documents are plain JSON; money in them is decimal strings, as on the wire.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Doc = { [key: string]: Json };

/** Where an event sits in the log. */
export type LogPlace = {
  position: number;
  streamId: string;
  /** The event's revision in its stream (1, 2, 3…). */
  revision: number;
  caeId: string;
  /** Business date (metadata.occurredOn). */
  occurredOn: IsoDate;
};

/** An event as projections see it: personal data opened (or `[forgotten]`), with its place in the log. */
export type ProjectedEvent = DomainEvent & LogPlace;

/** One type of projected event (written so that a handler generic over several types still reads their common fields). */
export type ProjectedEventOf<K extends EventType> = { type: K; data: EventDataByType[K] } & LogPlace;

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
  /** The event types it handles (every other one concerns no document). */
  events?: readonly EventType[];
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

/* Typed projections: documents typed by collection, one handler per event type. */

/** A collection whose documents are of type D (a marker: only its type matters). */
export interface Collection<D extends Doc> {
  readonly documents?: D;
}

export const collectionOf = <D extends Doc>(): Collection<D> => ({});

/** Document type by collection name. */
export type Documents<C> = { [K in keyof C]: Doc };

type Named<C> = keyof C & string;

export type TypedRef<C extends Documents<C>> = { [K in Named<C>]: { collection: K; id: string } }[Named<C>];
export type TypedUpdate<C extends Documents<C>> = { [K in Named<C>]: { collection: K; id: string; doc: C[K] | null } }[Named<C>];

export interface TypedReader<C extends Documents<C>> {
  get<K extends Named<C>>(collection: K, id: string): C[K] | undefined;
}

/** What one event type does: the documents it concerns, and their new state. */
export interface Handler<C extends Documents<C>, K extends EventType> {
  documents(event: ProjectedEventOf<K>): TypedRef<C>[];
  apply(event: ProjectedEventOf<K>, docs: TypedReader<C>): TypedUpdate<C>[];
}

export type Handlers<C extends Documents<C>> = { [K in EventType]?: Handler<C, K> };

type DocumentsOf<S> = { [K in keyof S]: S[K] extends Collection<infer D> ? D : never };

/** The runtime polices documentsFor/apply; a typed reader is all a handler sees. */
const typed = <C extends Documents<C>>(docs: DocReader): TypedReader<C> => ({
  get: <K extends Named<C>>(collection: K, id: string) => docs.get(collection, id) as C[K] | undefined,
});

/**
 * A projection from one handler per event type: the handled events, documentsFor and apply are derived from it,
 * so an event's documents and its changes are written side by side.
 */
export const defineProjection = <S extends { [collection: string]: Collection<Doc> }>(definition: {
  name: string;
  version: number;
  collections: S;
  on: Handlers<DocumentsOf<S>>;
}): Projection & { events: readonly EventType[] } => {
  type C = DocumentsOf<S>;
  // The handler of an event's own type: TypeScript cannot correlate the two unions, hence the one widening.
  const handlerOf = (event: ProjectedEvent) => definition.on[event.type] as Handler<C, EventType> | undefined;
  return {
    name: definition.name,
    version: definition.version,
    collections: Object.keys(definition.collections),
    events: Object.keys(definition.on) as EventType[],
    documentsFor: (event) => handlerOf(event)?.documents(event) ?? [],
    apply: (event, docs) => handlerOf(event)?.apply(event, typed<C>(docs)) ?? [],
  };
};
