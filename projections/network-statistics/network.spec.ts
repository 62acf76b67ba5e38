import { caeStatistics, caeStatisticsByYear, networkStatistics, networkStatisticsByYear } from './queries';
import { admit, exit, inCae, invoice, registerCae, salaried, statistics, subsidy } from './testing/fixtures';

/** Coodyssée (12%), one entrepreneur in, one out, an external associate and a subsidy. */
const coodyssee = [
  registerCae(),
  ...salaried('alice', '2015-06-01'),
  ...salaried('bruno', '2016-02-01'),
  invoice('alice', '2016-03-01', '1000.00', '200.00'),
  exit('bruno', '2016-09-01', 'company_creation'),
  admit('a-bank', '2014-01-06', 20),
  subsidy('2016-04-01', '500.00'),
];
/** A second CAE in the Drôme (10%), one entrepreneur in, one out. */
const drome = inCae('drome', [
  registerCae('0.10', 'Auvergne-Rhône-Alpes'),
  ...salaried('alice', '2016-05-02'),
  ...salaried('chloe', '2015-01-05'),
  invoice('alice', '2016-06-01', '2000.00', '0.00', { vatRate: '0', kind: 'association' }),
  exit('chloe', '2016-10-03', 'abandonment'),
]);

describe('network: every CAE summed, rates recomputed on the sums', () => {
  it('given two CAEs, then the network sums headcounts and money, and counts the CAEs', () =>
    statistics(...coodyssee).when(...drome).then(async (docs) => {
      const s = await networkStatistics(docs, 2016);
      expect(s.scope).toBe('network');
      expect(s.network?.caes).toBe(2);
      expect(s.headcount).toMatchObject({ start: 2, entries: 2, exits: 2, end: 2, accompanied: 4 });
      expect(s.revenue).toMatchObject({
        total: '3000.00',
        byClientKind: { company: '1000.00', association: '2000.00' },
        vatCollected: '200.00',
        subsidies: '500.00',
        socialAndFiscalReturnPerSubsidyEuro: '0.40',
      });
      expect(s.associates).toMatchObject({ end: { external: 1, total: 1 }, shareCapital: '500.00' });
    }));

  it('given two CAEs in two regions, then each CAE and each region has its key figures, rates recomputed on the region’s sums (one region however it is typed)', () =>
    statistics(...coodyssee, ...inCae('marseille', [registerCae('0.12', 'Provence-Alpes-Côte d’Azur '), ...salaried('dora', '2016-01-04'), exit('dora', '2016-11-02', 'abandonment')]))
      .when(...drome)
      .then(async (docs) => {
        const { network } = await networkStatistics(docs, 2016);
        expect(network?.byCae.map((row) => [row.caeId, row.region, row.accompanied, row.revenue, row.positiveExitRate])).toEqual([
          ['coodyssee', "Provence-Alpes-Côte d'Azur", 2, '1000.00', '1.0000'],
          ['drome', 'Auvergne-Rhône-Alpes', 2, '2000.00', '0.0000'],
          ['marseille', 'Provence-Alpes-Côte d’Azur ', 1, '0.00', '0.0000'],
        ]);
        expect(network?.byRegion).toEqual([
          { region: 'Auvergne-Rhône-Alpes', caes: 1, accompanied: 2, entries: 1, exits: 1, revenue: '2000.00', grossMass: expect.any(String), associates: 0, positiveExitRate: '0.0000' },
          { region: "Provence-Alpes-Côte d'Azur", caes: 2, accompanied: 3, entries: 2, exits: 2, revenue: '1000.00', grossMass: expect.any(String), associates: 1, positiveExitRate: '0.5000' },
        ]);
      }));

  it('given two CAEs, then contributions are each CAE’s rate on its own revenue (12% of 1,000.00 + 10% of 2,000.00)', () =>
    statistics(...coodyssee).when(...drome).then(async (docs) => expect((await networkStatistics(docs, 2016)).revenue.contributions).toBe('320.00')));

  it('given two CAEs, then the positive exit rate is over all exits of the network', () =>
    statistics(...coodyssee).when(...drome).then(async (docs) => expect((await networkStatistics(docs, 2016)).exits.positiveExitRate).toBe('0.5000')));

  it('given two CAEs, then a CAE’s statistics count only its own documents and carry no network block', () =>
    statistics(...coodyssee).when(...drome).then(async (docs) => {
      const s = (await caeStatistics(docs, 'drome', 2016))!;
      expect(s).toMatchObject({ scope: 'drome', headcount: { start: 1, entries: 1, exits: 1, end: 1 }, revenue: { total: '2000.00', contributions: '200.00' } });
      expect(s.network).toBeUndefined();
    }));

  it('given facts from 2014 to 2016, then every year is answered at once, each as its own route answers it', () =>
    statistics(...coodyssee).when(...drome).then(async (docs) => {
      const network = await networkStatisticsByYear(docs);
      expect(network.years.map((s) => s.year)).toEqual([2014, 2015, 2016]);
      expect(network.years[2]).toEqual(await networkStatistics(docs, 2016));
      const drome = (await caeStatisticsByYear(docs, 'drome'))!;
      expect(drome.years.map((s) => s.year)).toEqual([2015, 2016]);
      expect(drome.years[1]).toEqual(await caeStatistics(docs, 'drome', 2016));
      expect(await caeStatisticsByYear(docs, 'nowhere')).toBeUndefined();
    }));

  it('given a CAE that is not registered, then its statistics are undefined (404)', () =>
    statistics(...coodyssee).when(...drome).then(async (docs) => expect(await caeStatistics(docs, 'nowhere', 2016)).toBeUndefined()));

  it('given no CAE, then the network answers zeros', () =>
    statistics().when().then(async (docs) => {
      expect(await networkStatistics(docs, 2016)).toMatchObject({ network: { caes: 0 }, headcount: { start: 0, end: 0 }, revenue: { total: '0.00' } });
      expect(await networkStatisticsByYear(docs)).toEqual({ scope: 'network', years: [] });
    }));
});
