import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { CommandRecord, RecordedEvent } from './event-store';

/** The previous hash of the first event of every CAE. */
export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 (hex) of previousHash ‖ the canonical bytes of the stored event (every stored field but the hash). */
export function chainHash(previousHash: string, event: Omit<RecordedEvent, 'hash'>): string {
  const stored = {
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
  };
  return createHash('sha256').update(previousHash).update(canonicalJson(stored)).digest('hex');
}

/** SHA-256 of the canonical command record: stamped into its command's last event, so the chain covers it. */
export function commandDigest(record: CommandRecord): string {
  const canonical = canonicalJson({ commandId: record.commandId, fingerprint: record.fingerprint, result: record.result ?? null });
  return createHash('sha256').update(canonical).digest('hex');
}

/** `<position>:<hash>` where the hash digests every CAE's chain head as of that position. */
export function logHead(position: number, heads: ReadonlyMap<string, string>): string {
  return `${position}:${createHash('sha256').update(canonicalJson(Object.fromEntries(heads))).digest('hex')}`;
}
