import { admitEntrepreneur, exit, integrate, redeem, registerCae, renewCape, salaried, signCape, signCesa, statistics } from './testing/fixtures';

describe('year-end status: cape, salaried (CESA, not associate), associates (CESA and associate)', () => {
  it('given a CAPE in force on 31 Dec, then she counts under cape', async () => {
    const s = await statistics([registerCae(), integrate('alice', '2016-03-01'), signCape('alice', '2016-03-01', 12, '2017-02-28')]);
    expect(s.headcount.endByStatus).toEqual({ cape: 1, salaried: 0, associates: 0 });
  });

  it('given a CAPE that ended on 31 Aug and nothing after, then she is present but under no status', async () => {
    const s = await statistics([registerCae(), integrate('alice', '2016-03-01'), signCape('alice', '2016-03-01', 6, '2016-08-31')]);
    expect(s.headcount.end).toBe(1);
    expect(s.headcount.endByStatus).toEqual({ cape: 0, salaried: 0, associates: 0 });
  });

  it('given a 2015 CAPE renewed in 2016 up to 2017, then she counts under cape', async () => {
    const s = await statistics([registerCae(), integrate('alice', '2015-04-06'), signCape('alice', '2015-04-06', 12, '2016-04-05'), renewCape('alice', '2016-03-21', 12, '2016-04-05', '2017-04-05')]);
    expect(s.headcount.endByStatus.cape).toBe(1);
  });

  it('given a CAPE followed by a CESA, then she counts as salaried, not under cape', async () => {
    const s = await statistics([registerCae(), integrate('alice', '2016-03-01'), signCape('alice', '2016-03-01', 12, '2017-02-28'), signCesa('alice', '2016-09-01')]);
    expect(s.headcount.endByStatus).toEqual({ cape: 0, salaried: 1, associates: 0 });
  });

  it('given an entrepreneur salarié admitted as an associate, then she counts among associates', async () => {
    const s = await statistics([registerCae(), ...salaried('alice', '2015-01-05'), ...salaried('bruno', '2015-01-05'), admitEntrepreneur('a-alice', 'alice', '2016-11-14')]);
    expect(s.headcount.endByStatus).toEqual({ cape: 0, salaried: 1, associates: 1 });
  });

  it('given an associate who redeemed all her shares before 31 Dec, then she is salaried again', async () => {
    const s = await statistics([registerCae(), ...salaried('alice', '2015-01-05'), admitEntrepreneur('a-alice', 'alice', '2015-06-01', 2), redeem('a-alice', '2016-10-17', 2, 0)]);
    expect(s.headcount.endByStatus).toEqual({ cape: 0, salaried: 1, associates: 0 });
  });

  it('given an entrepreneur who left, then she has no year-end status', async () => {
    const s = await statistics([registerCae(), integrate('alice', '2016-03-01'), signCape('alice', '2016-03-01', 12, '2017-02-28'), exit('alice', '2016-06-01', 'abandonment', ['cape'])]);
    expect(s.headcount.endByStatus).toEqual({ cape: 0, salaried: 0, associates: 0 });
  });
});
