import { creditNoteIssued, invoiceIssued, meetingRecorded, paymentRecorded, refundRecorded, storyUpTo } from '../testing/events';
import type { DomainEvent } from '../../libs/domain';
import type { ReadModels } from '../projection';
import { invoices } from './queries';
import { creditNoteOfAll, partPayment, registers, toPrivateClient } from './spec-support';

/** e-001 under a CESA since 1 Sep 2016 issues invoice 2016-000001 (5,400.00 incl. VAT, due 5 Oct). */
const invoiced = storyUpTo('InvoiceIssued');

const listOf = async (docs: ReadModels) => (await invoices(docs, 'coodyssee'))?.invoices;
const statusAfter = async (...more: DomainEvent[]) => (await listOf(await registers(...invoiced).when(...more)))?.[0]?.status;
/** Credited after 3,000.00 was paid: 2,400.00 remained unpaid, so nothing is owed back. */
const creditNote = creditNoteIssued({ refundOwed: '0.00' });

describe('invoices', () => {
  it('given an invoice paid in part and credited, then its line shows totals, the credit note, the payment and what is due', () =>
    registers(...invoiced, partPayment).when(creditNote).then(async (docs) =>
      expect(await listOf(docs)).toEqual([
        {
          number: '2016-000001',
          issuedOn: '2016-09-05',
          dueOn: '2016-10-05',
          entrepreneurId: 'e-001',
          client: { kind: 'public_body', name: 'Mairie de Gap', clientId: null },
          totalExclVat: '4500.00',
          totalVat: '900.00',
          totalInclVat: '5400.00',
          creditNotes: [
            { number: '2016-000002', issuedOn: '2016-09-22', reason: 'Une journée de mise en page non réalisée', totalExclVat: '500.00', totalVat: '100.00', totalInclVat: '600.00' },
          ],
          payments: [{ paidOn: '2016-09-20', amount: '3000.00', amountExclVat: '2500.00' }],
          refunds: [],
          creditedInclVat: '600.00',
          paidInclVat: '3000.00',
          refundedInclVat: '0.00',
          amountDue: '1800.00',
          refundOwed: '0.00',
          status: 'partially_paid',
          quoteNumber: null,
          platformStatuses: [],
        },
      ]),
    ));

  it('given a private client, then the client is named', () =>
    registers(...invoiced).when(toPrivateClient('2016-000002', '2016-09-06')).then(async (docs) =>
      expect((await listOf(docs))?.[1]?.client).toEqual({ kind: 'individual', name: 'Jeanne Dupont', clientId: null }),
    ));

  it('given invoices and credit notes, then only invoices are listed, by number', () =>
    registers(...invoiced, creditNote).when(invoiceIssued({ number: '2016-000003', issuedOn: '2016-09-25' })).then(async (docs) =>
      expect((await listOf(docs))?.map((i) => i.number)).toEqual(['2016-000001', '2016-000003']),
    ));

  it('given nothing paid before the due date, then the invoice is unpaid', async () => {
    expect(await statusAfter()).toBe('unpaid');
  });

  it('given a partial payment before the due date, then the invoice is partially paid', async () => {
    expect(await statusAfter(partPayment)).toBe('partially_paid');
  });

  it('given payments covering what is due, then the invoice is paid', async () => {
    const rest = paymentRecorded({ paidOn: '2016-09-21', amount: '2400.00', amountExclVat: '2000.00', vat: '400.00', remainingDue: '0.00', fullyPaid: true });
    expect(await statusAfter(partPayment, rest)).toBe('paid');
  });

  it('given a credit note cancelling all of it, then the invoice is credited and nothing is due', () =>
    registers(...invoiced).when(creditNoteOfAll()).then(async (docs) => expect((await listOf(docs))?.[0]).toMatchObject({ status: 'credited', amountDue: '0.00' })));

  it('given something still due after the due date, as of the latest business date seen, then the invoice is overdue', async () => {
    expect(await statusAfter(partPayment, meetingRecorded({ heldOn: '2016-10-06' }))).toBe('overdue');
  });

  it('given the latest business date on the due date, then the invoice is not yet overdue', async () => {
    expect(await statusAfter(meetingRecorded({ heldOn: '2016-10-05' }))).toBe('unpaid');
  });

  describe('refunds', () => {
    it('given an invoice paid in full, when all of it is credited, then nothing is due (never negative) and 5,400.00 is owed back to the client', () =>
      registers(...invoiced, paymentRecorded()).when(creditNoteOfAll('5400.00')).then(async (docs) =>
        expect((await listOf(docs))?.[0]).toMatchObject({ paidInclVat: '5400.00', creditedInclVat: '5400.00', amountDue: '0.00', refundOwed: '5400.00', status: 'refund_due' }),
      ));

    it('given part of the refund made, then the rest is still owed', () =>
      registers(...invoiced, paymentRecorded(), creditNoteIssued())
        .when(refundRecorded({ amount: '100.00', amountExclVat: '83.33', vat: '16.67', remainingOwed: '500.00' }))
        .then(async (docs) => expect((await listOf(docs))?.[0]).toMatchObject({ refundedInclVat: '100.00', amountDue: '0.00', refundOwed: '500.00', status: 'refund_due' })));

    it('given the refund of the example story, then the invoice is refunded, its refund listed, nothing due or owed', () =>
      registers(...invoiced, paymentRecorded(), creditNoteIssued()).when(refundRecorded()).then(async (docs) =>
        expect((await listOf(docs))?.[0]).toMatchObject({
          refunds: [{ refundedOn: '2016-09-22', amount: '600.00', amountExclVat: '500.00' }],
          refundedInclVat: '600.00',
          amountDue: '0.00',
          refundOwed: '0.00',
          status: 'refunded',
        }),
      ));
  });

  it('given an unknown CAE, then there is no list', () =>
    registers(...invoiced.slice(0, -1)).when(invoiced.at(-1)!).then(async (docs) => expect(await invoices(docs, 'elsewhere')).toBeUndefined()));
});
