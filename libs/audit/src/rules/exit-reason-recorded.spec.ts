import type { DomainEvent } from '../../../domain';
import { caeRegistered, entrepreneurExited, entrepreneurIntegrated } from '../../../../projections/testing/events';
import { historyOf, summary } from '../testing/history';
import { EXIT_REASON_RECORDED } from './exit-reason-recorded';

describe('EXIT_REASON_RECORDED', () => {
  const integrated = [caeRegistered(), entrepreneurIntegrated()];

  it('passes a company creation counted positive and an abandonment counted not positive', () => {
    const history = historyOf([...integrated, entrepreneurExited(), entrepreneurIntegrated({ entrepreneurId: 'e-002' }), entrepreneurExited({ entrepreneurId: 'e-002', reason: 'abandonment', positive: false })]);
    expect(summary(EXIT_REASON_RECORDED.evaluate(history))).toEqual({ outcome: 'pass', findings: [] });
  });

  it('fails an imported exit without a reason and one counted positive for a training, citing each exit', () => {
    const withoutReason = { type: 'EntrepreneurExited', data: { ...entrepreneurExited().data, reason: undefined } } as unknown as DomainEvent;
    const history = historyOf([...integrated, withoutReason, entrepreneurIntegrated({ entrepreneurId: 'e-002' }), entrepreneurExited({ entrepreneurId: 'e-002', reason: 'training', positive: true })]);
    expect(summary(EXIT_REASON_RECORDED.evaluate(history))).toEqual({ outcome: 'fail', findings: [['entrepreneur e-001', [3]], ['entrepreneur e-002', [5]]] });
  });

  it('is not applicable without any exit', () => {
    expect(EXIT_REASON_RECORDED.evaluate(historyOf(integrated)).outcome).toBe('not_applicable');
  });
});
