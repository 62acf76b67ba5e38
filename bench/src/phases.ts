import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { AsOfReplayer, openEmbedded, type Runtime } from '../../libs/application';
import { ALL_PROJECTIONS } from '../../projections';
import { validateEnvelope } from '../../libs/domain';
import type { DocChange, GenerationRef } from '../../libs/read-store';
import { workload, type Envelope, type WorkloadOptions } from '../../libs/scenarios';
import { Latencies, peakRssMb, round, seconds } from './stats';
import { freePort } from '../../test/support/free-port';

/** Envelopes grouped by CAE, a chunk at a time: each CAE's commands stay in order, CAEs run side by side. */
const chunksByCae = function* (envelopes: Iterable<Envelope>, size: number): Generator<Envelope[][]> {
  let lanes = new Map<string, Envelope[]>();
  let count = 0;
  for (const envelope of envelopes) {
    const caeId = envelope.data['caeId'] as string;
    const lane = lanes.get(caeId) ?? [];
    lane.push(envelope);
    lanes.set(caeId, lane);
    if (++count === size) {
      yield [...lanes.values()];
      lanes = new Map();
      count = 0;
    }
  }
  if (count > 0) yield [...lanes.values()];
};

const validated = (raw: Envelope) => {
  const envelope = validateEnvelope(raw);
  if (!envelope.ok) throw new Error(`${raw.commandId}: ${envelope.error.message}`);
  return envelope.value;
};

/** Accepted commands per second through the CommandService (the path every command takes), many CAEs at once, on the durable embedded log. */
export const commandsInProcess = async (dir: string, options: WorkloadOptions) => {
  const runtime = openEmbedded(dir);
  const latencies = new Latencies();
  let rejected = 0;
  let firstRejection = '';
  const start = process.hrtime.bigint();
  for (const lanes of chunksByCae(workload(options), 50_000))
    await Promise.all(
      lanes.map(async (lane) => {
        for (const raw of lane) {
          const t0 = process.hrtime.bigint();
          const outcome = await runtime.commands.handle(validated(raw));
          latencies.add(Number(process.hrtime.bigint() - t0) / 1e6);
          if (outcome.status !== 'accepted' && ++rejected === 1) firstRejection = `${raw.type}: ${outcome.error?.code} ${outcome.error?.message}`;
        }
      }),
    );
  const elapsed = seconds(start);
  const events = await runtime.store.headPosition();
  await runtime.close();
  return {
    commands: latencies.size,
    events,
    rejected,
    ...(firstRejection ? { firstRejection } : {}),
    seconds: round(elapsed),
    commandsPerSecond: round(latencies.size / elapsed, 0),
    eventsPerSecond: round(events / elapsed, 0),
    p50Ms: round(latencies.percentile(50), 2),
    p99Ms: round(latencies.percentile(99), 2),
    peakRssMb: peakRssMb(),
  };
};

/** The same mix over HTTP: one envelope per request, concurrent clients (one per CAE), the projector running. */
export const commandsOverHttp = async (dir: string, options: WorkloadOptions, maxRequests: number, clients: number) => {
  const port = await freePort();
  const root = resolve(__dirname, '../../..');
  const server = spawn(process.execPath, [join(root, 'dist/apps/api/src/main.js')], {
    env: { ...process.env, DATA_DIR: dir, PORT: String(port), DEMO: 'off' },
    stdio: 'ignore',
  });
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const post = (body: string): Promise<{ status: number; text: string }> =>
    new Promise((done, fail) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/commands', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, text }));
      });
      req.once('error', fail);
      req.end(body);
    });
  try {
    for (let i = 0; ; i++) {
      try {
        const res = await new Promise<number>((done, fail) => request({ host: '127.0.0.1', port, path: '/api/health' }, (r) => (r.resume(), done(r.statusCode ?? 0))).once('error', fail).end());
        if (res === 200) break;
      } catch {
        if (i > 300) throw new Error('The API did not start');
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const envelopes: Envelope[] = [];
    for (const envelope of workload(options)) if (envelopes.push(envelope) >= maxRequests) break;
    const lanes = [...chunksByCae(envelopes, envelopes.length)][0]!;
    const latencies = new Latencies();
    let failed = 0;
    const start = process.hrtime.bigint();
    // Each client works through its share of the CAEs, one request at a time.
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        for (let l = c; l < lanes.length; l += clients)
          for (const envelope of lanes[l]!) {
            const t0 = process.hrtime.bigint();
            const res = await post(JSON.stringify(envelope));
            latencies.add(Number(process.hrtime.bigint() - t0) / 1e6);
            if (res.status !== 200) failed++;
          }
      }),
    );
    const elapsed = seconds(start);
    return {
      requests: latencies.size,
      failed,
      clients,
      seconds: round(elapsed),
      requestsPerSecond: round(latencies.size / elapsed, 0),
      p50Ms: round(latencies.percentile(50), 2),
      p99Ms: round(latencies.percentile(99), 2),
    };
  } finally {
    agent.destroy();
    server.kill('SIGTERM');
  }
};

/** Every projection rebuilt from an empty read store, in one pass over the log. */
export const rebuild = async (dir: string) => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `read-models.db${suffix}`), { force: true });
  const runtime = openEmbedded(dir, { projector: { batchSize: 5000 } });
  const events = await runtime.store.headPosition();
  const start = process.hrtime.bigint();
  await runtime.projector.prepare();
  const elapsed = seconds(start);
  await runtime.close();
  return { events, seconds: round(elapsed), eventsPerSecond: round(events / elapsed, 0), peakRssMb: peakRssMb() };
};

/**
 * The machine's floor: the same events read from the SQLite log and only JSON.parse'd and folded by a trivial
 * reducer; and bare inserts of the same rows, 1,000 per transaction, with the log's durability (FULL).
 */
export const floor = (dir: string) => {
  const log = new Database(join(dir, 'events.db'), { readonly: true });
  const counts = new Map<string, number>();
  let bytes = 0;
  let events = 0;
  let start = process.hrtime.bigint();
  for (const row of log.prepare('SELECT type, data, metadata FROM events ORDER BY position').iterate() as Iterable<{ type: string; data: string; metadata: string }>) {
    const data = JSON.parse(row.data) as object;
    JSON.parse(row.metadata);
    counts.set(row.type, (counts.get(row.type) ?? 0) + 1);
    bytes += Object.keys(data).length;
    events++;
  }
  const readSeconds = seconds(start);

  const target = join(dir, 'floor-insert.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
  const out = new Database(target);
  out.pragma('journal_mode = WAL');
  out.pragma('synchronous = FULL');
  out.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, revision INTEGER NOT NULL, event_id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL, schema_version INTEGER NOT NULL, cae_id TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, hash TEXT NOT NULL, UNIQUE (stream_id, revision))`);
  const insert = out.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertMany = out.transaction((rows: unknown[][]) => {
    for (const row of rows) insert.run(...row);
  });
  let batch: unknown[][] = [];
  start = process.hrtime.bigint();
  for (const row of log
    .prepare('SELECT position, stream_id, revision, event_id, type, schema_version, cae_id, data, metadata, hash FROM events ORDER BY position')
    .raw()
    .iterate() as Iterable<unknown[]>) {
    batch.push(row);
    if (batch.length === 1000) {
      insertMany(batch);
      batch = [];
    }
  }
  if (batch.length > 0) insertMany(batch);
  const insertSeconds = seconds(start);
  out.close();
  log.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
  return {
    events,
    types: counts.size,
    folded: bytes > 0,
    readSeconds: round(readSeconds),
    readEventsPerSecond: round(events / readSeconds, 0),
    insertSeconds: round(insertSeconds),
    insertRowsPerSecond: round(events / insertSeconds, 0),
  };
};

/**
 * Time from an accepted command to its effect visible in every read model, under a steady load of `rate`
 * commands per second, in the embedded profile (command side and projector in one process).
 */
export const lag = async (dir: string, options: WorkloadOptions, rate: number, durationSeconds: number) => {
  const all = workload(options);
  const runtime = openEmbedded(dir);
  const base = Math.max(1000, rate * 2);
  for (let i = 0; i < base; i++) {
    const next = all.next();
    if (next.done) break;
    await runtime.commands.handle(validated(next.value));
  }
  const applied = await watchCheckpoints(runtime);
  await runtime.projector.prepare();
  runtime.projector.start();

  const accepted: { at: number; position: number }[] = [];
  const envelopes: Envelope[] = [];
  for (let next = all.next(); !next.done && envelopes.length < rate * durationSeconds; next = all.next()) envelopes.push(next.value);
  // One lane per CAE (its commands depend on each other), each paced so that all lanes together make `rate`.
  const lanes = [...chunksByCae(envelopes, envelopes.length)][0]!;
  const start = performance.now();
  let sent = 0;
  await Promise.all(
    lanes.map(async (lane) => {
      for (const envelope of lane) {
        const due = start + (sent++ * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 1) await new Promise((r) => setTimeout(r, wait));
        const at = performance.now();
        const outcome = await runtime.commands.handle(validated(envelope));
        const position = outcome.events?.at(-1)?.position;
        if (outcome.status === 'accepted' && position !== undefined) accepted.push({ at, position });
      }
    }),
  );
  const achievedRate = accepted.length / ((performance.now() - start) / 1000);
  while ((await runtime.projector.lag()).some((l) => l.eventsBehind > 0)) await new Promise((r) => setTimeout(r, 10));
  await runtime.close();

  const latencies = new Latencies();
  for (const { at, position } of accepted) latencies.add(Math.max(...applied.map((times) => visibleAt(times, position))) - at);
  return { commands: accepted.length, achievedRate: round(achievedRate, 0), p50Ms: round(latencies.percentile(50), 2), p99Ms: round(latencies.percentile(99), 2) };
};

/** For each projection, when each checkpoint was written: (checkpoint, time) in order. */
const watchCheckpoints = async (runtime: Runtime): Promise<[number, number][][]> => {
  const byProjection = new Map<string, [number, number][]>();
  const store = runtime.readStore;
  const applyBatch = store.applyBatch.bind(store);
  store.applyBatch = async (ref: GenerationRef, changes: DocChange[], checkpoint: number) => {
    await applyBatch(ref, changes, checkpoint);
    const times = byProjection.get(ref.projection) ?? [];
    times.push([checkpoint, performance.now()]);
    byProjection.set(ref.projection, times);
  };
  for (const projection of runtime.projector.projections) byProjection.set(projection.name, []);
  return [...byProjection.values()];
};

const visibleAt = (times: [number, number][], position: number): number => {
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]![0] >= position) hi = mid;
    else lo = mid + 1;
  }
  return times[lo]![1];
};

/** What each as-of query route replays: the projection it reads (the statistics, the registers, the treasury). */
const ROUTE_PROJECTIONS = ['network-statistics', 'registers', 'treasury'] as const;
const ROUNDS = 3;

/**
 * Issue 12's replays: the CAE with the most events, as of its last business day, cache cold (a fresh replayer each
 * round): the projection each query route reads, every projection at once, and the label's catalogue (an audit).
 * Medians of three rounds, with the fastest and slowest.
 */
export const asOf = async (dir: string) => {
  const log = new Database(join(dir, 'events.db'), { readonly: true });
  const busiest = log.prepare("SELECT cae_id AS caeId, COUNT(*) AS events, MAX(json_extract(metadata, '$.occurredOn')) AS last FROM events GROUP BY 1 ORDER BY 2 DESC LIMIT 1").get() as {
    caeId: string;
    events: number;
    last: string;
  };
  const logEvents = (log.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
  log.close();
  const runtime = openEmbedded(dir);
  const scope = { caeId: busiest.caeId };
  const cut = { asOf: busiest.last };
  const rounds = async (run: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let round_ = 0; round_ < ROUNDS; round_++) {
      const start = process.hrtime.bigint();
      await run();
      times.push(seconds(start));
    }
    times.sort((a, b) => a - b);
    return { median: round(times[Math.floor(ROUNDS / 2)]!, 2), fastest: round(times[0]!, 2), slowest: round(times[ROUNDS - 1]!, 2) };
  };
  const replay = (projections?: readonly string[]) => () => new AsOfReplayer(runtime.store, runtime.vault, ALL_PROJECTIONS).readModels(scope, cut, projections);
  try {
    const routes: Record<string, { median: number; fastest: number; slowest: number }> = {};
    for (const projection of ROUTE_PROJECTIONS) routes[projection] = await rounds(replay([projection]));
    const every = await rounds(replay());
    let rules = 0;
    const audit = await rounds(async () => (rules = (await runtime.audits.body(busiest.caeId, cut))?.rules.length ?? 0));
    return {
      caeId: busiest.caeId,
      caeEvents: busiest.events,
      logEvents,
      asOf: busiest.last,
      rounds: ROUNDS,
      routeReplaySeconds: routes,
      statisticsReplaySeconds: routes['network-statistics']!.median,
      replaySeconds: every.median,
      replay: every,
      replayEventsPerSecond: round(busiest.events / every.median, 0),
      auditSeconds: audit.median,
      audit,
      auditRules: rules,
      peakRssMb: peakRssMb(),
    };
  } finally {
    await runtime.close();
  }
};
