import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_WORKLOAD, type WorkloadOptions } from '../../libs/scenarios';

/**
 * `npm run bench`: each measure in its own process (so memory is its own), one table printed, the same
 * figures written as JSON under bench/results/. Options: --scale 0.1 (share of the default network's 70 CAEs),
 * --years 10, --only commands,rebuild,floor,asof,http,lag,peer, --keep (leave the data directories).
 */
const root = resolve(__dirname, '../../..');
const self = join(root, 'dist/bench/src/run.js');

interface Args {
  phase?: string;
  dir?: string;
  scale: number;
  years: number;
  only?: string[];
  keep: boolean;
}

const parse = (argv: string[]): Args => {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scale = Number(value('scale') ?? '1');
  const years = Number(value('years') ?? String(DEFAULT_WORKLOAD.years));
  if (!(scale > 0) || !Number.isInteger(years) || years < 1) throw new Error('Usage: npm run bench -- [--scale 0.1] [--years 10] [--only commands,rebuild,floor,asof,http,lag,peer] [--keep]');
  return {
    ...(value('phase') ? { phase: value('phase')! } : {}),
    ...(value('dir') ? { dir: value('dir')! } : {}),
    scale,
    years,
    ...(value('only') ? { only: value('only')!.split(',') } : {}),
    keep: argv.includes('--keep'),
  };
};

const network = (args: Args): WorkloadOptions => ({ caes: Math.max(1, Math.round(DEFAULT_WORKLOAD.caes * args.scale)), years: args.years });

/** Runs one phase in a child process and returns the JSON it prints last. */
const inChild = (phase: string, dir: string, args: Args): Promise<Record<string, unknown>> =>
  new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--max-old-space-size=4096', self, '--phase', phase, '--dir', dir, '--scale', String(args.scale), '--years', String(args.years)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.once('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return fail(new Error(`phase ${phase} exited ${code}: ${out}`));
      done(JSON.parse(last) as Record<string, unknown>);
    });
  });

const runPhase = async (args: Args): Promise<unknown> => {
  const dir = args.dir!;
  const phases = await import('./phases');
  switch (args.phase) {
    case 'commands':
      return phases.commandsInProcess(dir, network(args));
    case 'rebuild':
      return phases.rebuild(dir);
    case 'floor':
      return phases.floor(dir);
    case 'asof':
      return phases.asOf(dir);
    case 'http':
      return phases.commandsOverHttp(dir, { ...network(args), years: 1 }, 20_000, 16);
    case 'lag':
      return phases.lag(dir, { caes: 10, entrepreneursPerCae: 60, years: 2 }, 1000, 20);
    case 'peer': {
      const { runPeerComparison } = await import('./peer');
      return runPeerComparison({ dataDir: dir, workDir: join(dir, 'peer'), maxEvents: 300_000 });
    }
    default:
      throw new Error(`Unknown phase ${args.phase}`);
  }
};

type Row = [string, string, string];

/** The as-of replay of each query route's projection, medians in seconds. */
const routeFigures = (a: Record<string, unknown> | undefined): string => {
  const routes = a?.['routeReplaySeconds'] as Record<string, { median: number }> | undefined;
  if (routes === undefined) return 'statistics — s';
  return Object.entries(routes)
    .map(([projection, { median }]) => `${projection.replace('network-', '')} ${median} s`)
    .join(', ');
};

const main = async (): Promise<void> => {
  const args = parse(process.argv.slice(2));
  if (args.phase) {
    console.log(JSON.stringify(await runPhase(args)));
    return;
  }
  const wanted = (phase: string): boolean => !args.only || args.only.includes(phase);
  const work = mkdtempSync(join(tmpdir(), 'alveole-bench-'));
  const dirs = { log: join(work, 'log'), http: join(work, 'http'), lag: join(work, 'lag') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  const options = network(args);
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
  const results: Record<string, Record<string, unknown>> = {};
  const step = async (phase: string, dir: string): Promise<void> => {
    if (!wanted(phase)) return;
    process.stderr.write(`bench: ${phase}…\n`);
    results[phase] = await inChild(phase, dir, args);
  };
  try {
    await step('commands', dirs.log);
    if (existsSync(join(dirs.log, 'events.db'))) {
      await step('rebuild', dirs.log);
      await step('floor', dirs.log);
      await step('asof', dirs.log);
      await step('peer', dirs.log);
    }
    await step('http', dirs.http);
    await step('lag', dirs.lag);
  } finally {
    if (!args.keep) rmSync(work, { recursive: true, force: true });
  }

  const c = results['commands'];
  const r = results['rebuild'];
  const f = results['floor'];
  const h = results['http'];
  const l = results['lag'];
  const a = results['asof'];
  const p = results['peer'] as { ratios?: { appends: number; rebuild: number } } | undefined;
  const ratio = (a: unknown, b: unknown): string => (typeof a === 'number' && typeof b === 'number' && b > 0 ? (a / b).toFixed(2) : '—');
  const rows: Row[] = [
    ['workload', `${options.caes} CAEs × ${DEFAULT_WORKLOAD.entrepreneursPerCae} entrepreneurs × ${args.years} years`, `${String(c?.['commands'] ?? '—')} commands, ${String(c?.['events'] ?? '—')} events`],
    ['commands, in-process (CommandService)', `${String(c?.['commandsPerSecond'] ?? '—')} commands/s`, `p50 ${String(c?.['p50Ms'] ?? '—')} ms, p99 ${String(c?.['p99Ms'] ?? '—')} ms`],
    ['commands, HTTP', `${String(h?.['requestsPerSecond'] ?? '—')} requests/s (${String(h?.['clients'] ?? '—')} clients)`, `p50 ${String(h?.['p50Ms'] ?? '—')} ms, p99 ${String(h?.['p99Ms'] ?? '—')} ms`],
    ['rebuild, every projection', `${String(r?.['eventsPerSecond'] ?? '—')} events/s`, `peak RSS ${String(r?.['peakRssMb'] ?? '—')} MiB`],
    ['floor: read + JSON.parse + fold', `${String(f?.['readEventsPerSecond'] ?? '—')} events/s`, `rebuild = ${ratio(r?.['eventsPerSecond'], f?.['readEventsPerSecond'])} of it`],
    ['floor: bare SQLite inserts', `${String(f?.['insertRowsPerSecond'] ?? '—')} rows/s`, `appends = ${ratio(c?.['eventsPerSecond'], f?.['insertRowsPerSecond'])} of it`],
    ['as-of: the busiest CAE replayed (cold)', `${String(a?.['caeEvents'] ?? '—')} events: ${routeFigures(a)}`, `every projection ${String(a?.['replaySeconds'] ?? '—')} s, audit ${String(a?.['auditSeconds'] ?? '—')} s; log of ${String(a?.['logEvents'] ?? '—')} events`],
    ['lag at 1,000 commands/s', `achieved ${String(l?.['achievedRate'] ?? '—')}/s`, `p50 ${String(l?.['p50Ms'] ?? '—')} ms, p99 ${String(l?.['p99Ms'] ?? '—')} ms`],
    ['peer: Emmett (SQLite)', `appends ×${p?.ratios?.appends?.toFixed(2) ?? '—'}`, `rebuild ×${p?.ratios?.rebuild?.toFixed(2) ?? '—'} (ours ÷ Emmett)`],
  ];
  const width = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  console.log(`\nAlvéole benchmark — ${machine.cpus} × ${machine.cpu}, ${machine.memoryGb} GiB, Node ${machine.node}\n`);
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(width[i]!)).join('  │  '));
  const out = join(root, 'bench/results');
  mkdirSync(out, { recursive: true });
  const report = { date: new Date().toISOString(), machine, scale: args.scale, years: args.years, workload: options, results };
  const name = `${report.date.slice(0, 19).replace(/[:T]/g, '-')}.json`;
  writeFileSync(join(out, name), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(out, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(`\nFigures written to bench/results/${name} (and latest.json).`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
