import { caeRegistered, cesaSigned, entrepreneurIntegrated, salaryPaid } from '../../../../projections/testing/events';
import { historyOf, summary } from '../testing/history';
import { SALARY_AT_LEAST_SMIC } from './salary-at-least-smic';

describe('SALARY_AT_LEAST_SMIC', () => {
  const story = [caeRegistered(), entrepreneurIntegrated(), cesaSigned()];

  it('passes 1,000.00 € for 80 h in 2016 (12.50 €/h ≥ 9.67) and exactly the SMIC of Nov 2024 (11.88 × 151.67 = 1,801.8396)', () => {
    const history = historyOf([...story, salaryPaid(), salaryPaid({ period: '2024-11', paidOn: '2024-11-30', gross: '1801.84', hours: '151.67' })]);
    expect(summary(SALARY_AT_LEAST_SMIC.evaluate(history))).toEqual({ outcome: 'pass', findings: [] });
  });

  it('fails 1,801.83 € for 151.67 h in Nov 2024, one cent under the SMIC (no float could be trusted with that), citing the salary', () => {
    const result = SALARY_AT_LEAST_SMIC.evaluate(historyOf([...story, salaryPaid({ period: '2024-11', paidOn: '2024-11-30', gross: '1801.83', hours: '151.67' })]));
    expect(summary(result)).toEqual({ outcome: 'fail', findings: [['salary e-001 2024-11', [4]]] });
    expect(result.findings[0]!.message).toContain('11.8799 €/h, sous le SMIC de 11.88 €/h en vigueur depuis le 2024-11-01');
  });

  it('judges October 2024 by the SMIC then in force (11.65): 11.70 €/h passes then', () => {
    expect(SALARY_AT_LEAST_SMIC.evaluate(historyOf([...story, salaryPaid({ period: '2024-10', paidOn: '2024-10-31', gross: '1170.00', hours: '100' })])).outcome).toBe('pass');
    expect(SALARY_AT_LEAST_SMIC.evaluate(historyOf([...story, salaryPaid({ period: '2024-11', paidOn: '2024-11-30', gross: '1170.00', hours: '100' })])).outcome).toBe('fail');
  });

  it('is not applicable without any salary', () => {
    expect(SALARY_AT_LEAST_SMIC.evaluate(historyOf(story)).outcome).toBe('not_applicable');
  });
});
