import type { DomainEvent } from '../events';
import { aliceInvoiced, aliceUnderCesa, CAE, exitEntrepreneur, given, issueCreditNote, issueInvoice, line } from '../testing';

const alice = { caeId: CAE, entrepreneurId: 'alice' };
const numbersOf = (events: DomainEvent[]) => events.flatMap((e) => (e.type === 'InvoiceNumberAssigned' ? [e.data.number] : []));


describe('credit notes', () => {
  /** Invoice 2016-000001: 13.33 + 20% (2.67) and 10.01 + 5.5% (0.55) = 26.56 incl. VAT. */
  const twoRates = [aliceUnderCesa, issueInvoice('alice', '2016-01-11', { lines: [line('1.333', '10.00', '20'), line('1', '10.01', '5.5')] })];

  it('given invoice 2016-000001, when crediting it without lines, then a credit note 2016-000002 cancels what remains', async () => {
    await given(aliceInvoiced)
      .when(issueCreditNote('2016-000001', '2016-01-20'))
      .then((events, result) => {
        expect(events).toStrictEqual([
          {
            type: 'InvoiceNumberAssigned',
            data: {
              caeId: CAE,
              number: '2016-000002',
              sequence: 2,
              document: 'credit_note',
              issuedOn: '2016-01-20',
              entrepreneurId: 'alice',
              invoiceNumber: '2016-000001',
            },
          },
          {
            type: 'CreditNoteIssued',
            data: {
              ...alice,
              number: '2016-000002',
              invoiceNumber: '2016-000001',
              issuedOn: '2016-01-20',
              reason: 'Prestation non réalisée',
              lines: [
                {
                  description: 'Annulation de la facture 2016-000001',
                  quantity: '1',
                  unitPrice: '1000.00',
                  vatRate: '20',
                  totalExclVat: '1000.00',
                  vat: '200.00',
                  totalInclVat: '1200.00',
                },
              ],
              totalExclVat: '1000.00',
              totalVat: '200.00',
              totalInclVat: '1200.00',
              vatBreakdown: [{ vatRate: '20', baseExclVat: '1000.00', vat: '200.00' }],
              clientKind: 'company',
              sector: 'Communication',
              refundOwed: '0.00',
            },
          },
        ]);
        expect(result).toEqual({
          number: '2016-000002',
          invoiceNumber: '2016-000001',
          totalExclVat: '1000.00',
          totalVat: '200.00',
          totalInclVat: '1200.00',
          refundOwed: '0.00',
        });
      });
  });

  it('given an invoice at two VAT rates, when cancelling it, then there is one cancelling line per rate', async () => {
    await given(twoRates)
      .when(issueCreditNote('2016-000001', '2016-01-20'))
      .then(([, credit]) =>
        expect(credit?.data).toMatchObject({
          lines: [
            { vatRate: '20', totalExclVat: '13.33', vat: '2.67', totalInclVat: '16.00' },
            { vatRate: '5.5', totalExclVat: '10.01', vat: '0.55', totalInclVat: '10.56' },
          ],
          totalExclVat: '23.34',
          totalVat: '3.22',
          totalInclVat: '26.56',
        }),
      );
  });

  it('given a partial credit of 5.00 + 20%, when cancelling the rest, then exactly what remains at each rate is credited', async () => {
    await given(twoRates, issueCreditNote('2016-000001', '2016-01-15', [line('1', '5.00', '20')]))
      .when(issueCreditNote('2016-000001', '2016-01-20'))
      .then(([numbered, credit]) => {
        expect(numbered?.data).toMatchObject({ number: '2016-000003', sequence: 3 });
        expect(credit?.data).toMatchObject({
          lines: [
            { vatRate: '20', totalExclVat: '8.33', vat: '1.67', totalInclVat: '10.00' },
            { vatRate: '5.5', totalExclVat: '10.01', vat: '0.55', totalInclVat: '10.56' },
          ],
          totalExclVat: '18.34',
          totalVat: '2.22',
          totalInclVat: '20.56',
        });
      });
  });

  it('given 8.33 excl. VAT left at 20%, when crediting 9.00 at 20%, then CREDIT_NOTE_EXCEEDS_REMAINING', async () => {
    await given(twoRates, issueCreditNote('2016-000001', '2016-01-15', [line('1', '5.00', '20')]))
      .when(issueCreditNote('2016-000001', '2016-01-20', [line('1', '9.00', '20')]))
      .thenRejects('CREDIT_NOTE_EXCEEDS_REMAINING');
  });

  it('given an invoice at 20% only, when crediting a line at 10%, then CREDIT_NOTE_EXCEEDS_REMAINING', async () => {
    await given(aliceInvoiced).when(issueCreditNote('2016-000001', '2016-01-20', [line('1', '1.00', '10')])).thenRejects('CREDIT_NOTE_EXCEEDS_REMAINING');
  });

  it('given invoice of 1,200.00, when crediting 1,000.01 excl. VAT, then CREDIT_NOTE_EXCEEDS_REMAINING with the amounts', async () => {
    const error = await given(aliceInvoiced).when(issueCreditNote('2016-000001', '2016-01-20', [line('1', '1000.01', '20')])).thenRejects('CREDIT_NOTE_EXCEEDS_REMAINING');
    expect(error.details).toEqual({ requested: '1200.01', remaining: '1200.00' });
  });

  it('given an invoice fully credited, when crediting it again, then NOTHING_TO_CREDIT', async () => {
    await given(aliceInvoiced, issueCreditNote('2016-000001', '2016-01-20')).when(issueCreditNote('2016-000001', '2016-01-21')).thenRejects('NOTHING_TO_CREDIT');
  });

  it('given an invoice of 11 Jan, when a credit note is dated 10 Jan, then DATE_OUT_OF_ORDER', async () => {
    await given(aliceInvoiced).when(issueCreditNote('2016-000001', '2016-01-10')).thenRejects('DATE_OUT_OF_ORDER');
  });

  it('given invoices of 11 and 20 Jan, when crediting the first on 15 Jan, then INVOICE_DATE_BEFORE_LAST', async () => {
    await given(aliceInvoiced, issueInvoice('alice', '2016-01-20')).when(issueCreditNote('2016-000001', '2016-01-15')).thenRejects('INVOICE_DATE_BEFORE_LAST');
  });

  it('given an invoice of December 2016, when crediting it in January 2017, then the credit note is numbered in the 2017 series', async () => {
    await given(aliceInvoiced, issueInvoice('alice', '2016-12-20'), issueInvoice('alice', '2017-01-03'))
      .when(issueCreditNote('2016-000002', '2017-01-05'))
      .then((events) => expect(numbersOf(events)).toEqual(['2017-000002']));
  });

  it('given Alice has left, when one of her invoices is credited, then it is accepted (an invoice is corrected, never deleted)', async () => {
    await given(aliceInvoiced, exitEntrepreneur('alice', '2016-05-01'))
      .when(issueCreditNote('2016-000001', '2016-05-10'))
      .then((events) => expect(events.map((e) => e.type)).toEqual(['InvoiceNumberAssigned', 'CreditNoteIssued']));
  });

  it('given no invoice 2016-000009, when crediting it, then NOT_FOUND', async () => {
    expect((await given(aliceInvoiced).when(issueCreditNote('2016-000009', '2016-01-20')).thenRejects('NOT_FOUND')).details).toEqual({ invoiceNumber: '2016-000009' });
  });

  it('given credit note 2016-000002, when crediting the credit note itself, then NOT_FOUND (only invoices are credited)', async () => {
    await given(aliceInvoiced, issueCreditNote('2016-000001', '2016-01-20')).when(issueCreditNote('2016-000002', '2016-01-21')).thenRejects('NOT_FOUND');
  });
});
