import { BACKWARDS, END } from '@eventstore/db-client';
import type { EventStore, RecordedEvent, StoredCommand, VerifyOptions, VerifyReport } from '../event-store';
import { GENESIS_HASH } from '../chain-hash';
import { verifyLog } from '../verify-log';
import type { LogIndexes } from './indexes';
import { MAX_GROUP_EVENTS } from './log-append';
import { type EsdbReads, recordedOf } from './reads';

const VERIFY_PAGE = 1000;

/** The store's own reads, which refuse once it is closed. */
type StoreReads = Pick<EventStore, 'readAll' | 'findCommand'>;

/**
 * verifyLog over the log stream, page by page, comparing each CAE's chain index with the recomputed chain and each
 * command record with the digest its command's last event carries.
 */
export async function verifyEsdbLog(store: StoreReads, reads: EsdbReads, indexes: LogIndexes, options: VerifyOptions): Promise<VerifyReport> {
  // Appends made while verifying are left for the next run, so a busy log cannot keep verify from ending.
  const headPosition = await indexes.rollForward();
  const [last] = headPosition === 0 ? [] : await store.readAll(headPosition, { limit: 1 });
  return verifyLog({
    events: eventsUpTo(store, headPosition, options.caeId),
    headPosition,
    storedHeads: async (caeIds) => new Map(await Promise.all(caeIds.map(async (caeId) => [caeId, await chainHeadAt(reads, caeId, headPosition)] as const))),
    records: recordsUpTo(store, headPosition),
    // The log stream only grows (EventStoreDB cannot delete its last events): its last event is the highest written.
    ...(last !== undefined ? { highestWritten: { position: last.position, hash: last.hash } } : {}),
    ...options,
  });
}

/** The CAE's chain head as of a position: the last entry of its chain index at or below it. */
async function chainHeadAt(reads: EsdbReads, caeId: string, position: number): Promise<string> {
  const entries = await reads.read(reads.names.chain(caeId), { direction: BACKWARDS, fromRevision: END, maxCount: MAX_GROUP_EVENTS + 1 });
  const entry = entries.map((resolved) => recordedOf(resolved).data as { position: number; hash: string }).find((link) => link.position <= position);
  return entry?.hash ?? GENESIS_HASH;
}

/** The command records of the commands whose last event is at or below lastPosition, in position order. */
async function* recordsUpTo(store: StoreReads, lastPosition: number): AsyncGenerator<StoredCommand> {
  for await (const event of eventsUpTo(store, lastPosition, undefined)) {
    if (event.metadata.commandDigest === undefined) continue;
    const record = await store.findCommand(event.metadata.commandId);
    if (record !== undefined) yield record;
  }
}

async function* eventsUpTo(store: StoreReads, lastPosition: number, caeId: string | undefined): AsyncGenerator<RecordedEvent> {
  for (let from = 1; from <= lastPosition; ) {
    const page = await store.readAll(from, { limit: Math.min(VERIFY_PAGE, lastPosition - from + 1) });
    for (const event of page) if (caeId === undefined || event.metadata.caeId === caeId) yield event;
    if (page.length === 0) return;
    from = page[page.length - 1]!.position + 1;
  }
}
