import {
  aliceIntegrated,
  aliceUnderCape,
  aliceUnderCesa,
  CAE,
  decidedEvent,
  exitEntrepreneur,
  given,
  integrate,
  issueInvoice,
  paySalary,
  recordExpense,
  recordMeeting,
  registerCae,
  renewCape,
  signCape,
  signCesa,
} from '../testing';

const alice = { caeId: CAE, entrepreneurId: 'alice' };

describe('integration', () => {
  it('given Coodyssée, when integrating Alice, then she is integrated for the first time with her sealed profile', async () => {
    await given(registerCae())
      .when(integrate('alice', '2016-01-04'))
      .then([
        {
          type: 'EntrepreneurIntegrated',
          data: {
            ...alice,
            integratedOn: '2016-01-04',
            integration: 1,
            activity: { description: 'Graphisme', sector: 'Communication' },
            profile: {
              firstName: 'Camille',
              lastName: 'Martin',
              gender: 'F',
              birthYear: 1984,
              postalCode: '05000',
              city: 'Gap',
              situationAtEntry: 'unemployed',
              parallelActivity: false,
            },
          },
        },
      ]);
  });

  it('given Alice integrated, when integrating her again, then ENTREPRENEUR_ALREADY_INTEGRATED', async () => {
    await given(aliceIntegrated).when(integrate('alice', '2016-03-01')).thenRejects('ENTREPRENEUR_ALREADY_INTEGRATED');
  });

  it('given Alice integrated in another CAE, when Coodyssée integrates an "alice", then she is a first integration there', async () => {
    await given(registerCae({ caeId: 'oxalis', name: 'Oxalis' }), integrate('alice', '2015-01-05', { caeId: 'oxalis' }), registerCae())
      .when(integrate('alice', '2016-01-04'))
      .then(([integrated]) => expect(integrated?.data).toMatchObject({ caeId: CAE, integration: 1 }));
  });

  it('given Alice integrated, when recording a meeting, then it is recorded', async () => {
    await given(aliceIntegrated)
      .when(recordMeeting('alice', '2016-01-20'))
      .then([{ type: 'MeetingRecorded', data: { ...alice, heldOn: '2016-01-20', kind: 'individual', hours: '1.5' } }]);
  });

  it('given Alice integrated, when recording a meeting before her integration, then DATE_BEFORE_INTEGRATION', async () => {
    await given(aliceIntegrated).when(recordMeeting('alice', '2016-01-03')).thenRejects('DATE_BEFORE_INTEGRATION');
  });

  it('given Alice integrated, when recording an expense, then it is recorded excl. VAT with its VAT', async () => {
    await given(aliceIntegrated)
      .when(recordExpense('alice', '2016-01-20', '120.00', { vat: '24.00' }))
      .then([
        {
          type: 'ExpenseRecorded',
          data: { ...alice, incurredOn: '2016-01-20', category: 'Fournitures', amount: '120.00', vat: '24.00', description: 'Papier' },
        },
      ]);
  });

  it('given Coodyssée, when recording a meeting for an unknown entrepreneur, then NOT_FOUND', async () => {
    await given(registerCae()).when(recordMeeting('bob', '2016-01-20')).thenRejects('NOT_FOUND', 'bob');
  });
});

describe('CAPE — contrat d’appui au projet d’entreprise', () => {
  it('given Alice integrated, when signing a 6-month CAPE, then it ends the day before the same date 6 months later', async () => {
    await given(aliceIntegrated)
      .when(signCape('alice', '2016-01-04', 6))
      .then([{ type: 'CapeSigned', data: { ...alice, signedOn: '2016-01-04', months: 6, endsOn: '2016-07-03', totalMonths: 6 } }]);
  });

  it('given Alice integrated, when signing a 12-month CAPE, then it is accepted (12 is the maximum)', async () => {
    await given(aliceIntegrated)
      .when(signCape('alice', '2016-01-04', 12))
      .then([{ type: 'CapeSigned', data: { ...alice, signedOn: '2016-01-04', months: 12, endsOn: '2017-01-03', totalMonths: 12 } }]);
  });

  it('given Alice integrated, when signing a 1-month CAPE, then it lasts one month', async () => {
    await given(aliceIntegrated)
      .when(signCape('alice', '2016-01-04', 1))
      .then(([signed]) => expect(signed?.data).toMatchObject({ months: 1, endsOn: '2016-02-03' }));
  });

  it.each([0, 13])('given Alice integrated, when signing a CAPE of %i months, then CAPE_DURATION_INVALID', async (months) => {
    expect((await given(aliceIntegrated).when(signCape('alice', '2016-01-04', months)).thenRejects('CAPE_DURATION_INVALID')).details).toEqual({ months, max: 12 });
  });

  it('given Alice under a CAPE, when signing a second CAPE, then CAPE_ALREADY_SIGNED', async () => {
    await given(aliceUnderCape).when(signCape('alice', '2016-02-01', 6)).thenRejects('CAPE_ALREADY_SIGNED', 'RenewCape');
  });

  it('given Alice under a CESA, when signing a CAPE, then CESA_ALREADY_SIGNED', async () => {
    await given(aliceUnderCesa).when(signCape('alice', '2016-02-01', 6)).thenRejects('CESA_ALREADY_SIGNED');
  });

  it('given Alice integrated on 4 Jan, when signing a CAPE on 3 Jan, then DATE_BEFORE_INTEGRATION', async () => {
    expect((await given(aliceIntegrated).when(signCape('alice', '2016-01-03', 6)).thenRejects('DATE_BEFORE_INTEGRATION')).details).toEqual({
      date: '2016-01-03',
      integratedOn: '2016-01-04',
    });
  });

  it('given Coodyssée, when signing a CAPE with an unknown entrepreneur, then NOT_FOUND', async () => {
    await given(registerCae()).when(signCape('bob', '2016-01-04', 6)).thenRejects('NOT_FOUND');
  });

  describe('renewal', () => {
    it('given a CAPE ending on 3 Jul, when renewing it for 6 months, then it continues from 4 Jul as renewal 1', async () => {
      await given(aliceUnderCape)
        .when(renewCape('alice', '2016-06-15', 6))
        .then([
          {
            type: 'CapeRenewed',
            data: { ...alice, renewedOn: '2016-06-15', months: 6, renewal: 1, previousEndsOn: '2016-07-03', endsOn: '2017-01-03', totalMonths: 12 },
          },
        ]);
    });

    it('given a CAPE renewed once, when renewing it again, then it is renewal 2', async () => {
      await given(aliceUnderCape, renewCape('alice', '2016-06-15', 6))
        .when(renewCape('alice', '2016-12-20', 12))
        .then([
          {
            type: 'CapeRenewed',
            data: { ...alice, renewedOn: '2016-12-20', months: 12, renewal: 2, previousEndsOn: '2017-01-03', endsOn: '2018-01-03', totalMonths: 24 },
          },
        ]);
    });

    it('given a 12-month CAPE renewed once for 12 months, when renewing for 12 more, then it reaches exactly 36 months', async () => {
      await given(aliceIntegrated, signCape('alice', '2016-01-04', 12), renewCape('alice', '2016-12-01', 12))
        .when(renewCape('alice', '2017-12-01', 12))
        .then(([renewed]) => expect(renewed?.data).toMatchObject({ renewal: 2, endsOn: '2019-01-03', totalMonths: 36 }));
    });

    it('given a CAPE renewed twice, when renewing again, then CAPE_LIMIT_EXCEEDED', async () => {
      const error = await given(aliceUnderCape, renewCape('alice', '2016-06-15', 1), renewCape('alice', '2016-08-01', 1))
        .when(renewCape('alice', '2016-08-20', 1))
        .thenRejects('CAPE_LIMIT_EXCEEDED');
      expect(error.details).toEqual({ renewals: 2, totalMonths: 8, requestedMonths: 1 });
    });

    it.each([0, 13])('given a CAPE, when renewing it for %i months, then CAPE_DURATION_INVALID', async (months) => {
      await given(aliceUnderCape).when(renewCape('alice', '2016-06-15', months)).thenRejects('CAPE_DURATION_INVALID');
    });

    it('given a CAPE ending on 3 Jul, when renewing it on its last day, then it is accepted', async () => {
      await given(aliceUnderCape)
        .when(renewCape('alice', '2016-07-03', 6))
        .then(([renewed]) => expect(renewed?.data).toMatchObject({ previousEndsOn: '2016-07-03', endsOn: '2017-01-03' }));
    });

    it('given a CAPE ending on 3 Jul, when renewing it on 4 Jul, then CAPE_ENDED', async () => {
      expect((await given(aliceUnderCape).when(renewCape('alice', '2016-07-04', 6)).thenRejects('CAPE_ENDED')).details).toEqual({ endsOn: '2016-07-03' });
    });

    it('given Alice without a CAPE, when renewing one, then CAPE_NOT_SIGNED', async () => {
      await given(aliceIntegrated).when(renewCape('alice', '2016-06-15', 6)).thenRejects('CAPE_NOT_SIGNED');
    });

    it('given Alice under a CESA, when renewing a CAPE, then CESA_ALREADY_SIGNED', async () => {
      await given(aliceUnderCape, signCesa('alice', '2016-03-01')).when(renewCape('alice', '2016-03-02', 6)).thenRejects('CESA_ALREADY_SIGNED');
    });

    it('given a CAPE renewed on 15 Jun, when renewing it with an earlier date, then DATE_OUT_OF_ORDER', async () => {
      await given(aliceUnderCape, renewCape('alice', '2016-06-15', 6)).when(renewCape('alice', '2016-06-01', 6)).thenRejects('DATE_OUT_OF_ORDER');
    });

    it('given Alice has left, when renewing her CAPE, then ENTREPRENEUR_NOT_ACTIVE', async () => {
      await given(aliceUnderCape, exitEntrepreneur('alice', '2016-05-01')).when(renewCape('alice', '2016-06-15', 6)).thenRejects('ENTREPRENEUR_NOT_ACTIVE');
    });
  });
});

describe('CESA — contrat d’entrepreneur salarié associé', () => {
  it('given Alice without a CAPE, when signing a CESA, then she must become an associate exactly 3 years later', async () => {
    await given(aliceIntegrated)
      .when(signCesa('alice', '2016-01-04'))
      .then([
        {
          type: 'CesaSigned',
          data: { ...alice, signedOn: '2016-01-04', capeDays: 0, associateDeadline: '2019-01-04', trialPeriodEndsOn: '2016-09-04' },
        },
      ]);
  });

  it('given a 6-month CAPE fully served (182 days in 2016), when signing a CESA after it, then the deadline is 3 years minus those 182 days', async () => {
    await given(aliceUnderCape)
      .when(signCesa('alice', '2016-09-01'))
      .then(([signed]) => expect(signed?.data).toMatchObject({ capeDays: 182, associateDeadline: '2019-03-03' }));
  });

  it('given a 6-month CAPE, when signing the CESA the day after it ends, then the trial period is what remains of 8 months', async () => {
    await given(aliceUnderCape)
      .when(signCesa('alice', '2016-07-04'))
      .then([
        {
          type: 'CesaSigned',
          data: { ...alice, signedOn: '2016-07-04', capeDays: 182, associateDeadline: '2019-01-03', trialPeriodEndsOn: '2016-09-03' },
        },
      ]);
  });

  it('given a 6-month CAPE, when the CESA cuts it short on 1 Mar, then only the 57 days actually spent count', async () => {
    await given(aliceUnderCape)
      .when(signCesa('alice', '2016-03-01'))
      .then([
        {
          type: 'CesaSigned',
          data: { ...alice, signedOn: '2016-03-01', capeDays: 57, associateDeadline: '2019-01-03', trialPeriodEndsOn: '2016-09-05' },
        },
      ]);
  });

  it('given a renewed CAPE, when signing a CESA, then the whole CAPE time since the first signature counts (366 days of 2016)', async () => {
    await given(aliceUnderCape, renewCape('alice', '2016-06-15', 6))
      .when(signCesa('alice', '2017-01-04'))
      .then(([signed]) => expect(signed?.data).toMatchObject({ capeDays: 366, associateDeadline: '2019-01-03' }));
  });

  it('given 12 months of CAPE, when signing a CESA, then there is no trial period left (8 months minus CAPE time)', async () => {
    const signed = await decidedEvent([aliceIntegrated, signCape('alice', '2016-01-04', 12)], signCesa('alice', '2017-01-04'), 'CesaSigned');
    expect(signed.data).not.toHaveProperty('trialPeriodEndsOn');
  });

  it('given Alice, when signing a CESA with a fixed monthly gross, then it is recorded', async () => {
    await given(aliceIntegrated)
      .when(signCesa('alice', '2016-01-04', { fixedMonthlyGross: '1500.00' }))
      .then(([signed]) => expect(signed?.data).toMatchObject({ fixedMonthlyGross: '1500.00' }));
  });

  it('given a CESA, when signing another, then CESA_ALREADY_SIGNED', async () => {
    await given(aliceUnderCesa).when(signCesa('alice', '2016-05-01')).thenRejects('CESA_ALREADY_SIGNED');
  });

  it('given Alice integrated on 4 Jan, when signing a CESA on 1 Jan, then DATE_BEFORE_INTEGRATION', async () => {
    await given(aliceIntegrated).when(signCesa('alice', '2016-01-01')).thenRejects('DATE_BEFORE_INTEGRATION');
  });

  it('given a CAPE renewed on 15 Jun, when signing a CESA dated before that, then DATE_OUT_OF_ORDER', async () => {
    await given(aliceUnderCape, renewCape('alice', '2016-06-15', 6)).when(signCesa('alice', '2016-06-01')).thenRejects('DATE_OUT_OF_ORDER');
  });

  it('given Coodyssée, when signing a CESA with an unknown entrepreneur, then NOT_FOUND', async () => {
    await given(registerCae()).when(signCesa('bob', '2016-01-04')).thenRejects('NOT_FOUND');
  });

  it('given a CESA cut the CAPE short, when invoicing afterwards, then the invoice is under the CESA with no CAPE mention', async () => {
    await given(aliceUnderCape, signCesa('alice', '2016-03-01'))
      .when(issueInvoice('alice', '2016-03-01'))
      .then(([, issued]) => {
        expect(issued?.data).toMatchObject({ contract: 'cesa' });
        expect(issued?.data).not.toHaveProperty('capeMention');
      });
  });
});

describe('exit', () => {
  it('given Alice under a CAPE, when she leaves to create her company, then the exit is positive and ends the CAPE', async () => {
    await given(aliceUnderCape)
      .when(exitEntrepreneur('alice', '2016-05-01', 'company_creation'))
      .then([{ type: 'EntrepreneurExited', data: { ...alice, exitedOn: '2016-05-01', reason: 'company_creation', positive: true, endedContracts: ['cape'] } }]);
  });

  it('given Alice under a CESA, when she leaves for a salaried job, then the exit is positive and ends the CESA', async () => {
    await given(aliceUnderCesa)
      .when(exitEntrepreneur('alice', '2016-05-01', 'salaried_job'))
      .then([{ type: 'EntrepreneurExited', data: { ...alice, exitedOn: '2016-05-01', reason: 'salaried_job', positive: true, endedContracts: ['cesa'] } }]);
  });

  it('given a CAPE followed by a CESA, when Alice leaves, then only the CESA was still in force', async () => {
    await given(aliceUnderCape, signCesa('alice', '2016-03-01'))
      .when(exitEntrepreneur('alice', '2016-05-01', 'abandonment'))
      .then(([exited]) => expect(exited?.data).toMatchObject({ positive: false, endedContracts: ['cesa'] }));
  });

  it('given a CAPE that ended on 3 Jul, when Alice leaves in September, then no contract was in force', async () => {
    await given(aliceUnderCape)
      .when(exitEntrepreneur('alice', '2016-09-01', 'cape_ended'))
      .then(([exited]) => expect(exited?.data).toMatchObject({ positive: false, endedContracts: [] }));
  });

  it.each(['training', 'other_project', 'abandonment', 'cape_ended', 'associate_deadline_missed', 'other'] as const)(
    'given Alice, when she leaves for %s, then the exit is not positive',
    async (reason) => {
      await given(aliceUnderCesa)
        .when(exitEntrepreneur('alice', '2016-05-01', reason))
        .then(([exited]) => expect(exited?.data).toMatchObject({ reason, positive: false }));
    },
  );

  it('given Alice has left, when she leaves again, then ENTREPRENEUR_NOT_ACTIVE', async () => {
    await given(aliceUnderCesa, exitEntrepreneur('alice', '2016-05-01')).when(exitEntrepreneur('alice', '2016-06-01')).thenRejects('ENTREPRENEUR_NOT_ACTIVE');
  });

  it('given a CESA signed on 1 Mar, when Alice leaves on 1 Feb, then DATE_OUT_OF_ORDER', async () => {
    await given(aliceUnderCape, signCesa('alice', '2016-03-01')).when(exitEntrepreneur('alice', '2016-02-01')).thenRejects('DATE_OUT_OF_ORDER');
  });

  it('given Alice integrated on 4 Jan, when her exit is dated 3 Jan, then DATE_OUT_OF_ORDER', async () => {
    await given(aliceIntegrated).when(exitEntrepreneur('alice', '2016-01-03')).thenRejects('DATE_OUT_OF_ORDER');
  });

  it('given Alice integrated without a contract, when she leaves, then no contract ends', async () => {
    await given(aliceIntegrated)
      .when(exitEntrepreneur('alice', '2016-02-01', 'abandonment'))
      .then([{ type: 'EntrepreneurExited', data: { ...alice, exitedOn: '2016-02-01', reason: 'abandonment', positive: false, endedContracts: [] } }]);
  });

  it('given Coodyssée, when an unknown entrepreneur leaves, then NOT_FOUND', async () => {
    await given(registerCae()).when(exitEntrepreneur('bob', '2016-02-01')).thenRejects('NOT_FOUND');
  });

  describe('after an exit', () => {
    const aliceLeft = [aliceUnderCesa, exitEntrepreneur('alice', '2016-05-01')];

    it('given Alice has left, when recording a meeting, then ENTREPRENEUR_NOT_ACTIVE', async () => {
      await given(aliceLeft).when(recordMeeting('alice', '2016-05-02')).thenRejects('ENTREPRENEUR_NOT_ACTIVE');
    });

    it('given Alice left on 1 May, when recording a meeting on 1 May, then ENTREPRENEUR_NOT_ACTIVE (her last day was 30 Apr)', async () => {
      await given(aliceLeft).when(recordMeeting('alice', '2016-05-01')).thenRejects('ENTREPRENEUR_NOT_ACTIVE');
    });

    it('given Alice left on 1 May, when recording a meeting held on 30 Apr, then it is accepted', async () => {
      await given(aliceLeft)
        .when(recordMeeting('alice', '2016-04-30'))
        .then(([meeting]) => expect(meeting?.type).toBe('MeetingRecorded'));
    });

    it('given Alice has left, when recording an expense, then ENTREPRENEUR_NOT_ACTIVE', async () => {
      await given(aliceLeft).when(recordExpense('alice', '2016-05-02', '10.00')).thenRejects('ENTREPRENEUR_NOT_ACTIVE');
    });

    it('given Alice has left, when invoicing, then NO_ACTIVE_CONTRACT', async () => {
      await given(aliceLeft).when(issueInvoice('alice', '2016-05-01')).thenRejects('NO_ACTIVE_CONTRACT');
    });

    it('given Alice has left, when signing a CESA, then ENTREPRENEUR_NOT_ACTIVE', async () => {
      await given(aliceUnderCape, exitEntrepreneur('alice', '2016-05-01')).when(signCesa('alice', '2016-05-02')).thenRejects('ENTREPRENEUR_NOT_ACTIVE');
    });
  });

  describe('return', () => {
    const aliceLeftUnderCape = [aliceUnderCape, exitEntrepreneur('alice', '2016-05-01', 'training')];

    it('given Alice has left, when she comes back, then it is her second integration', async () => {
      await given(aliceLeftUnderCape)
        .when(integrate('alice', '2017-02-01'))
        .then(([integrated]) => expect(integrated?.data).toMatchObject({ integratedOn: '2017-02-01', integration: 2 }));
    });

    it('given Alice came back, when she signs a new CAPE, then it is a fresh contract', async () => {
      await given(aliceLeftUnderCape, integrate('alice', '2017-02-01'))
        .when(signCape('alice', '2017-02-01', 12))
        .then([{ type: 'CapeSigned', data: { ...alice, signedOn: '2017-02-01', months: 12, endsOn: '2018-01-31', totalMonths: 12 } }]);
    });

    it('given Alice came back, when she is paid a salary, then her former CESA does not count: SALARY_REQUIRES_CESA', async () => {
      await given(aliceUnderCesa, exitEntrepreneur('alice', '2016-05-01'), integrate('alice', '2017-02-01'))
        .when(paySalary('alice', '2017-02', '2017-02-28', '10.00'))
        .thenRejects('SALARY_REQUIRES_CESA');
    });

    it('given Alice has left on 1 May, when her return is dated 30 Apr, then DATE_OUT_OF_ORDER', async () => {
      await given(aliceLeftUnderCape).when(integrate('alice', '2016-04-30')).thenRejects('DATE_OUT_OF_ORDER');
    });

    it('given Alice came back, when integrating her once more without an exit, then ENTREPRENEUR_ALREADY_INTEGRATED', async () => {
      await given(aliceLeftUnderCape, integrate('alice', '2017-02-01')).when(integrate('alice', '2017-03-01')).thenRejects('ENTREPRENEUR_ALREADY_INTEGRATED');
    });

    it('given Alice came back, when recording a meeting between her exit and her return, then DATE_BEFORE_INTEGRATION', async () => {
      await given(aliceLeftUnderCape, integrate('alice', '2017-02-01')).when(recordMeeting('alice', '2016-12-01')).thenRejects('DATE_BEFORE_INTEGRATION');
    });
  });
});
