import type { GenerationRef, ReadStore } from '../../../read-store';
import type { KafkaTopic } from './kafka-topic';

export interface KafkaFeedLag {
  projection: string;
  source: 'kafka';
  topic: string;
  group: string;
  generation: number;
  /** True until the generation has caught up with the topic as it was when the build started. */
  rebuilding: boolean;
  /** Messages of the topic not yet consumed by the group (duplicates included). */
  messagesBehind: number;
  partitions: { partition: number; committed: number; end: number }[];
}

export interface KafkaFeedNotBuilt {
  projection: string;
  source: 'kafka';
  topic: string;
  state: 'not built yet';
}

/**
 * Where a feed's group stands against the end of each partition. Works from any process (the API asks it for its
 * health report): the generation is read from the read store when the asking member is not consuming.
 */
export const lagOfFeed = async (
  readStore: ReadStore,
  broker: KafkaTopic,
  projection: string,
  version: number,
  groupOf: (ref: GenerationRef) => string,
  consuming: { ref: GenerationRef; rebuilding: boolean } | undefined,
): Promise<KafkaFeedLag | KafkaFeedNotBuilt> => {
  let ref: GenerationRef;
  let rebuilding: boolean;
  if (consuming) ({ ref, rebuilding } = consuming);
  else {
    const status = await readStore.status(projection);
    const generation = status.rebuildingVersion === version ? status.rebuildingGeneration : status.version === version ? status.activeGeneration : undefined;
    if (generation === undefined) return { projection, source: 'kafka', topic: broker.name, state: 'not built yet' };
    ref = { projection, generation };
    rebuilding = status.rebuildingGeneration === generation;
  }
  const group = groupOf(ref);
  const [offsets, committed] = await Promise.all([broker.offsets(), broker.committed(group)]);
  const partitions = offsets.map((p) => ({ partition: p.partition, end: p.high, committed: committed.get(p.partition) ?? p.low })).sort((a, b) => a.partition - b.partition);
  const messagesBehind = partitions.reduce((sum, p) => sum + Math.max(0, p.end - p.committed), 0);
  return { projection, source: 'kafka', topic: broker.name, group, generation: ref.generation, rebuilding, messagesBehind, partitions };
};
