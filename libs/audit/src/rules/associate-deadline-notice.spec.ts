import { associateAdmitted, caeRegistered, cesaSigned, entrepreneurExited, entrepreneurIntegrated } from '../../../../projections/testing/events';
import { noticeRecorded } from '../testing/events';
import { historyOf, summary } from '../testing/history';
import { ASSOCIATE_DEADLINE_NOTICE } from './associate-deadline-notice';

describe('ASSOCIATE_DEADLINE_NOTICE', () => {
  // CESA on 1 Sep 2016, deadline 10 Jan 2019: the notices are due by 10 Jul and 10 Oct 2018 (positions 1–3).
  const underCesa = [caeRegistered(), entrepreneurIntegrated(), cesaSigned()];

  it('passes both notices given in time', () => {
    const history = historyOf([...underCesa, noticeRecorded('2018-07-01', 'six_months'), noticeRecorded('2018-10-10', 'three_months')]);
    expect(summary(ASSOCIATE_DEADLINE_NOTICE.evaluate(history))).toEqual({ outcome: 'pass', findings: [] });
  });

  it('passes without notices for an entrepreneur who became an associate, or left, before they were due', () => {
    expect(ASSOCIATE_DEADLINE_NOTICE.evaluate(historyOf([...underCesa, associateAdmitted()])).outcome).toBe('pass');
    expect(ASSOCIATE_DEADLINE_NOTICE.evaluate(historyOf([...underCesa, entrepreneurExited({ exitedOn: '2018-05-01' })])).outcome).toBe('pass');
  });

  it('fails the three-month notice never given once it is due (the history lacks it), citing the CESA; before any notice is due, it passes', () => {
    const result = ASSOCIATE_DEADLINE_NOTICE.evaluate(historyOf([...underCesa, noticeRecorded('2018-07-01', 'six_months')], { asOf: '2018-10-11' }));
    expect(summary(result)).toEqual({ outcome: 'fail', findings: [['entrepreneur e-001', [3]]] });
    expect(result.findings[0]!.message).toMatch(/trois mois.*2018-10-10/);
    expect(ASSOCIATE_DEADLINE_NOTICE.evaluate(historyOf(underCesa, { asOf: '2018-07-09' })).outcome).toBe('pass');
  });

  it('fails a six-month notice given late, citing the CESA and the late notice', () => {
    const history = historyOf([...underCesa, noticeRecorded('2018-08-01', 'six_months'), noticeRecorded('2018-09-01', 'three_months')]);
    expect(summary(ASSOCIATE_DEADLINE_NOTICE.evaluate(history))).toEqual({ outcome: 'fail', findings: [['entrepreneur e-001', [3, 4]]] });
  });

  it('is not applicable without any CESA', () => {
    expect(ASSOCIATE_DEADLINE_NOTICE.evaluate(historyOf([caeRegistered(), entrepreneurIntegrated()])).outcome).toBe('not_applicable');
  });
});
