import { exampleStory } from '../../../projections/testing/events';
import { CATALOGUE } from './catalogue';
import { evaluateCatalogue } from './evaluate';
import { finding } from './result';
import type { Level, Outcome, Rule } from './rule';
import { selfAssessed } from './testing/events';
import { historyOf } from './testing/history';

const stub = (id: string, level: Level, outcome: Outcome): Rule => ({
  id,
  title: { fr: id, en: id },
  source: 'pratique du label',
  domain: 'legal',
  level,
  evaluate: () => ({ outcome, findings: [] }),
});

describe('evaluateCatalogue', () => {
  const empty = historyOf([]);

  it('counts pass and declared as met, leaves not_applicable out of the totals', () => {
    const rules = [stub('A', 'mandatory', 'pass'), stub('B', 'mandatory', 'declared'), stub('C', 'mandatory', 'not_applicable'), stub('D', 'recommended', 'fail'), stub('E', 'recommended', 'pass')];
    expect(evaluateCatalogue(empty, rules).score).toEqual({ mandatory: { met: 2, total: 2 }, recommended: { met: 1, total: 2 }, labelEligible: true });
  });

  it('is not eligible with one mandatory rule failed, nor with fewer than half of the recommended ones met', () => {
    expect(evaluateCatalogue(empty, [stub('A', 'mandatory', 'fail'), stub('B', 'recommended', 'pass')]).score.labelEligible).toBe(false);
    const recommended = [stub('A', 'mandatory', 'pass'), stub('B', 'recommended', 'pass'), stub('C', 'recommended', 'fail'), stub('D', 'recommended', 'fail')];
    expect(evaluateCatalogue(empty, recommended).score).toEqual({ mandatory: { met: 1, total: 1 }, recommended: { met: 1, total: 3 }, labelEligible: false });
  });

  it('counts the half of the recommended rules met when none applies', () => {
    expect(evaluateCatalogue(empty, [stub('A', 'mandatory', 'pass'), stub('B', 'recommended', 'not_applicable')]).score).toEqual({
      mandatory: { met: 1, total: 1 },
      recommended: { met: 0, total: 0 },
      labelEligible: true,
    });
  });

  it('lists rules in the order given and findings by subject, then first evidence position', () => {
    const history = historyOf(exampleStory());
    const [first, second, third] = history.events;
    const unordered: Rule = { ...stub('X', 'mandatory', 'fail'), evaluate: () => ({ outcome: 'fail', findings: [finding('b', 'm', [second]), finding('a', 'm', [third]), finding('a', 'm', [first])] }) };
    const evaluation = evaluateCatalogue(history, [stub('Z', 'recommended', 'pass'), unordered]);
    expect(evaluation.rules.map((r) => r.rule.id)).toEqual(['Z', 'X']);
    expect(evaluation.rules[1]!.result.findings.map((f) => [f.subject, f.evidence[0]!.position])).toEqual([['a', 1], ['a', 3], ['b', 2]]);
  });

  describe('the whole catalogue over the example story (Coodyssée 2016), as of 31 Dec 2016', () => {
    const story = () => historyOf(exampleStory(), { asOf: '2016-12-31' });

    it('fails the two criteria never assessed and the SCOP rules (e-001 the only associate, then gone), and passes the rest', () => {
      const evaluation = evaluateCatalogue(story());
      const byOutcome = (outcome: Outcome) => evaluation.rules.filter((r) => r.result.outcome === outcome).map((r) => r.rule.id);
      expect(byOutcome('fail')).toEqual(['ACCOMPANIMENT_PROGRAMME_ADOPTED', 'HEALTH_SAFETY_INFORMATION', 'SCOP_EMPLOYEE_CAPITAL', 'SCOP_EMPLOYEE_VOTES', 'SCOP_NO_MAJORITY_HOLDER']);
      expect(byOutcome('not_applicable')).toEqual(['ACCESS_REVOKED_ON_EXIT']);
      expect(evaluation.score).toEqual({ mandatory: { met: 11, total: 16 }, recommended: { met: 1, total: 1 }, labelEligible: false });
    });

    it('turns the two criteria declared once the CAE answers them met', () => {
      const answered = historyOf([...exampleStory(), selfAssessed('ACCOMPANIMENT_PROGRAMME_ADOPTED', 'met', '2016-12-31'), selfAssessed('HEALTH_SAFETY_INFORMATION', 'met', '2016-12-31')], { asOf: '2016-12-31' });
      const outcomes = Object.fromEntries(evaluateCatalogue(answered).rules.map((r) => [r.rule.id, r.result.outcome]));
      expect([outcomes['ACCOMPANIMENT_PROGRAMME_ADOPTED'], outcomes['HEALTH_SAFETY_INFORMATION']]).toEqual(['declared', 'declared']);
    });

    it('gives the same output for the same history, byte for byte', () => {
      const printed = () => JSON.stringify(evaluateCatalogue(story()).rules.map(({ rule, result }) => ({ id: rule.id, result })));
      expect(printed()).toBe(printed());
      expect(evaluateCatalogue(story(), CATALOGUE).rules.map((r) => r.rule)).toEqual(CATALOGUE);
    });
  });
});
