import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A SQLite file for secrets kept beside the log (keys, credentials): durable on acknowledgement, and what is
 * erased is overwritten with zeros in pages and free pages, not merely unlinked.
 */
export const openSecureSqlite = (file: string): Database.Database => {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // A key or an account acknowledged must survive a power cut: an event sealed with a lost key is unreadable.
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  return db;
};
