import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { generateHistory, toJsonl } from '../../libs/scenarios';

/** `verify` as an operator and an auditor run it, on the built CLI (`npm test` builds first), against edited files. */
const root = resolve(__dirname, '../..');
const cliMain = join(root, 'dist/apps/cli/src/main.js');
const apiMain = join(root, 'dist/apps/api/src/main.js');

const run = (main: string, dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, [main, ...args], { env: { ...process.env, DATA_DIR: dataDir, DEMO: 'off' }, encoding: 'utf8', timeout: 120_000 });
const cli = (dataDir: string, ...args: string[]) => run(cliMain, dataDir, ...args);

const edit = (file: string, change: (db: Database.Database) => void): void => {
  const db = new Database(file);
  try {
    change(db);
  } finally {
    db.close();
  }
};

describe('the CLI verify', () => {
  let dir: string;
  let data: string;
  beforeAll(() => {
    if (!existsSync(cliMain) || !existsSync(apiMain)) throw new Error('Build first: npm test runs `npm run build` before jest');
    dir = mkdtempSync(join(tmpdir(), 'alveole-verify-'));
    const file = join(dir, 'history.jsonl');
    writeFileSync(file, toJsonl(generateHistory({ caeId: 'audited', entrepreneurs: 3 })));
    data = join(dir, 'original');
    expect(cli(data, 'import', file).status).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A copy of the imported data directory to damage. */
  const copy = (name: string): string => {
    const target = join(dir, name);
    expect(spawnSync('cp', ['-r', data, target]).status).toBe(0);
    return target;
  };

  const recordedHead = (dataDir: string): string => {
    const verified = cli(dataDir, 'verify');
    expect(verified.status).toBe(0);
    const head = /Log head: (\d+:[0-9a-f]{64})/.exec(verified.stdout)?.[1];
    expect(head).toBeDefined();
    return head!;
  };

  it('prints a log head that --expect-head then finds matching', () => {
    const head = recordedHead(data);
    const checked = cli(data, 'verify', '--expect-head', head);
    expect(checked.status).toBe(0);
    expect(checked.stdout).toContain(`Recorded head ${head}: matches.`);
  });

  it('catches with --expect-head a truncation whose stored heads were fixed up, which verify alone cannot see', () => {
    const head = recordedHead(data);
    const truncated = copy('truncated');
    edit(join(truncated, 'events.db'), (db) => {
      const last = (db.prepare('SELECT MAX(position) FROM events').pluck().get() as number) - 3;
      db.prepare('DELETE FROM events WHERE position > ?').run(last);
      db.prepare('DELETE FROM commands WHERE position > ?').run(last);
      db.exec(`DELETE FROM chain_heads;
        INSERT INTO chain_heads SELECT cae_id, hash FROM events e WHERE position = (SELECT MAX(position) FROM events WHERE cae_id = e.cae_id);
        DELETE FROM streams WHERE stream_id NOT IN (SELECT stream_id FROM events);
        UPDATE streams SET revision = (SELECT MAX(revision) FROM events WHERE events.stream_id = streams.stream_id);`);
      db.prepare('UPDATE log_head SET position = ?, hash = (SELECT hash FROM events WHERE position = ?)').run(last, last);
    });

    const alone = cli(truncated, 'verify');
    const against = cli(truncated, 'verify', '--expect-head', head);

    expect(alone.status).toBe(0);
    expect(against.status).toBe(1);
    const position = Number(head.split(':')[0]);
    expect(against.stdout).toContain(`truncated: the log ends at ${position - 3}, below the recorded head ${position}`);
  });

  it('names what was deleted: the gap and the command record', () => {
    const damaged = copy('deleted');
    edit(join(damaged, 'events.db'), (db) => {
      db.prepare('DELETE FROM events WHERE position = 10').run();
      db.prepare('DELETE FROM commands WHERE position = (SELECT MAX(position) FROM commands WHERE position < 10)').run();
    });

    const verified = cli(damaged, 'verify');

    expect(verified.status).toBe(1);
    expect(verified.stdout).toContain('POSITIONS_MISSING: Position 10 is missing from the log.');
    expect(verified.stdout).toMatch(/COMMAND_RECORD_MISSING: Command \S+: its record is missing/);
  });

  it('names a read-model document edited in read-models.db', () => {
    const models = copy('read-models');
    expect(cli(models, 'rebuild').status).toBe(0);
    const matching = cli(models, 'verify', '--read-models');
    expect(matching.stdout).toContain('Read models match the log.');
    expect(matching.status).toBe(0);

    let edited: { projection: string; collection: string; id: string } | undefined;
    edit(join(models, 'read-models.db'), (db) => {
      edited = db
        .prepare(`SELECT projection, collection, id FROM documents d WHERE projection = 'treasury' AND generation = (SELECT generation FROM generations g WHERE g.projection = d.projection AND state = 'active') ORDER BY collection, id LIMIT 1`)
        .get() as typeof edited;
      db.prepare(`UPDATE documents SET data = json_set(data, '$.forged', 'yes') WHERE projection = ? AND collection = ? AND id = ?`).run(edited!.projection, edited!.collection, edited!.id);
    });

    const differing = cli(models, 'verify', '--read-models');

    expect(differing.status).toBe(1);
    expect(differing.stdout).toContain(`Read model differs from the log: treasury / ${edited!.collection} / ${edited!.id}: forged: "yes" in the read models, absent from the log`);
  });

  it('refuses, from the CLI and from npm start, a log of an earlier format with what to do and no stack trace', () => {
    const old = copy('old-format');
    edit(join(old, 'events.db'), (db) => db.pragma('user_version = 1'));

    for (const refused of [cli(old, 'verify'), run(apiMain, old)]) {
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('was written by an earlier version of Alvéole (log format 1, this one reads 2)');
      expect(refused.stderr).toContain('npm run cli -- import history.jsonl');
      expect(refused.stderr).not.toMatch(/^\s+at /m);
    }
  });
});
