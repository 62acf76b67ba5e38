import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '../../libs/event-store';
import { SqliteReadStore } from '../../libs/read-store';
import { generateHistory, seededRandom, toJsonl } from '../../libs/scenarios';
import { ALL_PROJECTIONS } from '../../projections';

/**
 * The projector process killed with SIGKILL at random points, during a rebuild and during live projection
 * while another process appends, restarted each time: its read models end identical to a clean rebuild.
 */
const root = resolve(__dirname, '../..');
const projectorMain = join(root, 'dist/apps/projector/src/main.js');
const cliMain = join(root, 'dist/apps/cli/src/main.js');

/** The same kill points on every run (a seeded generator), spread over the work. */
const delays = (seed: number, count: number, min: number, max: number): number[] => {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => min + Math.floor(random() * (max - min)));
};

const env = (dataDir: string) => ({ ...process.env, DATA_DIR: dataDir, PROJECTOR_BATCH_SIZE: '25' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const startProjector = (dataDir: string): ChildProcess => spawn(process.execPath, [projectorMain], { env: env(dataDir), stdio: 'ignore' });

const kill = (child: ChildProcess): Promise<void> =>
  new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGKILL');
  });

const cli = (dataDir: string, ...args: string[]) => {
  const run = spawnSync(process.execPath, [cliMain, ...args], { env: env(dataDir), encoding: 'utf8', timeout: 300_000 });
  if (run.status !== 0) throw new Error(`cli ${args.join(' ')} exited ${run.status}: ${run.stdout}\n${run.stderr}`);
  return run;
};

/** Every active read-model document with the position it was last changed at, in a fixed order. */
const dump = async (dataDir: string): Promise<string> => {
  const store = SqliteReadStore.open(join(dataDir, 'read-models.db'));
  try {
    const out: string[] = [];
    for (const projection of ALL_PROJECTIONS) {
      const { activeGeneration, version } = await store.status(projection.name);
      out.push(`# ${projection.name} v${version}`);
      if (activeGeneration === undefined) continue;
      for (const collection of projection.collections)
        for (const stored of await store.list({ projection: projection.name, generation: activeGeneration }, collection))
          out.push(`${collection}/${stored.id}@${stored.position} ${JSON.stringify(stored.doc)}`);
    }
    return out.join('\n');
  } finally {
    await store.close();
  }
};

/** Whether some projection was left part-way (0 < its checkpoint < head): the kill landed mid-work. */
const leftPartWay = async (dataDir: string): Promise<boolean> => {
  const log = SqliteEventStore.open(join(dataDir, 'events.db'));
  const store = SqliteReadStore.open(join(dataDir, 'read-models.db'));
  try {
    const head = await log.headPosition();
    for (const projection of ALL_PROJECTIONS) {
      const { activeGeneration, rebuildingGeneration } = await store.status(projection.name);
      for (const generation of [activeGeneration, rebuildingGeneration]) {
        if (generation === undefined) continue;
        const checkpoint = await store.checkpoint({ projection: projection.name, generation });
        if (checkpoint > 0 && checkpoint < head) return true;
      }
    }
    return false;
  } finally {
    await log.close();
    await store.close();
  }
};

/**
 * The read models' write-ahead log as a file: it changes as soon as a process writes a batch. Watched from outside,
 * so the watching opens no connection that would compete with the projector for the database.
 */
const readModelWrites = (dataDir: string): string => {
  try {
    const { size, mtimeMs } = statSync(join(dataDir, 'read-models.db-wal'));
    return `${size}:${mtimeMs}`;
  } catch {
    return 'none';
  }
};

/**
 * Kills a process `delay` ms after it has started writing read models (or after 30 s of nothing to do), so that a
 * slow start on a loaded machine does not turn every kill into the kill of an idle process.
 */
const killWhileWorking = async (dataDir: string, child: ChildProcess, delay: number): Promise<void> => {
  const before = readModelWrites(dataDir);
  for (let i = 0; i < 1500 && child.exitCode === null && readModelWrites(dataDir) === before; i++) await sleep(20);
  await sleep(delay);
  await kill(child);
};

/** Waits until every projection's active generation has applied the whole log. */
const caughtUp = async (dataDir: string): Promise<void> => {
  for (let i = 0; i < 1200; i++) {
    const log = SqliteEventStore.open(join(dataDir, 'events.db'));
    const store = SqliteReadStore.open(join(dataDir, 'read-models.db'));
    try {
      const head = await log.headPosition();
      let done = true;
      for (const projection of ALL_PROJECTIONS) {
        const { activeGeneration, version } = await store.status(projection.name);
        if (activeGeneration === undefined || version !== projection.version) done = false;
        else if ((await store.checkpoint({ projection: projection.name, generation: activeGeneration })) < head) done = false;
      }
      if (done) return;
    } finally {
      await log.close();
      await store.close();
    }
    await sleep(100);
  }
  throw new Error('the projector never caught up');
};

describe('a projector killed at random points', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(projectorMain) || !existsSync(cliMain)) throw new Error('Build first: npm test runs `npm run build` before jest');
    dir = mkdtempSync(join(tmpdir(), 'alveole-crash-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ends with read models identical to a clean rebuild', async () => {
    const live = join(dir, 'live');
    const first = join(dir, 'first.jsonl');
    const second = join(dir, 'second.jsonl');
    writeFileSync(first, toJsonl(generateHistory({ caeId: 'crash-a', entrepreneurs: 30 })));
    writeFileSync(second, toJsonl(generateHistory({ caeId: 'crash-b', entrepreneurs: 30, year: 2017 })));
    cli(live, 'import', first);

    // During the first build of every projection.
    const partWay: boolean[] = [];
    for (const delay of delays(7, 4, 0, 400)) {
      await killWhileWorking(live, startProjector(live), delay);
      partWay.push(await leftPartWay(live));
    }

    // During live projection, while another process appends.
    const importer = spawn(process.execPath, [cliMain, 'import', second], { env: env(live), stdio: 'ignore' });
    const imported = new Promise<number | null>((done) => importer.once('exit', (code) => done(code)));
    for (const delay of delays(11, 5, 0, 400)) {
      await killWhileWorking(live, startProjector(live), delay);
      partWay.push(await leftPartWay(live));
    }
    expect(await imported).toBe(0);

    // During an operator's rebuild (blue/green): the next projector resumes the generation left behind.
    for (const delay of delays(13, 3, 0, 400)) {
      await killWhileWorking(live, spawn(process.execPath, [cliMain, 'rebuild'], { env: env(live), stdio: 'ignore' }), delay);
      partWay.push(await leftPartWay(live));
    }
    // The kills did interrupt work in progress (not only idle processes), several times.
    console.log(`${partWay.filter(Boolean).length} of ${partWay.length} kills interrupted work in progress`);
    expect(partWay.filter(Boolean).length).toBeGreaterThanOrEqual(3);

    const last = startProjector(live);
    try {
      await caughtUp(live);
    } finally {
      await kill(last);
    }

    // A clean rebuild of the same log in another directory.
    const clean = join(dir, 'clean');
    mkdirSync(clean);
    for (const file of ['events.db', 'keys.db']) {
      // Every process has stopped; the WAL files hold the latest commits, so they are copied with the main file.
      copyFileSync(join(live, file), join(clean, file));
      for (const suffix of ['-wal', '-shm']) if (existsSync(join(live, file + suffix))) copyFileSync(join(live, file + suffix), join(clean, file + suffix));
    }
    cli(clean, 'rebuild');

    const expected = await dump(clean);
    expect(expected.split('\n').length).toBeGreaterThan(100);
    expect(await dump(live)).toEqual(expected);
  });
});
