import { verifyReadModels, type Runtime } from '../../../libs/application';
import type { VerifyReport } from '../../../libs/event-store';
import { runVerifyReport } from './audit';

export const VERIFY_USAGE = `  npm run cli -- verify [--cae <caeId>]   check the event log: hash chain per CAE, positions, stored heads,
                                          command records; prints the log head <position>:<hash> to record
  npm run cli -- verify --expect-head <position>:<hash>
                                          also check the log against a head recorded earlier
  npm run cli -- verify --read-models     also replay the log and compare every read-model document`;

interface VerifyArgs {
  caeId?: string;
  /** A report to check against the log, instead of the whole log. */
  report?: string;
  expectHead?: { position: number; text: string };
  readModels: boolean;
}

/** The arguments of `verify`, or what is wrong with them. */
export const parseVerifyArgs = (args: string[]): VerifyArgs | string => {
  const parsed: VerifyArgs = { readModels: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--read-models') parsed.readModels = true;
    else if (arg === '--cae' && args[i + 1] !== undefined) parsed.caeId = args[++i];
    else if (arg === '--report' && args[i + 1] !== undefined) parsed.report = args[++i];
    else if (arg === '--expect-head' && args[i + 1] !== undefined) {
      const text = args[++i]!;
      if (!/^\d+:[0-9a-f]{64}$/.test(text)) return `--expect-head wants <position>:<hash> as verify prints it, not "${text}".`;
      parsed.expectHead = { position: Number(text.split(':')[0]), text };
    } else return `Unknown argument to verify: ${arg}.`;
  }
  if (parsed.caeId !== undefined && parsed.expectHead !== undefined) return '--expect-head checks the whole log: it cannot go with --cae.';
  if (parsed.report !== undefined && (parsed.caeId !== undefined || parsed.expectHead !== undefined || parsed.readModels)) return '--report checks one report: it goes alone.';
  return parsed;
};

/** Runs `verify` and prints what it found, one line each; 0 when nothing is wrong, 1 on any finding. */
export const runVerify = async (runtime: Runtime, args: VerifyArgs, print: (line: string) => void): Promise<number> => {
  if (args.report !== undefined) return runVerifyReport(runtime, args.report, print);
  const report = await runtime.store.verify({
    ...(args.caeId !== undefined ? { caeId: args.caeId } : {}),
    ...(args.expectHead !== undefined ? { headAt: args.expectHead.position } : {}),
  });
  printLog(report, print);
  let ok = report.ok;
  if (args.expectHead !== undefined) ok = checkRecordedHead(report, args.expectHead, print) && ok;
  if (args.readModels) ok = (await checkReadModels(runtime, print)) && ok;
  return ok ? 0 : 1;
};

const printLog = (report: VerifyReport, print: (line: string) => void): void => {
  for (const cae of report.caes)
    print(
      cae.ok
        ? `${cae.caeId}: ok, ${cae.events} events, head ${cae.head}`
        : cae.firstBrokenPosition !== undefined
          ? `${cae.caeId}: BROKEN at position ${cae.firstBrokenPosition} (${cae.events} events)`
          : `${cae.caeId}: STORED HEAD MISMATCH (${cae.events} events)`,
    );
  const shown = report.findings.filter((finding) => finding.code !== 'CHAIN_BROKEN');
  for (const finding of shown) print(`${finding.code}: ${finding.message}`);
  if (report.findingsNotListed !== undefined) print(`… and ${report.findingsNotListed} more findings.`);
  print(
    report.ok
      ? `Log intact: ${report.events} events, positions 1 to ${report.headPosition}.`
      : report.firstBrokenPosition !== undefined
        ? `Hash chain broken: first broken position ${report.firstBrokenPosition}.`
        : `Log damaged: ${report.findings.length + (report.findingsNotListed ?? 0)} findings.`,
  );
  if (report.logHead !== undefined)
    print(report.ok ? `Log head: ${report.logHead} (record it; check later with --expect-head ${report.logHead})` : `Log head: ${report.logHead}`);
};

const checkRecordedHead = (report: VerifyReport, expected: { position: number; text: string }, print: (line: string) => void): boolean => {
  if (report.headAt === undefined) {
    print(`truncated: the log ends at ${report.headPosition}, below the recorded head ${expected.position}`);
    return false;
  }
  if (report.headAt === expected.text) {
    print(`Recorded head ${expected.text}: matches.`);
    return true;
  }
  print(`Recorded head ${expected.text} does NOT match: as of position ${expected.position} the log's head is ${report.headAt} (the log up to there was rewritten).`);
  return false;
};

const checkReadModels = async (runtime: Runtime, print: (line: string) => void): Promise<boolean> => {
  const report = await verifyReadModels(runtime.store, runtime.readStore, runtime.vault, runtime.projector.projections);
  for (const { projection, generation, checkpoint, documents } of report.projections)
    print(`read models ${projection} (generation ${generation}): ${documents} documents compared, replayed up to position ${checkpoint}`);
  const difference = report.firstDifference;
  if (difference === undefined) {
    print('Read models match the log.');
    return true;
  }
  print(`Read model differs from the log: ${difference.projection} / ${difference.collection} / ${difference.id}: ${difference.diff}`);
  return false;
};
