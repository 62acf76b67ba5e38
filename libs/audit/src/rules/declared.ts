import type { DeclaredCriterion } from '../../../domain';
import { eventsOf } from '../facts/events';
import { finding, NOT_APPLICABLE } from '../result';
import type { Rule } from '../rule';

/**
 * A criterion the log cannot show, answered by the CAE (RecordSelfAssessment): its latest answer on or before asOf
 * decides (the latest recorded among answers of one day) — met is declared, not met fails, not applicable is not
 * applicable; never answered fails.
 */
export const declaredCriterion = (id: DeclaredCriterion, rule: Omit<Rule, 'id' | 'evaluate'>): Rule => ({
  id,
  ...rule,
  evaluate(history) {
    const latest = eventsOf(history, 'SelfAssessmentRecorded')
      .filter((a) => a.data.criterionId === id)
      .sort((a, b) => (a.data.assessedOn < b.data.assessedOn ? -1 : a.data.assessedOn > b.data.assessedOn ? 1 : a.position - b.position))
      .at(-1);
    const subject = `criterion ${id}`;
    // Never answered: the CAE's registration is what opened the obligation.
    if (latest === undefined) return { outcome: 'fail', findings: [finding(subject, `Critère jamais auto-évalué par la CAE au ${history.asOf}.`, eventsOf(history, 'CaeRegistered').slice(-1))] };
    switch (latest.data.answer) {
      case 'met':
        return { outcome: 'declared', findings: [] };
      case 'not_applicable':
        return NOT_APPLICABLE;
      default:
        return { outcome: 'fail', findings: [finding(subject, `Critère déclaré non satisfait par la CAE le ${latest.data.assessedOn}.`, [latest])] };
    }
  },
});
