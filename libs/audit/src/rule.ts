import type { EventType, IsoDate } from '../../domain';
import type { ProjectedEvent } from '../../../projections/projection';

/** The vocabulary of the label's catalogue: a rule, what it is evaluated over, and what it answers. */

export type AuditEvent = ProjectedEvent & { eventId: string; hash: string }; // personal data already opened
export interface AuditHistory {
  caeId: string;
  asOf: IsoDate; // business date: events with occurredOn > asOf are already removed
  events: readonly AuditEvent[]; // this CAE's events (its caeId, plus nothing else), in log order (position)
  chain: { intact: boolean; problems: readonly string[] }; // the hash chain verified up to the last event
}
export type Outcome = 'pass' | 'fail' | 'not_applicable' | 'declared';
export interface Finding {
  subject: string;
  message: string;
  evidence: readonly AuditEvent[];
} // message in French
export interface RuleResult {
  outcome: Outcome;
  findings: readonly Finding[];
}
export type Level = 'mandatory' | 'recommended';
export type RuleDomain = 'legal' | 'accounting' | 'human_resources' | 'accompaniment' | 'governance' | 'integrity';
export interface Rule {
  id: string;
  title: { fr: string; en: string };
  source: string;
  domain: RuleDomain;
  level: Level;
  evaluate(history: AuditHistory): RuleResult;
}

/** One type of audit event, its data typed. */
export type AuditEventOf<T extends EventType> = Extract<AuditEvent, { type: T }>;
