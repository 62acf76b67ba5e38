import { aliceInvoiced, aliceUnderCesa, CAE, given, issueCreditNote, issueInvoice, line, recordPayment } from '../testing';

const alice = { caeId: CAE, entrepreneurId: 'alice' };


describe('payments', () => {
  /** Invoice 2016-000001: 100.00 + 20% = 120.00. */
  const hundred = [aliceUnderCesa, issueInvoice('alice', '2016-01-11', { lines: [line('1', '100.00', '20')] })];

  it('given invoice 2016-000001 of 1,200.00, when paid in full, then the payment is 1,000.00 of revenue and 200.00 of VAT', async () => {
    await given(aliceInvoiced)
      .when(recordPayment('2016-000001', '2016-02-01', '1200.00'))
      .then([
        {
          type: 'PaymentRecorded',
          data: {
            ...alice,
            invoiceNumber: '2016-000001',
            paidOn: '2016-02-01',
            amount: '1200.00',
            amountExclVat: '1000.00',
            vat: '200.00',
            remainingDue: '0.00',
            fullyPaid: true,
          },
        },
      ]);
  });

  it('given 120.00 due, when 40.00 is paid, then 33.33 is revenue pro rata and 80.00 remains', async () => {
    await given(hundred)
      .when(recordPayment('2016-000001', '2016-02-01', '40.00'))
      .then(([payment]) => expect(payment?.data).toMatchObject({ amountExclVat: '33.33', vat: '6.67', remainingDue: '80.00', fullyPaid: false }));
  });

  it('given 120.00 due, when paid 3 × 40.00, then the revenue parts 33.33 + 33.34 + 33.33 sum to exactly 100.00', async () => {
    await given(hundred, recordPayment('2016-000001', '2016-02-01', '40.00'))
      .when(recordPayment('2016-000001', '2016-02-15', '40.00'))
      .then(([payment]) => expect(payment?.data).toMatchObject({ amountExclVat: '33.34', vat: '6.66', remainingDue: '40.00', fullyPaid: false }));
    await given(hundred, recordPayment('2016-000001', '2016-02-01', '40.00'), recordPayment('2016-000001', '2016-02-15', '40.00'))
      .when(recordPayment('2016-000001', '2016-03-01', '40.00'))
      .then(([payment]) => expect(payment?.data).toMatchObject({ amountExclVat: '33.33', vat: '6.67', remainingDue: '0.00', fullyPaid: true }));
  });

  it('given 120.00 due, when 120.01 is paid, then PAYMENT_EXCEEDS_DUE', async () => {
    expect((await given(hundred).when(recordPayment('2016-000001', '2016-02-01', '120.01')).thenRejects('PAYMENT_EXCEEDS_DUE')).details).toEqual({
      due: '120.00',
      amount: '120.01',
    });
  });

  it('given 80.00 paid on 120.00, when 40.01 is paid, then PAYMENT_EXCEEDS_DUE (due = total − credited − paid)', async () => {
    await given(hundred, recordPayment('2016-000001', '2016-02-01', '80.00'))
      .when(recordPayment('2016-000001', '2016-02-15', '40.01'))
      .thenRejects('PAYMENT_EXCEEDS_DUE');
  });

  it('given 1,200.00 invoiced and 120.00 credited, when 1,080.00 is paid, then it is fully paid and 900.00 is revenue', async () => {
    await given(aliceInvoiced, issueCreditNote('2016-000001', '2016-01-20', [line('1', '100.00', '20')]))
      .when(recordPayment('2016-000001', '2016-02-01', '1080.00'))
      .then(([payment]) => expect(payment?.data).toMatchObject({ amountExclVat: '900.00', vat: '180.00', remainingDue: '0.00', fullyPaid: true }));
  });

  it('given 1,200.00 invoiced and 120.00 credited, when 1,080.01 is paid, then PAYMENT_EXCEEDS_DUE', async () => {
    await given(aliceInvoiced, issueCreditNote('2016-000001', '2016-01-20', [line('1', '100.00', '20')]))
      .when(recordPayment('2016-000001', '2016-02-01', '1080.01'))
      .thenRejects('PAYMENT_EXCEEDS_DUE');
  });

  it('given an invoice fully credited, when a payment arrives, then PAYMENT_EXCEEDS_DUE (nothing is due)', async () => {
    await given(aliceInvoiced, issueCreditNote('2016-000001', '2016-01-20')).when(recordPayment('2016-000001', '2016-02-01', '0.01')).thenRejects('PAYMENT_EXCEEDS_DUE');
  });

  it('given an invoice of 11 Jan, when a payment is dated 10 Jan, then DATE_OUT_OF_ORDER', async () => {
    await given(aliceInvoiced).when(recordPayment('2016-000001', '2016-01-10', '10.00')).thenRejects('DATE_OUT_OF_ORDER');
  });

  it('given no invoice 2016-000009, when a payment refers to it, then NOT_FOUND', async () => {
    await given(aliceInvoiced).when(recordPayment('2016-000009', '2016-02-01', '10.00')).thenRejects('NOT_FOUND');
  });

  it('given no invoice in 2015, when a payment refers to 2015-000001, then NOT_FOUND', async () => {
    await given(aliceInvoiced).when(recordPayment('2015-000001', '2016-02-01', '10.00')).thenRejects('NOT_FOUND');
  });
});
