import { openInMemory } from '../../application';
import { validateEnvelope } from '../../domain';
import { workload } from './workload';

describe('the benchmark workload', () => {
  it('is accepted whole by the deciders, with the mix of a real CAE', async () => {
    const runtime = openInMemory();
    const counts = new Map<string, number>();
    const refused: string[] = [];
    for (const raw of workload({ caes: 2, entrepreneursPerCae: 12, years: 3 })) {
      counts.set(raw.type, (counts.get(raw.type) ?? 0) + 1);
      const envelope = validateEnvelope(raw);
      const outcome = envelope.ok ? await runtime.commands.handle(envelope.value) : undefined;
      if (outcome?.status !== 'accepted') refused.push(`${raw.commandId} ${raw.type}: ${outcome?.error?.code ?? 'invalid'} ${outcome?.error?.message ?? ''}`);
    }
    expect(refused.slice(0, 5)).toEqual([]);
    // About two invoices and two payments per entrepreneur-month, one expense, salaries once under a CESA.
    const entrepreneurMonths = counts.get('RecordExpense')!;
    expect(counts.get('IssueInvoice')).toBe(2 * entrepreneurMonths);
    expect(counts.get('RecordPayment')).toBe(2 * entrepreneurMonths);
    expect(counts.get('PaySalary')! / entrepreneurMonths).toBeGreaterThan(0.5);
    for (const type of ['SignCesa', 'RenewCape', 'AdmitAssociate', 'RedeemShares', 'ExitEntrepreneur', 'RecordMeeting', 'RecordSubsidy']) expect([type, counts.get(type) ?? 0]).not.toEqual([type, 0]);
    await runtime.close();
  });

  it('is the same on every run', () => {
    const first = [...workload({ caes: 1, entrepreneursPerCae: 5, years: 1 })];
    expect([...workload({ caes: 1, entrepreneursPerCae: 5, years: 1 })]).toEqual(first);
  });
});
