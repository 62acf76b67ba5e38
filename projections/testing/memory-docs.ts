import type { Doc, DocReader, Projection, ProjectedEvent, ReadModels } from '../projection';

/** Documents of several projections, kept in memory: key `projection/collection/id`. */
export class MemoryDocs implements ReadModels {
  readonly docs = new Map<string, Doc>();

  /** Applies every event to the projection, as the runtime does, minus batching and storage. */
  run(projection: Projection, events: readonly ProjectedEvent[]): this {
    for (const event of events) {
      // As in the runtime, apply may only touch the documents documentsFor named.
      const declared = new Set(projection.documentsFor(event).map((ref) => `${ref.collection}/${ref.id}`));
      const check = (collection: string, id: string): void => {
        if (!declared.has(`${collection}/${id}`)) throw new Error(`${projection.name} touched ${collection}/${id} for ${event.type} without declaring it`);
      };
      const reader: DocReader = {
        get: (collection, id) => {
          check(collection, id);
          return this.docs.get(`${projection.name}/${collection}/${id}`);
        },
      };
      for (const update of projection.apply(event, reader)) {
        check(update.collection, update.id);
        const key = `${projection.name}/${update.collection}/${update.id}`;
        if (update.doc === null) this.docs.delete(key);
        else this.docs.set(key, update.doc);
      }
    }
    return this;
  }

  async get(projection: string, collection: string, id: string): Promise<Doc | undefined> {
    return this.docs.get(`${projection}/${collection}/${id}`);
  }

  async list(projection: string, collection: string, options: { caeId?: string } = {}): Promise<Doc[]> {
    const prefix = `${projection}/${collection}/`;
    return [...this.docs]
      .filter(([key, doc]) => key.startsWith(prefix) && (options.caeId === undefined || doc['caeId'] === options.caeId))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, doc]) => doc);
  }
}
