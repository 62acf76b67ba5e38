import type { EventStore } from '../../../event-store';
import type { ReadStore } from '../../../read-store';
import type { Projection } from '../../../../projections/projection';
import type { LogBehindCheckpoint, Refusals } from './refusals';

export interface ProjectionLag {
  projection: string;
  generation?: number;
  checkpoint: number;
  head: number;
  eventsBehind: number;
  /** Age of the oldest event not yet applied (0 when caught up). */
  msBehind: number;
  rebuilding?: { generation: number; checkpoint: number };
}

/** Where each projection's generations stand against the log's head. */
export const lagOf = async (store: EventStore, readStore: ReadStore, projections: readonly Projection[], now: () => Date): Promise<ProjectionLag[]> => {
  const head = await store.headPosition();
  const lags: ProjectionLag[] = [];
  for (const projection of projections) {
    const status = await readStore.status(projection.name);
    const checkpoint = status.activeGeneration === undefined ? 0 : await readStore.checkpoint({ projection: projection.name, generation: status.activeGeneration });
    const [next] = checkpoint < head ? await store.readAll(checkpoint + 1, { limit: 1 }) : [];
    lags.push({
      projection: projection.name,
      ...(status.activeGeneration !== undefined ? { generation: status.activeGeneration } : {}),
      checkpoint,
      head,
      eventsBehind: head - checkpoint,
      msBehind: next ? Math.max(0, now().getTime() - Date.parse(next.metadata.recordedAt)) : 0,
      ...(status.rebuildingGeneration !== undefined
        ? {
            rebuilding: {
              generation: status.rebuildingGeneration,
              checkpoint: await readStore.checkpoint({ projection: projection.name, generation: status.rebuildingGeneration }),
            },
          }
        : {}),
    });
  }
  return lags;
};

/** The generations refused (or to refuse now) because the log's head is below their checkpoint. */
export const problemsOf = async (store: EventStore, readStore: ReadStore, projections: readonly Projection[], refusals: Refusals): Promise<LogBehindCheckpoint[]> => {
  const problems: LogBehindCheckpoint[] = [];
  for (const projection of projections) {
    const status = await readStore.status(projection.name);
    for (const generation of [status.activeGeneration, status.rebuildingGeneration]) {
      if (generation === undefined) continue;
      const ref = { projection: projection.name, generation };
      const checkpoint = await readStore.checkpoint(ref);
      // The head read after the checkpoint: another projector moving it meanwhile can only have seen a lower head.
      if (refusals.refuseIfBehind(ref, checkpoint, await store.headPosition())) problems.push(refusals.get(ref)!);
    }
  }
  return problems;
};
