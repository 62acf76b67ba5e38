import { associateAdmitted, caeRegistered, cesaSigned, entrepreneurExited, entrepreneurIntegrated, sharesRedeemed } from '../../../../projections/testing/events';
import { historyOf, summary } from '../testing/history';
import { ASSOCIATE_DEADLINE } from './associate-deadline';

describe('ASSOCIATE_DEADLINE', () => {
  // CESA on 1 Sep 2016, associate deadline 10 Jan 2019 (positions 1–3).
  const underCesa = [caeRegistered(), entrepreneurIntegrated(), cesaSigned()];

  it('passes an entrepreneur salarié who became an associate before the deadline, even after redeeming some shares', () => {
    expect(summary(ASSOCIATE_DEADLINE.evaluate(historyOf([...underCesa, associateAdmitted(), sharesRedeemed()])))).toEqual({ outcome: 'pass', findings: [] });
  });

  it('passes one who left the day after the deadline (the CESA’s last day), and one whose deadline is after asOf', () => {
    expect(ASSOCIATE_DEADLINE.evaluate(historyOf([...underCesa, entrepreneurExited({ exitedOn: '2019-01-11', reason: 'associate_deadline_missed', positive: false })])).outcome).toBe('pass');
    expect(ASSOCIATE_DEADLINE.evaluate(historyOf(underCesa, { asOf: '2019-01-10' })).outcome).toBe('pass');
  });

  it('fails one still not an associate the day after the deadline (the history lacks the admission), citing the CESA', () => {
    const result = ASSOCIATE_DEADLINE.evaluate(historyOf(underCesa, { asOf: '2019-01-11' }));
    expect(summary(result)).toEqual({ outcome: 'fail', findings: [['entrepreneur e-001', [3]]] });
    expect(result.findings[0]!.message).toContain('2019-01-10');
  });

  it('fails one admitted after the deadline, citing the CESA and the late admission', () => {
    expect(summary(ASSOCIATE_DEADLINE.evaluate(historyOf([...underCesa, associateAdmitted({ admittedOn: '2019-03-01' })])))).toEqual({
      outcome: 'fail',
      findings: [['entrepreneur e-001', [3, 4]]],
    });
  });

  it('is not applicable without any CESA', () => {
    expect(ASSOCIATE_DEADLINE.evaluate(historyOf([caeRegistered(), entrepreneurIntegrated()])).outcome).toBe('not_applicable');
  });
});
