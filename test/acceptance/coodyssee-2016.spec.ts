import { formatMoney, money, sum } from '../../libs/domain';
import { coodyssee2016 } from '../../libs/scenarios';
import { networkStatistics } from '../../projections/network-statistics/projection';
import { caeStatistics, type Statistics } from '../../projections/network-statistics/queries';
import { MemoryDocs } from '../../projections/testing/memory-docs';
import { eventsOf } from '../support/events-of';
import { coodyssee2016MonthlyRows } from '../fixtures/coodyssee-2016-report';

let s: Statistics;
beforeAll(async () => {
  const models = new MemoryDocs().run(networkStatistics, await eventsOf(coodyssee2016()));
  s = (await caeStatistics(models, 'coodyssee', 2016))!;
});

describe('acceptance: Coodyssée 2016 reproduces its published figures', () => {
  it('85 on 1 Jan, 84 on 31 Dec, 24 integrated, 25 exits, 109 accompanied', () => {
    expect(s.headcount).toMatchObject({ start: 85, end: 84, entries: 24, exits: 25, accompanied: 109 });
  });

  it('the twelve monthly rows', () => {
    expect(s.monthly).toEqual(
      coodyssee2016MonthlyRows(),
    );
  });

  it('at year end 12 under a CAPE, 72 under a CESA of whom 8 associates', () => {
    expect(s.headcount.endByStatus).toEqual({ cape: 12, salaried: 64, associates: 8 });
  });

  it('revenue 908,700.00 excl. VAT, VAT collected 98,720.00, contributions 12% of revenue', () => {
    expect(s.revenue).toMatchObject({ total: '908700.00', vatCollected: '98720.00', contributions: '109044.00' });
  });

  it('employee + employer contributions 154,337.00 and subsidies 35,625.00: 7.10 per euro of subsidy', () => {
    expect(formatMoney(money(s.payroll.employeeContributions).plus(s.payroll.employerContributions))).toBe('154337.00');
    expect(s.revenue).toMatchObject({ subsidies: '35625.00', socialAndFiscalReturnPerSubsidyEuro: '7.10' });
  });

  it('10 associates at year end, 8 entrepreneurs salariés and 2 external; one admitted in the year', () => {
    expect(s.associates).toMatchObject({ end: { entrepreneur: 8, staff: 0, external: 2, total: 10 }, newAssociates: 1 });
  });
});

describe('acceptance: Coodyssée 2016, the values its scenario chose where the report is silent', () => {
  it('exits by reason and the positive exit rate', () => {
    expect(s.exits).toEqual({
      byReason: {
        company_creation: 6,
        salaried_job: 5,
        training: 2,
        other_project: 3,
        abandonment: 3,
        cape_ended: 3,
        associate_deadline_missed: 2,
        other: 1,
      },
      positiveExitRate: '0.4400',
    });
  });

  it('funnel and share capital', () => {
    expect(s.funnel).toEqual({ informationSessionAttendees: 104, intakeInterviews: 43, integrations: 24 });
    expect(s.associates.shareCapital).toBe('2150.00');
  });

  it('payroll: 241,151.00 of gross, contributions at 22% and 42% plus a 0.36 regularisation', () => {
    expect(s.payroll).toMatchObject({ grossMass: '241151.00', employeeContributions: '53053.22', employerContributions: '101283.78' });
  });

  it('revenue by client kind and by sector add up to the total', () => {
    const total = (amounts: Record<string, string>) => formatMoney(sum(Object.values(amounts).map((a) => money(a))));
    expect(total(s.revenue.byClientKind)).toBe('908700.00');
    expect(total(s.revenue.bySector)).toBe('908700.00');
  });

  it('people indicators cover the 109 accompanied', () => {
    const count = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);
    expect(count(s.people.ageBrackets)).toBe(109);
    expect(count(s.people.situationAtEntry)).toBe(109);
  });
});
