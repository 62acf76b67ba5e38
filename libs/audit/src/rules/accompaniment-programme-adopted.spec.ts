import { caeRegistered } from '../../../../projections/testing/events';
import { selfAssessed } from '../testing/events';
import { historyOf, summary } from '../testing/history';
import { ACCOMPANIMENT_PROGRAMME_ADOPTED } from './accompaniment-programme-adopted';

describe('ACCOMPANIMENT_PROGRAMME_ADOPTED (declared by the CAE)', () => {
  it('is declared when the latest answer on or before asOf is met, after an earlier not_met', () => {
    const history = historyOf([caeRegistered(), selfAssessed('ACCOMPANIMENT_PROGRAMME_ADOPTED', 'not_met', '2016-03-01'), selfAssessed('ACCOMPANIMENT_PROGRAMME_ADOPTED', 'met', '2016-07-01')]);
    expect(summary(ACCOMPANIMENT_PROGRAMME_ADOPTED.evaluate(history))).toEqual({ outcome: 'declared', findings: [] });
  });

  it('fails as of a date when the latest answer was not_met (a later met is not known yet), citing that answer', () => {
    const history = historyOf([caeRegistered(), selfAssessed('ACCOMPANIMENT_PROGRAMME_ADOPTED', 'not_met', '2016-03-01'), selfAssessed('ACCOMPANIMENT_PROGRAMME_ADOPTED', 'met', '2016-07-01')], { asOf: '2016-06-30' });
    expect(summary(ACCOMPANIMENT_PROGRAMME_ADOPTED.evaluate(history))).toEqual({ outcome: 'fail', findings: [['criterion ACCOMPANIMENT_PROGRAMME_ADOPTED', [2]]] });
  });

  it('fails when never assessed (another criterion’s answer does not count), citing the CAE’s registration', () => {
    const result = ACCOMPANIMENT_PROGRAMME_ADOPTED.evaluate(historyOf([caeRegistered(), selfAssessed('HEALTH_SAFETY_INFORMATION', 'met', '2016-03-01')]));
    expect(summary(result)).toEqual({ outcome: 'fail', findings: [['criterion ACCOMPANIMENT_PROGRAMME_ADOPTED', [1]]] });
    expect(result.findings[0]!.message).toContain('jamais auto-évalué');
  });
});
