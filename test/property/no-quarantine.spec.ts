import fc from 'fast-check';
import { openInMemory, type Quarantined } from '../../libs/application';
import { formatMoney, money } from '../../libs/domain';
import { caeStatistics, networkStatistics } from '../../projections/network-statistics/queries';
import { associatesRegister, compliance, entrepreneursRegister, invoices, shareMovements } from '../../projections/registers/queries';
import { caeTreasury, entrepreneurAccount } from '../../projections/treasury/queries';
import { CAE_IDS, ENTREPRENEUR_IDS, historySteps, runRandomHistory, type HistorySummary } from '../fixtures/random-history';

/**
 * Deliver 2 of issue 9: over random valid histories of several CAEs (ids that would collide in ambiguous stream
 * names), no projection ever quarantines an event, and every query answers. The histories credit paid invoices
 * (leaving refunds owed), record refunds, and forget people of each kind, then go on; the invoices register and
 * the CAE's treasury show what the model says is due and owed back.
 */
describe('random valid histories over several CAEs', () => {
  const summaries: HistorySummary[] = [];

  it('never make a projection quarantine an event, and every query answers', async () => {
    await fc.assert(
      fc.asyncProperty(historySteps({ maxLength: 70 }), fc.integer({ min: 1, max: 9 }), async (steps, batchSize) => {
        const quarantined: Quarantined[] = [];
        const runtime = openInMemory({ projector: { batchSize, onQuarantine: (q) => quarantined.push(q) } });
        try {
          const summary = await runRandomHistory(runtime, steps);
          summaries.push(summary);
          await runtime.projector.prepare();
          expect(quarantined).toEqual([]);
          expect(await runtime.health()).toMatchObject({ status: 'ok', problems: [] });
          await runtime.queries.run(async (models) => {
            for (const year of [2016, 2017]) await networkStatistics(models, year);
            for (const caeId of CAE_IDS) {
              await caeStatistics(models, caeId, 2016);
              // What is due and owed back, invoice by invoice and in all, as the model computed it.
              const expected = summary.invoices[caeId] ?? {};
              const register = await invoices(models, caeId);
              expect(Object.fromEntries((register?.invoices ?? []).map((i) => [i.number, { amountDue: i.amountDue, refundOwed: i.refundOwed }]))).toEqual(expected);
              const owed = Object.values(expected).reduce((total, i) => total.plus(i.refundOwed), money(0));
              expect((await caeTreasury(models, caeId))?.toDate.refundsOwedToClients ?? '0.00').toBe(formatMoney(owed));
              await entrepreneursRegister(models, caeId);
              await associatesRegister(models, caeId);
              await shareMovements(models, caeId);
              await compliance(models, caeId, '2017-06-30');
              for (const entrepreneurId of ENTREPRENEUR_IDS) await entrepreneurAccount(models, caeId, entrepreneurId);
            }
          });
        } finally {
          await runtime.close();
        }
      }),
      { numRuns: 50 },
    );
    // The model makes histories worth the name: mostly accepted, and of the main kinds at least.
    const accepted = summaries.reduce((sum, s) => sum + s.accepted, 0);
    const rejected = summaries.reduce((sum, s) => sum + Object.values(s.rejected).reduce((a, b) => a + b, 0), 0);
    expect(accepted).toBeGreaterThan(9 * rejected);
    const types = new Set(summaries.flatMap((s) => Object.keys(s.types)));
    expect([...types]).toEqual(
      expect.arrayContaining([
        'RegisterCae',
        'IntegrateEntrepreneur',
        'SignCape',
        'SignCesa',
        'IssueInvoice',
        'RecordPayment',
        'IssueCreditNote',
        'RecordRefund',
        'AdmitAssociate',
        'ExitEntrepreneur',
        'ForgetPerson',
      ]),
    );
    // Every kind of person is forgotten somewhere, and histories go on after it.
    expect(Object.keys(Object.assign({}, ...summaries.map((s) => s.forgotten))).sort()).toEqual(['associate', 'client', 'entrepreneur']);
  });
});
