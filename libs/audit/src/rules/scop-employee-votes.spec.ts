import { historyOf, summary } from '../testing/history';
import { admittedTogether, externalJoins } from '../testing/scop';
import { SCOP_EMPLOYEE_VOTES } from './scop-employee-votes';

describe('SCOP_EMPLOYEE_VOTES', () => {
  it('passes 2 employee votes of 3 (66.67%), whatever the shares', () => {
    expect(summary(SCOP_EMPLOYEE_VOTES.evaluate(historyOf(admittedTogether())))).toEqual({ outcome: 'pass', findings: [] });
  });

  it('fails 2 employee votes of 4 once a second external joins, even with a single share (one associate, one vote), citing the admission', () => {
    const result = SCOP_EMPLOYEE_VOTES.evaluate(historyOf([...admittedTogether(), externalJoins(1)]));
    expect(summary(result)).toEqual({ outcome: 'fail', findings: [['capital on 2016-12-01', [7]]] });
    expect(result.findings[0]!.message).toContain('2 associé(s) salarié(s) sur 4, soit 50.00 %');
  });

  it('is not applicable to a SCIC', () => {
    expect(SCOP_EMPLOYEE_VOTES.evaluate(historyOf([...admittedTogether('SCIC'), externalJoins(1)])).outcome).toBe('not_applicable');
  });
});
