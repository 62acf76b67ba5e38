import { openInMemory } from '../../application';
import { validateEnvelope } from '../../domain';
import { demoNetwork } from './demo-network';

describe('the demo network', () => {
  it('is accepted whole by the deciders, and the same on every call', async () => {
    const envelopes = demoNetwork();
    expect(envelopes).toEqual(demoNetwork());
    expect(new Set(envelopes.map((e) => e.commandId)).size).toBe(envelopes.length);
    const runtime = openInMemory();
    const refused: string[] = [];
    for (const raw of envelopes) {
      const envelope = validateEnvelope(raw);
      if (!envelope.ok) refused.push(`${raw.commandId}: ${envelope.error.message}`);
      else {
        const outcome = await runtime.commands.handle(envelope.value);
        if (outcome.status !== 'accepted') refused.push(`${raw.commandId} ${raw.type}: ${outcome.error?.code} ${outcome.error?.message}`);
      }
    }
    expect(refused.slice(0, 5)).toEqual([]);
    expect(new Set(envelopes.map((e) => e.data['caeId'])).size).toBe(3);
    const years = new Set(envelopes.filter((e) => e.type === 'IssueInvoice').map((e) => String(e.data['issuedOn']).slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(4);
    await runtime.close();
  });
});
