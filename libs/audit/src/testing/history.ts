import { NETWORK_SCOPE, occurredOn, streamOf, type DomainEvent, type IsoDate } from '../../../domain';
import type { AuditHistory, Finding, RuleResult } from '../rule';

/** The day events without a business date (a CAE's registration) are recorded on in specs. */
export const RECORDED_ON = '2016-01-01';

/**
 * A history as the report code hands it to the rules: positions 1, 2, 3… in the order given, each event on its
 * stream, dated, with an id and a hash; the events dated after `asOf` removed (their positions stay taken).
 */
export const historyOf = (events: readonly DomainEvent[], options: { asOf?: IsoDate; chain?: AuditHistory['chain'] } = {}): AuditHistory => {
  const asOf = options.asOf ?? '2026-01-15';
  const revisions = new Map<string, number>();
  const placed = events.map((event, i) => {
    const streamId = streamOf(event);
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    const caeId = 'caeId' in event.data ? event.data.caeId : NETWORK_SCOPE;
    return { ...event, position: i + 1, streamId, revision, caeId, occurredOn: occurredOn(event) ?? RECORDED_ON, eventId: `evt-${i + 1}`, hash: `hash-${i + 1}` };
  });
  return { caeId: 'coodyssee', asOf, events: placed.filter((e) => e.occurredOn <= asOf), chain: options.chain ?? { intact: true, problems: [] } };
};

/** What a spec asserts of a result: its outcome, and each finding's subject with its evidence's positions. */
export const summary = (result: RuleResult): { outcome: string; findings: [string, number[]][] } => ({
  outcome: result.outcome,
  findings: result.findings.map((f: Finding) => [f.subject, f.evidence.map((e) => e.position)]),
});
