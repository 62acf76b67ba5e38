import type { EventStore, RecordedEvent } from '../../../event-store';
import { viewOf } from '../as-of/replayer';
import { bodyOf, reportHashOf, type AuditReport } from './audit-report';
import { checkedChain } from './cae-chain';
import { signatureHolds } from './signing-keys';

/** What `verify --report` found: nothing when the report stands on this log as it says. */
export interface ReportVerification {
  ok: boolean;
  findings: string[];
  /** The chain head's signature: checked with the key the report carries, absent, or failing. */
  signature: 'valid' | 'absent' | 'invalid';
  evidence: number;
}

const isReport = (value: unknown): value is AuditReport => {
  const report = value as Partial<AuditReport> | null;
  return (
    typeof report === 'object' && report !== null && typeof report.caeId === 'string' && typeof report.asOf === 'string' && typeof report.reportHash === 'string' &&
    typeof report.chainHead?.position === 'number' && typeof report.chainHead.hash === 'string' && Array.isArray(report.rules) && typeof report.catalogue === 'object'
  );
};

/**
 * Checks a report against a log, with nothing but the two: its hash covers what it says; its chain head is the CAE's
 * event at that position, reached by an intact chain; every evidence event is in the log at its position, with its
 * id and hash; and the head's signature, when there is one, is the key's it names.
 */
export async function verifyReport(store: EventStore, report: unknown): Promise<ReportVerification> {
  if (!isReport(report)) return { ok: false, findings: ['This is not an audit report: caeId, asOf, chainHead, catalogue, rules and reportHash are required.'], signature: 'absent', evidence: 0 };
  const findings: string[] = [];
  if (reportHashOf(bodyOf(report)) !== report.reportHash) findings.push('The report was changed after it was made: its reportHash is not that of its content.');
  const { caeId, chainHead } = report;
  const cited = report.rules.flatMap((rule) => (rule.findings ?? []).flatMap((finding) => (finding.evidence ?? []).map((evidence) => ({ rule: rule.id, ...evidence }))));
  const wanted = new Set([chainHead.position, ...cited.map((evidence) => evidence.position)]);
  // The CAE's chain up to the head, checked link by link; of the events on the way, those the report names are kept.
  const seen = new Map<number, RecordedEvent>();
  let broken: number | undefined;
  for await (const { event, linked } of checkedChain(viewOf(store, { caeId }, { knownAt: { position: chainHead.position } }))) {
    if (!linked && broken === undefined) broken = event.position;
    if (wanted.has(event.position)) seen.set(event.position, event);
  }
  const head = seen.get(chainHead.position);
  if (head === undefined) findings.push(`The chain head (position ${chainHead.position}) is not an event of CAE ${caeId} in this log.`);
  else if (head.hash !== chainHead.hash) findings.push(`The chain head's hash differs from the log's at position ${chainHead.position}.`);
  if (broken !== undefined) findings.push(`CAE ${caeId}'s chain breaks at position ${broken}, before the report's head.`);
  for (const { rule, position, eventId, hash } of cited) {
    const event = seen.get(position);
    if (event === undefined) findings.push(`${rule}: no event of CAE ${caeId} at position ${position} up to the head.`);
    else if (event.eventId !== eventId || event.hash !== hash) findings.push(`${rule}: the event at position ${position} is not the one cited (id or hash differ).`);
  }
  const signature = chainHead.signature === undefined ? 'absent' : signatureHolds(caeId, chainHead) ? 'valid' : 'invalid';
  if (signature === 'invalid') findings.push("The chain head's signature does not hold for the key the report names.");
  return { ok: findings.length === 0, findings, signature, evidence: cited.length };
}
