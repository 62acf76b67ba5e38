import type { DecisionState } from '../command-handling/decision';
import { refuse } from '../errors';

/** The invoice a payment, refund or credit note refers to, in the entrepreneur's activity. */
export const referencedInvoice = (c: { caeId: string; invoiceNumber: string }, s: DecisionState) => {
  const invoice = s.document?.document === 'invoice' ? s.entrepreneur?.invoices[c.invoiceNumber] : undefined;
  return invoice
    ? { ok: true as const, invoice, entrepreneurId: s.document!.entrepreneurId }
    : refuse('NOT_FOUND', `Invoice ${c.invoiceNumber} does not exist in CAE "${c.caeId}".`, { invoiceNumber: c.invoiceNumber });
};
