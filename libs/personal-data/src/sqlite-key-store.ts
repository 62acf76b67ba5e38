import { randomBytes, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { openSecureSqlite } from './secure-sqlite';
import { KEY_BYTES, type KeyStore, type PersonKey } from './key-store';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS person_keys (
    key_id       TEXT PRIMARY KEY,
    cae_id       TEXT NOT NULL,
    person_id    TEXT NOT NULL,
    key          BLOB,
    created_at   TEXT NOT NULL,
    destroyed_at TEXT,
    CHECK ((key IS NULL) = (destroyed_at IS NOT NULL))
  );
  CREATE UNIQUE INDEX IF NOT EXISTS person_keys_live ON person_keys (cae_id, person_id) WHERE destroyed_at IS NULL;
  CREATE INDEX IF NOT EXISTS person_keys_person ON person_keys (cae_id, person_id);
`;

/**
 * Keys in their own SQLite file (e.g. data/keys.db), never the event log's: backups and retention of the two
 * differ, and a copy of the log alone reveals nothing. A destroyed key leaves a tombstone row without material.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(file: string) {
    this.db = openSecureSqlite(file);
    this.db.exec(SCHEMA);
    this.statements = {
      live: this.db.prepare<[string, string], { keyId: string; key: Buffer }>(
        'SELECT key_id AS keyId, key FROM person_keys WHERE cae_id = ? AND person_id = ? AND destroyed_at IS NULL',
      ),
      insert: this.db.prepare<[string, string, string, Buffer, string]>(
        'INSERT INTO person_keys (key_id, cae_id, person_id, key, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      byId: this.db.prepare<[string], { key: Buffer | null }>('SELECT key FROM person_keys WHERE key_id = ?'),
      destroy: this.db.prepare<[string, string, string]>(
        'UPDATE person_keys SET key = NULL, destroyed_at = ? WHERE cae_id = ? AND person_id = ? AND destroyed_at IS NULL',
      ),
      forgotten: this.db.prepare<[string, string], { forgotten: number }>(
        `SELECT COUNT(*) > 0 AND COUNT(*) = COUNT(destroyed_at) AS forgotten FROM person_keys WHERE cae_id = ? AND person_id = ?`,
      ),
    };
  }

  // IMMEDIATE takes the write lock first, so two processes cannot both create a key for the same person.
  private readonly issue = (caeId: string, personId: string): PersonKey => {
    const live = this.statements.live.get(caeId, personId);
    if (live) return live;
    const created = { keyId: randomUUID(), key: randomBytes(KEY_BYTES) };
    this.statements.insert.run(created.keyId, caeId, personId, created.key, new Date().toISOString());
    return created;
  };

  async keyFor(caeId: string, personId: string): Promise<PersonKey> {
    return this.db.transaction(this.issue).immediate(caeId, personId);
  }

  async keyById(keyId: string): Promise<Buffer | undefined> {
    return this.statements.byId.get(keyId)?.key ?? undefined;
  }

  async destroy(caeId: string, personId: string): Promise<{ destroyed: number }> {
    const { changes } = this.statements.destroy.run(new Date().toISOString(), caeId, personId);
    // The WAL still holds the old page images with the key: copy the erased pages back and empty it now.
    if (changes > 0) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return { destroyed: changes };
  }

  async isForgotten(caeId: string, personId: string): Promise<boolean> {
    return this.statements.forgotten.get(caeId, personId)?.forgotten === 1;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
