import { exit, figuresOf, integrate, registerCae, salaried, signCape, statistics } from './testing/fixtures';

describe('headcount: present on day d when integratedOn ≤ d < exitedOn', () => {
  it('given an integration on 31 Dec 2015, then she is in the 2016 start, not among its entries', () =>
    statistics(registerCae()).when(...salaried('alice', '2015-12-31')).then(async (docs) => {
      expect((await figuresOf(docs)).headcount).toMatchObject({ start: 1, entries: 0, end: 1, accompanied: 1 });
    }));

  it('given an integration on 1 Jan 2016, then she is an entry of 2016, not in its start', () =>
    statistics(registerCae()).when(...salaried('alice', '2016-01-01')).then(async (docs) => {
      expect((await figuresOf(docs)).headcount).toMatchObject({ start: 0, entries: 1, end: 1, accompanied: 1 });
    }));

  it('given an exit on 1 Jan 2016, then she is in the start and is an exit of 2016', () =>
    statistics(registerCae(), ...salaried('alice', '2015-06-01')).when(exit('alice', '2016-01-01')).then(async (docs) => {
      const s = await figuresOf(docs);
      expect(s.headcount).toMatchObject({ start: 1, exits: 1, end: 0 });
      expect(s.monthly[0]).toEqual({ month: '2016-01', entries: 0, exits: 1, headcountEnd: 0 });
    }));

  it('given an exit on 31 Dec 2016, then she is not present at the year end', () =>
    statistics(registerCae(), ...salaried('alice', '2016-03-01')).when(exit('alice', '2016-12-31')).then(async (docs) => {
      const s = await figuresOf(docs);
      expect(s.headcount).toMatchObject({ start: 0, entries: 1, exits: 1, end: 0, accompanied: 1 });
      expect(s.monthly[11]).toEqual({ month: '2016-12', entries: 0, exits: 1, headcountEnd: 0 });
    }));

  it('given an exit on 1 Jan 2017, then she is present at the 2016 year end and no exit of 2016', () =>
    statistics(registerCae(), ...salaried('alice', '2016-03-01')).when(exit('alice', '2017-01-01')).then(async (docs) => {
      expect((await figuresOf(docs)).headcount).toMatchObject({ exits: 0, end: 1 });
    }));

  it('given a return in the year, then the return is a new entry (end = start + entries − exits)', () =>
    statistics(registerCae(), ...salaried('alice', '2015-02-01'), exit('alice', '2016-03-15', 'other_project'))
      .when(integrate('alice', '2016-10-03', { integration: 2 }), signCape('alice', '2016-10-03', 12, '2017-10-02'))
      .then(async (docs) => {
        const s = await figuresOf(docs);
        expect(s.headcount).toMatchObject({ start: 1, entries: 1, exits: 1, end: 1, accompanied: 2 });
        expect(s.funnel.integrations).toBe(1);
      }));

  it('the monthly table counts entries and exits by month and the headcount on each month’s last day', () =>
    statistics(registerCae(), ...salaried('alice', '2015-02-01'), ...salaried('bruno', '2016-02-29'), ...salaried('chloe', '2016-03-01'))
      .when(exit('alice', '2016-03-31'))
      .then(async (docs) => {
        const { monthly } = await figuresOf(docs);
        expect(monthly.slice(0, 4)).toEqual([
          { month: '2016-01', entries: 0, exits: 0, headcountEnd: 1 },
          { month: '2016-02', entries: 1, exits: 0, headcountEnd: 2 },
          { month: '2016-03', entries: 1, exits: 1, headcountEnd: 2 },
          { month: '2016-04', entries: 0, exits: 0, headcountEnd: 2 },
        ]);
        expect(monthly.map((m) => m.month)).toHaveLength(12);
      }));
});
