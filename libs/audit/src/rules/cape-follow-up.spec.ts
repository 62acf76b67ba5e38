import { caeRegistered, capeRenewed, capeSigned, cesaSigned, entrepreneurExited, entrepreneurIntegrated } from '../../../../projections/testing/events';
import { historyOf, summary } from '../testing/history';
import { CAPE_FOLLOW_UP } from './cape-follow-up';

describe('CAPE_FOLLOW_UP', () => {
  // A 6-month CAPE from 11 Jan 2016, last day 10 Jul 2016.
  const underCape = [caeRegistered(), entrepreneurIntegrated(), capeSigned()];

  it('passes a CAPE renewed before its end and followed by a CESA', () => {
    expect(summary(CAPE_FOLLOW_UP.evaluate(historyOf([...underCape, capeRenewed(), cesaSigned()])))).toEqual({ outcome: 'pass', findings: [] });
  });

  it('passes a CAPE followed by the exit the day after its last day, and one still running on asOf', () => {
    expect(CAPE_FOLLOW_UP.evaluate(historyOf([...underCape, entrepreneurExited({ exitedOn: '2016-07-11', reason: 'cape_ended', endedContracts: ['cape'] })])).outcome).toBe('pass');
    expect(CAPE_FOLLOW_UP.evaluate(historyOf(underCape, { asOf: '2016-07-10' })).outcome).toBe('pass');
  });

  it('fails a CAPE left to expire (the history simply lacks what follows), citing the CAPE', () => {
    const result = CAPE_FOLLOW_UP.evaluate(historyOf(underCape, { asOf: '2016-07-11' }));
    expect(summary(result)).toEqual({ outcome: 'fail', findings: [['entrepreneur e-001', [3]]] });
    expect(result.findings[0]!.message).toContain('2016-07-10');
  });

  it('fails a CESA signed three weeks after the renewed CAPE ended, citing the CAPE, its renewal and the late CESA', () => {
    const result = CAPE_FOLLOW_UP.evaluate(historyOf([...underCape, capeRenewed(), cesaSigned({ signedOn: '2016-10-01' })]));
    expect(summary(result)).toEqual({ outcome: 'fail', findings: [['entrepreneur e-001', [3, 4, 5]]] });
    expect(result.findings[0]!.message).toContain('20 jour(s) sans contrat');
  });

  it('is not applicable without any CAPE', () => {
    expect(CAPE_FOLLOW_UP.evaluate(historyOf([caeRegistered(), entrepreneurIntegrated(), cesaSigned()])).outcome).toBe('not_applicable');
  });
});
