import { caeRegistered, entrepreneurExited, entrepreneurIntegrated, meetingRecorded } from '../../../../projections/testing/events';
import { historyOf, summary } from '../testing/history';
import { INTERVIEWS_TWICE_A_YEAR } from './interviews-twice-a-year';

describe('INTERVIEWS_TWICE_A_YEAR', () => {
  // Integrated on 11 Jan 2016 (positions 1–2).
  const integrated = [caeRegistered(), entrepreneurIntegrated()];
  const met = (heldOn: string, kind: 'individual' | 'workshop' = 'individual') => meetingRecorded({ heldOn, kind });

  it('passes interviews every six months over two years', () => {
    const history = historyOf([...integrated, met('2016-03-01'), met('2016-09-01'), met('2017-03-01'), met('2017-09-01'), met('2018-01-05')], { asOf: '2018-01-10' });
    expect(summary(INTERVIEWS_TWICE_A_YEAR.evaluate(history))).toEqual({ outcome: 'pass', findings: [] });
  });

  it('passes a stay shorter than twelve months without interviews (no whole window yet)', () => {
    expect(INTERVIEWS_TWICE_A_YEAR.evaluate(historyOf(integrated, { asOf: '2017-01-09' })).outcome).toBe('pass');
    expect(INTERVIEWS_TWICE_A_YEAR.evaluate(historyOf([...integrated, entrepreneurExited({ exitedOn: '2016-12-01' })])).outcome).toBe('pass');
  });

  it('fails a first year with no interview at all (the history lacks them), citing the integration that opened the accompaniment', () => {
    const result = INTERVIEWS_TWICE_A_YEAR.evaluate(historyOf(integrated, { asOf: '2017-01-10' }));
    expect(summary(result)).toEqual({ outcome: 'fail', findings: [['entrepreneur e-001', [2]]] });
    expect(result.findings[0]!.message).toContain('du 2016-01-11 au 2017-01-10');
  });

  it('fails the twelve months after an interview that hold only one more (a workshop does not count), citing the last interview before them and the one within', () => {
    const history = historyOf([...integrated, met('2016-02-01'), met('2016-06-01'), met('2016-09-01', 'workshop'), met('2017-05-01'), met('2017-06-01')], { asOf: '2017-07-01' });
    const result = INTERVIEWS_TWICE_A_YEAR.evaluate(history);
    expect(summary(result)).toEqual({ outcome: 'fail', findings: [['entrepreneur e-001', [3, 4]]] });
    expect(result.findings[0]!.message).toMatch(/^1 entretien.*du 2016-02-02 au 2017-02-01/);
  });

  it('is not applicable without any entrepreneur', () => {
    expect(INTERVIEWS_TWICE_A_YEAR.evaluate(historyOf([caeRegistered()])).outcome).toBe('not_applicable');
  });
});
