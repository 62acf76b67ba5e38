import { readFileSync, writeFileSync } from 'node:fs';
import { auditReport, keyFingerprint, reportHtml, verifyReport, type Runtime } from '../../../libs/application';
import { validateQuery, type KnownAt } from '../../../libs/domain';
import { date, knownAt, obj, optional } from '../../../libs/domain/src/validation/schema';
import { flagsOf } from './flags';

export const AUDIT_USAGE = `  npm run cli -- audit --cae <caeId> --as-of <YYYY-MM-DD> [--known-at <instant|position>] [--out report.json|report.html]
                                          the label audit of a CAE, offline, from the data directory (or a copy of
                                          one): the report on standard output or in a file; nothing is recorded
  npm run cli -- verify --report <report.json>
                                          check a report against this log: its hash, its chain head, every evidence
                                          event, the signature of the head`;

interface AuditArgs {
  caeId: string;
  asOf: string;
  knownAt?: KnownAt;
  out?: string;
}

// The same checks as the API's: a date on the calendar, an instant with its offset or a position.
const CUT = obj({ asOf: date(), knownAt: optional(knownAt()) });

/** The arguments of `audit`, or what is wrong with them. */
export const parseAuditArgs = (args: string[]): AuditArgs | string => {
  const given = flagsOf('audit', args, { '--cae': 'caeId', '--as-of': 'asOf', '--known-at': 'knownAt', '--out': 'out' }, { names: ['caeId', 'asOf'], needs: '--cae <caeId> and --as-of <YYYY-MM-DD>' });
  if (typeof given === 'string') return given;
  const cut = validateQuery(CUT, { asOf: given['asOf'], ...(given['knownAt'] !== undefined && { knownAt: given['knownAt'] }) });
  if (!cut.ok) return cut.error.message;
  if (given['out'] !== undefined && !/\.(json|html)$/.test(given['out'])) return '--out names a .json or an .html file.';
  return { caeId: given['caeId'], asOf: cut.value.asOf, ...(cut.value.knownAt !== undefined && { knownAt: cut.value.knownAt }), ...(given['out'] !== undefined && { out: given['out'] }) };
};

/** The report, made from the data directory without recording anything: its id says it was made offline. */
export const runAudit = async (runtime: Runtime, args: AuditArgs, print: (line: string) => void): Promise<number> => {
  const body = await runtime.audits.body(args.caeId, { asOf: args.asOf, ...(args.knownAt !== undefined && { knownAt: args.knownAt }) });
  if (body === undefined) {
    print(`CAE ${args.caeId} has no event in this log up to that moment.`);
    return 1;
  }
  const report = auditReport(body, { id: `offline-${body.chainHead.position}`, performedBy: 'cli', performedAt: new Date().toISOString() });
  const text = args.out?.endsWith('.html') ? reportHtml(report) : `${JSON.stringify(report, null, 2)}\n`;
  if (args.out === undefined) {
    print(text.trimEnd());
    return 0;
  }
  writeFileSync(args.out, text);
  const { mandatory, recommended, labelEligible } = report.score;
  print(`${args.caeId} as of ${args.asOf}: mandatory ${mandatory.met}/${mandatory.total}, recommended ${recommended.met}/${recommended.total}, ${labelEligible ? 'eligible' : 'not eligible'} for the label.`);
  for (const rule of report.rules.filter((r) => r.outcome === 'fail')) print(`  ${rule.id} (${rule.level}): ${rule.findings.length} finding(s) — ${rule.findings[0]?.message ?? ''}`);
  print(`Report ${report.reportHash} written to ${args.out}; check it with: npm run cli -- verify --report ${args.out}`);
  return 0;
};

/** `verify --report`: 0 when the report stands on this log as it says, 1 otherwise. */
export const runVerifyReport = async (runtime: Runtime, file: string, print: (line: string) => void): Promise<number> => {
  let report: unknown;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    print(`Cannot read ${file} as JSON: ${(error as Error).message}`);
    return 1;
  }
  const check = await verifyReport(runtime.store, report);
  for (const finding of check.findings) print(finding);
  const head = (report as { chainHead?: { position?: number; signature?: { publicKey: string } } }).chainHead;
  if (check.signature === 'valid') print(`Chain head ${head?.position} signed by the CAE key ${keyFingerprint(head!.signature!.publicKey)} (compare it with the key the CAE publishes).`);
  if (check.signature === 'absent') print('The chain head is not signed.');
  print(check.ok ? `Report verified: its hash, its chain head and ${check.evidence} evidence events stand on this log.` : 'Report NOT verified.');
  return check.ok ? 0 : 1;
};
