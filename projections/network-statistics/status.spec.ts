import { admitEntrepreneur, exit, figuresOf, integrate, redeem, registerCae, renewCape, salaried, signCape, signCesa, statistics } from './testing/fixtures';

describe('year-end status: cape, salaried (CESA, not associate), associates (CESA and associate)', () => {
  it('given a CAPE in force on 31 Dec, then she counts under cape', () =>
    statistics(registerCae(), integrate('alice', '2016-03-01')).when(signCape('alice', '2016-03-01', 12, '2017-02-28')).then(async (docs) => {
      expect((await figuresOf(docs)).headcount.endByStatus).toEqual({ cape: 1, salaried: 0, associates: 0 });
    }));

  it('given a CAPE that ended on 31 Aug and nothing after, then she is present but under no status', () =>
    statistics(registerCae(), integrate('alice', '2016-03-01')).when(signCape('alice', '2016-03-01', 6, '2016-08-31')).then(async (docs) => {
      const { headcount } = await figuresOf(docs);
      expect(headcount.end).toBe(1);
      expect(headcount.endByStatus).toEqual({ cape: 0, salaried: 0, associates: 0 });
    }));

  it('given a 2015 CAPE renewed in 2016 up to 2017, then she counts under cape', () =>
    statistics(registerCae(), integrate('alice', '2015-04-06'), signCape('alice', '2015-04-06', 12, '2016-04-05'))
      .when(renewCape('alice', '2016-03-21', 12, '2016-04-05', '2017-04-05'))
      .then(async (docs) => {
        expect((await figuresOf(docs)).headcount.endByStatus.cape).toBe(1);
      }));

  it('given a CAPE followed by a CESA, then she counts as salaried, not under cape', () =>
    statistics(registerCae(), integrate('alice', '2016-03-01'), signCape('alice', '2016-03-01', 12, '2017-02-28')).when(signCesa('alice', '2016-09-01')).then(async (docs) => {
      expect((await figuresOf(docs)).headcount.endByStatus).toEqual({ cape: 0, salaried: 1, associates: 0 });
    }));

  it('given an entrepreneur salarié admitted as an associate, then she counts among associates', () =>
    statistics(registerCae(), ...salaried('alice', '2015-01-05'), ...salaried('bruno', '2015-01-05')).when(admitEntrepreneur('a-alice', 'alice', '2016-11-14')).then(async (docs) => {
      expect((await figuresOf(docs)).headcount.endByStatus).toEqual({ cape: 0, salaried: 1, associates: 1 });
    }));

  it('given an associate who redeemed all her shares before 31 Dec, then she is salaried again', () =>
    statistics(registerCae(), ...salaried('alice', '2015-01-05'), admitEntrepreneur('a-alice', 'alice', '2015-06-01', 2)).when(redeem('a-alice', '2016-10-17', 2, 0)).then(async (docs) => {
      expect((await figuresOf(docs)).headcount.endByStatus).toEqual({ cape: 0, salaried: 1, associates: 0 });
    }));

  it('given an entrepreneur who left, then she has no year-end status', () =>
    statistics(registerCae(), integrate('alice', '2016-03-01'), signCape('alice', '2016-03-01', 12, '2017-02-28')).when(exit('alice', '2016-06-01', 'abandonment', ['cape'])).then(async (docs) => {
      expect((await figuresOf(docs)).headcount.endByStatus).toEqual({ cape: 0, salaried: 0, associates: 0 });
    }));
});
