import { createHash } from 'node:crypto';
import { CATALOGUE, CATALOGUE_VERSION, catalogueHash, evaluateCatalogue, type AuditHistory, type Level, type Outcome, type RuleDomain } from '../../../audit';
import type { IsoDate, KnownAt } from '../../../domain';
import { canonicalJson } from '../../../event-store';
import type { ChainHead } from './signing-keys';

/** An event a finding stands on, as the log holds it: anyone with the log checks it is there, with that hash. */
export interface Evidence {
  eventId: string;
  position: number;
  hash: string;
  occurredOn: IsoDate;
}

export interface RuleReport {
  id: string;
  title: { fr: string; en: string };
  source: string;
  domain: RuleDomain;
  level: Level;
  outcome: Outcome;
  findings: { subject: string; message: string; evidence: Evidence[] }[];
}

export interface Score {
  mandatory: { met: number; total: number };
  recommended: { met: number; total: number };
  labelEligible: boolean;
}

/** Everything a report says about the CAE, which `reportHash` covers: the same log, scope and dates give the same. */
export interface ReportBody {
  caeId: string;
  asOf: IsoDate;
  /** As the audit was asked: an instant, a log position, or null for everything recorded when it ran. */
  knownAt: string | number | null;
  chainHead: ChainHead;
  catalogue: { version: number; hash: string };
  score: Score;
  rules: RuleReport[];
}

/** A report as the API and the CLI give it: who ran it and when sit outside the hash. */
export interface AuditReport extends ReportBody {
  id: string;
  performedBy: string;
  performedAt: string;
  reportHash: string;
}

export const knownAtOf = (knownAt: KnownAt | undefined): string | number | null =>
  knownAt === undefined ? null : 'position' in knownAt ? knownAt.position : knownAt.instant;

/** The catalogue over the history: every rule in catalogue order, each finding with the events that prove it. */
export const reportBody = (history: AuditHistory, head: ChainHead, knownAt: KnownAt | undefined): ReportBody => {
  const { rules, score } = evaluateCatalogue(history, CATALOGUE);
  return {
    caeId: history.caeId,
    asOf: history.asOf,
    knownAt: knownAtOf(knownAt),
    chainHead: head,
    catalogue: { version: CATALOGUE_VERSION, hash: catalogueHash() },
    score,
    rules: rules.map(({ rule, result }) => ({
      id: rule.id,
      title: rule.title,
      source: rule.source,
      domain: rule.domain,
      level: rule.level,
      outcome: result.outcome,
      findings: result.findings.map(({ subject, message, evidence }) => ({
        subject,
        message,
        evidence: evidence.map(({ eventId, position, hash, occurredOn }) => ({ eventId, position, hash, occurredOn })),
      })),
    })),
  };
};

/** SHA-256 (hex) of the canonical JSON of the body: the report's identity whoever computes it, wherever. */
export const reportHashOf = (body: ReportBody): string => createHash('sha256').update(canonicalJson(bodyOf(body))).digest('hex');

/** The body alone, whatever else a report file carries: what the hash is checked against. */
export const bodyOf = ({ caeId, asOf, knownAt, chainHead, catalogue, score, rules }: ReportBody): ReportBody => ({ caeId, asOf, knownAt, chainHead, catalogue, score, rules });

/** The report in a fixed key order: written twice, the same bytes. */
export const auditReport = (body: ReportBody, run: { id: string; performedBy: string; performedAt: string }): AuditReport => ({
  id: run.id,
  ...bodyOf(body),
  performedBy: run.performedBy,
  performedAt: run.performedAt,
  reportHash: reportHashOf(body),
});
