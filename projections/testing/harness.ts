import { openInMemory, toProjectedEvent, type Runtime } from '../../libs/application';
import { validateEnvelope } from '../../libs/domain';
import type { Doc, DocReader, Projection, ProjectedEvent, ReadModels } from '../projection';

/**
 * For projection specs: commands go through the real CommandService (in memory), so the events are exactly
 * what the deciders produce; the projections then run over them without any store.
 */
export interface Envelope {
  type: string;
  commandId?: string;
  data: Record<string, unknown>;
}

let counter = 0;

/** Runs the envelopes in order (every one must be accepted) and returns the log as projections see it. */
export const eventsOf = async (envelopes: Envelope[], runtime: Runtime = openInMemory()): Promise<ProjectedEvent[]> => {
  for (const raw of envelopes) {
    const validated = validateEnvelope({ commandId: `spec-${++counter}`, ...raw });
    if (!validated.ok) throw new Error(`Invalid ${raw.type}: ${validated.error.message}`);
    const outcome = await runtime.commands.handle(validated.value);
    if (outcome.status === 'rejected') throw new Error(`${raw.type} rejected: ${outcome.error!.code} ${outcome.error!.message}`);
  }
  return projectedLog(runtime);
};

/** The whole log of a runtime, personal data opened. */
export const projectedLog = async (runtime: Runtime): Promise<ProjectedEvent[]> => {
  const out: ProjectedEvent[] = [];
  for (let from = 1; ; ) {
    const page = await runtime.store.readAll(from, { limit: 1000 });
    if (page.length === 0) return out;
    for (const recorded of page) out.push(await toProjectedEvent(recorded, runtime.vault));
    from = page[page.length - 1]!.position + 1;
  }
};

/** Documents of several projections, kept in memory: key `projection/collection/id`. */
export class MemoryDocs implements ReadModels {
  readonly docs = new Map<string, Doc>();

  /** Applies every event to the projection, as the runtime does, minus batching and storage. */
  run(projection: Projection, events: ProjectedEvent[]): this {
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
