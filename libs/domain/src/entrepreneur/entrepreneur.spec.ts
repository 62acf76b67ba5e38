import { aliceIntegrated, aliceUnderCape, aliceUnderCesa, CAE, exitEntrepreneur, given, integrate, issueInvoice, paySalary, recordExpense, recordMeeting, registerCae, signCape, signCesa } from '../testing';

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
