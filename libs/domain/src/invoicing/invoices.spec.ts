import type { DomainEvent } from '../events';
import { aliceIntegrated, aliceUnderCape, aliceUnderCesa, CAE, exitEntrepreneur, given, issueInvoice, line, registerCae, renewCape, signCape, signCesa } from '../testing';

const alice = { caeId: CAE, entrepreneurId: 'alice' };
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
              // A business client: the legal late-payment rate (none given) and the €40 recovery fee.
              businessTerms: { latePenaltyRate: null, recoveryFee: '40.00' },
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
