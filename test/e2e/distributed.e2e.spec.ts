import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openAccount, openEmbedded } from '../../libs/application';
import { validateEnvelope } from '../../libs/domain';
import { coodyssee2016 } from '../../libs/scenarios';
import { ALL_PROJECTIONS } from '../../projections';
import { networkStatistics as networkStatisticsProjection } from '../../projections/network-statistics/projection';
import { caeStatistics, networkStatistics } from '../../projections/network-statistics/queries';
import { freePort } from '../support/free-port';

/**
 * The distributed shape, with the apps as separate processes, against a real Kafka broker and a real
 * MongoDB-wire server (FerretDB): Coodyssée 2016 imported into the SQLite log, the relay publishing it to the
 * events topic, the projector consuming the topic as a consumer group into MongoDB read models, the API
 * answering from them. The figures must be exactly those of the embedded profile, also when the projector is
 * killed in the middle of consuming.
 */
const brokers = process.env['KAFKA_BROKERS'];
const mongoUrl = process.env['MONGODB_URL'];
const root = resolve(__dirname, '../..');
const main = (app: string): string => join(root, `dist/apps/${app}/src/main.js`);

if (!brokers || !mongoUrl) {
  describe.skip('distributed profile end to end — skipped: set KAFKA_BROKERS and MONGODB_URL (npm run test:servers starts both)', () => {
    it.skip('needs a Kafka broker and a MongoDB-wire server', () => undefined);
  });
} else {
  jest.setTimeout(900_000);
  const run = `${Date.now()}-${process.pid}`;
  const topic = `e2e.events.${run}`;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const children: ChildProcess[] = [];
  let dir: string;
  let embedded: { cae: unknown; network: unknown; head: number };
  /** The deployment of the first test, caught up, for the operator's rebuild. */
  let first: { port: number; env: NodeJS.ProcessEnv } | undefined;

  /** The environment of one deployment: the SQLite log of `dir`, its own MongoDB database and consumer group. */
  const environment = (name: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
    ...process.env,
    DATA_DIR: dir,
    PORT: String(port),
    DEMO: 'off',
    PROJECTOR: 'off',
    KAFKA_BROKERS: brokers,
    RELAY_TOPIC: topic,
    RELAY_PARTITIONS: '3',
    RELAY_BATCH_SIZE: '200',
    READ_MODELS: 'mongodb',
    MONGODB_URL: mongoUrl,
    MONGODB_DATABASE: `e2e_${name}_${run}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 63),
    NETWORK_STATISTICS_FROM: 'kafka',
    NETWORK_STATISTICS_TOPIC: topic,
    NETWORK_STATISTICS_GROUP: `e2e.${name}.${run}`,
    ...extra,
  });

  /** The end of each child's standard error, for the message of a test that times out. */
  const stderrOf = new Map<ChildProcess, string>();
  /** The children this test stopped itself: any other exit is reported. */
  const killed = new Set<ChildProcess>();
  const start = (app: string, env: NodeJS.ProcessEnv): ChildProcess => {
    const child = spawn(process.execPath, [main(app)], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
      stderrOf.set(child, stderr);
    });
    child.once('exit', (code, signal) => {
      if (!killed.has(child)) console.error(`${app} (pid ${child.pid}) exited with ${code ?? signal}:\n${stderr}`);
    });
    children.push(child);
    return child;
  };

  const kill = (child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      killed.add(child);
      child.kill(signal);
    });

  const ADMIN_PASSWORD = 'distributed-admin-password';
  /** One login per API process: its session token, by port. */
  const sessions = new Map<number, string>();
  const login = async (port: number): Promise<string> => {
    const response = await fetch(`http://127.0.0.1:${port}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`Login answered ${response.status}`);
    return ((await response.json()) as { token: string }).token;
  };

  const get = async (port: number, path: string): Promise<{ status: number; body: any }> => {
    if (!sessions.has(port)) sessions.set(port, await login(port));
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${sessions.get(port)}` } });
    return { status: response.status, body: await response.json() };
  };

  interface FeedLag {
    source: 'kafka';
    state?: string;
    rebuilding?: boolean;
    messagesBehind?: number;
    partitions?: { committed: number; end: number }[];
  }

  /** The Kafka feed as /api/health reports it (undefined while the API is not up yet). */
  const feedLag = async (port: number): Promise<FeedLag | undefined> => {
    try {
      const { body } = await get(port, '/api/health');
      return (body.projections as FeedLag[]).find((p) => p.source === 'kafka');
    } catch {
      return undefined;
    }
  };

  const consumed = (lag: FeedLag | undefined): number => (lag?.partitions ?? []).reduce((sum, p) => sum + p.committed, 0);

  /** Polls `condition`; a timeout says what the feed and the children last reported, to tell a hang from a crash. */
  const until = async (what: string, condition: () => Promise<boolean>, options: { timeoutMs?: number; pollMs?: number; port?: number } = {}): Promise<void> => {
    const deadline = Date.now() + (options.timeoutMs ?? 300_000);
    while (!(await condition())) {
      if (Date.now() > deadline) {
        const lag = options.port === undefined ? undefined : await feedLag(options.port);
        const stderr = children.map((child) => `pid ${child.pid} (exit ${child.exitCode ?? child.signalCode ?? 'running'}): ${stderrOf.get(child) ?? ''}`).join('\n');
        throw new Error(`Timed out waiting for ${what}; relay at ${relayCheckpoint()} of ${embedded.head}; feed ${JSON.stringify(lag)}\n${stderr}`);
      }
      await sleep(options.pollMs ?? 250);
    }
  };

  const relayCheckpoint = (): number => {
    const file = join(dir, `relay-checkpoint.${topic}.json`);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { position: number }).position : 0;
  };

  const caughtUp = async (port: number): Promise<boolean> => {
    const lag = await feedLag(port);
    return relayCheckpoint() === embedded.head && lag?.messagesBehind === 0 && lag.rebuilding === false;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'alveole-distributed-'));
    // The embedded profile on the same log: what the distributed one must answer.
    const runtime = openEmbedded(dir);
    try {
      for (const raw of coodyssee2016()) {
        const envelope = validateEnvelope(raw);
        if (!envelope.ok) throw new Error(`Invalid ${raw.type}: ${envelope.error.message}`);
        const outcome = await runtime.commands.handle(envelope.value);
        if (outcome.status !== 'accepted') throw new Error(`${raw.type} ${outcome.status}: ${JSON.stringify(outcome.error)}`);
      }
      // The network admin the test logs in as (an auditor would do too: it reads the statistics and health).
      await openAccount(runtime, { username: 'admin', password: ADMIN_PASSWORD, grants: [{ role: 'network_admin' }], on: new Date().toISOString().slice(0, 10) });
      await runtime.projector.prepare();
      embedded = {
        cae: await runtime.queries.run((models) => caeStatistics(models, 'coodyssee', 2016)),
        network: await runtime.queries.run((models) => networkStatistics(models, 2016)),
        head: await runtime.store.headPosition(),
      };
    } finally {
      await runtime.close();
    }
  });

  afterAll(async () => {
    await Promise.all(children.map((child) => kill(child)));
    rmSync(dir, { recursive: true, force: true });
  });

  describe('distributed profile end to end (SQLite log → relay → Kafka → consumer group → MongoDB-wire → API)', () => {
    it('Coodyssée 2016 relayed through Kafka and projected into MongoDB answers exactly the embedded figures', async () => {
      expect(embedded.cae).toMatchObject({ revenue: { total: '908700.00', vatCollected: '98720.00' }, headcount: { start: 85, end: 84 } });
      const port = await freePort();
      const env = environment('e2e', port);
      first = { port, env };
      start('relay', env);
      start('projector', env);
      start('api', env);
      await until('the relay to publish the log and the consumer group to consume it all', () => caughtUp(port), { port });

      const cae = await get(port, '/api/caes/coodyssee/statistics?year=2016');
      const network = await get(port, '/api/network/statistics?year=2016');
      expect(cae.status).toBe(200);
      expect(network.status).toBe(200);
      expect(cae.body).toEqual(embedded.cae);
      expect(network.body).toEqual(embedded.network);
      // The projections fed by the log went to MongoDB too: the whole distributed read side answers.
      const { body: health } = await get(port, '/api/health');
      expect(health.profile).toEqual({ eventLog: 'sqlite', readModels: 'mongodb', networkStatistics: 'kafka' });
      const fromLog = ALL_PROJECTIONS.filter((p) => p !== networkStatisticsProjection);
      expect(health.projections.filter((p: { source?: string }) => p.source !== 'kafka').map((p: { eventsBehind: number }) => p.eventsBehind)).toEqual(fromLog.map(() => 0));
    });

    it("the operator's rebuild of the network statistics reads the topic again into a new generation, with the same figures", async () => {
      expect(first).toBeDefined();
      const { port, env } = first!;
      const before = (await feedLag(port)) as FeedLag & { generation: number };
      // Not spawnSync: a blocked event loop would leave this process with keep-alive sockets the API has closed.
      const rebuild = await new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
        const cli = spawn(process.execPath, [main('cli'), 'rebuild', 'network-statistics'], { env });
        let stdout = '';
        let stderr = '';
        cli.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        cli.once('exit', (status) => done({ status, stdout, stderr }));
      });
      expect(rebuild.stderr).not.toMatch(/Error/);
      expect(rebuild.status).toBe(0);
      expect(rebuild.stdout).toMatch(/network-statistics: generation \d+ active/);
      const health = await get(port, '/api/health');
      expect({ status: health.status, body: health.body }).toMatchObject({ status: 200 });
      const after = (health.body.projections as (FeedLag & { generation: number; group: string })[]).find((p) => p.source === 'kafka')!;
      expect(after.generation).toBeGreaterThan(before.generation);
      expect(after.group).toBe(`e2e.e2e.${run}.g${after.generation}`);
      expect(after).toMatchObject({ rebuilding: false, messagesBehind: 0 });
      expect((await get(port, '/api/caes/coodyssee/statistics?year=2016')).body).toEqual(embedded.cae);
      expect((await get(port, '/api/network/statistics?year=2016')).body).toEqual(embedded.network);
    });

    it('the projector killed in the middle of consuming, three times, loses nothing and counts nothing twice', async () => {
      // The topic is full from the previous test; a fresh database and consumer group start from its beginning,
      // with the smallest fetches so that consuming takes hundreds of batches to kill in between.
      await until('the relay to have published the whole log', async () => relayCheckpoint() === embedded.head);
      const port = await freePort();
      // A short session: the group gives a killed member's partitions to its successor after 6 s, not 30.
      const env = environment('kill', port, { NETWORK_STATISTICS_FETCH_BYTES: '1024', NETWORK_STATISTICS_SESSION_TIMEOUT_MS: '6000' });
      start('api', env);
      let projector = start('projector', env);
      let kills = 0;
      let last = 0;
      while (kills < 3) {
        // Killed as soon as some batches were applied and committed since the last restart: polled often, so that
        // the kill lands mid-consume, with most of the topic still to go.
        await until(
          'the restarted projector to make progress',
          async () => {
            const lag = await feedLag(port);
            return consumed(lag) > last && (lag?.messagesBehind ?? 0) > 0;
          },
          { port, pollMs: 20 },
        );
        await kill(projector);
        const lag = await feedLag(port);
        expect(lag?.messagesBehind).toBeGreaterThan(0);
        last = consumed(lag);
        kills++;
        // The last successor fetches as much as it likes: the kills are done, only the catch-up remains.
        projector = start('projector', kills < 3 ? env : { ...env, NETWORK_STATISTICS_FETCH_BYTES: '1048576' });
      }
      await until('the consumer group to consume the whole topic after the kills', () => caughtUp(port), { port });
      expect(kills).toBe(3);
      const cae = await get(port, '/api/caes/coodyssee/statistics?year=2016');
      const network = await get(port, '/api/network/statistics?year=2016');
      expect(cae.body).toEqual(embedded.cae);
      expect(network.body).toEqual(embedded.network);
    });
  });
}
