import { createHash } from 'node:crypto';
import type { CaeChainReport, CommandRecord, RecordedEvent, StoredCommand, VerifyFinding, VerifyReport } from './event-store';

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

/** SHA-256 of the canonical command record: stamped into its command's last event, so the chain covers it. */
export function commandDigest(record: CommandRecord): string {
  const canonical = canonicalJson({ commandId: record.commandId, fingerprint: record.fingerprint, result: record.result ?? null });
  return createHash('sha256').update(canonical).digest('hex');
}

/** `<position>:<hash>` where the hash digests every CAE's chain head as of that position. */
export function logHead(position: number, heads: ReadonlyMap<string, string>): string {
  return `${position}:${createHash('sha256').update(canonicalJson(Object.fromEntries(heads))).digest('hex')}`;
}

/** Findings listed in a report; more are only counted, so a wrecked log cannot exhaust memory. */
export const MAX_FINDINGS = 1000;

type Source<T> = Iterable<T> | AsyncIterable<T>;

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
  const records = merge(log.records);
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

function checkRecord(event: RecordedEvent, record: StoredCommand | undefined, wholeLog: boolean, findings: FindingList): void {
  const { commandId, commandDigest: digest } = event.metadata;
  const position = event.position;
  if (record !== undefined && record.commandId !== commandId) {
    if (wholeLog) findings.add(orphaned(record));
    record = undefined;
  }
  if (digest === undefined) {
    if (record !== undefined && wholeLog) findings.add(orphaned(record));
    return;
  }
  if (record === undefined) {
    findings.add({ code: 'COMMAND_RECORD_MISSING', commandId, position, message: `Command ${commandId}: its record is missing (its last event is at position ${position}).` });
  } else if (commandDigest(record) !== digest) {
    findings.add({ code: 'COMMAND_RECORD_ALTERED', commandId, position, message: `Command ${commandId}: its record does not match the digest its last event (position ${position}) carries.` });
  }
}

function checkHighestWritten(log: LogToVerify, lastHash: string | undefined, findings: FindingList): void {
  const written = log.highestWritten;
  if (written === undefined) {
    if (log.headPosition > 0) findings.add({ code: 'LOG_HEAD_MISMATCH', message: `The log holds ${log.headPosition} events but no record of the highest position written.` });
    return;
  }
  if (written.position > log.headPosition) {
    findings.add({
      code: 'LOG_HEAD_WENT_BACKWARDS',
      position: written.position,
      message: `The log ends at ${log.headPosition}, but position ${written.position} was written: its last events were removed.`,
    });
  } else if (written.position < log.headPosition || written.hash !== lastHash) {
    findings.add({
      code: 'LOG_HEAD_MISMATCH',
      position: written.position,
      message: `The highest position written (${written.position}) and its hash are not the log's last event (${log.headPosition}): events were written behind the log's back.`,
    });
  }
}

const missingMessage = (from: number, to: number): string =>
  from === to ? `Position ${from} is missing from the log.` : `Positions ${from} to ${to} are missing from the log.`;

const orphaned = (record: StoredCommand): VerifyFinding => ({
  code: 'COMMAND_RECORD_ORPHANED',
  commandId: record.commandId,
  position: record.position,
  message: `Command ${record.commandId}: its record points at position ${record.position}, where the log holds no last event of that command.`,
});

class FindingList {
  readonly listed: VerifyFinding[] = [];
  total = 0;

  add(finding: VerifyFinding): void {
    this.total++;
    if (this.listed.length < MAX_FINDINGS) this.listed.push(finding);
  }
}

/** Walks records in position order alongside the events. */
function merge(source: Source<StoredCommand>) {
  const iterator = (Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]()) as
    | AsyncIterator<StoredCommand>
    | Iterator<StoredCommand>;
  let next: StoredCommand | undefined;
  let done = false;
  const peek = async (): Promise<StoredCommand | undefined> => {
    if (next === undefined && !done) {
      const result = await iterator.next();
      if (result.done) done = true;
      else next = result.value;
    }
    return next;
  };
  const take = (): StoredCommand => {
    const taken = next!;
    next = undefined;
    return taken;
  };
  return {
    /** Passes over the records before the position: none of them can match an event any more. */
    async skipBefore(position: number, onSkipped: (record: StoredCommand) => unknown): Promise<void> {
      for (let record = await peek(); record !== undefined && record.position < position; record = await peek()) onSkipped(take());
    },
    /** The record at the position, if any (a second one there is left for skipBefore, as an orphan). */
    async at(position: number): Promise<StoredCommand | undefined> {
      return (await peek())?.position === position ? take() : undefined;
    },
  };
}
