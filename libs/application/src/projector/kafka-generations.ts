import { UnknownGenerationError, type GenerationRef, type ProjectionStatus, type ReadStore } from '../../../read-store';
import { sleep } from './kafka-topic';

/** Longest random pause before starting a generation (see choose). */
const START_JITTER_MS = 1000;

/** The generation a Kafka-fed member works on, and whether it is still to be built. */
export interface Chosen {
  ref: GenerationRef;
  building: boolean;
}

/**
 * Which generation a member of a feed works on: the active one if it was built by this feed and this version of
 * the code, the one being built if any, else a new one. Members started together would each start a generation,
 * and the store keeps only the newest: a random pause first lets the others see the first one's, and the status
 * is read again after starting ours, to follow the one that survived. `mayReplace`: false when following (a
 * newer version's generations are then left alone).
 */
export const chooseGeneration = async (readStore: ReadStore, projection: string, version: number, mayReplace: boolean): Promise<Chosen> => {
  const adopt = (status: ProjectionStatus): Chosen | undefined => {
    if (status.rebuildingGeneration !== undefined && status.rebuildingVersion === version) return { ref: { projection, generation: status.rebuildingGeneration }, building: true };
    if (status.activeGeneration !== undefined && status.version === version) return { ref: { projection, generation: status.activeGeneration }, building: false };
    return undefined;
  };
  const chosen = adopt(await readStore.status(projection));
  if (chosen !== undefined) return chosen;
  await sleep(Math.random() * START_JITTER_MS);
  const status = await readStore.status(projection);
  const seen = adopt(status);
  if (seen !== undefined) return seen;
  if (!mayReplace && (status.activeGeneration !== undefined || status.rebuildingGeneration !== undefined))
    throw new Error(`${projection} (Kafka): no generation of version ${version} left to follow; restart this projector`);
  const ref = { projection, generation: await readStore.startGeneration(projection, version) };
  return adopt(await readStore.status(projection)) ?? { ref, building: true };
};

/**
 * Activates a generation being built once its group has consumed every partition up to the recorded ends;
 * answers whether it is active. Throws UnknownGenerationError when a newer build replaced it meanwhile.
 */
export const activateIfConsumed = async (readStore: ReadStore, ref: GenerationRef, ends: Map<number, number>, committed: Map<number, number>): Promise<boolean> => {
  for (const [partition, end] of ends) if ((committed.get(partition) ?? 0) < end) return false;
  const status = await readStore.status(ref.projection);
  if (status.activeGeneration === ref.generation) return true;
  // Replaced by a newer build meanwhile: never activate (and so drop the active one for) a dropped build.
  if (status.rebuildingGeneration !== ref.generation) throw new UnknownGenerationError(ref.projection, ref.generation);
  await readStore.activate(ref);
  // Two different builds activated at the same moment may drop each other (the store has no transaction).
  if ((await readStore.status(ref.projection)).activeGeneration !== ref.generation) throw new UnknownGenerationError(ref.projection, ref.generation);
  return true;
};
