import { caeNotFound, decided, type Decided, type DecisionState } from '../command-handling/decision';
import { refuse } from '../errors';
import { formatMoney, money } from '../money';
import { entrepreneurStream } from '../streams';
import type { RecordPayment, RecordPaymentResult } from './commands';
import { dueOf } from './invoice-state';
import { netOf, proRataExclVat } from './pro-rata';
import { referencedInvoice } from './referenced-invoice';

/** RecordPayment: the client pays (part of) what is still due on an invoice. */

export const recordPayment = (c: RecordPayment, s: DecisionState): Decided<RecordPaymentResult> => {
  if (!s.cae.registered) return caeNotFound(c.caeId);
  const ref = referencedInvoice(c, s);
  if (!ref.ok) return ref;
  const { invoice, entrepreneurId } = ref;
  if (c.paidOn < invoice.issuedOn)
    return refuse('DATE_OUT_OF_ORDER', `A payment cannot predate invoice ${invoice.number} (issued ${invoice.issuedOn}).`, { invoiceIssuedOn: invoice.issuedOn });
  const amount = money(c.amount);
  const due = dueOf(invoice);
  if (amount.greaterThan(due))
    return refuse('PAYMENT_EXCEEDS_DUE', `Invoice ${invoice.number} has ${formatMoney(due)} € left to pay; ${c.amount} € is too much.`, {
      due: formatMoney(due),
      amount: c.amount,
    });
  // Revenue excl. VAT received so far, pro rata of the invoice net of credit notes; exact once fully paid.
  const amountExclVat = proRataExclVat(amount, { incl: invoice.paid, excl: invoice.paidExclVat }, netOf(invoice));
  const remainingDue = due.minus(amount);
  return decided(
    [
      {
        streamId: entrepreneurStream(c.caeId, entrepreneurId),
        event: {
          type: 'PaymentRecorded',
          data: {
            caeId: c.caeId,
            entrepreneurId,
            invoiceNumber: invoice.number,
            paidOn: c.paidOn,
            amount: c.amount,
            amountExclVat: formatMoney(amountExclVat),
            vat: formatMoney(amount.minus(amountExclVat)),
            remainingDue: formatMoney(remainingDue),
            fullyPaid: remainingDue.isZero(),
          },
        },
      },
    ],
    { invoiceNumber: invoice.number, remainingDue: formatMoney(remainingDue), fullyPaid: remainingDue.isZero() },
  );
};
