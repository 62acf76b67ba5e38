import {
  aliceInvoiced,
  aliceUnderCesa,
  decidedEvent,
  exitEntrepreneur,
  given,
  integrate,
  issueCreditNote,
  issueInvoice,
  line,
  paySalary,
  recordExpense,
  recordMeeting,
  recordPayment,
  registerCae,
  signCesa,
} from '../testing';

describe('an exit cannot orphan the activity recorded before it', () => {
  it('given an invoice on 11 Jan, when exiting on 11 Jan, then DATE_OUT_OF_ORDER (present until the day before the exit)', async () => {
    await given(aliceInvoiced).when(exitEntrepreneur('alice', '2016-01-11')).thenRejects('DATE_OUT_OF_ORDER', '2016-01-11');
  });

  it('given an expense on 20 Jan, when exiting on 15 Jan, then DATE_OUT_OF_ORDER', async () => {
    await given(aliceUnderCesa, recordExpense('alice', '2016-01-20', '10.00')).when(exitEntrepreneur('alice', '2016-01-15')).thenRejects('DATE_OUT_OF_ORDER');
  });

  it('given a meeting on 20 Jan, when exiting on 21 Jan, then the exit is recorded', async () => {
    await given(aliceUnderCesa, recordMeeting('alice', '2016-01-20'))
      .when(exitEntrepreneur('alice', '2016-01-21'))
      .then(([exited]) => expect(exited?.type).toBe('EntrepreneurExited'));
  });

  it('given a return after an exit, when exiting again, then only the new stay’s activity counts', async () => {
    await given(aliceInvoiced, exitEntrepreneur('alice', '2016-02-01'), integrate('alice', '2016-03-01'))
      .when(exitEntrepreneur('alice', '2016-03-02'))
      .then(([exited]) => expect(exited?.data).toMatchObject({ exitedOn: '2016-03-02' }));
  });
});

describe('credit notes count where their invoice counted', () => {
  it('given an invoice issued in one sector and a return in another, when crediting it, then the credit note keeps the invoice’s sector', async () => {
    const history = [
      registerCae(),
      integrate('alice', '2016-01-04', { activity: { description: 'Menuiserie', sector: 'Artisanat' } }),
      signCesa('alice', '2016-01-04'),
      issueInvoice('alice', '2016-01-11'),
      exitEntrepreneur('alice', '2016-02-01'),
      integrate('alice', '2016-03-01', { activity: { description: 'Formation', sector: 'Formation' } }),
    ];
    expect((await decidedEvent(history, issueCreditNote('2016-000001', '2016-03-05'), 'CreditNoteIssued')).data.sector).toBe('Artisanat');
  });

  it('given an invoice entirely credited, when crediting it again with explicit lines, then NOTHING_TO_CREDIT', async () => {
    await given(aliceInvoiced, issueCreditNote('2016-000001', '2016-01-12'))
      .when(issueCreditNote('2016-000001', '2016-01-13', [line('1', '10.00')]))
      .thenRejects('NOTHING_TO_CREDIT');
  });
});

describe('salary contributions from the payslip, the rates, or both', () => {
  it('given only the employee contributions on the payslip, then the employer part comes from the rates and the source says so', async () => {
    const salary = await decidedEvent(
      [...aliceInvoiced, recordPayment('2016-000001', '2016-01-20', '1200.00')],
      paySalary('alice', '2016-01', '2016-01-31', '100.00', { employeeContributions: '21.50' }),
      'SalaryPaid',
    );
    expect(salary.data).toMatchObject({ employeeContributions: '21.50', employerContributions: '42.00', contributionsSource: 'payslip_and_rates' });
  });
});

describe('the contribution runs from the first integration, across returns', () => {
  it('given cash received in a first stay and a return, when paying a salary, then the first stay’s cash still bears its contribution', async () => {
    const history = [
      ...aliceInvoiced,
      recordPayment('2016-000001', '2016-01-20', '1200.00'),
      exitEntrepreneur('alice', '2016-02-01'),
      integrate('alice', '2016-06-01'),
      signCesa('alice', '2016-06-01'),
    ];
    // 1,000.00 received excl. VAT − 12% = 880.00, whichever stay the salary is paid in.
    expect((await decidedEvent(history, paySalary('alice', '2016-06', '2016-06-30', '0.00'), 'SalaryPaid')).data.treasuryBefore).toBe('880.00');
  });
});
