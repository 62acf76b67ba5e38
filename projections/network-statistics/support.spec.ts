import { exit, figuresOf, informationSession, intakeInterview, meeting, registerCae, salaried, statistics } from './testing/fixtures';

describe('support: meetings, workshop hours, entrepreneurs below two individual meetings', () => {
  it('meetings count individual and collective meetings; workshops count in hours', () =>
    statistics(registerCae(), ...salaried('alice', '2015-06-01'))
      .when(
        meeting('alice', '2016-02-01', 'individual'),
        meeting('alice', '2016-03-01', 'collective', '2'),
        meeting('alice', '2016-04-01', 'workshop', '3'),
        meeting('alice', '2016-05-01', 'workshop', '2.5'),
        meeting('alice', '2015-12-01', 'individual'),
      )
      .then(async (docs) => {
        expect((await figuresOf(docs)).support).toMatchObject({ meetings: 2, workshopHours: '5.50' });
      }));

  it('counts those present on 31 Dec with fewer than two individual meetings in the year', () =>
    statistics(registerCae(), ...['alice', 'bruno', 'chloe', 'denis'].flatMap((id) => salaried(id, '2015-06-01')))
      .when(
        meeting('alice', '2016-02-01'),
        meeting('alice', '2016-09-01'),
        meeting('bruno', '2016-02-01'),
        meeting('bruno', '2016-03-01', 'collective'),
        meeting('bruno', '2016-04-01', 'workshop', '3'),
        meeting('chloe', '2015-11-01'),
        meeting('chloe', '2016-02-01'),
        exit('denis', '2016-06-01'),
      )
      .then(async (docs) => {
        // Bruno (one individual meeting) and Chloé (one in 2016); Alice had two, Denis left.
        expect((await figuresOf(docs)).support.belowTwoMeetings).toBe(2);
      }));
});

describe('funnel: information-session attendees, intake interviews, integrations', () => {
  it('sums attendees, counts interviews and integrations of the year', () =>
    statistics(registerCae())
      .when(
        informationSession('2016-01-05', 18),
        informationSession('2016-02-02', 12),
        informationSession('2015-12-01', 40),
        intakeInterview('2016-01-12'),
        intakeInterview('2016-01-19'),
        ...salaried('alice', '2016-02-01'),
        ...salaried('bruno', '2015-02-01'),
      )
      .then(async (docs) => {
        expect((await figuresOf(docs)).funnel).toEqual({ informationSessionAttendees: 30, intakeInterviews: 2, integrations: 1 });
      }));
});
