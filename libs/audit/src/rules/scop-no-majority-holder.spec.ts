import { sharesRedeemed } from '../../../../projections/testing/events';
import { historyOf, summary } from '../testing/history';
import { admittedTogether, externalJoins } from '../testing/scop';
import { SCOP_NO_MAJORITY_HOLDER } from './scop-no-majority-holder';

describe('SCOP_NO_MAJORITY_HOLDER', () => {
  it('passes e-001 holding exactly half (4 of 8)', () => {
    expect(summary(SCOP_NO_MAJORITY_HOLDER.evaluate(historyOf(admittedTogether())))).toEqual({ outcome: 'pass', findings: [] });
  });

  it('fails a bank holding 10 shares of 18, citing its subscription', () => {
    const result = SCOP_NO_MAJORITY_HOLDER.evaluate(historyOf([...admittedTogether(), externalJoins(10)]));
    expect(summary(result)).toEqual({ outcome: 'fail', findings: [['capital on 2016-12-01', [7]]] });
    expect(result.findings[0]!.message).toContain('a-bank détient 10 parts sur 18');
  });

  it('fails e-001 holding 4 of 7 once the staff member redeems one share, citing the redemption and her admission', () => {
    const redeemed = sharesRedeemed({ associateId: 'a-staff', shares: 1, amount: '25.00', remainingShares: 2 });
    expect(summary(SCOP_NO_MAJORITY_HOLDER.evaluate(historyOf([...admittedTogether(), redeemed])))).toEqual({ outcome: 'fail', findings: [['capital on 2016-12-01', [4, 7]]] });
  });

  it('is not applicable without any associate', () => {
    expect(SCOP_NO_MAJORITY_HOLDER.evaluate(historyOf(admittedTogether().slice(0, 3))).outcome).toBe('not_applicable');
  });
});
