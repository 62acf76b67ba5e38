import { admit, admitEntrepreneur, figuresOf, redeem, registerCae, salaried, statistics } from './testing/fixtures';

describe('associates: year-end count by category, new associates, share capital at nominal value', () => {
  const members = [
    registerCae(),
    ...salaried('alice', '2014-01-06'),
    ...salaried('bruno', '2014-01-06'),
    admitEntrepreneur('a-alice', 'alice', '2015-03-02', 4),
    admit('a-staff', '2013-06-03', 10, 'staff'),
  ];
  const bank = admit('a-bank', '2013-06-03', 20, 'external');

  it('given associates of every category, then each counts in its category and the total', () =>
    statistics(...members).when(bank).then(async (docs) => {
      expect((await figuresOf(docs)).associates).toEqual({ end: { entrepreneur: 1, staff: 1, external: 1, total: 3 }, newAssociates: 0, shareCapital: '850.00' });
    }));

  it('given an entrepreneur admitted in November, then she is a new associate and her shares count in the capital', () =>
    statistics(...members, bank).when(admitEntrepreneur('a-bruno', 'bruno', '2016-11-14', 2)).then(async (docs) => {
      expect((await figuresOf(docs)).associates).toEqual({ end: { entrepreneur: 2, staff: 1, external: 1, total: 4 }, newAssociates: 1, shareCapital: '900.00' });
    }));

  it('given a staff member who redeemed all her shares in October, then she is no longer an associate on 31 Dec', () =>
    statistics(...members, bank).when(redeem('a-staff', '2016-10-17', 10, 0)).then(async (docs) => {
      expect((await figuresOf(docs)).associates).toEqual({ end: { entrepreneur: 1, staff: 0, external: 1, total: 2 }, newAssociates: 0, shareCapital: '600.00' });
    }));

  it('given a partial redemption, then she stays an associate with fewer shares', () =>
    statistics(...members, bank).when(redeem('a-bank', '2016-05-02', 5, 15)).then(async (docs) => {
      const { associates } = await figuresOf(docs);
      expect(associates.end.external).toBe(1);
      expect(associates.shareCapital).toBe('725.00');
    }));

  it('given a redemption dated 2017, then the 2016 year end still counts the shares', () =>
    statistics(...members, bank).when(redeem('a-staff', '2017-01-10', 10, 0)).then(async (docs) => {
      expect((await figuresOf(docs)).associates.end.staff).toBe(1);
    }));
});
