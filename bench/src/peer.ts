import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Projector } from '../../libs/application';
import { SqliteEventStore, type EventToAppend, type RecordedEvent } from '../../libs/event-store';
import { InMemoryKeyStore, PersonalDataVault } from '../../libs/personal-data';
import { SqliteReadStore } from '../../libs/read-store';
import { TREASURY, treasuryProjection } from '../../projections/treasury/projection';

/**
 * The peer, side by side in the same run: Emmett (@event-driven-io/emmett-sqlite, installed under bench/peer only)
 * and Alvéole do the same appends with expected revisions, from one trace taken from our log, and the same rebuild
 * of the treasury projection (the same pure code), each rebuild in its own process so that its peak RSS is its own.
 * Nothing here imports bench/peer/node_modules: Emmett runs in bench/peer/emmett.mjs, spoken to through JSON.
 * Differences left in: ours also hash-chains every event; each side uses its own driver (better-sqlite3, synchronous,
 * vs sqlite3, asynchronous, Emmett's peer) and so its own bundled SQLite; Emmett's consumer pauses 100 ms after its
 * first batch.
 */

export interface AppendFigures {
  events: number;
  appends: number;
  seconds: number;
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface RebuildFigures {
  projection: 'treasury';
  events: number;
  documents: number;
  seconds: number;
  eventsPerSecond: number;
  peakRssMb: number;
}

export interface SideResult {
  appends: AppendFigures;
  rebuild: RebuildFigures;
}

export interface EmmettResult extends SideResult {
  peer: 'emmett';
  version: string;
  conflictRefused: boolean;
  [detail: string]: unknown;
}

export interface PeerResult {
  trace: { events: number; appends: number; streams: number };
  ours: SideResult & { durability: string };
  emmett: EmmettResult;
  /** Ours ÷ Emmett, in events per second: above 1, ours is faster. */
  ratios: { appends: number; rebuild: number };
  /** Both rebuilds ended with the same documents, byte for byte. */
  sameDocuments: boolean;
}

export interface PeerOptions {
  /** Holds our log, events.db. */
  dataDir: string;
  /** Scratch space for the trace and both sides' fresh stores; emptied first. */
  workDir: string;
  /** The trace stops at the command boundary at or before this many events. */
  maxEvents: number;
}

/** One append of the trace: the events one command wrote to one stream, with the revision expected before them. */
interface TraceLine {
  streamId: string;
  /** -1: the stream must not exist; else the 0-based revision the stream must be at. */
  expectedRevision: number;
  events: EventToAppend[];
}

const root = resolve(__dirname, '../../..');
const peerDir = join(root, 'bench/peer');
const treasuryModule = join(root, 'dist/projections/treasury/projection.js');
const PAGE = 1000;

const round = (value: number, decimals = 1): number => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** Nearest-rank percentile of latencies sorted ascending. */
const percentile = (sorted: Float64Array, p: number): number =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

const toAppend = (event: RecordedEvent): EventToAppend => ({
  eventId: event.eventId,
  type: event.type,
  schemaVersion: event.schemaVersion,
  data: event.data,
  metadata: event.metadata,
});

/**
 * Writes the trace of our log: consecutive events of one stream from one command make one append. Stops at the
 * last whole command within maxEvents, so that every append of the trace is one our log really accepted.
 */
export const writeTrace = async (logPath: string, tracePath: string, maxEvents: number): Promise<PeerResult['trace']> => {
  const store = SqliteEventStore.open(logPath);
  const out = createWriteStream(tracePath, 'utf8');
  const streams = new Set<string>();
  let events = 0;
  let appends = 0;
  let command: RecordedEvent[] = [];
  const write = async (line: TraceLine): Promise<void> => {
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
  };
  const flush = async (): Promise<void> => {
    let group: TraceLine | undefined;
    for (const event of command) {
      if (group?.streamId !== event.streamId) {
        if (group) await write(group);
        group = { streamId: event.streamId, expectedRevision: event.revision - 1, events: [] };
        appends += 1;
        streams.add(event.streamId);
      }
      group.events.push(toAppend(event));
    }
    if (group) await write(group);
    events += command.length;
    command = [];
  };
  try {
    let from = 1;
    reading: for (;;) {
      const page = await store.readAll(from, { limit: PAGE });
      for (const event of page) {
        if (command.length > 0 && command[0]!.metadata.commandId !== event.metadata.commandId) {
          if (events + command.length > maxEvents) break reading;
          await flush();
        }
        command.push(event);
      }
      if (page.length < PAGE) break;
      from = page[page.length - 1]!.position + 1;
    }
    if (command.length > 0 && events + command.length <= maxEvents) await flush();
  } finally {
    out.end();
    await once(out, 'close');
    await store.close();
  }
  return { events, appends, streams: streams.size };
};

/** Our side of the appends: the trace replayed into a fresh log (default durability: FULL), one append at a time. */
const replayOurs = async (tracePath: string, logPath: string): Promise<AppendFigures> => {
  const store = SqliteEventStore.open(logPath);
  const latencies: number[] = [];
  let events = 0;
  let totalMs = 0;
  try {
    const lines = createInterface({ input: createReadStream(tracePath, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const { streamId, expectedRevision, events: batch } = JSON.parse(line) as TraceLine;
      // Only the append is timed: reading and parsing the trace is the same work on both sides.
      const start = process.hrtime.bigint();
      await store.append(streamId, batch, expectedRevision);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      latencies.push(ms);
      totalMs += ms;
      events += batch.length;
    }
  } finally {
    await store.close();
  }
  const sorted = Float64Array.from(latencies).sort();
  const seconds = totalMs / 1000;
  return {
    events,
    appends: sorted.length,
    seconds: round(seconds, 3),
    eventsPerSecond: seconds > 0 ? Math.round(events / seconds) : 0,
    p50Ms: round(percentile(sorted, 50), 3),
    p99Ms: round(percentile(sorted, 99), 3),
  };
};

/** Digest of every document, ordered by collection then id (as emmett.mjs computes it). */
const digestOf = (rows: { collection: string; id: string; data: string }[]): string => {
  const hash = createHash('sha256');
  for (const row of rows) hash.update(`${row.collection}\u0000${row.id}\u0000${row.data}\n`);
  return hash.digest('hex');
};

/** Our side of the rebuild, run in its own process (`--rebuild-ours <dir>`): treasury alone, into a fresh read store. */
export const rebuildOurs = async (dir: string): Promise<RebuildFigures & { digest: string }> => {
  const store = SqliteEventStore.open(join(dir, 'events.db'));
  const readStore = SqliteReadStore.open(join(dir, 'read-models.db'));
  // The fresh directory has no key store: personal fields read [forgotten], and treasury never reads them.
  const projector = new Projector(store, readStore, new PersonalDataVault(new InMemoryKeyStore()), [treasuryProjection]);
  try {
    const start = process.hrtime.bigint();
    const { events, generations } = await projector.rebuild(TREASURY);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const ref = { projection: TREASURY, generation: generations[TREASURY]! };
    const rows: { collection: string; id: string; data: string }[] = [];
    for (const collection of [...treasuryProjection.collections].sort()) {
      for (const stored of await readStore.list(ref, collection)) rows.push({ collection, id: stored.id, data: JSON.stringify(stored.doc) });
    }
    return {
      projection: 'treasury',
      events,
      documents: rows.length,
      seconds: round(seconds, 3),
      eventsPerSecond: seconds > 0 ? Math.round(events / seconds) : 0,
      peakRssMb: round(process.resourceUsage().maxRSS / 1024, 0),
      digest: digestOf(rows),
    };
  } finally {
    await projector.stop();
    await store.close();
    await readStore.close();
  }
};

/** Runs a node script in a child process and parses the JSON line it prints last; its stderr passes through. */
const nodeJson = <T>(args: string[]): Promise<T> =>
  new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.once('error', fail);
    child.once('exit', (code) => {
      if (code !== 0) return fail(new Error(`node ${args.join(' ')} exited ${code}: ${out}`));
      try {
        done(JSON.parse(out.trim().split('\n').at(-1) ?? '') as T);
      } catch (error) {
        fail(error);
      }
    });
  });

/** Installs the peer's own dependencies (sqlite3 builds from source) the first time only. */
const ensurePeerInstalled = (): void => {
  if (existsSync(join(peerDir, 'node_modules/@event-driven-io/emmett-sqlite/package.json'))) return;
  // npm's output goes to stderr: stdout carries the result JSON.
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['--prefix', peerDir, 'install', '--no-audit', '--no-fund'], { cwd: root, stdio: ['ignore', 2, 'inherit'] });
  if (result.status !== 0) throw new Error(`npm --prefix ${peerDir} install failed (${result.error?.message ?? `exit ${result.status}`})`);
};

export const runPeerComparison = async ({ dataDir, workDir, maxEvents }: PeerOptions): Promise<PeerResult> => {
  const logPath = join(dataDir, 'events.db');
  if (!existsSync(logPath)) throw new Error(`No log at ${logPath}`);
  rmSync(workDir, { recursive: true, force: true });
  const oursDir = join(workDir, 'ours');
  const emmettDir = join(workDir, 'emmett');
  mkdirSync(oursDir, { recursive: true });
  mkdirSync(emmettDir, { recursive: true });
  ensurePeerInstalled();

  const tracePath = join(workDir, 'trace.jsonl');
  const trace = await writeTrace(logPath, tracePath, maxEvents);
  const appends = await replayOurs(tracePath, join(oursDir, 'events.db'));
  const { digest: oursDigest, ...rebuild } = await nodeJson<RebuildFigures & { digest: string }>([__filename, '--rebuild-ours', oursDir]);
  const emmett = await nodeJson<EmmettResult>([join(peerDir, 'emmett.mjs'), tracePath, emmettDir, treasuryModule]);
  if (emmett.appends.events !== appends.events) throw new Error(`Emmett appended ${emmett.appends.events} events, ours ${appends.events}`);

  const ratio = (a: number, b: number): number => (b > 0 ? round(a / b, 2) : 0);
  return {
    trace,
    ours: { durability: 'WAL, synchronous FULL', appends, rebuild },
    emmett,
    ratios: { appends: ratio(appends.eventsPerSecond, emmett.appends.eventsPerSecond), rebuild: ratio(rebuild.eventsPerSecond, emmett.rebuild.eventsPerSecond) },
    sameDocuments: oursDigest === emmett['documentsDigest'],
  };
};

/** `node dist/bench/src/peer.js <dataDir> [--max-events N] [--work-dir DIR]`: prints the comparison as JSON. */
const main = async (argv: string[]): Promise<unknown> => {
  if (argv[0] === '--rebuild-ours' && argv[1] !== undefined) return rebuildOurs(argv[1]);
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dataDir = argv[0];
  const maxEvents = Number(value('max-events') ?? '300000');
  if (dataDir === undefined || dataDir.startsWith('--') || !Number.isSafeInteger(maxEvents) || maxEvents < 1) {
    throw new Error('Usage: node dist/bench/src/peer.js <dataDir> [--max-events 300000] [--work-dir <dataDir>/peer]');
  }
  return runPeerComparison({ dataDir, workDir: value('work-dir') ?? join(dataDir, 'peer'), maxEvents });
};

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
