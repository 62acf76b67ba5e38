import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { openEmbedded } from '../../libs/application';
import { validateEnvelope } from '../../libs/domain';
import { generateHistory, toJsonl } from '../../libs/scenarios';
import { grantCaeAccess, passwordOf } from '../support/accounts';
import { freePort } from '../support/free-port';

/**
 * The built apps as an operator runs them (`npm test` builds first): the API server killed with SIGKILL and
 * restarted, the CLI's import and verify, and a tamper of the SQLite file that verify must name.
 */
const root = resolve(__dirname, '../..');
const apiMain = join(root, 'dist/apps/api/src/main.js');
const cliMain = join(root, 'dist/apps/cli/src/main.js');

const startApi = async (dataDir: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> => {
  // The machine's own HOST, if any, must not decide where the server under test listens.
  const { HOST: _machineHost, ...inherited } = process.env;
  const child = spawn(process.execPath, [apiMain], { env: { ...inherited, DATA_DIR: dataDir, PORT: String(port), DEMO: 'off', ...env }, stdio: 'pipe' });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`The API exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('The API did not start within 30 s');
};

const kill = (child: ChildProcess): Promise<void> =>
  new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGKILL');
  });

/**
 * Before the server starts: the CAE registered by the network (its first command) and a staff account for it,
 * written in the data directory as an operator's CLI would.
 */
const prepareCae = async (dataDir: string, registerCae: unknown): Promise<void> => {
  const runtime = openEmbedded(dataDir);
  try {
    const envelope = validateEnvelope(registerCae);
    if (!envelope.ok || (await runtime.commands.handle(envelope.value)).status !== 'accepted') throw new Error('RegisterCae refused');
    const { accountId } = await runtime.credentials.createAccount('staff', passwordOf('staff'));
    await grantCaeAccess(runtime, accountId, { caeId: (envelope.value.command.data as { caeId: string }).caeId, role: 'cae_staff' });
  } finally {
    await runtime.close();
  }
};

/** A login over HTTP, as a client of the running server: its session token. */
const logIn = async (port: number): Promise<string> => {
  const res = await fetch(`http://127.0.0.1:${port}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'staff', password: passwordOf('staff') }) });
  if (res.status !== 200) throw new Error(`Login refused: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
};

const post = async (port: number, token: string, body: unknown) => {
  const res = await fetch(`http://127.0.0.1:${port}/api/commands`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { status: string; result?: Record<string, unknown> }[] };
};

/** The health report in full: its details are for a network reader, so the log head is read from the data directory. */
const headOf = async (dataDir: string): Promise<number> => {
  const runtime = openEmbedded(dataDir);
  try {
    return await runtime.store.headPosition();
  } finally {
    await runtime.close();
  }
};

const cli = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, [cliMain, ...args], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8', timeout: 120_000 });

describe('the built apps', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(apiMain) || !existsSync(cliMain)) throw new Error('Build first: npm test runs `npm run build` before jest');
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'alveole-process-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a server killed with SIGKILL loses nothing and replays no command twice', async () => {
    const [registerCae, ...history] = generateHistory({ caeId: 'crash', entrepreneurs: 10 }).slice(0, 400);
    await prepareCae(dir, registerCae);
    const port = await freePort();
    let api = await startApi(dir, port);
    const token = await logIn(port);
    const first = await post(port, token, history);
    expect(first.status).toBe(200);
    await kill(api);
    const head = await headOf(dir);
    expect(head).toBeGreaterThan(history.length);

    api = await startApi(dir, port);
    try {
      // The session outlives the process: it is in DATA_DIR/credentials.db.
      const again = await post(port, token, history);
      expect(again.status).toBe(200);
      expect(again.body.every((o) => o.status === 'duplicate')).toBe(true);
      expect(again.body.map((o) => o.result)).toEqual(first.body.map((o) => o.result));
      expect(await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()).toEqual({ status: 'ok' });
    } finally {
      await kill(api);
    }
    expect(await headOf(dir)).toBe(head);
  });

  it('listens on 127.0.0.1 unless HOST says otherwise, and says where', async () => {
    const startupLine = async (api: ChildProcess): Promise<string> => {
      let out = '';
      api.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
      while (!out.includes('listening on')) await new Promise((r) => setTimeout(r, 50));
      return out.split('\n').find((line) => line.includes('listening on'))!;
    };
    // An address of this machine other than loopback, where one exists: the default must not answer on it.
    const external = Object.values(networkInterfaces()).flat().find((i) => i?.family === 'IPv4' && !i.internal)?.address;
    const port = await freePort();
    const api = await startApi(dir, port);
    try {
      expect(await startupLine(api)).toContain(`listening on http://127.0.0.1:${port} `);
      if (external) await expect(fetch(`http://${external}:${port}/api/health`)).rejects.toThrow();
    } finally {
      await kill(api);
    }
    const everywhere = await startApi(dir, port, { HOST: '0.0.0.0' });
    try {
      expect(await startupLine(everywhere)).toContain(`listening on http://0.0.0.0:${port} `);
      if (external) expect((await fetch(`http://${external}:${port}/api/health`)).status).toBe(200);
    } finally {
      await kill(everywhere);
    }
  });

  it('the CLI imports a JSONL, verifies the chain, and names a tampered position', () => {
    const file = join(dir, 'history.jsonl');
    const history = generateHistory({ caeId: 'cli', entrepreneurs: 5 });
    writeFileSync(file, toJsonl(history));
    const data = join(dir, 'data');

    const imported = cli(data, 'import', file);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain(`${history.length} commands: ${history.length} accepted, 0 duplicate, 0 rejected`);
    const again = cli(data, 'import', file);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`0 accepted, ${history.length} duplicate, 0 rejected`);

    const verified = cli(data, 'verify');
    expect(verified.status).toBe(0);
    expect(verified.stdout).toContain('cli: ok');

    const db = new Database(join(data, 'events.db'));
    const row = db.prepare("SELECT position, data FROM events WHERE type = 'PaymentRecorded' ORDER BY position LIMIT 1 OFFSET 3").get() as { position: number; data: string };
    const data2 = JSON.parse(row.data) as Record<string, unknown>;
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify({ ...data2, amount: '1.00' }), row.position);
    db.close();

    const tampered = cli(data, 'verify');
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toContain(`cli: BROKEN at position ${row.position}`);
  });

  it('the CLI refuses a file with bad lines with a non-zero exit and the first errors', () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, '{"type":"RecordIntakeInterview","commandId":"x","data":{"caeId":"none","heldOn":"2016-01-01"}}\nnot json\n');
    const run = cli(join(dir, 'data'), 'import', file);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('2 commands: 0 accepted, 0 duplicate, 2 rejected');
    expect(run.stdout).toContain('line 1 (x): NOT_FOUND');
    expect(run.stdout).toContain('line 2: VALIDATION_FAILED');
  });
});
