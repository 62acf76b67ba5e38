import { SingleBar, Presets } from 'cli-progress';
import { ConfigError, loadConfig, openConfigured, type Runtime } from '../../../libs/application';
import { LogIntegrityError } from '../../../libs/event-store';
import { AUDIT_USAGE, parseAuditArgs, runAudit } from './audit';
import { DOCUMENTS_USAGE, parseDocumentsArgs, runDocuments } from './documents';
import { FEC_USAGE, parseFecArgs, runFec } from './fec';
import { importCommands } from './import-commands';
import { QUARANTINE_USAGE, reportQuarantineAfterRebuild, runQuarantine } from './quarantine';
import { parseVerifyArgs, runVerify, VERIFY_USAGE } from './verify';
import { runTokens, runUsers, USERS_USAGE } from './users';

const USAGE = `Alvéole operator tools

Usage:
  npm run cli -- import <file.jsonl>   import command envelopes (one JSON object per line)
${VERIFY_USAGE}
${AUDIT_USAGE}
${FEC_USAGE}
${DOCUMENTS_USAGE}
  npm run cli -- rebuild [projection…]  rebuild read models (all by default) into fresh collections,
                                        swapped in once caught up; queries keep answering meanwhile
${QUARANTINE_USAGE}
${USERS_USAGE}

The data directory is DATA_DIR (default ./data), as for npm start.`;

const runImport = async (file: string | undefined): Promise<number> => {
  if (!file) {
    console.error(USAGE);
    return 2;
  }
  const runtime = await openConfigured(loadConfig());
  const bar = new SingleBar({ format: 'import [{bar}] {percentage}% | {accepted} accepted, {duplicate} duplicate, {rejected} rejected', hideCursor: true }, Presets.shades_classic);
  bar.start(100, 0, { accepted: 0, duplicate: 0, rejected: 0 });
  try {
    const summary = await importCommands(file, runtime.commands, ({ bytesRead, totalBytes, summary: s }) =>
      bar.update(totalBytes === 0 ? 100 : Math.floor((bytesRead / totalBytes) * 100), { accepted: s.accepted, duplicate: s.duplicate, rejected: s.rejected }),
    );
    bar.update(100, summary);
    bar.stop();
    console.log(`\n${summary.lines} commands: ${summary.accepted} accepted, ${summary.duplicate} duplicate, ${summary.rejected} rejected`);
    for (const e of summary.errors) console.log(`  line ${e.line}${e.commandId ? ` (${e.commandId})` : ''}: ${e.error.code} — ${e.error.message}`);
    if (summary.rejected > summary.errors.length) console.log(`  … and ${summary.rejected - summary.errors.length} more rejected`);
    return summary.rejected > 0 ? 1 : 0;
  } finally {
    bar.stop();
    await runtime.close();
  }
};

const verify = async (args: string[]): Promise<number> => {
  const parsed = parseVerifyArgs(args);
  if (typeof parsed === 'string') {
    console.error(`${parsed}\n\n${USAGE}`);
    return 2;
  }
  const runtime = await openConfigured(loadConfig());
  try {
    return await runVerify(runtime, parsed, (line) => console.log(line));
  } finally {
    await runtime.close();
  }
};

const runRebuild = async (names: string[]): Promise<number> => {
  const runtime = await openConfigured(loadConfig());
  try {
    const fromLog = runtime.projector.projections.map((p) => p.name);
    const fromKafka = runtime.feeds.map((feed) => feed.projection.name);
    const known = [...fromLog, ...fromKafka];
    const unknown = names.filter((n) => !known.includes(n));
    if (unknown.length > 0) {
      console.error(`Unknown projection(s): ${unknown.join(', ')}. Known: ${known.join(', ')}.`);
      return 2;
    }
    // Projections fed by Kafka are rebuilt from the topic, each by a new consumer group.
    for (const feed of runtime.feeds.filter((f) => names.length === 0 || names.includes(f.projection.name))) {
      const feedBar = new SingleBar({ format: `rebuild ${feed.projection.name} from ${feed.topic} [{bar}] {percentage}% | {value}/{total} messages`, hideCursor: true }, Presets.shades_classic);
      feedBar.start(1, 0);
      const { generation } = await feed.rebuild(({ consumed, end }) => {
        feedBar.setTotal(Math.max(1, end));
        feedBar.update(consumed);
      });
      feedBar.stop();
      console.log(`${feed.projection.name}: generation ${generation} active (consumed from ${feed.topic}).`);
    }
    const chosen = names.length > 0 ? names.filter((n) => fromLog.includes(n)) : fromLog;
    if (chosen.length === 0) {
      await reportQuarantineAfterRebuild(runtime, names.length > 0 ? names : known, console.log);
      return 0;
    }
    const bar = new SingleBar({ format: `rebuild ${chosen.join(', ')} [{bar}] {percentage}% | {value}/{total} events`, hideCursor: true }, Presets.shades_classic);
    bar.start(await runtime.store.headPosition(), 0);
    const positions = new Map<string, number>();
    const { generations, events } = await runtime.projector.rebuild(chosen, ({ projection, position, head }) => {
      positions.set(projection, position);
      bar.setTotal(head);
      bar.update(Math.min(...positions.values()));
    });
    bar.stop();
    for (const [name, generation] of Object.entries(generations)) console.log(`${name}: rebuilt into generation ${generation}, now active.`);
    console.log(`${events} events read once for ${chosen.length} projection(s).`);
    await reportQuarantineAfterRebuild(runtime, names.length > 0 ? names : known, console.log);
    return 0;
  } finally {
    await runtime.close();
  }
};

const withRuntime = async (run: (runtime: Runtime) => Promise<number>): Promise<number> => {
  const runtime = await openConfigured(loadConfig());
  try {
    return await run(runtime);
  } finally {
    await runtime.close();
  }
};

/** Runs a command with its parsed arguments, or says what is wrong with them and the usage (exit code 2). */
const parsedThen = async <A>(parsed: A | string, run: (args: A) => Promise<number>): Promise<number> => {
  if (typeof parsed !== 'string') return run(parsed);
  console.error(`${parsed}\n\n${USAGE}`);
  return 2;
};

const main = async (argv: string[]): Promise<number> => {
  const [command, ...args] = argv;
  switch (command) {
    case 'import':
      return runImport(args[0]);
    case 'verify':
      return verify(args);
    case 'rebuild':
      return runRebuild(args);
    case 'audit':
      return parsedThen(parseAuditArgs(args), (parsed) => withRuntime((runtime) => runAudit(runtime, parsed, console.log)));
    case 'fec':
      return parsedThen(parseFecArgs(args), (parsed) => withRuntime((runtime) => runFec(runtime, parsed, console.log)));
    case 'documents':
      return parsedThen(parseDocumentsArgs(args), (parsed) => withRuntime((runtime) => runDocuments(runtime, parsed, console.log)));
    case 'users':
      return withRuntime((runtime) => runUsers(runtime, args, console.log));
    case 'tokens':
      return withRuntime((runtime) => runTokens(runtime, args, console.log));
    case 'quarantine':
      return withRuntime((runtime) => runQuarantine(runtime, args, console.log));
    default:
      console.error(USAGE);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
};

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof LogIntegrityError ? error.message : error);
    process.exit(1);
  },
);
