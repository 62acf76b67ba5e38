import { caeRegistered, capeSigned, cesaSigned, entrepreneurExited, entrepreneurIntegrated, salaryPaid } from '../../../../projections/testing/events';
import { historyOf, summary } from '../testing/history';
import { SALARY_ONLY_UNDER_CESA } from './salary-only-under-cesa';

describe('SALARY_ONLY_UNDER_CESA', () => {
  // CAPE from 11 Jan to 10 Jul 2016, CESA on 1 Sep 2016 (positions 1–4).
  const story = [caeRegistered(), entrepreneurIntegrated(), capeSigned(), cesaSigned()];

  it('passes the salaries of September, and of December when she leaves on 30 Dec, under her CESA', () => {
    const history = historyOf([...story, salaryPaid(), salaryPaid({ period: '2016-12', paidOn: '2016-12-29' }), entrepreneurExited()]);
    expect(summary(SALARY_ONLY_UNDER_CESA.evaluate(history))).toEqual({ outcome: 'pass', findings: [] });
  });

  it('fails a salary for a month under the CAPE, citing the CAPE and the salary', () => {
    const result = SALARY_ONLY_UNDER_CESA.evaluate(historyOf([...story, salaryPaid({ period: '2016-05', paidOn: '2016-09-30' })]));
    expect(summary(result)).toEqual({ outcome: 'fail', findings: [['salary e-001 2016-05', [3, 5]]] });
    expect(result.findings[0]!.message).toContain('sous CAPE');
  });

  it('fails a salary for August, between the CAPE and the CESA, citing the CESA and the salary', () => {
    expect(summary(SALARY_ONLY_UNDER_CESA.evaluate(historyOf([...story, salaryPaid({ period: '2016-08', paidOn: '2016-09-30' })])))).toEqual({
      outcome: 'fail',
      findings: [['salary e-001 2016-08', [4, 5]]],
    });
  });

  it('is not applicable without any salary', () => {
    expect(SALARY_ONLY_UNDER_CESA.evaluate(historyOf(story)).outcome).toBe('not_applicable');
  });
});
