import { figuresOf, registerCae, statistics } from './testing/fixtures';

describe('the shape of docs/api.md#statistics: every key present, counts as integers, amounts and rates as strings', () => {
  it('given a registered CAE with nothing in the year, then every indicator reads zero', () =>
    statistics().when(registerCae()).then(async (docs) => {
      expect(await figuresOf(docs)).toEqual({
        scope: 'coodyssee',
        year: 2016,
        headcount: { start: 0, end: 0, entries: 0, exits: 0, accompanied: 0, endByStatus: { cape: 0, salaried: 0, associates: 0 } },
        monthly: Array.from({ length: 12 }, (_, i) => ({ month: `2016-${String(i + 1).padStart(2, '0')}`, entries: 0, exits: 0, headcountEnd: 0 })),
        exits: {
          byReason: {
            company_creation: 0,
            salaried_job: 0,
            training: 0,
            other_project: 0,
            abandonment: 0,
            cape_ended: 0,
            associate_deadline_missed: 0,
            other: 0,
          },
          positiveExitRate: '0.0000',
        },
        associates: { end: { entrepreneur: 0, staff: 0, external: 0, total: 0 }, newAssociates: 0, shareCapital: '0.00' },
        funnel: { informationSessionAttendees: 0, intakeInterviews: 0, integrations: 0 },
        revenue: {
          total: '0.00',
          byClientKind: { company: '0.00', individual: '0.00', public_body: '0.00', association: '0.00' },
          bySector: {},
          vatCollected: '0.00',
          contributions: '0.00',
          subsidies: '0.00',
          socialAndFiscalReturnPerSubsidyEuro: '0.00',
        },
        payroll: { grossMass: '0.00', employeeContributions: '0.00', employerContributions: '0.00', hoursPaid: '0.00', fte: '0.00', averageMonthlyGross: '0.00' },
        people: {
          womenShare: '0.0000',
          ageBrackets: { under_26: 0, '26_35': 0, '36_45': 0, '46_55': 0, over_55: 0 },
          situationAtEntry: { unemployed: 0, employed: 0, minimum_income: 0, student: 0, other: 0 },
          parallelActivityShare: '0.0000',
        },
        support: { meetings: 0, workshopHours: '0.00', belowTwoMeetings: 0 },
      });
    }));
});
