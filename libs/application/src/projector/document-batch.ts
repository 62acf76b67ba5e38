import type { DocChange, GenerationRef, ReadStore } from '../../../read-store';
import type { Doc, DocRef } from '../../../../projections/projection';
import { AppliedRevisions, withGuard, withoutGuard } from './applied-revisions';
import { keyOf, readDocuments } from './declared-documents';
import type { IncomingEvent } from './opening';
import type { QuarantiningProjection } from './quarantine';

/** An event with its stream revision, as both feeds deliver it (the projection itself only sees the event). */
export interface FedEvent {
  event: IncomingEvent;
  revision: number;
}

/**
 * How a document's write is versioned (the read store skips a change whose document holds a version >= its own):
 * - `log`: the position of the last event applied. The log orders every event, so a later write always holds
 *   more, and a clean rebuild gives every document the same version as a replayed one;
 * - `streams` (Kafka): the version read + 1, a compare-and-set, since nothing orders two streams: a lost race
 *   is read again and applied again (atomic where the store's guarded write is: SQLite, MongoDB; not FerretDB v1).
 */
export type WriteOrder = 'log' | 'streams';

/** A document written by another member between our read and our write. */
export class LostRace extends Error {}

const MAX_ATTEMPTS = 20;

/** A document as read for a batch, changed in memory as the batch's events are applied. */
interface Held extends DocRef {
  /** Without the guard, as the projection sees it (null: deleted or never written). */
  doc: Doc | null;
  /** The read store's version when read (0: none). */
  version: number;
  existed: boolean;
  applied: AppliedRevisions;
  /** The highest position applied by this batch (0: none). */
  position: number;
}

/**
 * Applies a batch of events in order to one generation's documents, read once for the whole batch, each event
 * only to the documents that do not hold it yet, and writes them with the checkpoint. A lost race (streams
 * order only) is read again and applied again; `stopping` ends the retries.
 */
export const projectBatch = async (
  readStore: ReadStore,
  ref: GenerationRef,
  guard: QuarantiningProjection,
  events: readonly FedEvent[],
  options: { order: WriteOrder; checkpoint: number; stopping?: () => boolean },
): Promise<void> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await projectOnce(readStore, ref, guard, events, options);
    } catch (error) {
      if (!(error instanceof LostRace) || attempt >= MAX_ATTEMPTS || options.stopping?.()) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(500, 10 * attempt * attempt)));
    }
  }
};

const projectOnce = async (
  readStore: ReadStore,
  ref: GenerationRef,
  guard: QuarantiningProjection,
  events: readonly FedEvent[],
  options: { order: WriteOrder; checkpoint: number },
): Promise<void> => {
  const plans = events.map(({ event }) => guard.plan(event));
  const held = await read(readStore, ref, plans.flatMap((plan) => plan.refs));
  events.forEach(({ event, revision }, i) => {
    const fed = { streamId: event.streamId, revision };
    const pending = plans[i]!.refs.map((r) => held.get(keyOf(r))!).filter((doc) => !doc.applied.holds(fed));
    if (pending.length === 0) return;
    const { updates, applied } = guard.apply(event, plans[i]!, (key) => held.get(key)!.doc ?? undefined);
    const changed = new Set<Held>();
    for (const update of updates) {
      const doc = held.get(update.key)!;
      if (!pending.includes(doc)) continue;
      doc.doc = update.doc;
      changed.add(doc);
    }
    // A document the event was applied to holds it, changed or not; one it was held back from does not.
    for (const doc of applied ? pending : changed) {
      doc.applied.record(fed);
      doc.position = Math.max(doc.position, event.position);
    }
  });
  const written = [...held.values()].filter((doc) => doc.position > 0 && (doc.existed || doc.doc !== null));
  await readStore.applyBatch(ref, written.map((doc) => changeOf(doc, options.order)), options.checkpoint);
  if (events.some(({ event }) => event.type === 'PersonForgotten')) await readStore.scrub?.();
  if (options.order === 'streams') await checkWon(readStore, ref, written);
};

const changeOf = (doc: Held, order: WriteOrder): DocChange => ({
  collection: doc.collection,
  id: doc.id,
  // A deleted document keeps nothing, not even its guard.
  doc: doc.doc === null ? null : withGuard(doc.doc, doc.applied),
  position: order === 'log' ? Math.max(doc.position, doc.version + 1) : doc.version + 1,
});

/** Throws LostRace when another writer's change superseded one of ours (compare-and-set lost). */
const checkWon = async (readStore: ReadStore, ref: GenerationRef, written: Held[]): Promise<void> => {
  const after = await read(readStore, ref, written);
  for (const doc of written) {
    const now = after.get(keyOf(doc))!;
    if (doc.doc === null ? now.version > doc.version + 1 : !holdsAll(now.applied, doc.applied)) throw new LostRace();
  }
};

const holdsAll = (now: AppliedRevisions, ours: AppliedRevisions): boolean =>
  (ours.toJson() as [string, number][]).every(([streamId, revision]) => now.holds({ streamId, revision }));

const read = async (readStore: ReadStore, ref: GenerationRef, refs: readonly DocRef[]): Promise<Map<string, Held>> => {
  const held = new Map<string, Held>();
  for (const [key, { collection, id, stored }] of await readDocuments(readStore, ref, refs)) {
    const doc = stored ? (stored.doc as Doc) : undefined;
    held.set(key, {
      collection,
      id,
      doc: doc ? withoutGuard(doc) : null,
      version: stored?.position ?? 0,
      existed: stored !== undefined,
      applied: AppliedRevisions.of(doc),
      position: 0,
    });
  }
  return held;
};
