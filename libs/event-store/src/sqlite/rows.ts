import type { RecordedEvent, StoredCommand } from '../event-store';

/** The columns an event is read back from, in RecordedEvent's order. */
export const EVENT_COLUMNS = 'position, stream_id, revision, event_id, type, schema_version, data, metadata, hash';

/** Rows of the events and commands tables, as better-sqlite3 returns them. */
export interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  hash: string;
}

export interface CommandRow {
  command_id: string;
  fingerprint: string;
  result: string;
  position: number;
  recorded_at: string;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data) as Record<string, unknown>,
    metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
    hash: row.hash,
  };
}

export function toStoredCommand(row: CommandRow): StoredCommand {
  return {
    commandId: row.command_id,
    fingerprint: row.fingerprint,
    result: JSON.parse(row.result),
    position: row.position,
    recordedAt: row.recorded_at,
  };
}
