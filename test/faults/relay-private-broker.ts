import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const scripts = join(root, 'scripts/servers/kafka');

/**
 * A Kafka broker of the test's own (scripts/servers/kafka on another port), to stop, kill and restart without
 * disturbing the shared broker that other test files use in parallel.
 */
export class PrivateBroker {
  constructor(readonly port: number) {}

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  private get pidFile(): string {
    return join(root, `.cache/servers/kafka/run-${this.port}/kafka.pid`);
  }

  /** `keepData`: restart on the previous data directory and cluster, as a production broker restarts. */
  async start(options: { keepData?: boolean } = {}): Promise<void> {
    await this.script('start.sh', { KAFKA_KEEP_DATA: options.keepData ? '1' : '0', KAFKA_START_TIMEOUT: '100' }, 110_000);
  }

  /** A clean shutdown: SIGTERM, and stop.sh waits for the broker to exit. */
  async stop(): Promise<void> {
    await this.script('stop.sh', { KAFKA_STOP_TIMEOUT: '60' }, 70_000);
  }

  /** A crash: SIGKILL, no controlled shutdown, no flush; waits for the process to be gone. */
  async kill(): Promise<void> {
    if (!existsSync(this.pidFile)) throw new Error(`No broker started on port ${this.port}`);
    const pid = Number(readFileSync(this.pidFile, 'utf8').trim());
    process.kill(pid, 'SIGKILL');
    for (const deadline = Date.now() + 30_000; alive(pid); await sleep(50))
      if (Date.now() > deadline) throw new Error(`The broker (pid ${pid}) still runs 30 s after SIGKILL`);
    // What stop.sh does after a stop: start.sh must not take a leftover pid (or a zombie's) for a running broker.
    rmSync(this.pidFile, { force: true });
  }

  private script(name: string, env: Record<string, string>, timeoutMs: number): Promise<void> {
    return new Promise((done, fail) =>
      execFile('bash', [join(scripts, name)], { cwd: root, env: { ...process.env, ...env, KAFKA_PORT: String(this.port) }, timeout: timeoutMs }, (error, stdout, stderr) =>
        error ? fail(new Error(`${name} (port ${this.port}) failed: ${error.message}\n${stdout}${stderr}`)) : done(),
      ),
    );
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A zombie (exited, not yet reaped by its new parent) counts as gone: it holds no port and no file. */
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};
