import { accessGranted, accessRevoked, caeRegistered, entrepreneurExited, entrepreneurIntegrated } from '../../../../projections/testing/events';
import { historyOf, summary } from '../testing/history';
import { ACCESS_REVOKED_ON_EXIT } from './access-revoked-on-exit';

describe('ACCESS_REVOKED_ON_EXIT', () => {
  // e-001 integrated on 11 Jan 2016, her account granted on 12 Jan (positions 1–3); she leaves on 30 Dec.
  const granted = [caeRegistered(), entrepreneurIntegrated(), accessGranted()];

  it('passes a grant revoked before the exit, and one left to end with the exit', () => {
    expect(summary(ACCESS_REVOKED_ON_EXIT.evaluate(historyOf([...granted, accessRevoked(), entrepreneurExited()])))).toEqual({ outcome: 'pass', findings: [] });
    expect(ACCESS_REVOKED_ON_EXIT.evaluate(historyOf([...granted, entrepreneurExited()])).outcome).toBe('pass');
  });

  it('fails a revocation dated after the exit (the grant was held in force), citing the grant, the exit and the revocation', () => {
    const result = ACCESS_REVOKED_ON_EXIT.evaluate(historyOf([...granted, entrepreneurExited(), accessRevoked({ revokedOn: '2017-01-15' })]));
    expect(summary(result)).toEqual({ outcome: 'fail', findings: [['account acc-001', [3, 4, 5]]] });
  });

  it('fails a grant given after the exit, citing the exit and the grant', () => {
    const history = historyOf([caeRegistered(), entrepreneurIntegrated(), entrepreneurExited(), accessGranted({ grantedOn: '2017-02-01' })]);
    expect(summary(ACCESS_REVOKED_ON_EXIT.evaluate(history))).toEqual({ outcome: 'fail', findings: [['account acc-001', [3, 4]]] });
  });

  it('is not applicable without any entrepreneur grant', () => {
    expect(ACCESS_REVOKED_ON_EXIT.evaluate(historyOf([caeRegistered(), entrepreneurIntegrated(), accessGranted({ role: 'cae_staff', entrepreneurId: undefined })])).outcome).toBe('not_applicable');
  });
});
