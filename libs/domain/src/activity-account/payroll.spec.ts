import type { ContributionPolicy } from '../commands';
import {
  aliceIntegrated,
  aliceInvoiced,
  aliceUnderCape,
  aliceUnderCesa,
  CAE,
  decidedEvent,
  exitEntrepreneur,
  given,
  integrate,
  issueInvoice,
  recordExpense,
  recordPayment,
  registerCae,
  paySalary,
  signCesa,
  type History,
} from '../testing';

const alice = { caeId: CAE, entrepreneurId: 'alice' };

/**
 * Alice's activity under a CAE with the given contribution: 1,000.00 + 20% invoiced on 11 Jan 2016, 600.00 received
 * on 1 Feb (500.00 excl. VAT), an expense of 100.00 on 5 Feb.
 */
const activity = (contribution: ContributionPolicy = { rate: '0.12', base: 'revenue' }): History[] => [
  registerCae({ contribution }),
  integrate('alice', '2016-01-04'),
  signCesa('alice', '2016-01-04'),
  issueInvoice('alice', '2016-01-11'),
  recordPayment('2016-000001', '2016-02-01', '600.00'),
  recordExpense('alice', '2016-02-05', '100.00', { vat: '20.00' }),
];

/** The available treasury a salary paid on `paidOn` sees (its `treasuryBefore`). */
const treasuryBefore = async (history: History[], paidOn = '2016-02-10', period = '2016-01') =>
  (await decidedEvent(history, paySalary('alice', period, paidOn, '0.00'), 'SalaryPaid')).data.treasuryBefore;

describe('salaries: only for an entrepreneur salarié', () => {
  it('given Alice under a CAPE, when paying her a salary, then SALARY_UNDER_CAPE', async () => {
    await given(aliceUnderCape).when(paySalary('alice', '2016-02', '2016-02-28', '100.00')).thenRejects('SALARY_UNDER_CAPE');
  });

  it('given a CAPE that ended on 3 Jul and no CESA, when paying September, then SALARY_REQUIRES_CESA (she is under no CAPE then)', async () => {
    await given(aliceUnderCape).when(paySalary('alice', '2016-09', '2016-09-30', '100.00')).thenRejects('SALARY_REQUIRES_CESA');
  });

  it('given a CAPE until 29 Feb then a CESA from 1 Mar, when paying February, then SALARY_UNDER_CAPE', async () => {
    await given(aliceUnderCape, signCesa('alice', '2016-03-01')).when(paySalary('alice', '2016-02', '2016-03-05', '0.00')).thenRejects('SALARY_UNDER_CAPE');
  });

  it('given a CAPE until 14 Mar then a CESA from 15 Mar, when paying March, then the salary is paid (the CESA covers part of the month)', async () => {
    await given(aliceUnderCape, signCesa('alice', '2016-03-15'))
      .when(paySalary('alice', '2016-03', '2016-03-31', '0.00'))
      .then(([paid]) => expect(paid?.data).toMatchObject({ period: '2016-03', employerCost: '0.00' }));
  });

  it('given Alice integrated without a contract, when paying her a salary, then SALARY_REQUIRES_CESA', async () => {
    await given(aliceIntegrated).when(paySalary('alice', '2016-02', '2016-02-28', '100.00')).thenRejects('SALARY_REQUIRES_CESA');
  });

  it('given a CESA signed on 1 Mar, when paying February, then SALARY_REQUIRES_CESA', async () => {
    await given(aliceIntegrated, signCesa('alice', '2016-03-01')).when(paySalary('alice', '2016-02', '2016-03-05', '0.00')).thenRejects('SALARY_REQUIRES_CESA');
  });

  it('given Alice left on 1 May, when paying May, then SALARY_REQUIRES_CESA', async () => {
    await given(aliceUnderCesa, exitEntrepreneur('alice', '2016-05-01')).when(paySalary('alice', '2016-05', '2016-05-31', '0.00')).thenRejects('SALARY_REQUIRES_CESA');
  });

  it('given Alice left on 1 May, when paying April after her exit, then it is accepted (the last salary)', async () => {
    await given(aliceUnderCesa, exitEntrepreneur('alice', '2016-05-01'))
      .when(paySalary('alice', '2016-04', '2016-05-05', '0.00'))
      .then(([paid]) => expect(paid?.type).toBe('SalaryPaid'));
  });

  it('given Coodyssée, when paying an unknown entrepreneur, then NOT_FOUND', async () => {
    await given(registerCae()).when(paySalary('bob', '2016-02', '2016-02-28', '100.00')).thenRejects('NOT_FOUND');
  });

  it('given Alice under a CESA, when a salary for February is paid in January, then DATE_OUT_OF_ORDER', async () => {
    await given(aliceUnderCesa).when(paySalary('alice', '2016-02', '2016-01-31', '0.00')).thenRejects('DATE_OUT_OF_ORDER');
  });

  it('given January paid, when paying January again, then SALARY_ALREADY_PAID', async () => {
    await given(activity(), paySalary('alice', '2016-01', '2016-02-10', '100.00'))
      .when(paySalary('alice', '2016-01', '2016-02-11', '10.00'))
      .thenRejects('SALARY_ALREADY_PAID');
  });
});

describe('salary contributions and employer cost', () => {
  it("given no payslip amounts, when paying 100.00 gross, then the CAE's rates apply (22% / 42%) and the employer cost is 142.00", async () => {
    await given(activity())
      .when(paySalary('alice', '2016-01', '2016-02-10', '100.00'))
      .then([
        {
          type: 'SalaryPaid',
          data: {
            ...alice,
            period: '2016-01',
            paidOn: '2016-02-10',
            gross: '100.00',
            hours: '35',
            employeeContributions: '22.00',
            employerContributions: '42.00',
            employerCost: '142.00',
            contributionsSource: 'rates',
            treasuryBefore: '340.00',
          },
        },
      ]);
  });

  it("given a CAE's own rates 20% / 40%, when paying 123.45 gross, then each contribution is rounded half-up to the cent", async () => {
    const [, ...rest] = activity();
    await given(registerCae({ payroll: { employeeRate: '0.20', employerRate: '0.40' } }), rest)
      .when(paySalary('alice', '2016-01', '2016-02-10', '123.45'))
      .then(([paid]) => expect(paid?.data).toMatchObject({ employeeContributions: '24.69', employerContributions: '49.38', employerCost: '172.83' }));
  });

  it("given the payslip's amounts, when paying, then they are used as they are", async () => {
    await given(activity())
      .when(paySalary('alice', '2016-01', '2016-02-10', '100.00', { employeeContributions: '21.37', employerContributions: '40.12' }))
      .then(([paid]) =>
        expect(paid?.data).toMatchObject({ employeeContributions: '21.37', employerContributions: '40.12', employerCost: '140.12', contributionsSource: 'payslip' }),
      );
  });

  it('given Alice under a CESA with the result, when paying, then the result tells the employer cost and the treasury left', async () => {
    await given(activity())
      .when(paySalary('alice', '2016-01', '2016-02-10', '100.00'))
      .then((_events, result) => expect(result).toEqual({ employerCost: '142.00', treasuryAfter: '198.00' }));
  });
});

describe('available treasury = cash received excl. VAT − contribution on it − expenses − salary cost', () => {
  /** 500.00 received − 60.00 contribution − 100.00 expense − 142.00 January salary = 198.00. */
  const afterJanuary = [activity(), paySalary('alice', '2016-01', '2016-02-10', '100.00')];

  it('given 198.00 available, when a salary costs exactly 198.00, then it is paid', async () => {
    await given(afterJanuary)
      .when(paySalary('alice', '2016-02', '2016-02-29', '150.00', { employeeContributions: '33.00', employerContributions: '48.00' }))
      .then([
        {
          type: 'SalaryPaid',
          data: {
            ...alice,
            period: '2016-02',
            paidOn: '2016-02-29',
            gross: '150.00',
            hours: '35',
            employeeContributions: '33.00',
            employerContributions: '48.00',
            employerCost: '198.00',
            contributionsSource: 'payslip',
            treasuryBefore: '198.00',
          },
        },
      ]);
  });

  it('given 198.00 available, when a salary costs 198.01, then INSUFFICIENT_TREASURY with the amounts as strings', async () => {
    const error = await given(afterJanuary)
      .when(paySalary('alice', '2016-02', '2016-02-29', '150.00', { employeeContributions: '33.00', employerContributions: '48.01' }))
      .thenRejects('INSUFFICIENT_TREASURY', '198.00');
    expect(error.details).toEqual({ required: '198.01', available: '198.00', shortfall: '0.01' });
  });

  it('given an invoice not yet paid, when paying a salary, then nothing is available: invoiced is not cash', async () => {
    expect((await given(aliceInvoiced).when(paySalary('alice', '2016-01', '2016-01-31', '0.01')).thenRejects('INSUFFICIENT_TREASURY')).details).toMatchObject({
      available: '0.00',
    });
  });

  it('given the rest of the invoice received, when paying, then the VAT received never counts (600.00 more → 500.00 more)', async () => {
    expect(await treasuryBefore([...afterJanuary, recordPayment('2016-000001', '2016-02-20', '600.00')], '2016-02-29', '2016-02')).toBe(
      // 1,000.00 − 120.00 − 100.00 − 142.00
      '638.00',
    );
  });

  it('given a payment dated after the salary, when paying, then its contribution is still deducted (no cash without its contribution)', async () => {
    const lateCash: History[] = [
      registerCae(),
      integrate('alice', '2016-01-04'),
      signCesa('alice', '2016-01-04'),
      issueInvoice('alice', '2016-01-11'),
      recordExpense('alice', '2016-02-05', '100.00'),
      recordPayment('2016-000001', '2016-03-15', '600.00'),
    ];
    expect(await treasuryBefore(lateCash, '2016-02-10')).toBe('340.00');
  });

  describe('the contribution as contribution.ts computes it', () => {
    it('given 12% of revenue, when paying, then 60.00 is kept on 500.00 received', async () => {
      expect(await treasuryBefore(activity())).toBe('340.00');
    });

    it('given the first 2 months waived, when cash arrives in February, then no contribution is kept', async () => {
      expect(await treasuryBefore(activity({ rate: '0.12', base: 'revenue', waivedMonths: 2 }))).toBe('400.00');
    });

    it('given the first month waived, when cash arrives in February, then February bears the contribution', async () => {
      expect(await treasuryBefore(activity({ rate: '0.12', base: 'revenue', waivedMonths: 1 }))).toBe('340.00');
    });

    it('given a fixed 50.00 a month on top of 12%, when paying in February, then January and February are due (100.00 + 60.00)', async () => {
      expect(await treasuryBefore(activity({ rate: '0.12', base: 'revenue', fixedMonthly: '50.00' }))).toBe('240.00');
    });

    it('given a fixed 50.00 a month and the first month waived, when paying in February, then only February is due (50.00 + 60.00)', async () => {
      expect(await treasuryBefore(activity({ rate: '0.12', base: 'revenue', fixedMonthly: '50.00', waivedMonths: 1 }))).toBe('290.00');
    });

    it('given 12% of gross margin, when paying, then the contribution is 12% of 500.00 − 100.00 = 48.00', async () => {
      expect(await treasuryBefore(activity({ rate: '0.12', base: 'gross_margin' }))).toBe('352.00');
    });

    it('given 12% of gross margin and expenses above revenue, when paying, then the contribution is nil, never negative', async () => {
      const history = [activity({ rate: '0.12', base: 'gross_margin' }), recordExpense('alice', '2016-02-06', '450.00')];
      expect((await given(history).when(paySalary('alice', '2016-01', '2016-02-10', '0.01')).thenRejects('INSUFFICIENT_TREASURY')).details).toMatchObject({
        available: '-50.00',
      });
    });
  });
});
