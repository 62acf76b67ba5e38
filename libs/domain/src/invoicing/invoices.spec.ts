import type { DomainEvent } from '../events';
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
  issueCreditNote,
  issueInvoice,
  line,
  paySalary,
  recordPayment,
  recordRefund,
  registerCae,
  renewCape,
  signCape,
  signCesa,
} from '../testing';

const alice = { caeId: CAE, entrepreneurId: 'alice' };
const numbersOf = (events: DomainEvent[]) => events.flatMap((e) => (e.type === 'InvoiceNumberAssigned' ? [e.data.number] : []));
const issued = (events: DomainEvent[]) => events.find((e): e is Extract<DomainEvent, { type: 'InvoiceIssued' }> => e.type === 'InvoiceIssued')!.data;

describe('invoices', () => {
  it('given Alice under a CESA, when she invoices 1,000.00 + 20% VAT, then the invoice gets 2016-000001 in the series and is due 30 days later', async () => {
    await given(aliceUnderCesa)
      .when(issueInvoice('alice', '2016-01-11'))
      .then((events, result) => {
        expect(events).toStrictEqual([
          {
            type: 'InvoiceNumberAssigned',
            data: { caeId: CAE, number: '2016-000001', sequence: 1, document: 'invoice', issuedOn: '2016-01-11', entrepreneurId: 'alice' },
          },
          {
            type: 'InvoiceIssued',
            data: {
              ...alice,
              number: '2016-000001',
              issuedOn: '2016-01-11',
              dueOn: '2016-02-10',
              client: { kind: 'company', name: 'Hôtel du Col', postalCode: '05000' },
              lines: [
                { description: 'Prestation', quantity: '1', unitPrice: '1000.00', vatRate: '20', totalExclVat: '1000.00', vat: '200.00', totalInclVat: '1200.00' },
              ],
              totalExclVat: '1000.00',
              totalVat: '200.00',
              totalInclVat: '1200.00',
              vatBreakdown: [{ vatRate: '20', baseExclVat: '1000.00', vat: '200.00' }],
              contract: 'cesa',
              sector: 'Communication',
            },
          },
        ]);
        expect(result).toEqual({
          number: '2016-000001',
          dueOn: '2016-02-10',
          totalExclVat: '1000.00',
          totalVat: '200.00',
          totalInclVat: '1200.00',
          contract: 'cesa',
        });
      });
  });

  describe('only under a contract in force on the issue date', () => {
    it('given Alice integrated without a contract, when she invoices, then NO_ACTIVE_CONTRACT', async () => {
      await given(aliceIntegrated).when(issueInvoice('alice', '2016-01-11')).thenRejects('NO_ACTIVE_CONTRACT');
    });

    it('given a CAPE signed on 1 Feb, when Alice invoices on 20 Jan, then NO_ACTIVE_CONTRACT', async () => {
      await given(aliceIntegrated, signCape('alice', '2016-02-01', 6)).when(issueInvoice('alice', '2016-01-20')).thenRejects('NO_ACTIVE_CONTRACT');
    });

    it('given a CAPE ending on 3 Jul, when Alice invoices on 4 Jul, then NO_ACTIVE_CONTRACT', async () => {
      await given(aliceUnderCape).when(issueInvoice('alice', '2016-07-04')).thenRejects('NO_ACTIVE_CONTRACT');
    });

    it('given Alice left on 1 May, when she invoices on 1 May, then NO_ACTIVE_CONTRACT', async () => {
      await given(aliceUnderCesa, exitEntrepreneur('alice', '2016-05-01')).when(issueInvoice('alice', '2016-05-01')).thenRejects('NO_ACTIVE_CONTRACT');
    });

    it('given Coodyssée, when an unknown entrepreneur invoices, then NOT_FOUND', async () => {
      await given(registerCae()).when(issueInvoice('bob', '2016-01-11')).thenRejects('NOT_FOUND');
    });
  });

  describe('the CAPE mention', () => {
    it('given a CAPE ending on 3 Jul, when Alice invoices on its last day, then the invoice says CAPE, names the CAE and the end date', async () => {
      await given(aliceUnderCape)
        .when(issueInvoice('alice', '2016-07-03'))
        .then((events) => {
          const invoice = issued(events);
          expect(invoice.contract).toBe('cape');
          expect(invoice.capeMention).toStrictEqual({
            text: "Activité exercée dans le cadre d'un contrat d'appui au projet d'entreprise (CAPE, art. L127-1 du code de commerce) conclu avec Coodyssée, jusqu'au 2016-07-03.",
            caeName: 'Coodyssée',
            capeEndsOn: '2016-07-03',
          });
        });
    });

    it('given a renewed CAPE, when Alice invoices, then the mention carries the new end date', async () => {
      await given(aliceUnderCape, renewCape('alice', '2016-06-15', 6))
        .when(issueInvoice('alice', '2016-08-01'))
        .then((events) => expect(issued(events).capeMention).toMatchObject({ capeEndsOn: '2017-01-03' }));
    });

    it('given Alice under a CESA, when she invoices, then there is no CAPE mention', async () => {
      await given(aliceUnderCesa)
        .when(issueInvoice('alice', '2016-01-11'))
        .then((events) => expect(issued(events)).not.toHaveProperty('capeMention'));
    });

    it('given a CAPE then a CESA on 1 Mar, when Alice invoices on 1 Mar, then the invoice is under the CESA without the CAPE mention', async () => {
      await given(aliceUnderCape, signCesa('alice', '2016-03-01'))
        .when(issueInvoice('alice', '2016-03-01'))
        .then((events, result) => {
          expect(issued(events).contract).toBe('cesa');
          expect(issued(events)).not.toHaveProperty('capeMention');
          expect(result).not.toHaveProperty('capeMention');
        });
    });
  });

  describe('numbering: chronological and continuous, per CAE and per year', () => {
    it('given invoice 2016-000001, when Alice invoices again, then 2016-000002', async () => {
      await given(aliceInvoiced)
        .when(issueInvoice('alice', '2016-01-12'))
        .then((events) => expect(numbersOf(events)).toEqual(['2016-000002']));
    });

    it('given invoice 2016-000001 by Alice, when Bob invoices, then 2016-000002 (one series for the whole CAE)', async () => {
      await given(aliceInvoiced, integrate('bob', '2016-01-04'), signCesa('bob', '2016-01-04'))
        .when(issueInvoice('bob', '2016-01-12'))
        .then((events) => expect(numbersOf(events)).toEqual(['2016-000002']));
    });

    it('given invoices in 2016, when Alice invoices in 2017, then the new year restarts at 2017-000001', async () => {
      await given(aliceInvoiced, issueInvoice('alice', '2016-12-30'))
        .when(issueInvoice('alice', '2017-01-02'))
        .then((events) => expect(numbersOf(events)).toEqual(['2017-000001']));
    });

    it('given invoices in Coodyssée, when an entrepreneur of another CAE invoices, then that CAE has its own series', async () => {
      await given(
        aliceInvoiced,
        issueInvoice('alice', '2016-01-12'),
        registerCae({ caeId: 'oxalis', name: 'Oxalis' }),
        integrate('bob', '2016-01-04', { caeId: 'oxalis' }),
        signCesa('bob', '2016-01-04', { caeId: 'oxalis' }),
      )
        .when(issueInvoice('bob', '2016-01-13', { caeId: 'oxalis' }))
        .then((events) => expect(numbersOf(events)).toEqual(['2016-000001']));
    });

    it('given an invoice of 11 Jan, when Alice invoices on 10 Jan, then INVOICE_DATE_BEFORE_LAST', async () => {
      expect((await given(aliceInvoiced).when(issueInvoice('alice', '2016-01-10')).thenRejects('INVOICE_DATE_BEFORE_LAST')).details).toEqual({
        issuedOn: '2016-01-10',
        lastIssuedOn: '2016-01-11',
      });
    });

    it('given an invoice of 11 Jan by Alice, when Bob invoices on 10 Jan, then INVOICE_DATE_BEFORE_LAST (the series is shared)', async () => {
      await given(aliceInvoiced, integrate('bob', '2016-01-04'), signCesa('bob', '2016-01-04'))
        .when(issueInvoice('bob', '2016-01-10'))
        .thenRejects('INVOICE_DATE_BEFORE_LAST');
    });

    it('given an invoice of 11 Jan, when Alice invoices on the same day, then it is accepted as 2016-000002', async () => {
      await given(aliceInvoiced)
        .when(issueInvoice('alice', '2016-01-11'))
        .then((events) => expect(numbersOf(events)).toEqual(['2016-000002']));
    });

    it('given invoices of 2016, when Alice invoices on 2 Jan 2017 then on 1 Jan 2017, then INVOICE_DATE_BEFORE_LAST within the 2017 series', async () => {
      await given(aliceInvoiced, issueInvoice('alice', '2017-01-02')).when(issueInvoice('alice', '2017-01-01')).thenRejects('INVOICE_DATE_BEFORE_LAST');
    });
  });

  describe('due date', () => {
    it('given Alice under a CESA, when she invoices with a due date, then it is kept', async () => {
      await given(aliceUnderCesa)
        .when(issueInvoice('alice', '2016-01-11', { dueOn: '2016-03-31' }))
        .then((events) => expect(issued(events).dueOn).toBe('2016-03-31'));
    });

    it('given Alice under a CESA, when the due date is the issue date, then it is accepted', async () => {
      await given(aliceUnderCesa)
        .when(issueInvoice('alice', '2016-01-11', { dueOn: '2016-01-11' }))
        .then((events) => expect(issued(events).dueOn).toBe('2016-01-11'));
    });

    it('given Alice under a CESA, when the due date is before the issue date, then INVALID_DUE_DATE', async () => {
      await given(aliceUnderCesa).when(issueInvoice('alice', '2016-01-11', { dueOn: '2016-01-10' })).thenRejects('INVALID_DUE_DATE');
    });

    it('given Alice under a CESA, when she invoices on 31 Jan without a due date, then it is due on 1 Mar (30 days, leap year)', async () => {
      await given(aliceUnderCesa)
        .when(issueInvoice('alice', '2016-01-31'))
        .then((events) => expect(issued(events).dueOn).toBe('2016-03-01'));
    });
  });

  describe('amounts: half-up to the cent per line, then summed', () => {
    it('given Alice under a CESA, when lines need rounding, then each line is rounded and the totals are their sums', async () => {
      await given(aliceUnderCesa)
        .when(issueInvoice('alice', '2016-01-11', { lines: [line('1.333', '10.00', '20', 'Heures'), line('1', '10.01', '5.5', 'Livre'), line('0.5', '0.05', '20', 'Photocopie')] }))
        .then((events) => {
          const invoice = issued(events);
          expect(invoice.lines).toStrictEqual([
            { description: 'Heures', quantity: '1.333', unitPrice: '10.00', vatRate: '20', totalExclVat: '13.33', vat: '2.67', totalInclVat: '16.00' },
            { description: 'Livre', quantity: '1', unitPrice: '10.01', vatRate: '5.5', totalExclVat: '10.01', vat: '0.55', totalInclVat: '10.56' },
            { description: 'Photocopie', quantity: '0.5', unitPrice: '0.05', vatRate: '20', totalExclVat: '0.03', vat: '0.01', totalInclVat: '0.04' },
          ]);
          expect(invoice).toMatchObject({
            totalExclVat: '23.37',
            totalVat: '3.23',
            totalInclVat: '26.60',
            vatBreakdown: [
              { vatRate: '20', baseExclVat: '13.36', vat: '2.68' },
              { vatRate: '5.5', baseExclVat: '10.01', vat: '0.55' },
            ],
          });
        });
    });

    it('given three lines of 0.05 at 10%, when invoiced, then the VAT is 3 × 0.01 = 0.03, not 10% of 0.15 rounded (0.02)', async () => {
      await given(aliceUnderCesa)
        .when(issueInvoice('alice', '2016-01-11', { lines: [line('1', '0.05', '10'), line('1', '0.05', '10'), line('1', '0.05', '10')] }))
        .then((events) => expect(issued(events)).toMatchObject({ totalExclVat: '0.15', totalVat: '0.03', totalInclVat: '0.18' }));
    });

    it('given a line at 0% VAT, when invoiced, then the invoice carries the default exemption mention', async () => {
      await given(aliceUnderCesa)
        .when(issueInvoice('alice', '2016-01-11', { lines: [line('2', '150.00', '0', 'Formation')] }))
        .then((events) =>
          expect(issued(events)).toMatchObject({
            totalExclVat: '300.00',
            totalVat: '0.00',
            totalInclVat: '300.00',
            vatExemptionMention: 'TVA non applicable – exonération prévue par le code général des impôts',
          }),
        );
    });

    it('given a line at 0% VAT, when invoiced with its own mention, then that mention is used', async () => {
      await given(aliceUnderCesa)
        .when(issueInvoice('alice', '2016-01-11', { lines: [line('1', '150.00', '0')], vatExemptionMention: 'Exonération de TVA, art. 261-4-4° du CGI' }))
        .then((events) => expect(issued(events).vatExemptionMention).toBe('Exonération de TVA, art. 261-4-4° du CGI'));
    });

    it('given no line at 0% VAT, when invoiced, then there is no exemption mention', async () => {
      await given(aliceUnderCesa)
        .when(issueInvoice('alice', '2016-01-11'))
        .then((events) => expect(issued(events)).not.toHaveProperty('vatExemptionMention'));
    });
  });

  describe('clients', () => {
    it("given an individual client, when invoiced, then the client's name and postal code are personal data (client.individual)", async () => {
      await given(aliceUnderCesa)
        .when(issueInvoice('alice', '2016-01-11', { client: { name: 'Jeanne Dupont', kind: 'individual', postalCode: '05200' } }))
        .then((events) => expect(issued(events).client).toStrictEqual({ kind: 'individual', individual: { name: 'Jeanne Dupont', postalCode: '05200' } }));
    });

    it.each(['company', 'public_body', 'association'] as const)("given a client of kind %s, when invoiced, then the client's name is in clear", async (kind) => {
      await given(aliceUnderCesa)
        .when(issueInvoice('alice', '2016-01-11', { client: { name: 'Mairie de Gap', kind } }))
        .then((events) => expect(issued(events).client).toStrictEqual({ kind, name: 'Mairie de Gap' }));
    });
  });
});

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
