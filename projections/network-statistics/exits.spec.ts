import { EXIT_REASONS } from '../../libs/domain';
import { exit, figuresOf, registerCae, salaried, statistics } from './testing/fixtures';

describe('exits by reason; positive exit rate = (company creation + salaried job) ÷ exits', () => {
  it('given no exit, then every reason reads 0 and the rate is 0.0000', () =>
    statistics(registerCae()).when(...salaried('alice', '2016-01-04')).then(async (docs) => {
      expect((await figuresOf(docs)).exits).toEqual({ byReason: Object.fromEntries(EXIT_REASONS.map((r) => [r, 0])), positiveExitRate: '0.0000' });
    }));

  it('given three exits of which one company creation and one salaried job, then the rate is 0.6667', () =>
    statistics(
      registerCae(),
      ...['alice', 'bruno', 'chloe'].flatMap((id) => salaried(id, '2015-01-05')),
      exit('alice', '2016-02-01', 'company_creation'),
      exit('bruno', '2016-05-01', 'salaried_job'),
    )
      .when(exit('chloe', '2016-07-01', 'abandonment'))
      .then(async (docs) => {
        const { exits } = await figuresOf(docs);
        expect(exits.byReason).toMatchObject({ company_creation: 1, salaried_job: 1, abandonment: 1, training: 0, other: 0 });
        expect(exits.positiveExitRate).toBe('0.6667');
      }));

  it('given an exit in 2015, then it is not an exit of 2016', () =>
    statistics(registerCae(), ...salaried('alice', '2015-01-05')).when(exit('alice', '2015-12-31', 'training')).then(async (docs) => {
      const s = await figuresOf(docs);
      expect(s.headcount.exits).toBe(0);
      expect(s.exits.byReason.training).toBe(0);
    }));
});
