import type Database from 'better-sqlite3';
import { LogIntegrityError } from '../event-store';
import { formatProblem, LOG_FORMAT_VERSION } from '../log-integrity';

/** The log file's tables: an append writes its events and, in the same transaction, what is derived from them. */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position INTEGER PRIMARY KEY,
    stream_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    type TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    cae_id TEXT NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    hash TEXT NOT NULL,
    UNIQUE (stream_id, revision),
    UNIQUE (event_id)
  );
  CREATE INDEX IF NOT EXISTS events_by_cae ON events (cae_id, position);
  CREATE TABLE IF NOT EXISTS streams (
    stream_id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS chain_heads (
    cae_id TEXT PRIMARY KEY,
    hash TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS commands (
    command_id TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    result TEXT NOT NULL,
    position INTEGER NOT NULL,
    recorded_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS commands_by_position ON commands (position);
  -- Finds the events of a command whose record is missing, before it could be applied twice.
  CREATE INDEX IF NOT EXISTS events_by_command ON events (json_extract(metadata, '$.commandId'));
  -- The highest position ever written and its hash, in the same transaction as each append: the head cannot
  -- go backwards unseen.
  CREATE TABLE IF NOT EXISTS log_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    position INTEGER NOT NULL,
    hash TEXT NOT NULL
  );
`;

/** A new file gets the current format; a file with events in another format is refused, saying what to do. */
export function checkFormat(db: Database.Database, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const hasEvents =
    db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'`).get() !== undefined &&
    db.prepare('SELECT 1 FROM events LIMIT 1').get() !== undefined;
  const problem = hasEvents ? formatProblem(version, `in ${path}`) : undefined;
  if (problem !== undefined) throw new LogIntegrityError(problem);
  db.exec(SCHEMA);
  if (version !== LOG_FORMAT_VERSION) db.pragma(`user_version = ${LOG_FORMAT_VERSION}`);
}
