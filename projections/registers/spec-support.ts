import type { DomainEvent } from '../../libs/domain';
import { creditNoteIssued, invoiceIssued, paymentRecorded } from '../testing/events';
import { given } from '../testing/given';
import { registersProjection } from './projection';

/** Given the events, then the registers' documents: `registers(...history).when(event)`. */
export const registers = (...history: DomainEvent[]) => given(registersProjection, ...history);

/** 3,000.00 of the example invoice's 5,400.00: 2,500.00 of it excl. VAT, 2,400.00 still due. */
export const partPayment = paymentRecorded({ amount: '3000.00', amountExclVat: '2500.00', vat: '500.00', remainingDue: '2400.00', fullyPaid: false });

/** A credit note of the whole example invoice (every line); `refundOwed` is what had been paid of it. */
export const creditNoteOfAll = (refundOwed = '0.00'): DomainEvent => {
  const { data: invoice } = invoiceIssued();
  return creditNoteIssued({ lines: invoice.lines, totalExclVat: '4500.00', totalVat: '900.00', totalInclVat: '5400.00', vatBreakdown: invoice.vatBreakdown, refundOwed });
};

/** An invoice of the example story to a private client (personal data: sealed in the log, opened here). */
export const toPrivateClient = (number: string, issuedOn = '2016-09-05'): DomainEvent =>
  invoiceIssued({ number, issuedOn, client: { kind: 'individual', individual: { name: 'Jeanne Dupont', postalCode: '05000' } } });
