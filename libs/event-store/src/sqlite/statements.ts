import type Database from 'better-sqlite3';
import type { RecordedEvent } from '../event-store';
import { type CommandRow, EVENT_COLUMNS, type EventRow } from './rows';

export type Statements = ReturnType<typeof prepareStatements>;

/** Every query the adapter runs, prepared once per open file. */
export function prepareStatements(db: Database.Database) {
  return {
    headPosition: db.prepare<[], number>('SELECT COALESCE(MAX(position), 0) FROM events').pluck(),
    streamRevision: db.prepare<[string], number>('SELECT revision FROM streams WHERE stream_id = ?').pluck(),
    lastRevisionInEvents: db.prepare<[string], number | null>('SELECT MAX(revision) FROM events WHERE stream_id = ?').pluck(),
    chainHead: db.prepare<[string], string>('SELECT hash FROM chain_heads WHERE cae_id = ?').pluck(),
    insertEvent: db.prepare<[EventRow & { cae_id: string }]>(
      `INSERT INTO events (${EVENT_COLUMNS}, cae_id)
       VALUES (@position, @stream_id, @revision, @event_id, @type, @schema_version, @data, @metadata, @hash, @cae_id)`,
    ),
    saveStreamRevision: db.prepare<[string, number]>(
      `INSERT INTO streams (stream_id, revision) VALUES (?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision`,
    ),
    saveChainHead: db.prepare<[string, string]>(
      `INSERT INTO chain_heads (cae_id, hash) VALUES (?, ?)
       ON CONFLICT (cae_id) DO UPDATE SET hash = excluded.hash`,
    ),
    insertCommand: db.prepare<[CommandRow]>(
      `INSERT INTO commands (command_id, fingerprint, result, position, recorded_at)
       VALUES (@command_id, @fingerprint, @result, @position, @recorded_at)`,
    ),
    findCommand: db.prepare<[string], CommandRow>('SELECT * FROM commands WHERE command_id = ?'),
    eventOfCommand: db.prepare<[string], number>(`SELECT position FROM events WHERE json_extract(metadata, '$.commandId') = ? LIMIT 1`).pluck(),
    commandsInRange: db.prepare<[number, number, number], CommandRow>(
      'SELECT * FROM commands WHERE position > ? AND position <= ? ORDER BY position, command_id LIMIT ?',
    ),
    chainHeads: db.prepare<[], { cae_id: string; hash: string }>('SELECT cae_id, hash FROM chain_heads'),
    logHead: db.prepare<[], { position: number; hash: string }>('SELECT position, hash FROM log_head WHERE id = 1'),
    saveLogHead: db.prepare<[number, string]>(
      `INSERT INTO log_head (id, position, hash) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET position = excluded.position, hash = excluded.hash`,
    ),
    readStream: db.prepare<[string, number, number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE stream_id = ? AND revision >= ? AND revision <= ? ORDER BY revision LIMIT ?`,
    ),
    readAll: db.prepare<[number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ?`,
    ),
    readCae: db.prepare<[string, number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE cae_id = ? AND position >= ? ORDER BY position LIMIT ?`,
    ),
    // The types as a JSON array: rows of other types are skipped inside SQLite, never decoded.
    readTypes: db.prepare<[number, string, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? AND type IN (SELECT value FROM json_each(?)) ORDER BY position LIMIT ?`,
    ),
    readCaeTypes: db.prepare<[string, number, string, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE cae_id = ? AND position >= ? AND type IN (SELECT value FROM json_each(?)) ORDER BY position LIMIT ?`,
    ),
    readRange: db.prepare<[number, number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? AND position <= ? ORDER BY position LIMIT ?`,
    ),
    readCaeRange: db.prepare<[string, number, number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE cae_id = ? AND position >= ? AND position <= ? ORDER BY position LIMIT ?`,
    ),
  };
}

/** One stored event; a duplicate event id fails as it does in the other adapters. */
export function insertEvent(statements: Statements, event: RecordedEvent): void {
  try {
    statements.insertEvent.run({
      position: event.position,
      stream_id: event.streamId,
      revision: event.revision,
      event_id: event.eventId,
      type: event.type,
      schema_version: event.schemaVersion,
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(event.metadata),
      hash: event.hash,
      cae_id: event.metadata.caeId,
    });
  } catch (error) {
    // Same message as the in-memory adapter; the transaction rolls back either way. Matched by code, not by
    // class: the native addon keeps the SqliteError class of the first module instance that loaded it.
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' && String(message).includes('events.event_id')) {
      throw new Error(`Duplicate event id ${event.eventId}`);
    }
    throw error;
  }
}
