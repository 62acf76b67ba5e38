import { caeRegistered } from '../../../../projections/testing/events';
import { selfAssessed } from '../testing/events';
import { historyOf, summary } from '../testing/history';
import { HEALTH_SAFETY_INFORMATION } from './health-safety-information';

describe('HEALTH_SAFETY_INFORMATION (declared by the CAE)', () => {
  it('is declared when answered met', () => {
    expect(summary(HEALTH_SAFETY_INFORMATION.evaluate(historyOf([caeRegistered(), selfAssessed('HEALTH_SAFETY_INFORMATION', 'met', '2016-03-01')])))).toEqual({ outcome: 'declared', findings: [] });
  });

  it('is not applicable when the CAE answers so last', () => {
    const history = historyOf([caeRegistered(), selfAssessed('HEALTH_SAFETY_INFORMATION', 'met', '2016-03-01'), selfAssessed('HEALTH_SAFETY_INFORMATION', 'not_applicable', '2016-04-01')]);
    expect(HEALTH_SAFETY_INFORMATION.evaluate(history).outcome).toBe('not_applicable');
  });

  it('fails when answered not_met, even if a met answer is recorded later in the log with an earlier date', () => {
    const history = historyOf([caeRegistered(), selfAssessed('HEALTH_SAFETY_INFORMATION', 'not_met', '2016-05-01'), selfAssessed('HEALTH_SAFETY_INFORMATION', 'met', '2016-02-01')]);
    expect(summary(HEALTH_SAFETY_INFORMATION.evaluate(history))).toEqual({ outcome: 'fail', findings: [['criterion HEALTH_SAFETY_INFORMATION', [2]]] });
  });
});
