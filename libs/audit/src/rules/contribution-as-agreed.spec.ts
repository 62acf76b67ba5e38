import { caeRegistered, cesaSigned, entrepreneurIntegrated, invoiceIssued, invoiceNumberAssigned } from '../../../../projections/testing/events';
import { historyOf, summary } from '../testing/history';
import { CONTRIBUTION_AS_AGREED } from './contribution-as-agreed';

describe('CONTRIBUTION_AS_AGREED', () => {
  const invoiced = (registered = caeRegistered()) => [registered, entrepreneurIntegrated(), cesaSigned(), invoiceNumberAssigned(), invoiceIssued()];

  it('passes an invoice issued under the policy recorded at registration (12% of revenue), and one with a fixed monthly amount and waived months', () => {
    expect(summary(CONTRIBUTION_AS_AGREED.evaluate(historyOf(invoiced())))).toEqual({ outcome: 'pass', findings: [] });
    const withFixed = caeRegistered({ contribution: { rate: '0.10', base: 'gross_margin', fixedMonthly: '50.00', waivedMonths: 3 } });
    expect(CONTRIBUTION_AS_AGREED.evaluate(historyOf(invoiced(withFixed))).outcome).toBe('pass');
  });

  it('fails a policy that cannot be applied as recorded (an imported rate of 12 and a negative fixed amount), citing the registration', () => {
    const result = CONTRIBUTION_AS_AGREED.evaluate(historyOf(invoiced(caeRegistered({ contribution: { rate: '12', base: 'revenue', fixedMonthly: '-5.00' } }))));
    expect(summary(result)).toEqual({ outcome: 'fail', findings: [['contribution policy', [1]]] });
    expect(result.findings[0]!.message).toMatch(/taux 12.*forfait mensuel -5.00/);
  });

  it('fails an invoice recorded before any policy and any integration of its entrepreneur, citing the invoice', () => {
    const result = CONTRIBUTION_AS_AGREED.evaluate(historyOf([invoiceNumberAssigned(), invoiceIssued(), caeRegistered()]));
    expect(summary(result)).toEqual({ outcome: 'fail', findings: [['invoice 2016-000001', [2]], ['invoice 2016-000001', [2]]] });
  });

  it('is not applicable without any invoice', () => {
    expect(CONTRIBUTION_AS_AGREED.evaluate(historyOf([caeRegistered(), entrepreneurIntegrated()])).outcome).toBe('not_applicable');
  });
});
