import { sealedAway } from '../testing/given';
import { admit, exit, figuresOf, forget, registerCae, salaried, statistics, type Someone } from './testing/fixtures';

/** Entrepreneurs salariés e-0, e-1… since 1 Jun 2015, one per profile. */
const people = (...who: Someone[]) => who.flatMap((w, i) => salaried(`e-${i}`, '2015-06-01', w));

describe('people: over the accompanied (start + entries)', () => {
  it('the share of women', () =>
    statistics(registerCae()).when(...people({ gender: 'F' }, { gender: 'M' }, { gender: 'X' })).then(async (docs) => {
      expect((await figuresOf(docs)).people.womenShare).toBe('0.3333');
    }));

  it('age brackets by age = year − birth year', () =>
    statistics(registerCae())
      .when(...people({ birthYear: 1991 }, { birthYear: 1990 }, { birthYear: 1981 }, { birthYear: 1980 }, { birthYear: 1961 }, { birthYear: 1960 }))
      .then(async (docs) => {
        expect((await figuresOf(docs)).people.ageBrackets).toEqual({ under_26: 1, '26_35': 2, '36_45': 1, '46_55': 1, over_55: 1 });
      }));

  it('situation at entry, every value counted', () =>
    statistics(registerCae()).when(...people({ situationAtEntry: 'minimum_income' }, { situationAtEntry: 'minimum_income' }, { situationAtEntry: 'employed' })).then(async (docs) => {
      expect((await figuresOf(docs)).people.situationAtEntry).toEqual({ unemployed: 0, employed: 1, minimum_income: 2, student: 0, other: 0 });
    }));

  it('the share with a parallel activity', () =>
    statistics(registerCae()).when(...people({ parallelActivity: true }, {}, {}, {})).then(async (docs) => {
      expect((await figuresOf(docs)).people.parallelActivityShare).toBe('0.2500');
    }));

  it('given someone who left before the year, then she is not among the accompanied', () =>
    statistics(registerCae(), ...people({ gender: 'F' }, { gender: 'M' })).when(exit('e-0', '2015-10-01')).then(async (docs) => {
      expect((await figuresOf(docs)).people.womenShare).toBe('0.0000');
    }));

  it('given nobody, then shares are 0.0000', () =>
    statistics().when(registerCae()).then(async (docs) => {
      expect((await figuresOf(docs)).people).toMatchObject({ womenShare: '0.0000', parallelActivityShare: '0.0000' });
    }));
});

describe('a forgotten person: her profile drops from the people indicators, not from headcounts', () => {
  const story = [registerCae(), ...people({ gender: 'F', birthYear: 1991 }, { gender: 'M', birthYear: 1970 })];

  it('given the erasure after her integration was projected, then she drops from people but stays in headcounts', () =>
    statistics(...story).when(forget('e-0')).then(async (docs) => {
      const s = await figuresOf(docs);
      expect(s.headcount).toMatchObject({ start: 2, end: 2, accompanied: 2 });
      expect(s.people).toMatchObject({ womenShare: '0.0000', ageBrackets: { under_26: 0, '36_45': 0, '46_55': 1 } });
    }));

  it('given a rebuild after the erasure (her profile reads [forgotten]), then the same figures', () =>
    statistics(...sealedAway(story, 'entrepreneur', 'e-0')).when(forget('e-0')).then(async (docs) => {
      const s = await figuresOf(docs);
      expect(s.headcount).toMatchObject({ start: 2, end: 2, accompanied: 2 });
      expect(s.people).toMatchObject({ womenShare: '0.0000', ageBrackets: { under_26: 0, '46_55': 1 } });
    }));

  it('given a staff associate with her id forgotten, then her profile still counts: only an entrepreneur has one here', async () => {
    const withAssociate = [...story, admit('e-0', '2016-03-01', 1, 'staff')];
    const live = await statistics(...withAssociate).when(forget('e-0', 'associate'));
    const rebuilt = await statistics(...sealedAway(withAssociate, 'associate', 'e-0')).when(forget('e-0', 'associate'));
    for (const docs of [live, rebuilt]) {
      expect((await figuresOf(docs)).people).toMatchObject({ womenShare: '0.5000', ageBrackets: { under_26: 1, '46_55': 1 } });
    }
  });
});
