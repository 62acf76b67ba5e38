import { caeRegistered, capeRenewed, capeSigned, entrepreneurIntegrated } from '../../../../projections/testing/events';
import { historyOf, summary } from '../testing/history';
import { CAPE_DURATION } from './cape-duration';

describe('CAPE_DURATION', () => {
  const integrated = [caeRegistered(), entrepreneurIntegrated()];

  it('passes a 6-month CAPE renewed twice up to 30 months', () => {
    const history = historyOf([
      ...integrated,
      capeSigned(),
      capeRenewed({ months: 12, renewal: 1, endsOn: '2017-07-10', totalMonths: 18 }),
      capeRenewed({ renewedOn: '2017-07-01', months: 12, renewal: 2, previousEndsOn: '2017-07-10', endsOn: '2018-07-10', totalMonths: 30 }),
    ]);
    expect(summary(CAPE_DURATION.evaluate(history))).toEqual({ outcome: 'pass', findings: [] });
  });

  it('fails a CAPE signed for 14 months, citing its signature', () => {
    const result = CAPE_DURATION.evaluate(historyOf([...integrated, capeSigned({ months: 14, endsOn: '2017-03-10', totalMonths: 14 })]));
    expect(summary(result)).toEqual({ outcome: 'fail', findings: [['entrepreneur e-001', [3]]] });
    expect(result.findings[0]!.message).toContain('14 mois');
  });

  it('fails a third renewal that also passes 36 months, citing the CAPE and that renewal (the totals counted from the events, not their fields)', () => {
    const history = historyOf([
      ...integrated,
      capeSigned({ months: 12, endsOn: '2017-01-10', totalMonths: 12 }),
      capeRenewed({ renewedOn: '2016-12-01', months: 12, renewal: 1, endsOn: '2018-01-10', totalMonths: 12 }),
      capeRenewed({ renewedOn: '2017-12-01', months: 12, renewal: 2, endsOn: '2019-01-10', totalMonths: 12 }),
      capeRenewed({ renewedOn: '2018-12-01', months: 6, renewal: 2, endsOn: '2019-07-10', totalMonths: 12 }),
    ]);
    const result = CAPE_DURATION.evaluate(history);
    expect(summary(result)).toEqual({ outcome: 'fail', findings: [['entrepreneur e-001', [3, 6]], ['entrepreneur e-001', [3, 6]]] });
    expect(result.findings.map((f) => f.message).join(' ')).toMatch(/3e renouvellement.*42 mois|42 mois.*3e renouvellement/);
  });

  it('is not applicable without any CAPE', () => {
    expect(CAPE_DURATION.evaluate(historyOf(integrated)).outcome).toBe('not_applicable');
  });
});
