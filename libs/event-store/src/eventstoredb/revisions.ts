import { ANY, type AppendExpectedRevision, type CurrentRevision, NO_STREAM, STREAM_EXISTS } from '@eventstore/db-client';
import { type ExpectedRevision, NO_STREAM_REVISION } from '../event-store';

// Position n of the port is revision n - 1 of the log stream: consecutive, 1-based, the same in every process.

/** The port's expected revision, exactly as EventStoreDB's: -1 is "no stream", like 'no_stream'. */
export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      if (!Number.isSafeInteger(expected) || expected < NO_STREAM_REVISION) {
        throw new RangeError(`Invalid expected revision ${String(expected)}`);
      }
      return expected === NO_STREAM_REVISION ? NO_STREAM : BigInt(expected);
  }
}

/** EventStoreDB's current revision (NO_STREAM or a bigint) as the port's revision number (-1 for no stream). */
export function fromEsdbRevision(revision: CurrentRevision | bigint): number {
  if (revision === NO_STREAM) return NO_STREAM_REVISION;
  const value = Number(revision);
  if (!Number.isSafeInteger(value)) throw new RangeError(`Revision ${String(revision)} is beyond 2^53`);
  return value;
}

/** The log stream's revision of the event at a (1-based) global position. */
export function positionToLogRevision(position: number): bigint {
  if (!Number.isSafeInteger(position) || position < 1) throw new RangeError(`Invalid position ${position}`);
  return BigInt(position - 1);
}

/** The global position of the log stream's event at a (0-based) revision: revision + 1, so 1, 2, 3… without holes. */
export function logRevisionToPosition(revision: bigint): number {
  return fromEsdbRevision(revision) + 1;
}

/** The expected revision of the log stream for a writer that saw `headPosition` events (0 = empty log). */
export function logExpectedRevision(headPosition: number): AppendExpectedRevision {
  return headPosition === 0 ? NO_STREAM : positionToLogRevision(headPosition);
}
