import { canonicalJson, type EventStore } from '../../event-store';
import type { PersonalDataVault } from '../../personal-data';
import { InMemoryReadStore, type Json, type ReadStore, type StoredDoc } from '../../read-store';
import type { Projection } from '../../../projections/projection';
import { LogView } from './as-of/log-view';
import { Projector } from './projector/projector';

export interface ReadModelDifference {
  projection: string;
  generation: number;
  collection: string;
  id: string;
  /** Where the live document and the replayed one first differ, in a line. */
  diff: string;
}

export interface ReadModelsReport {
  ok: boolean;
  /** Each projection compared: its active generation, the checkpoint replayed up to, documents compared. */
  projections: Array<{ projection: string; generation: number; checkpoint: number; documents: number }>;
  firstDifference?: ReadModelDifference;
}

const PAGE = 1000;
/** Times a projection is compared again when the live projector moved its checkpoint meanwhile. */
const ATTEMPTS = 3;

/**
 * Replays the log, up to each projection's active checkpoint, through the same projections into a throwaway
 * in-memory read store, and compares every document of every collection with the live read store: the first
 * document that differs is named. Projections without an active generation are not compared.
 */
export async function verifyReadModels(
  store: EventStore,
  readStore: ReadStore,
  vault: PersonalDataVault,
  projections: readonly Projection[],
  options: { batchSize?: number } = {},
): Promise<ReadModelsReport> {
  const report: ReadModelsReport = { ok: true, projections: [] };
  for (const projection of projections) {
    const { activeGeneration: generation } = await readStore.status(projection.name);
    if (generation === undefined) continue;
    const live = { projection: projection.name, generation };
    for (let attempt = 1; ; attempt++) {
      const checkpoint = await readStore.checkpoint(live);
      const replayStore = new InMemoryReadStore();
      const replayer = new Projector(new LogView(store, { last: checkpoint }), replayStore, vault, [projection], {
        ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
        onError: () => undefined,
      });
      const { generations } = await replayer.rebuild(projection.name);
      const replayed = { projection: projection.name, generation: generations[projection.name]! };
      const compared = await compareGeneration(projection, readStore, live, replayStore, replayed);
      const moved = (await readStore.checkpoint(live)) !== checkpoint;
      if (compared.difference !== undefined && moved && attempt < ATTEMPTS) continue;
      report.projections.push({ projection: projection.name, generation, checkpoint, documents: compared.documents });
      if (compared.difference !== undefined) return { ...report, ok: false, firstDifference: compared.difference };
      break;
    }
  }
  return report;
}

async function compareGeneration(
  projection: Projection,
  live: ReadStore,
  liveRef: { projection: string; generation: number },
  replay: ReadStore,
  replayRef: { projection: string; generation: number },
): Promise<{ documents: number; difference?: ReadModelDifference }> {
  let documents = 0;
  const differs = (collection: string, id: string, diff: string) => ({ documents, difference: { ...liveRef, collection, id, diff } });
  for (const collection of projection.collections) {
    const expected = new Map((await replay.list(replayRef, collection)).map((stored) => [stored.id, stored]));
    for (let afterId: string | undefined; ; ) {
      const page = await live.list(liveRef, collection, { limit: PAGE, ...(afterId !== undefined ? { afterId } : {}) });
      for (const stored of page) {
        documents++;
        const replayed = expected.get(stored.id);
        expected.delete(stored.id);
        const diff = replayed === undefined ? 'in the read models, but the log does not produce it' : differenceOf(stored, replayed);
        if (diff !== undefined) return differs(collection, stored.id, diff);
      }
      if (page.length < PAGE) break;
      afterId = page[page.length - 1]!.id;
    }
    const [missing] = expected.keys();
    if (missing !== undefined) return differs(collection, missing, 'produced by the log, but missing from the read models');
  }
  return { documents };
}

function differenceOf(live: StoredDoc, replayed: StoredDoc): string | undefined {
  const inDocument = firstDifference(live.doc, replayed.doc, '');
  if (inDocument !== undefined || live.position === replayed.position) return inDocument;
  return `last event applied: ${live.position} in the read models, ${replayed.position} from the log`;
}

/** The first path where two JSON values differ, with both values, shortened. */
function firstDifference(live: Json | undefined, replayed: Json | undefined, path: string): string | undefined {
  if (live === undefined ? replayed === undefined : replayed !== undefined && canonicalJson(live) === canonicalJson(replayed)) return undefined;
  const bothObjects = isObject(live) && isObject(replayed);
  const bothArrays = Array.isArray(live) && Array.isArray(replayed);
  if (bothObjects || bothArrays) {
    const keys = [...new Set([...Object.keys(live as object), ...Object.keys(replayed as object)])].sort();
    for (const key of keys) {
      const inner = firstDifference((live as Record<string, Json>)[key], (replayed as Record<string, Json>)[key], path === '' ? key : `${path}.${key}`);
      if (inner !== undefined) return inner;
    }
  }
  return `${path === '' ? 'document' : path}: ${shown(live)} in the read models, ${shown(replayed)} from the log`;
}

const isObject = (value: Json | undefined): value is { [key: string]: Json } => typeof value === 'object' && value !== null && !Array.isArray(value);

const shown = (value: Json | undefined): string => {
  const text = value === undefined ? 'absent' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};
