import type { GenerationRef, ReadStore, StoredDoc } from '../../../read-store';
import type { Doc, DocReader, DocRef, DocUpdate, Projection, ProjectedEvent } from '../../../../projections/projection';

/** One key per document of a generation: collection and id. */
export const keyOf = (ref: DocRef): string => `${ref.collection}\u0000${ref.id}`;

/** The documents a batch concerns, read once (one getMany per collection), the missing ones included. */
export const readDocuments = async (
  readStore: ReadStore,
  ref: GenerationRef,
  refs: readonly DocRef[],
): Promise<Map<string, DocRef & { stored: StoredDoc | undefined }>> => {
  const byCollection = new Map<string, Set<string>>();
  for (const r of refs) byCollection.set(r.collection, (byCollection.get(r.collection) ?? new Set()).add(r.id));
  const read = new Map<string, DocRef & { stored: StoredDoc | undefined }>();
  for (const [collection, ids] of byCollection) {
    const found = await readStore.getMany(ref, collection, [...ids]);
    for (const id of ids) read.set(keyOf({ collection, id }), { collection, id, stored: found.get(id) });
  }
  return read;
};

/**
 * Applies one event, letting the projection read and write only the documents its documentsFor declared (an
 * undeclared one is a bug in the projection: it throws). `get` gives a declared document's current state.
 */
export const applyDeclared = (
  projection: Projection,
  event: ProjectedEvent,
  refs: readonly DocRef[],
  get: (key: string) => Doc | undefined,
): (DocUpdate & { key: string })[] => {
  const declared = new Set(refs.map(keyOf));
  if (declared.size === 0) return [];
  const reader: DocReader = {
    get: (collection, id) => {
      const key = keyOf({ collection, id });
      if (!declared.has(key)) throw new Error(`${projection.name} read ${key} for ${event.type} without declaring it`);
      return get(key);
    },
  };
  return projection.apply(event, reader).map((update) => {
    const key = keyOf(update);
    if (!declared.has(key)) throw new Error(`${projection.name} wrote ${key} for ${event.type} without declaring it`);
    return { ...update, key };
  });
};
