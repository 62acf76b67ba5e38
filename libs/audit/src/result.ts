import type { AuditEvent, Finding, RuleResult } from './rule';

/** How rules answer: a finding cites its evidence once each, in log order; a result's findings are in a stable order. */

export const finding = (subject: string, message: string, evidence: readonly (AuditEvent | undefined)[]): Finding => {
  const cited = new Map<number, AuditEvent>();
  for (const event of evidence) if (event !== undefined) cited.set(event.position, event);
  return { subject, message, evidence: [...cited.values()].sort((a, b) => a.position - b.position) };
};

const firstPosition = (f: Finding): number => f.evidence[0]?.position ?? 0;

/** By subject, then first evidence position, then the message: the same findings always read in the same order. */
export const inStableOrder = (findings: readonly Finding[]): Finding[] =>
  [...findings].sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : firstPosition(a) - firstPosition(b) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)));

export const NOT_APPLICABLE: RuleResult = { outcome: 'not_applicable', findings: [] };

/** Fails with the findings, passes without any. */
export const judged = (findings: readonly Finding[]): RuleResult => (findings.length === 0 ? { outcome: 'pass', findings: [] } : { outcome: 'fail', findings: inStableOrder(findings) });
