import {
  type AppendOutcome,
  type CommandRecord,
  type ExpectedRevision,
  NO_STREAM_REVISION,
  type RecordedEvent,
  type StreamAppend,
  WrongExpectedRevisionError,
} from './event-store';
import { chainHash, commandDigest } from './chain-hash';

/** What an adapter knows of its log at the start of an append (read inside its transaction). */
export interface AppendState {
  headPosition: number;
  streamRevision(streamId: string): number;
  /** Hash of the CAE's last event, GENESIS_HASH if it has none. */
  chainHead(caeId: string): string;
}

/** Everything an adapter must write, computed before anything is written. */
export interface AppendPlan extends AppendOutcome {
  /** New hash of every CAE written. */
  chainHeads: Map<string, string>;
}

export function satisfies(expected: ExpectedRevision, actual: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === NO_STREAM_REVISION;
    case 'stream_exists':
      return actual > NO_STREAM_REVISION;
    default:
      return actual === expected;
  }
}

/**
 * Checks every expectation and builds the stored events (revisions, consecutive positions, per-CAE hashes).
 * A stream append with no events only guards the stream's revision; a call with no event at all is refused,
 * as there would be nothing to order or to anchor a command record to. The same stream may appear twice:
 * the second expectation sees the first one's events. The command's record, when given, is digested into the
 * metadata of its last event, so the chain covers it.
 */
export function planAppend(appends: StreamAppend[], state: AppendState, command?: CommandRecord): AppendPlan {
  if (!appends.some((append) => append.events.length > 0)) {
    throw new Error('appendToStreams: nothing to append (at least one event is required)');
  }
  const revisions = new Map<string, number>();
  const chainHeads = new Map<string, string>();
  const events: RecordedEvent[] = [];
  let position = state.headPosition;
  const lastOfCommand = command === undefined ? undefined : appends.flatMap((append) => append.events).pop();
  for (const { streamId, expectedRevision, events: toAppend } of appends) {
    let revision = revisions.get(streamId) ?? state.streamRevision(streamId);
    if (!satisfies(expectedRevision, revision)) {
      throw new WrongExpectedRevisionError(streamId, expectedRevision, revision);
    }
    for (const event of toAppend) {
      const { caeId } = event.metadata;
      if (typeof caeId !== 'string' || caeId === '') throw new Error(`Event ${event.eventId}: metadata.caeId is required`);
      // The log finds a command's events by this id, also when its record is gone (see log-integrity.ts).
      if (command !== undefined && event.metadata.commandId !== command.commandId) {
        throw new Error(`Event ${event.eventId}: metadata.commandId must be the command's (${command.commandId})`);
      }
      const unhashed = {
        streamId,
        revision: ++revision,
        position: ++position,
        eventId: event.eventId,
        type: event.type,
        schemaVersion: event.schemaVersion,
        // A JSON round trip stores exactly what a JSON column would give back, detached from the caller's objects.
        data: cloneJson(event.data),
        metadata: cloneJson(event === lastOfCommand ? { ...event.metadata, commandDigest: commandDigest(command!) } : event.metadata),
      };
      const hash = chainHash(chainHeads.get(caeId) ?? state.chainHead(caeId), unhashed);
      chainHeads.set(caeId, hash);
      events.push({ ...unhashed, hash });
    }
    if (toAppend.length > 0) revisions.set(streamId, revision);
  }
  return { events, lastPosition: position, revisions: Object.fromEntries(revisions), chainHeads };
}

export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
