import type { ProjectedEvent } from '../projection';
import { logOf } from '../testing/log';
import { MemoryDocs } from '../testing/memory-docs';
import { networkStatistics } from './projection';
import {
  admitEntrepreneur,
  creditNote,
  exit,
  figuresOf,
  integrate,
  invoice,
  meeting,
  payment,
  redeem,
  registerCae,
  salaried,
  salary,
  signCape,
  statistics,
} from './testing/fixtures';

/** Two entrepreneurs' year on every kind of stream: CAE, entrepreneurs, invoice series, associate. */
const story = [
  registerCae(),
  ...salaried('alice', '2015-01-05'),
  ...salaried('bruno', '2015-06-01'),
  invoice('alice', '2016-02-01', '1000.00', '200.00'),
  payment('alice', '2016-000001', '2016-02-15', '1200.00', '1000.00'),
  salary('alice', '2016-02', '500.00', { employee: '110.00', employer: '210.00', source: 'rates' }),
  invoice('bruno', '2016-03-01', '400.00', '80.00', { number: '2016-000002' }),
  creditNote('bruno', '2016-000002', '2016-03-10', '400.00', '80.00', { number: '2016-000003' }),
  meeting('bruno', '2016-04-01'),
  admitEntrepreneur('a-alice', 'alice', '2016-05-02', 3),
  redeem('a-alice', '2016-11-02', 1, 2),
];
const brunoLeaves = exit('bruno', '2016-06-01', 'training');
/** The same log (positions and revisions as recorded), its streams delivered one after the other, last first. */
const streamByStream = (events: ProjectedEvent[]): ProjectedEvent[] =>
  [...new Set(events.map((e) => e.streamId))].reverse().flatMap((stream) => events.filter((e) => e.streamId === stream));

describe('facts count in the year of their business date, whatever the order they were recorded in', () => {
  it('given 2016 invoices, when a 2014 integration is imported afterwards, then the 2015 and 2016 headcounts count it', () =>
    statistics(registerCae(), ...salaried('alice', '2016-01-04'), invoice('alice', '2016-03-01', '1000.00', '200.00'))
      .when(...salaried('bruno', '2014-03-03'), exit('bruno', '2015-06-01', 'salaried_job'), integrate('bruno', '2016-09-05', { integration: 2 }), signCape('bruno', '2016-09-05', 12, '2017-09-04'))
      .then(async (docs) => {
        expect((await figuresOf(docs, 2015)).headcount).toMatchObject({ start: 1, entries: 0, exits: 1, end: 0 });
        expect((await figuresOf(docs, 2016)).headcount).toMatchObject({ start: 0, entries: 2, exits: 0, end: 2 });
      }));

  it('given the log delivered stream by stream (a consumer that keeps only per-stream order), then the same statistics', () =>
    statistics(...story).when(brunoLeaves).then(async (docs) => {
      const inOrder = await figuresOf(docs);
      const shuffled = await figuresOf(new MemoryDocs().run(networkStatistics, streamByStream(logOf([...story, brunoLeaves]))));
      expect(shuffled).toEqual(inOrder);
      expect(inOrder).toMatchObject({ headcount: { start: 2, exits: 1, end: 1 }, revenue: { total: '1000.00' }, associates: { shareCapital: '50.00' } });
    }));
});
