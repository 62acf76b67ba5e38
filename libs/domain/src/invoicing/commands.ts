import { arr, date, money, obj, oneOf, optional } from '../validation/schema';
import { id, invoiceNumber, longText, name, postalCode, quantity, type Infer } from '../validation/fields';

export const CLIENT_KINDS = ['company', 'individual', 'public_body', 'association'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

export const VAT_RATES = ['20', '10', '5.5', '2.1', '0'] as const;
export type VatRate = (typeof VAT_RATES)[number];

/** unitPrice: excl. VAT. */
const line = obj({ description: longText(), quantity: quantity(), unitPrice: money(), vatRate: oneOf(VAT_RATES) });
export type InvoiceLine = Infer<typeof line>;
const lines = () => arr(line, { min: 1, max: 200, noun: 'invoice lines' });

const client = obj({ name: name(), kind: oneOf(CLIENT_KINDS), postalCode: optional(postalCode()) });
export type Client = Infer<typeof client>;

/** vatExemptionMention: required wording when a line is at 0% VAT; a default is used when absent. */
export const issueInvoiceSchema = obj({
  caeId: id(),
  entrepreneurId: id(),
  issuedOn: date(),
  dueOn: optional(date()),
  client,
  lines: lines(),
  vatExemptionMention: optional(longText()),
});
export type IssueInvoice = Infer<typeof issueInvoiceSchema>;

/** amount: incl. VAT. */
export const recordPaymentSchema = obj({ caeId: id(), invoiceNumber: invoiceNumber(), paidOn: date(), amount: money({ positive: true }) });
export type RecordPayment = Infer<typeof recordPaymentSchema>;

/** Money paid back to the client of an invoice credited beyond what remained unpaid; amount incl. VAT. */
export const recordRefundSchema = obj({ caeId: id(), invoiceNumber: invoiceNumber(), refundedOn: date(), amount: money({ positive: true }) });
export type RecordRefund = Infer<typeof recordRefundSchema>;

export const issueCreditNoteSchema = obj({ caeId: id(), invoiceNumber: invoiceNumber(), issuedOn: date(), reason: longText(), lines: optional(lines()) });
export type IssueCreditNote = Infer<typeof issueCreditNoteSchema>;

/** The data of this slice's commands, by type. */
export interface InvoicingCommands {
  IssueInvoice: IssueInvoice;
  RecordPayment: RecordPayment;
  IssueCreditNote: IssueCreditNote;
  RecordRefund: RecordRefund;
}
