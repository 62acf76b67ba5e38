import type { AnyBulkWriteOperation } from 'mongodb';
import type { DocChange, GenerationRef } from './read-store';
import { caeIdOf } from './read-store-rules';
import { documentKey, type DocumentRecord } from './mongo-records';

export type Operation = AnyBulkWriteOperation<DocumentRecord>;


interface PlannedDocument {
  key: string;
  /** Position stored before the batch, undefined when absent. */
  stored: number | undefined;
  /** The change that decides the document's outcome, undefined when every change is skipped. */
  last: DocChange | undefined;
  /** Whether the document exists once the batch is applied in order. */
  exists: boolean;
}

/**
 * Given the positions stored before the batch, applies the changes in order as the guard would (an upsert
 * only above the stored position, a delete only of an older document) and keeps, per document, the one write
 * that gives the same end state: an insert for a new document, a guarded update or delete of an existing one.
 * Each write stays guarded, for another writer may have moved the document since it was read.
 */
export function planWrites(
  ref: GenerationRef,
  changes: DocChange[],
  texts: Map<DocChange, string>,
  storedPositions: Map<string, number>,
): Operation[] {
  const planned = new Map<string, PlannedDocument>();
  for (const change of changes) {
    const key = documentKey(ref, change.collection, change.id);
    let plan = planned.get(key);
    if (plan === undefined) {
      const stored = storedPositions.get(key);
      plan = { key, stored, last: undefined, exists: stored !== undefined };
      planned.set(key, plan);
    }
    const current = plan.last?.position ?? plan.stored;
    if (change.doc === null) {
      if (plan.exists && current !== undefined && current < change.position) {
        plan.exists = false;
        plan.last = change;
      }
    } else if (!plan.exists || current === undefined || current < change.position) {
      plan.exists = true;
      plan.last = change;
    }
  }
  const writes: Operation[] = [];
  for (const { key, stored, last, exists } of planned.values()) {
    if (last === undefined) continue;
    if (!exists) {
      if (stored !== undefined) writes.push({ deleteOne: { filter: { _id: key, position: { $lt: last.position } } } });
    } else {
      const text = texts.get(last)!;
      // A new document is inserted: on FerretDB v1 an upsert that matches nothing is far slower than an insert.
      writes.push(stored === undefined ? { insertOne: { document: { _id: key, ...recordOf(ref, last, text) } } } : guardedUpdate(ref, key, last, text));
    }
  }
  return writes;
}

/**
 * Not an upsert: matching nothing means another writer stored a newer version, or deleted the document with a
 * newer position, since it was read; either way the change is superseded. (And on FerretDB v1 an upsert that
 * matches nothing is slow.)
 */
function guardedUpdate(ref: GenerationRef, key: string, change: DocChange, text: string): Operation {
  const filter = { _id: key, position: { $lt: change.position } };
  return { updateOne: { filter, update: { $set: recordOf(ref, change, text) } } };
}

function recordOf(ref: GenerationRef, change: DocChange, text: string): Omit<DocumentRecord, '_id'> {
  const { collection, id, doc, position } = change;
  return { projection: ref.projection, generation: ref.generation, collection, id, caeId: caeIdOf(doc ?? {}), doc: text, position };
}

/** Each upsert's JSON text, made before anything is written: a document that cannot be fails the batch whole. */
export function serialise(changes: DocChange[]): Map<DocChange, string> {
  const texts = new Map<DocChange, string>();
  for (const change of changes) if (change.doc !== null) texts.set(change, JSON.stringify(change.doc));
  return texts;
}
