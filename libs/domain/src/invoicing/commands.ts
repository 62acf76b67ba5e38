import { arr, bool, date, isAbsent, isPlainObject, money, obj, oneOf, optional, schema, type Schema } from '../validation/schema';
import { inlineClient, type InlineClient } from '../clients/commands';
import { postalAddress } from '../postal-address';
import { CONTRACTS } from '../entrepreneur/commands';
import { id, invoiceNumber, longText, name, quantity, quoteNumber, rate, type Infer } from '../validation/fields';
import { NOTHING } from '../validation/results';
import { amount, choice, closed, commandResult, day, flag, formOf, maybe, text, type ResultOf } from '../validation/results';

export const VAT_RATES = ['20', '10', '5.5', '2.1', '0'] as const;
export type VatRate = (typeof VAT_RATES)[number];

/** unitPrice: excl. VAT. */
const line = obj({ description: longText(), quantity: quantity(), unitPrice: money(), vatRate: oneOf(VAT_RATES) });
export type InvoiceLine = Infer<typeof line>;
const lines = () => arr(line, { min: 1, max: 200, noun: 'invoice lines' });

const directoryClient = obj({ clientId: id() });
/** A client of the directory by its id, or one written out on the invoice. */
export type Client = { clientId: string } | InlineClient;
const client: Schema<Client> = schema<Client>(
  (input, path, issues) => (isPlainObject(input) && !isAbsent(input['clientId']) ? directoryClient.parse(input, path, issues) : inlineClient().parse(input, path, issues)),
  { oneOf: [{ title: 'directory client', ...directoryClient.json }, { title: 'inline client', ...inlineClient().json }] },
);

/** Goods, services or both: the category of operation, a mandatory mention of e-invoicing. */
export const OPERATION_CATEGORIES = ['goods', 'services', 'mixed'] as const;
export type OperationCategory = (typeof OPERATION_CATEGORIES)[number];

/**
 * vatExemptionMention: required wording when a line is at 0% VAT; a default is used when absent.
 * latePenaltyRate: the yearly rate of late-payment penalties for a business client (absent: the legal rate, ECB + 10 points).
 * deliveryAddress: where the goods go or the service is done, when not the client's address. vatOnDebits: the CAE pays VAT on debits.
 */
export const issueInvoiceSchema = obj({
  caeId: id(),
  entrepreneurId: id(),
  issuedOn: date(),
  dueOn: optional(date()),
  client,
  lines: lines(),
  vatExemptionMention: optional(longText()),
  operationCategory: optional(oneOf(OPERATION_CATEGORIES)),
  deliveryAddress: optional(postalAddress()),
  vatOnDebits: optional(bool()),
  paymentTerms: optional(longText()),
  latePenaltyRate: optional(rate()),
  /** The accepted quote this invoice follows. */
  quoteNumber: optional(quoteNumber()),
});
export type IssueInvoice = Infer<typeof issueInvoiceSchema>;

const documentNumber = (description = 'an invoice number YYYY-NNNNNN') => formOf(invoiceNumber(), description, ['2016-000042']);

/** A quote: the work an entrepreneur offers a client, numbered DYYYY-NNNNNN; valid until validUntil (default: 30 days). */
export const issueQuoteSchema = obj(
  {
    caeId: id(),
    entrepreneurId: id(),
    issuedOn: date(),
    validUntil: optional(date()),
    client,
    lines: lines(),
    operationCategory: optional(oneOf(OPERATION_CATEGORIES)),
    vatExemptionMention: optional(longText()),
  },
  ({ issuedOn, validUntil }, _raw, report) => {
    if (issuedOn !== undefined && validUntil !== undefined && validUntil < issuedOn) report('validUntil', `must not be before issuedOn (${issuedOn})`);
  },
);
export type IssueQuote = Infer<typeof issueQuoteSchema>;

export const issueQuoteResult = commandResult(
  { number: formOf(quoteNumber(), 'the quote\'s number in the CAE\'s yearly series of quotes', ['D2016-000001']), validUntil: day(), ...{ totalExclVat: amount(), totalVat: amount(), totalInclVat: amount() } },
  { number: 'D2016-000001', validUntil: '2016-10-01', totalExclVat: '4500.00', totalVat: '900.00', totalInclVat: '5400.00' },
  'the quote\'s number, the last day it may be accepted, its totals',
);
export type IssueQuoteResult = ResultOf<typeof issueQuoteResult>;

/** The client's answer to a quote, once: accepted (then invoiced) or declined. */
export const acceptQuoteSchema = obj({ caeId: id(), quoteNumber: quoteNumber(), acceptedOn: date() });
export type AcceptQuote = Infer<typeof acceptQuoteSchema>;
export const declineQuoteSchema = obj({ caeId: id(), quoteNumber: quoteNumber(), declinedOn: date(), reason: optional(longText()) });
export type DeclineQuote = Infer<typeof declineQuoteSchema>;
export const answerQuoteResult = NOTHING;

/** The French e-invoicing lifecycle's statuses (codes 200–213, platform-statuses.ts). */
export const PLATFORM_STATUSES = [
  'deposited', 'issued_by_platform', 'received_by_platform', 'made_available', 'taken_over', 'approved', 'partially_approved',
  'disputed', 'suspended', 'completed', 'refused', 'payment_sent', 'cashed', 'rejected',
] as const;
export type PlatformStatus = (typeof PLATFORM_STATUSES)[number];

/** What an e-invoicing platform reported of an invoice: its status on a day, the platform's name and reference. */
export const recordPlatformStatusSchema = obj({
  caeId: id(),
  invoiceNumber: invoiceNumber(),
  status: oneOf(PLATFORM_STATUSES),
  on: date(),
  platform: name(),
  platformReference: optional(name()),
  reason: optional(longText()),
});
export type RecordPlatformStatus = Infer<typeof recordPlatformStatusSchema>;
export const recordPlatformStatusResult = NOTHING;
const totals = () => ({ totalExclVat: amount(), totalVat: amount(), totalInclVat: amount() });

// Under a CAPE the invoice must carry the CAPE's mention (C. com. L127-1); under a CESA it has none.
export const issueInvoiceResult = commandResult(
  {
    number: documentNumber(),
    dueOn: day(),
    ...totals(),
    contract: choice(CONTRACTS),
    capeMention: maybe(
      closed({ text: text(), caeName: text(), capeEndsOn: day() }),
      'present exactly when contract is "cape": the mention the invoice carries, the CAE and the CAPE\'s end',
    ),
  },
  { number: '2016-000042', dueOn: '2016-10-05', totalExclVat: '4500.00', totalVat: '900.00', totalInclVat: '5400.00', contract: 'cesa' },
  'the number given in the CAE\'s continuous series, the due date, the totals, the contract invoiced under',
);
export type IssueInvoiceResult = ResultOf<typeof issueInvoiceResult>;

/** amount: incl. VAT. */
export const recordPaymentSchema = obj({ caeId: id(), invoiceNumber: invoiceNumber(), paidOn: date(), amount: money({ positive: true }) });
export type RecordPayment = Infer<typeof recordPaymentSchema>;

export const recordPaymentResult = commandResult(
  { invoiceNumber: documentNumber(), remainingDue: amount('still due on the invoice, incl. VAT'), fullyPaid: flag() },
  { invoiceNumber: '2016-000042', remainingDue: '0.00', fullyPaid: true },
);
export type RecordPaymentResult = ResultOf<typeof recordPaymentResult>;

/** Money paid back to the client of an invoice credited beyond what remained unpaid; amount incl. VAT. */
export const recordRefundSchema = obj({ caeId: id(), invoiceNumber: invoiceNumber(), refundedOn: date(), amount: money({ positive: true }) });
export type RecordRefund = Infer<typeof recordRefundSchema>;

export const recordRefundResult = commandResult(
  { invoiceNumber: documentNumber(), remainingOwed: amount('still owed back to the client, incl. VAT') },
  { invoiceNumber: '2016-000042', remainingOwed: '0.00' },
);
export type RecordRefundResult = ResultOf<typeof recordRefundResult>;

export const issueCreditNoteSchema = obj({ caeId: id(), invoiceNumber: invoiceNumber(), issuedOn: date(), reason: longText(), lines: optional(lines()) });
export type IssueCreditNote = Infer<typeof issueCreditNoteSchema>;

export const issueCreditNoteResult = commandResult(
  {
    number: documentNumber('the credit note\'s own number, in the invoices\' series'),
    invoiceNumber: documentNumber(),
    ...totals(),
    refundOwed: amount('what this credit note leaves owed back to the client (credited after payment), incl. VAT'),
  },
  { number: '2016-000043', invoiceNumber: '2016-000042', totalExclVat: '500.00', totalVat: '100.00', totalInclVat: '600.00', refundOwed: '600.00' },
);
export type IssueCreditNoteResult = ResultOf<typeof issueCreditNoteResult>;

/** The data of this slice's commands, by type. */
export interface InvoicingCommands {
  IssueInvoice: IssueInvoice;
  RecordPayment: RecordPayment;
  IssueCreditNote: IssueCreditNote;
  RecordRefund: RecordRefund;
  IssueQuote: IssueQuote;
  AcceptQuote: AcceptQuote;
  DeclineQuote: DeclineQuote;
  RecordPlatformStatus: RecordPlatformStatus;
}
