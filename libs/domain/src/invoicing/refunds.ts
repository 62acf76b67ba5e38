import { caeNotFound, decided, type Decided, type DecisionState } from '../command-handling/decision';
import { refuse } from '../errors';
import { formatMoney, money } from '../money';
import { entrepreneurStream } from '../streams';
import type { RecordRefund, RecordRefundResult } from './commands';
import { refundOwedOf } from './invoice-state';
import { netOf, proRataExclVat } from './pro-rata';
import { referencedInvoice } from './referenced-invoice';

/** RecordRefund: the CAE gives back to the client what was paid beyond an invoice net of its credit notes. */

export const recordRefund = (c: RecordRefund, s: DecisionState): Decided<RecordRefundResult> => {
  if (!s.cae.registered) return caeNotFound(c.caeId);
  const ref = referencedInvoice(c, s);
  if (!ref.ok) return ref;
  const { invoice, entrepreneurId } = ref;
  const owed = refundOwedOf(invoice);
  if (!owed.greaterThan(0)) return refuse('NOTHING_TO_REFUND', `Nothing is owed back to the client of invoice ${invoice.number}.`, { owed: formatMoney(owed) });
  const since = invoice.refundOwedSince ?? invoice.issuedOn;
  if (c.refundedOn < since)
    return refuse('DATE_OUT_OF_ORDER', `A refund on invoice ${invoice.number} cannot predate ${since}, when it became owed.`, { owedSince: since });
  const amount = money(c.amount);
  if (amount.greaterThan(owed))
    return refuse('REFUND_EXCEEDS_OWED', `The client of invoice ${invoice.number} is owed ${formatMoney(owed)} €; ${c.amount} € is too much.`, {
      owed: formatMoney(owed),
      amount: c.amount,
    });
  // Cash excl. VAT given back, pro rata of what was received beyond the invoice net of credit notes; exact once all of it is refunded.
  const net = netOf(invoice);
  const excess = { incl: invoice.paid.minus(net.incl), excl: invoice.paidExclVat.minus(net.excl) };
  const amountExclVat = proRataExclVat(amount, { incl: invoice.refunded, excl: invoice.refundedExclVat }, excess);
  const remainingOwed = owed.minus(amount);
  return decided(
    [
      {
        streamId: entrepreneurStream(c.caeId, entrepreneurId),
        event: {
          type: 'RefundRecorded',
          data: {
            caeId: c.caeId,
            entrepreneurId,
            invoiceNumber: invoice.number,
            refundedOn: c.refundedOn,
            amount: c.amount,
            amountExclVat: formatMoney(amountExclVat),
            vat: formatMoney(amount.minus(amountExclVat)),
            remainingOwed: formatMoney(remainingOwed),
          },
        },
      },
    ],
    { invoiceNumber: invoice.number, remainingOwed: formatMoney(remainingOwed) },
  );
};
