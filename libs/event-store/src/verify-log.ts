import type { CaeChainReport, RecordedEvent, StoredCommand, VerifyReport } from './event-store';
import { chainHash, GENESIS_HASH, logHead } from './chain-hash';
import { recordCursor, type Source } from './record-cursor';
import { checkHighestWritten, checkRecord, FindingList, missingMessage, orphaned } from './verify-findings';

export { MAX_FINDINGS } from './verify-findings';

/** Everything verify compares, as an adapter reads it (heads and highest position from one snapshot). */
export interface LogToVerify {
  /** The events in global order up to headPosition (only the CAE's when caeId is given). */
  events: Source<RecordedEvent>;
  /** The log's last position when verify started. */
  headPosition: number;
  /** The chain heads the adapter stores, given the CAEs whose events were seen (as of headPosition). */
  storedHeads(seenCaeIds: string[]): Promise<ReadonlyMap<string, string>>;
  /** The command records in position order, up to the highest position ever written. */
  records: Source<StoredCommand>;
  /** The highest position the adapter ever wrote and its hash, when it keeps them. */
  highestWritten?: { position: number; hash: string };
  caeId?: string;
  headAt?: number;
}

/**
 * Recomputes the per-CAE chains and compares them with what the adapter stores. Memory is bounded by the
 * number of CAEs (events and records are streamed, merged by position). After a break the chain goes on from
 * the recomputed hash, so `head` is what the chain should end with; only the first break of each CAE is reported.
 */
export async function verifyLog(log: LogToVerify): Promise<VerifyReport> {
  const wholeLog = log.caeId === undefined;
  const caes = new Map<string, CaeChainReport>();
  const lastStoredHash = new Map<string, string>();
  const findings = new FindingList();
  const records = recordCursor(log.records);
  let count = 0;
  let nextPosition = 1;
  let firstMissingPosition: number | undefined;
  let lastHash: string | undefined;
  let headAt: string | undefined;
  const heads = () => new Map([...caes].map(([caeId, cae]) => [caeId, cae.head]));

  for await (const event of log.events) {
    if (log.headAt !== undefined && headAt === undefined && event.position > log.headAt) headAt = logHead(log.headAt, heads());
    if (wholeLog && event.position > nextPosition) {
      firstMissingPosition ??= nextPosition;
      findings.add({ code: 'POSITIONS_MISSING', position: nextPosition, message: missingMessage(nextPosition, event.position - 1) });
    }
    nextPosition = event.position + 1;
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
      findings.add({ code: 'CHAIN_BROKEN', caeId, position: event.position, message: `CAE ${caeId}: the hash chain breaks at position ${event.position} (the event or its hash was altered).` });
    }
    cae.head = expected;
    cae.events++;
    count++;
    lastStoredHash.set(caeId, event.hash);
    lastHash = event.hash;
    await records.skipBefore(event.position, (orphan) => wholeLog && findings.add(orphaned(orphan)));
    checkRecord(event, await records.at(event.position), wholeLog, findings);
  }
  if (log.headAt !== undefined && headAt === undefined && log.headPosition >= log.headAt) headAt = logHead(log.headAt, heads());

  if (wholeLog) {
    if (nextPosition <= log.headPosition) {
      firstMissingPosition ??= nextPosition;
      findings.add({ code: 'POSITIONS_MISSING', position: nextPosition, message: missingMessage(nextPosition, log.headPosition) });
    }
    await records.skipBefore(Infinity, (orphan) => findings.add(orphaned(orphan)));
    checkHighestWritten(log, lastHash, findings);
  }

  const stored = await log.storedHeads([...caes.keys()]);
  for (const [caeId, storedHead] of stored) {
    if ((log.caeId ?? caeId) !== caeId || caes.has(caeId)) continue;
    caes.set(caeId, { caeId, events: 0, ok: false, head: GENESIS_HASH, storedHead });
    findings.add({ code: 'STORED_HEAD_MISMATCH', caeId, message: `CAE ${caeId}: a chain head is stored but the log holds none of its events (they were removed).` });
  }
  for (const cae of caes.values()) {
    if (cae.events === 0) continue;
    const storedHead = stored.get(cae.caeId);
    if (storedHead !== undefined) cae.storedHead = storedHead;
    if (storedHead !== lastStoredHash.get(cae.caeId)) {
      cae.ok = false;
      findings.add({
        code: 'STORED_HEAD_MISMATCH',
        caeId: cae.caeId,
        message:
          storedHead === undefined
            ? `CAE ${cae.caeId}: no chain head is stored for its ${cae.events} events.`
            : `CAE ${cae.caeId}: the stored chain head is not the hash of its last event (its last events were removed, or the head altered).`,
      });
    }
  }

  const reports = [...caes.values()];
  const broken = reports.flatMap((cae) => (cae.firstBrokenPosition === undefined ? [] : [cae.firstBrokenPosition]));
  return {
    ok: findings.total === 0,
    events: count,
    caes: reports,
    ...(broken.length > 0 ? { firstBrokenPosition: Math.min(...broken) } : {}),
    headPosition: log.headPosition,
    ...(firstMissingPosition !== undefined ? { firstMissingPosition } : {}),
    ...(wholeLog ? { logHead: logHead(log.headPosition, heads()) } : {}),
    ...(wholeLog && headAt !== undefined ? { headAt } : {}),
    findings: findings.listed,
    ...(findings.total > findings.listed.length ? { findingsNotListed: findings.total - findings.listed.length } : {}),
  };
}
