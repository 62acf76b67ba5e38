import { commandDigest } from './chain-hash';
import type { RecordedEvent, StoredCommand, VerifyFinding } from './event-store';
import type { LogToVerify } from './verify-log';

/** Findings listed in a report; more are only counted, so a wrecked log cannot exhaust memory. */
export const MAX_FINDINGS = 1000;

/** The command record at an event's position against the digest the event carries. */
export function checkRecord(event: RecordedEvent, record: StoredCommand | undefined, wholeLog: boolean, findings: FindingList): void {
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

/** The highest position ever written against the log's last event. */
export function checkHighestWritten(log: LogToVerify, lastHash: string | undefined, findings: FindingList): void {
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

export const missingMessage = (from: number, to: number): string =>
  from === to ? `Position ${from} is missing from the log.` : `Positions ${from} to ${to} are missing from the log.`;

export const orphaned = (record: StoredCommand): VerifyFinding => ({
  code: 'COMMAND_RECORD_ORPHANED',
  commandId: record.commandId,
  position: record.position,
  message: `Command ${record.commandId}: its record points at position ${record.position}, where the log holds no last event of that command.`,
});

export class FindingList {
  readonly listed: VerifyFinding[] = [];
  total = 0;

  add(finding: VerifyFinding): void {
    this.total++;
    if (this.listed.length < MAX_FINDINGS) this.listed.push(finding);
  }
}
