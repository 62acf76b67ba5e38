import type { EventMetadata, RecordedEvent } from '../event-store';
import { logRevisionToPosition } from './revisions';
import { esdbEventId } from './stream-names';

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
