import { aliceInvoiced, aliceUnderCesa, CAE, decidedEvent, given, issueCreditNote, issueInvoice, line, paySalary, recordPayment, recordRefund } from '../testing';

const alice = { caeId: CAE, entrepreneurId: 'alice' };


describe('refunds: a credit note beyond what remains unpaid is owed back to the client', () => {
  /** Invoice 2016-000001: 100.00 + 20% = 120.00, paid in full on 1 Feb. */
  const paid = [aliceUnderCesa, issueInvoice('alice', '2016-01-11', { lines: [line('1', '100.00', '20')] }), recordPayment('2016-000001', '2016-02-01', '120.00')];
  const creditedAfterPayment = [...paid, issueCreditNote('2016-000001', '2016-02-10')];

  it('given 120.00 paid, when the whole invoice is credited, then the credit note is accepted and says 120.00 is owed back', async () => {
    await given(paid)
      .when(issueCreditNote('2016-000001', '2016-02-10'))
      .then(([, note], result) => {
        expect(note).toMatchObject({ type: 'CreditNoteIssued', data: { totalInclVat: '120.00', refundOwed: '120.00' } });
        expect(result).toMatchObject({ refundOwed: '120.00' });
      });
  });

  it('given 80.00 paid on 120.00, when 30.00 then 60.00 are credited, then only what goes beyond the 40.00 unpaid is owed back (0.00, then 50.00)', async () => {
    const partlyPaid = [aliceUnderCesa, issueInvoice('alice', '2016-01-11', { lines: [line('1', '100.00', '20')] }), recordPayment('2016-000001', '2016-02-01', '80.00')];
    expect((await decidedEvent(partlyPaid, issueCreditNote('2016-000001', '2016-02-10', [line('1', '25.00', '20')]), 'CreditNoteIssued')).data.refundOwed).toBe('0.00');
    expect(
      (await decidedEvent([...partlyPaid, issueCreditNote('2016-000001', '2016-02-10', [line('1', '25.00', '20')])], issueCreditNote('2016-000001', '2016-02-11', [line('1', '50.00', '20')]), 'CreditNoteIssued'))
        .data.refundOwed,
    ).toBe('50.00');
  });

  it('given 100.00 of 120.00 credited after full payment and refunded, when the rest is credited, then 20.00 more is owed back', async () => {
    const refunded = [...paid, issueCreditNote('2016-000001', '2016-02-10', [line('1', '83.33', '20')]), recordRefund('2016-000001', '2016-02-12', '100.00')];
    expect((await decidedEvent(refunded, issueCreditNote('2016-000001', '2016-02-13'), 'CreditNoteIssued')).data.refundOwed).toBe('20.00');
  });

  it('given 120.00 paid and all of it credited, when 120.00 is refunded, then the refund is 100.00 of cash excl. VAT and 20.00 of VAT, nothing left owed', async () => {
    await given(creditedAfterPayment)
      .when(recordRefund('2016-000001', '2016-02-15', '120.00'))
      .then(
        [
          {
            type: 'RefundRecorded',
            data: {
              ...alice,
              invoiceNumber: '2016-000001',
              refundedOn: '2016-02-15',
              amount: '120.00',
              amountExclVat: '100.00',
              vat: '20.00',
              remainingOwed: '0.00',
            },
          },
        ],
      );
  });

  it('given 120.00 owed back, when 40.00 then 80.00 are refunded, then the excl. VAT parts 33.33 + 66.67 sum to exactly 100.00', async () => {
    await given(creditedAfterPayment)
      .when(recordRefund('2016-000001', '2016-02-15', '40.00'))
      .then(([refund]) => expect(refund?.data).toMatchObject({ amountExclVat: '33.33', vat: '6.67', remainingOwed: '80.00' }));
    await given(creditedAfterPayment, recordRefund('2016-000001', '2016-02-15', '40.00'))
      .when(recordRefund('2016-000001', '2016-02-20', '80.00'))
      .then(([refund]) => expect(refund?.data).toMatchObject({ amountExclVat: '66.67', vat: '13.33', remainingOwed: '0.00' }));
  });

  it('given 120.00 owed back, when 120.01 is refunded, then REFUND_EXCEEDS_OWED with the amounts', async () => {
    expect((await given(creditedAfterPayment).when(recordRefund('2016-000001', '2016-02-15', '120.01')).thenRejects('REFUND_EXCEEDS_OWED')).details).toEqual({
      owed: '120.00',
      amount: '120.01',
    });
  });

  it('given 100.00 of 120.00 refunded, when 20.01 more is refunded, then REFUND_EXCEEDS_OWED (owed = paid − net − refunded)', async () => {
    expect(
      (await given(creditedAfterPayment, recordRefund('2016-000001', '2016-02-15', '100.00')).when(recordRefund('2016-000001', '2016-02-16', '20.01')).thenRejects('REFUND_EXCEEDS_OWED'))
        .details,
    ).toEqual({ owed: '20.00', amount: '20.01' });
  });

  it('given everything owed refunded, when refunding again, then NOTHING_TO_REFUND', async () => {
    await given(creditedAfterPayment, recordRefund('2016-000001', '2016-02-15', '120.00')).when(recordRefund('2016-000001', '2016-02-16', '0.01')).thenRejects('NOTHING_TO_REFUND');
  });

  it('given 80.00 paid on 120.00 and 30.00 credited, when refunding, then NOTHING_TO_REFUND (the credit note stays within what is unpaid)', async () => {
    await given(
      aliceUnderCesa,
      issueInvoice('alice', '2016-01-11', { lines: [line('1', '100.00', '20')] }),
      recordPayment('2016-000001', '2016-02-01', '80.00'),
      issueCreditNote('2016-000001', '2016-02-10', [line('1', '25.00', '20')]),
    )
      .when(recordRefund('2016-000001', '2016-02-15', '0.01'))
      .thenRejects('NOTHING_TO_REFUND');
  });

  it('given 80.00 paid on 120.00 and 60.00 credited, when 20.00 is refunded, then it is accepted and settles what is owed', async () => {
    await given(
      aliceUnderCesa,
      issueInvoice('alice', '2016-01-11', { lines: [line('1', '100.00', '20')] }),
      recordPayment('2016-000001', '2016-02-01', '80.00'),
      issueCreditNote('2016-000001', '2016-02-10', [line('1', '50.00', '20')]),
    )
      .when(recordRefund('2016-000001', '2016-02-15', '20.00'))
      .then(([refund]) => expect(refund?.data).toMatchObject({ amount: '20.00', amountExclVat: '16.67', vat: '3.33', remainingOwed: '0.00' }));
  });

  it('given a credit note that leaves nothing due, when a payment arrives, then PAYMENT_EXCEEDS_DUE with 0.00 due (never negative)', async () => {
    expect((await given(creditedAfterPayment).when(recordPayment('2016-000001', '2016-02-15', '0.01')).thenRejects('PAYMENT_EXCEEDS_DUE')).details).toEqual({
      due: '0.00',
      amount: '0.01',
    });
  });

  it('given a credit note on 10 Feb made the refund owed, when the refund is dated 9 Feb, then DATE_OUT_OF_ORDER', async () => {
    await given(creditedAfterPayment).when(recordRefund('2016-000001', '2016-02-09', '10.00')).thenRejects('DATE_OUT_OF_ORDER', '2016-02-10');
  });

  it('given a payment on 1 Feb credited by a note of 20 Jan, when the refund is dated 25 Jan, then DATE_OUT_OF_ORDER (not before the money came in)', async () => {
    await given(
      aliceUnderCesa,
      issueInvoice('alice', '2016-01-11', { lines: [line('1', '100.00', '20')] }),
      recordPayment('2016-000001', '2016-02-01', '120.00'),
      issueCreditNote('2016-000001', '2016-01-20', [line('1', '50.00', '20')]),
    )
      .when(recordRefund('2016-000001', '2016-01-25', '10.00'))
      .thenRejects('DATE_OUT_OF_ORDER', '2016-02-01');
  });

  it('given an unknown invoice, when a refund refers to it, then NOT_FOUND', async () => {
    await given(creditedAfterPayment).when(recordRefund('2016-000009', '2016-02-15', '10.00')).thenRejects('NOT_FOUND');
  });

  it('given a refund paid out, when a salary is paid, then the treasury no longer counts the cash refunded nor its contribution', async () => {
    // 1,000.00 received excl. VAT, 100.00 of it credited and its 120.00 refunded: 900.00 kept − 12% = 792.00 (880.00 before the refund).
    const history = [
      ...aliceInvoiced,
      recordPayment('2016-000001', '2016-01-20', '1200.00'),
      issueCreditNote('2016-000001', '2016-01-25', [line('1', '100.00', '20')]),
    ];
    expect((await decidedEvent([...history, recordRefund('2016-000001', '2016-01-26', '120.00')], paySalary('alice', '2016-01', '2016-01-31', '0.00'), 'SalaryPaid')).data.treasuryBefore).toBe(
      '792.00',
    );
    expect((await decidedEvent(history, paySalary('alice', '2016-01', '2016-01-31', '0.00'), 'SalaryPaid')).data.treasuryBefore).toBe('880.00');
  });
});
