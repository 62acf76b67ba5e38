import { createHash } from 'node:crypto';
import type { CaeChainReport, RecordedEvent, VerifyReport } from './event-store';

/** The previous hash of the first event of every CAE. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted recursively and no whitespace; arrays keep their order.
 * Follows JSON.stringify for everything else (toJSON, undefined, functions, non-finite numbers), so
 * canonicalJson(x) === canonicalJson(JSON.parse(JSON.stringify(x))): a value hashes the same before and
 * after a trip through a JSON column.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalOrUndefined(value, '');
  if (text === undefined) throw new TypeError('canonicalJson: value has no JSON representation');
  return text;
}

function canonicalOrUndefined(value: unknown, key: string): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(key: string): unknown }).toJSON(key);
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    return `[${value.map((item, index) => canonicalOrUndefined(item, String(index)) ?? 'null').join(',')}]`;
  }
  const members: string[] = [];
  for (const name of Object.keys(value).sort()) {
    const member = canonicalOrUndefined((value as Record<string, unknown>)[name], name);
    if (member !== undefined) members.push(`${JSON.stringify(name)}:${member}`);
  }
  return `{${members.join(',')}}`;
}

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

/**
 * Recomputes the per-CAE chains of events given in global order. Memory is bounded by the number of CAEs,
 * so callers should stream the log page by page. After a break the chain goes on from the recomputed hash,
 * so `head` is what the chain should end with; only the first break of each CAE is reported.
 */
export async function verifyChain(events: Iterable<RecordedEvent> | AsyncIterable<RecordedEvent>): Promise<VerifyReport> {
  const caes = new Map<string, CaeChainReport>();
  let count = 0;
  for await (const event of events) {
    const { caeId } = event.metadata;
    let cae = caes.get(caeId);
    if (cae === undefined) {
      cae = { caeId, events: 0, ok: true, head: GENESIS_HASH };
      caes.set(caeId, cae);
    }
    const expected = chainHash(cae.head, event);
    if (cae.ok && event.hash !== expected) {
      cae.ok = false;
      cae.firstBrokenPosition = event.position;
    }
    cae.head = expected;
    cae.events++;
    count++;
  }
  const reports = [...caes.values()];
  const broken = reports.flatMap((cae) => (cae.firstBrokenPosition === undefined ? [] : [cae.firstBrokenPosition]));
  return {
    ok: broken.length === 0,
    events: count,
    caes: reports,
    ...(broken.length > 0 ? { firstBrokenPosition: Math.min(...broken) } : {}),
  };
}
