import { associateAdmitted, caeRegistered, cesaSigned, entrepreneurIntegrated, sharesRedeemed } from '../../../../projections/testing/events';
import { historyOf, summary } from '../testing/history';
import { REGISTERS_CHRONOLOGICAL } from './registers-chronological';

describe('REGISTERS_CHRONOLOGICAL', () => {
  const story = [caeRegistered(), entrepreneurIntegrated(), cesaSigned()];
  const external = (admittedOn: string) => associateAdmitted({ associateId: 'a-ext', category: 'external', admittedOn, entrepreneurId: undefined, person: { organisation: { name: 'Alpes Solidaires' } } });

  it('passes admissions and a redemption recorded in date order (two on one day in either order)', () => {
    expect(summary(REGISTERS_CHRONOLOGICAL.evaluate(historyOf([...story, associateAdmitted(), external('2016-11-15'), sharesRedeemed()])))).toEqual({ outcome: 'pass', findings: [] });
  });

  it('fails an admission recorded after a movement dated later (another associate’s), citing both entries', () => {
    const result = REGISTERS_CHRONOLOGICAL.evaluate(historyOf([...story, associateAdmitted(), sharesRedeemed(), external('2016-11-20')]));
    expect(summary(result)).toEqual({ outcome: 'fail', findings: [['associate a-ext', [5, 6]]] });
    expect(result.findings[0]!.message).toContain('2016-11-20 inscrit après celui du 2016-12-01');
  });

  it('is not applicable without any share movement', () => {
    expect(REGISTERS_CHRONOLOGICAL.evaluate(historyOf(story)).outcome).toBe('not_applicable');
  });
});
