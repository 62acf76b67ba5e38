import { entrepreneurExited } from '../../../../projections/testing/events';
import { historyOf, summary } from '../testing/history';
import { admittedTogether, externalJoins } from '../testing/scop';
import { SCOP_EMPLOYEE_CAPITAL } from './scop-employee-capital';

describe('SCOP_EMPLOYEE_CAPITAL', () => {
  it('passes employees holding 7 shares of 8, then 7 of 9', () => {
    expect(summary(SCOP_EMPLOYEE_CAPITAL.evaluate(historyOf([...admittedTogether(), externalJoins(1)])))).toEqual({ outcome: 'pass', findings: [] });
  });

  it('fails from the day a bank subscribes 10 shares (7 of 18), citing that subscription', () => {
    const result = SCOP_EMPLOYEE_CAPITAL.evaluate(historyOf([...admittedTogether(), externalJoins(10)]));
    expect(summary(result)).toEqual({ outcome: 'fail', findings: [['capital on 2016-12-01', [7]]] });
    expect(result.findings[0]!.message).toContain('7 parts sur 18, soit 38.89 %');
  });

  it('fails on the day the entrepreneur associate leaves: her shares stay but are no longer an employee’s, citing her exit', () => {
    expect(summary(SCOP_EMPLOYEE_CAPITAL.evaluate(historyOf([...admittedTogether(), entrepreneurExited()])))).toEqual({ outcome: 'fail', findings: [['capital on 2016-12-30', [7]]] });
  });

  it('is not applicable to a SCIC, or without any associate', () => {
    expect(SCOP_EMPLOYEE_CAPITAL.evaluate(historyOf([...admittedTogether('SCIC'), externalJoins(10)])).outcome).toBe('not_applicable');
    expect(SCOP_EMPLOYEE_CAPITAL.evaluate(historyOf(admittedTogether().slice(0, 3))).outcome).toBe('not_applicable');
  });
});
