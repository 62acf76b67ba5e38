import type { ReadStore } from '../../../read-store';
import { withoutGuard } from './applied-revisions';
import type { Doc, ReadModels } from '../../../../projections/projection';

/**
 * Read models as of one moment: each projection's active generation is fixed at its first read, so one query
 * never mixes documents of two generations.
 */
class PinnedReadModels implements ReadModels {
  private readonly generations = new Map<string, number | undefined>();

  constructor(private readonly readStore: ReadStore) {}

  async get(projection: string, collection: string, id: string): Promise<Doc | undefined> {
    const generation = await this.generation(projection);
    if (generation === undefined) return undefined;
    const stored = await this.readStore.get({ projection, generation }, collection, id);
    return stored === undefined ? undefined : withoutGuard(stored.doc);
  }

  async list(projection: string, collection: string, options: { caeId?: string } = {}): Promise<Doc[]> {
    const generation = await this.generation(projection);
    if (generation === undefined) return [];
    const docs = await this.readStore.list({ projection, generation }, collection, options.caeId !== undefined ? { caeId: options.caeId } : {});
    return docs.map((stored) => withoutGuard(stored.doc));
  }

  /** True when every generation read is still the active one (no swap happened during the query). */
  async stillActive(): Promise<boolean> {
    for (const [projection, generation] of this.generations)
      if ((await this.readStore.status(projection)).activeGeneration !== generation) return false;
    return true;
  }

  private async generation(projection: string): Promise<number | undefined> {
    if (!this.generations.has(projection)) this.generations.set(projection, (await this.readStore.status(projection)).activeGeneration);
    return this.generations.get(projection);
  }
}

/** Queries answer from the active generations; a query that raced a rebuild's swap is run again. */
export class QueryRunner {
  constructor(private readonly readStore: ReadStore) {}

  async run<T>(query: (models: ReadModels) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const models = new PinnedReadModels(this.readStore);
      const result = await query(models);
      if (attempt >= 3 || (await models.stillActive())) return result;
    }
  }
}
