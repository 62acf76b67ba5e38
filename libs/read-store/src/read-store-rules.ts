import type { DocChange, ListOptions, ProjectionStatus } from './read-store';

/** Checks a batch before anything is written, so that every adapter refuses the same batches, whole. */
export function assertValidBatch(changes: DocChange[], checkpoint: number): void {
  for (const change of changes) {
    if (!Number.isSafeInteger(change.position) || change.position < 1) {
      const { collection, id, position } = change;
      throw new RangeError(`Change ${collection}/${id}: position must be a positive integer, got ${position}`);
    }
  }
  if (!Number.isSafeInteger(checkpoint) || checkpoint < 0) {
    throw new RangeError(`Checkpoint must be a non-negative integer, got ${checkpoint}`);
  }
}

export function assertValidListOptions(options: ListOptions): void {
  const { limit } = options;
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0)) {
    throw new RangeError(`List limit must be a non-negative integer, got ${limit}`);
  }
}

/** The indexed `caeId` of a document: its `caeId` field when that is a string. */
export function caeIdOf(doc: { [key: string]: unknown }): string | null {
  const caeId = doc['caeId'];
  return typeof caeId === 'string' ? caeId : null;
}

/**
 * Id order as SQLite (BINARY collation over UTF-8) and MongoDB sort strings: by code point. Plain `<` on JS
 * strings compares UTF-16 units, which puts U+E000–U+FFFF after the astral characters.
 */
export function compareIds(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const x = a.charCodeAt(index);
    const y = b.charCodeAt(index);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    // A surrogate starts a code point above U+FFFF, so it follows every other BMP unit.
    if (xSurrogate !== ySurrogate) return xSurrogate ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/**
 * A projection's status from its generations, given in ascending order: should a race ever leave two in one
 * state, the newest one wins.
 */
export function statusOf(projection: string, generations: Iterable<{ generation: number; version: number; state: string }>): ProjectionStatus {
  const status: ProjectionStatus = { projection };
  for (const { generation, version, state } of generations) {
    if (state === 'active') {
      status.activeGeneration = generation;
      status.version = version;
    } else {
      status.rebuildingGeneration = generation;
      status.rebuildingVersion = version;
    }
  }
  return status;
}
