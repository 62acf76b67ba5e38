import type { IntegrityProblem } from './event-store';

/**
 * Version of the log's format. 2: stream names join ids with "/", personal-data keys are per person kind, the
 * last event of each command carries the digest of its record, and the highest position written is kept.
 */
export const LOG_FORMAT_VERSION = 2;

const VERIFY = 'An operator must run `npm run cli -- verify` to see what was removed, and restore the data directory from a backup.';

/** The log ends below the highest position it ever wrote: its last events were removed. */
export function headProblem(headPosition: number, highestWritten: number | undefined): IntegrityProblem | undefined {
  if (highestWritten === undefined || headPosition >= highestWritten) return undefined;
  return {
    code: 'LOG_HEAD_WENT_BACKWARDS',
    message: `The event log went backwards: it ends at position ${headPosition}, but position ${highestWritten} was written. Appends are refused. ${VERIFY}`,
    details: { headPosition, highestWritten },
  };
}

/** The stream's last events are gone while its revision says they were written: appending would conflict forever. */
export function streamTruncated(streamId: string, lastRevision: number, writtenRevision: number): IntegrityProblem {
  return {
    code: 'LOG_TAMPERED',
    message: `Stream ${streamId}: the log holds its events up to revision ${lastRevision}, but revision ${writtenRevision} was written: its last events were removed. Appends to it are refused. ${VERIFY}`,
    details: { streamId, lastRevision, writtenRevision },
  };
}

/** Events of the command are in the log but its record is not: appending it again would apply it twice. */
export function commandRecordMissing(commandId: string, position: number): IntegrityProblem {
  return {
    code: 'COMMAND_RECORD_MISSING',
    message: `Command ${commandId} already has events in the log (position ${position}) but its record is missing, so it is not applied again. ${VERIFY}`,
    details: { commandId, position },
  };
}

/** A log written in another format: refused at open, with what to do. */
export function formatProblem(version: number, where: string): IntegrityProblem | undefined {
  if (version === LOG_FORMAT_VERSION) return undefined;
  const what =
    version > LOG_FORMAT_VERSION
      ? `was written by a newer version of Alvéole (log format ${version}, this one reads ${LOG_FORMAT_VERSION}). Run that version.`
      : `was written by an earlier version of Alvéole (log format ${version}, this one reads ${LOG_FORMAT_VERSION}), which it cannot read correctly. ` +
        'Either move the data directory aside and start again (the demo network is imported again), ' +
        'or re-import your command history into an empty DATA_DIR with `npm run cli -- import history.jsonl`.';
  return { code: 'LOG_FORMAT_OUTDATED', message: `The event log ${where} ${what}`, details: { version, expected: LOG_FORMAT_VERSION } };
}
