import { given, sealedAway } from '../testing/given';
import { networkStatistics } from './projection';
import { caeStatistics } from './queries';
import { admit, CAE, exit, forget, registerCae, salaried, statistics, type Someone } from './testing/fixtures';

const people = (...who: Someone[]) => [registerCae(), ...who.flatMap((w, i) => salaried(`e-${i}`, '2015-06-01', w))];

describe('people: over the accompanied (start + entries)', () => {
  it('the share of women', async () => {
    const s = await statistics(people({ gender: 'F' }, { gender: 'M' }, { gender: 'X' }));
    expect(s.people.womenShare).toBe('0.3333');
  });

  it('age brackets by age = year − birth year', async () => {
    const s = await statistics(people({ birthYear: 1991 }, { birthYear: 1990 }, { birthYear: 1981 }, { birthYear: 1980 }, { birthYear: 1961 }, { birthYear: 1960 }));
    expect(s.people.ageBrackets).toEqual({ under_26: 1, '26_35': 2, '36_45': 1, '46_55': 1, over_55: 1 });
  });

  it('situation at entry, every value counted', async () => {
    const s = await statistics(people({ situationAtEntry: 'minimum_income' }, { situationAtEntry: 'minimum_income' }, { situationAtEntry: 'employed' }));
    expect(s.people.situationAtEntry).toEqual({ unemployed: 0, employed: 1, minimum_income: 2, student: 0, other: 0 });
  });

  it('the share with a parallel activity', async () => {
    const s = await statistics(people({ parallelActivity: true }, {}, {}, {}));
    expect(s.people.parallelActivityShare).toBe('0.2500');
  });

  it('given someone who left before the year, then she is not among the accompanied', async () => {
    const s = await statistics([...people({ gender: 'F' }, { gender: 'M' }), exit('e-0', '2015-10-01')]);
    expect(s.people.womenShare).toBe('0.0000');
  });

  it('given nobody, then shares are 0.0000', async () => {
    const s = await statistics([registerCae()]);
    expect(s.people).toMatchObject({ womenShare: '0.0000', parallelActivityShare: '0.0000' });
  });
});

describe('a forgotten person: her profile drops from the people indicators, not from headcounts', () => {
  const story = people({ gender: 'F', birthYear: 1991 }, { gender: 'M', birthYear: 1970 });

  it('given the erasure after her integration was projected, then she drops from people but stays in headcounts', () =>
    given(networkStatistics, ...story).when(forget('e-0')).then(async (docs) => {
      const s = (await caeStatistics(docs, CAE, 2016))!;
      expect(s.headcount).toMatchObject({ start: 2, end: 2, accompanied: 2 });
      expect(s.people).toMatchObject({ womenShare: '0.0000', ageBrackets: { under_26: 0, '36_45': 0, '46_55': 1 } });
    }));

  it('given a rebuild after the erasure (her profile reads [forgotten]), then the same figures', async () => {
    const s = await statistics([...sealedAway(story, 'entrepreneur', 'e-0'), forget('e-0')]);
    expect(s.headcount).toMatchObject({ start: 2, end: 2, accompanied: 2 });
    expect(s.people).toMatchObject({ womenShare: '0.0000', ageBrackets: { under_26: 0, '46_55': 1 } });
  });

  it('given a staff associate with her id forgotten, then her profile still counts: only an entrepreneur has one here', async () => {
    const withAssociate = [...story, admit('e-0', '2016-03-01', 1, 'staff')];
    const live = await given(networkStatistics, ...withAssociate).when(forget('e-0', 'associate'));
    const rebuilt = await given(networkStatistics, ...sealedAway(withAssociate, 'associate', 'e-0')).when(forget('e-0', 'associate'));
    for (const models of [live, rebuilt]) {
      expect((await caeStatistics(models, CAE, 2016))!.people).toMatchObject({ womenShare: '0.5000', ageBrackets: { under_26: 1, '46_55': 1 } });
    }
  });
});
