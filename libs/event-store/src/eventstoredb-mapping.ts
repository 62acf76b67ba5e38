/**
 * Pure mappings between the event-log port and EventStoreDB (`@eventstore/db-client` 6.x), kept apart from the
 * adapter so they are unit-tested without a server. See eventstoredb-event-store.ts for the design.
 */
import { createHash } from 'node:crypto';
import {
  ANY,
  type AppendExpectedRevision,
  type CurrentRevision,
  NO_STREAM,
  STREAM_EXISTS,
} from '@eventstore/db-client';
import { type EventMetadata, type ExpectedRevision, NO_STREAM_REVISION, type RecordedEvent } from './event-store';

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

/** The global position of the log stream's event at a (0-based) revision: revision + 1, so 1, 2, 3… gapless. */
export function logRevisionToPosition(revision: bigint): number {
  return fromEsdbRevision(revision) + 1;
}

/** The expected revision of the log stream for a writer that saw `headPosition` events (0 = empty log). */
export function logExpectedRevision(headPosition: number): AppendExpectedRevision {
  return headPosition === 0 ? NO_STREAM : positionToLogRevision(headPosition);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * EventStoreDB wants a UUID per event: the port's eventId when it is one, else a UUID derived from it
 * (SHA-256, formatted as a version-5-like UUID), so the same eventId always gets the same id.
 */
export function esdbEventId(eventId: string): string {
  if (UUID.test(eventId)) return eventId.toLowerCase();
  const hex = createHash('sha256').update(eventId).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The command record carried by the last event a command appended (written in the same atomic batch). */
export interface CommandEnvelope {
  commandId: string;
  fingerprint: string;
  result: unknown;
  recordedAt: string;
}

/**
 * What the adapter keeps in the EventStoreDB metadata of each event of the log stream: the port's metadata
 * plus what EventStoreDB does not carry (logical stream and revision, hash, schema version, the event's rank in
 * its CAE's chain) and the extent of the atomic batch it was written in, so anyone can finish indexing it.
 */
export interface LogEnvelope {
  alveole: 1;
  eventId: string;
  streamId: string;
  revision: number;
  position: number;
  schemaVersion: number;
  hash: string;
  /** 0-based rank of the event in its CAE's hash chain. */
  caeIndex: number;
  /** First and last positions of the batch this event was appended with (one EventStoreDB append). */
  batch: { first: number; last: number };
  metadata: EventMetadata;
  command?: CommandEnvelope;
}

export interface EsdbEventToWrite {
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: LogEnvelope;
}

/** EventStoreDB keeps types starting with "$" for itself: such an event is refused before anything is written. */
export function assertNotReservedType(event: { eventId: string; type: string }): void {
  if (event.type.startsWith('$')) throw new Error(`Event ${event.eventId}: type ${event.type} is reserved for EventStoreDB`);
}

export function encodeLogEvent(
  event: RecordedEvent,
  extras: { caeIndex: number; batch: { first: number; last: number }; command?: CommandEnvelope },
): EsdbEventToWrite {
  assertNotReservedType(event);
  return {
    id: esdbEventId(event.eventId),
    type: event.type,
    data: event.data,
    metadata: {
      alveole: 1,
      eventId: event.eventId,
      streamId: event.streamId,
      revision: event.revision,
      position: event.position,
      schemaVersion: event.schemaVersion,
      hash: event.hash,
      caeIndex: extras.caeIndex,
      batch: extras.batch,
      metadata: event.metadata,
      ...(extras.command !== undefined ? { command: extras.command } : {}),
    },
  };
}

/** The minimum of an EventStoreDB recorded event the decoder needs. */
export interface EsdbRecordedLike {
  streamId: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata: unknown;
}

export function isLogEnvelope(value: unknown): value is LogEnvelope {
  const envelope = value as Partial<LogEnvelope> | null;
  return (
    typeof envelope === 'object' &&
    envelope !== null &&
    envelope.alveole === 1 &&
    typeof envelope.streamId === 'string' &&
    typeof envelope.position === 'number' &&
    typeof envelope.hash === 'string' &&
    typeof envelope.metadata === 'object'
  );
}

/** A log-stream event back as the port's RecordedEvent (fresh objects), with its envelope. */
export function decodeLogEvent(recorded: EsdbRecordedLike): { event: RecordedEvent; envelope: LogEnvelope } {
  const envelope = recorded.metadata;
  if (!isLogEnvelope(envelope)) {
    throw new Error(`${recorded.streamId}@${String(recorded.revision)}: not an Alvéole log event (metadata missing)`);
  }
  const position = logRevisionToPosition(recorded.revision);
  if (envelope.position !== position) {
    throw new Error(`${recorded.streamId}@${String(recorded.revision)}: stored position ${envelope.position}, expected ${position}`);
  }
  const data = recorded.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`${recorded.streamId}@${String(recorded.revision)}: data is not a JSON object`);
  }
  const event: RecordedEvent = {
    streamId: envelope.streamId,
    revision: envelope.revision,
    position,
    eventId: envelope.eventId,
    type: recorded.type,
    schemaVersion: envelope.schemaVersion,
    data: data as Record<string, unknown>,
    metadata: envelope.metadata,
    hash: envelope.hash,
  };
  return { event, envelope };
}

/** The link (type `$>`) EventStoreDB resolves to the log event at `logRevision`. */
export function linkData(logStream: string, logRevision: bigint): string {
  return `${String(logRevision)}@${logStream}`;
}

/** Names of the streams the adapter writes, all under one prefix so several logs can share a server. */
export function streamNames(prefix: string) {
  return {
    log: `${prefix}log`,
    /** Links to the log events of one logical stream, at the logical revisions. */
    stream: (streamId: string) => `${prefix}stream-${streamId}`,
    /** { position, hash } of each event of one CAE, at its rank in the chain. */
    chain: (caeId: string) => `${prefix}chain-${caeId}`,
    /** One event per stored eventId: the unicity index. */
    eventId: (eventId: string) => `${prefix}event-${eventId}`,
    /** One event per processed command: its record. */
    command: (commandId: string) => `${prefix}command-${commandId}`,
    /** The log's format version (one event). */
    format: `${prefix}format`,
  };
}

export type StreamNames = ReturnType<typeof streamNames>;

/** Exponential backoff with jitter: ~100 ms, 200 ms, 400 ms… capped at maxMs, each between half and all of it. */
export function backoffDelay(attempt: number, maxMs = 5000, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, 100 * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
