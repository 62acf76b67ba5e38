import { CATALOGUE } from './catalogue';
import { inStableOrder } from './result';
import type { AuditHistory, Rule, RuleResult } from './rule';

export interface Tally {
  met: number;
  total: number;
}

export interface Evaluation {
  rules: Array<{ rule: Rule; result: RuleResult }>;
  score: { mandatory: Tally; recommended: Tally; labelEligible: boolean };
}

const tally = (results: readonly RuleResult[]): Tally => ({
  met: results.filter((r) => r.outcome === 'pass' || r.outcome === 'declared').length,
  total: results.filter((r) => r.outcome !== 'not_applicable').length,
});

/**
 * Every rule over one history, in the catalogue's order, findings in a stable order, and the label's score: `met`
 * counts pass and declared, `total` leaves out not_applicable; eligible with every mandatory rule met and at least
 * half of the recommended ones (with none applicable, that half is met).
 */
export const evaluateCatalogue = (history: AuditHistory, rules: readonly Rule[] = CATALOGUE): Evaluation => {
  const evaluated = rules.map((rule) => {
    const result = rule.evaluate(history);
    return { rule, result: { outcome: result.outcome, findings: inStableOrder(result.findings) } };
  });
  const mandatory = tally(evaluated.filter((e) => e.rule.level === 'mandatory').map((e) => e.result));
  const recommended = tally(evaluated.filter((e) => e.rule.level === 'recommended').map((e) => e.result));
  return { rules: evaluated, score: { mandatory, recommended, labelEligible: mandatory.met === mandatory.total && recommended.met * 2 >= recommended.total } };
};
