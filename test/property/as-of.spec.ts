import fc from 'fast-check';
import { openInMemory, Projector, QueryRunner, type Cut, type Runtime, type Scope } from '../../libs/application';
import { InMemoryEventStore, type RecordedEvent } from '../../libs/event-store';
import { InMemoryReadStore } from '../../libs/read-store';
import { ALL_PROJECTIONS } from '../../projections';
import { accessRegister } from '../../projections/access/queries';
import { caeStatistics, networkStatistics } from '../../projections/network-statistics/queries';
import type { ReadModels } from '../../projections/projection';
import { associatesRegister, compliance, entrepreneursRegister, invoices, shareMovements } from '../../projections/registers/queries';
import { caeTreasury, entrepreneurAccount } from '../../projections/treasury/queries';
import { CAE_IDS, ENTREPRENEUR_IDS, historySteps, runRandomHistory } from '../fixtures/random-history';

/**
 * Issue 12's as-of reads: over random valid histories of several CAEs, the read models as of a cut (a business
 * date, a log position, or both, for one CAE or the whole network) answer every query exactly as the truncated
 * history does — its events kept by the cut, appended to a fresh log and projected the ordinary way.
 */

const log = async (runtime: Runtime): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for (let from = 1; ; ) {
    const page = await runtime.store.readAll(from, { limit: 1000 });
    if (page.length === 0) return events;
    events.push(...page);
    from = page[page.length - 1]!.position + 1;
  }
};

/** What the cut keeps, written out plainly: the reference the replayer must agree with. A CAE's registration has no date of its own. */
const truncated = (events: readonly RecordedEvent[], scope: Scope, cut: Cut): RecordedEvent[] =>
  events.filter(
    (event) =>
      (scope.caeId === undefined || event.metadata.caeId === scope.caeId) &&
      (cut.asOf === undefined || event.metadata.occurredOn <= cut.asOf || event.type === 'CaeRegistered') &&
      (cut.knownAt === undefined || !('position' in cut.knownAt) || event.position <= cut.knownAt.position),
  );

const projected = async (runtime: Runtime, events: readonly RecordedEvent[]): Promise<QueryRunner> => {
  const store = new InMemoryEventStore();
  for (const { eventId, type, schemaVersion, data, metadata, streamId } of events) await store.append(streamId, [{ eventId, type, schemaVersion, data, metadata }], 'any');
  const readStore = new InMemoryReadStore();
  const quarantined: unknown[] = [];
  await new Projector(store, readStore, runtime.vault, ALL_PROJECTIONS, { onQuarantine: (q) => quarantined.push(q) }).prepare();
  // A cut keeps whole facts: nothing it keeps refers to what it left out.
  expect(quarantined).toEqual([]);
  return new QueryRunner(readStore);
};

/** Every query's answer for the scope, as of the cut's date where a query takes a day. */
const answers = (models: QueryRunner, scope: Scope, cut: Cut) =>
  models.run(async (read: ReadModels) => {
    if (scope.caeId === undefined) return { 2016: await networkStatistics(read, 2016), 2017: await networkStatistics(read, 2017) };
    const caeId = scope.caeId;
    return {
      statistics: [await caeStatistics(read, caeId, 2016), await caeStatistics(read, caeId, 2017)],
      invoices: await invoices(read, caeId),
      treasury: await caeTreasury(read, caeId),
      entrepreneurs: await entrepreneursRegister(read, caeId),
      associates: await associatesRegister(read, caeId),
      shares: await shareMovements(read, caeId),
      compliance: await compliance(read, caeId, cut.asOf ?? '2017-06-30'),
      access: await accessRegister(read, caeId),
      accounts: await Promise.all(ENTREPRENEUR_IDS.map((entrepreneurId) => entrepreneurAccount(read, caeId, entrepreneurId))),
    };
  });

describe('as-of reads over random valid histories', () => {
  it('answer every query as the history truncated by the cut, then projected', async () => {
    let cuts = 0;
    let differentFromLive = 0;
    await fc.assert(
      fc.asyncProperty(
        historySteps({ maxLength: 60 }),
        fc.nat({ max: 1000 }),
        fc.nat({ max: 1000 }),
        fc.constantFrom('asOf', 'knownAt', 'both'),
        async (steps, dateAt, positionAt, kind) => {
          const runtime = openInMemory();
          try {
            await runRandomHistory(runtime, steps);
            const events = await log(runtime);
            if (events.length === 0) return;
            // A date and a position taken among the history's own, so that cuts fall inside it.
            const dates = [...new Set(events.map((event) => event.metadata.occurredOn))].sort();
            const asOf = dates[Math.floor((dateAt / 1001) * dates.length)]!;
            const position = 1 + Math.floor((positionAt / 1001) * events.length);
            const cut: Cut = kind === 'asOf' ? { asOf } : kind === 'knownAt' ? { knownAt: { position } } : { asOf, knownAt: { position } };
            await runtime.projector.prepare();
            for (const scope of [{}, ...CAE_IDS.map((caeId) => ({ caeId }))] as Scope[]) {
              const replayed = await answers(await runtime.asOf.readModels(scope, cut), scope, cut);
              expect(replayed).toEqual(await answers(await projected(runtime, truncated(events, scope, cut)), scope, cut));
              if (JSON.stringify(replayed) !== JSON.stringify(await answers(runtime.queries, scope, cut))) differentFromLive++;
              cuts++;
            }
          } finally {
            await runtime.close();
          }
        },
      ),
      { numRuns: 25 },
    );
    // The cuts were worth the name: many of them changed some answer compared with the live read models.
    expect(differentFromLive).toBeGreaterThan(cuts / 4);
  });
});
