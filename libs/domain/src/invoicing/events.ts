import type { DecimalString, IsoDate } from '../values';
import type { ClientKind } from '../clients/commands';
import type { InvoiceClient } from '../clients/events';
import type { OperationCategory, PlatformStatus, VatRate } from './commands';
import type { PostalAddress } from '../postal-address';
import { inEntrepreneurStream, type EventDeclarations } from '../event-declaration';
import { invoiceSeriesStream, quoteSeriesStream, seriesYearOf } from '../streams';

export interface VatBreakdown {
  vatRate: VatRate;
  baseExclVat: DecimalString;
  vat: DecimalString;
}

export interface PricedLine {
  description: string;
  quantity: DecimalString;
  unitPrice: DecimalString;
  vatRate: VatRate;
  totalExclVat: DecimalString;
  vat: DecimalString;
  totalInclVat: DecimalString;
}

export interface DocumentTotals {
  totalExclVat: DecimalString;
  totalVat: DecimalString;
  totalInclVat: DecimalString;
  vatBreakdown: VatBreakdown[];
}

export interface CapeMention {
  text: string;
  caeName: string;
  capeEndsOn: IsoDate;
}

export interface InvoiceIssued extends DocumentTotals {
  caeId: string;
  entrepreneurId: string;
  number: string;
  issuedOn: IsoDate;
  dueOn: IsoDate;
  client: InvoiceClient;
  lines: PricedLine[];
  contract: 'cape' | 'cesa';
  capeMention?: CapeMention;
  vatExemptionMention?: string;
  sector: string;
  /** Goods, services or both (mandatory from 2026-09-01). */
  operationCategory?: OperationCategory;
  /** Where the goods go or the service is done, when not at the client's address. */
  deliveryAddress?: PostalAddress;
  /** The CAE pays VAT on debits rather than on receipts (a mention when it opted so). */
  vatOnDebits?: true;
  paymentTerms?: string;
  /** A business client's: late-payment penalties (null: the legal rate, ECB + 10 points) and the €40 recovery fee (C. com. L441-10, D441-5). */
  businessTerms?: { latePenaltyRate: DecimalString | null; recoveryFee: DecimalString };
  /** The accepted quote it follows. */
  quoteNumber?: string;
}

/** The invoice series (one per CAE and calendar year) keeps the numbering: the chronological register. */
export interface InvoiceNumberAssigned {
  caeId: string;
  number: string;
  sequence: number;
  document: 'invoice' | 'credit_note';
  issuedOn: IsoDate;
  entrepreneurId: string;
  /** For a credit note: the invoice it corrects. */
  invoiceNumber?: string;
}

export interface CreditNoteIssued extends DocumentTotals {
  caeId: string;
  entrepreneurId: string;
  number: string;
  invoiceNumber: string;
  issuedOn: IsoDate;
  reason: string;
  lines: PricedLine[];
  clientKind: ClientKind;
  sector: string;
  /** What this credit note credits beyond what remained unpaid, incl. VAT: owed back to the client (since v2). */
  refundOwed: DecimalString;
}

export interface PaymentRecorded {
  caeId: string;
  entrepreneurId: string;
  invoiceNumber: string;
  paidOn: IsoDate;
  /** Incl. VAT, as received. */
  amount: DecimalString;
  /** The share of the payment that is revenue excl. VAT (pro rata of the invoice, exact once fully paid). */
  amountExclVat: DecimalString;
  vat: DecimalString;
  remainingDue: DecimalString;
  fullyPaid: boolean;
}

/** Money paid back to the client once credit notes exceed what remained unpaid: cash out of the activity. */
export interface RefundRecorded {
  caeId: string;
  entrepreneurId: string;
  invoiceNumber: string;
  refundedOn: IsoDate;
  /** Incl. VAT, as paid back. */
  amount: DecimalString;
  /** The share of the refund that is cash excl. VAT given back (pro rata of the excess, exact once all of it is refunded). */
  amountExclVat: DecimalString;
  vat: DecimalString;
  /** What is still owed to the client after this refund. */
  remainingOwed: DecimalString;
}

/** The quotes' series (one per CAE and calendar year), numbered like the invoices' with a D. */
export interface QuoteNumberAssigned {
  caeId: string;
  number: string;
  sequence: number;
  issuedOn: IsoDate;
  entrepreneurId: string;
}

export interface QuoteIssued extends DocumentTotals {
  caeId: string;
  entrepreneurId: string;
  number: string;
  issuedOn: IsoDate;
  validUntil: IsoDate;
  client: InvoiceClient;
  lines: PricedLine[];
  operationCategory?: OperationCategory;
  vatExemptionMention?: string;
}

export interface QuoteAccepted {
  caeId: string;
  entrepreneurId: string;
  number: string;
  acceptedOn: IsoDate;
}

export interface QuoteDeclined {
  caeId: string;
  entrepreneurId: string;
  number: string;
  declinedOn: IsoDate;
  reason?: string;
}

export interface InvoicePlatformStatusRecorded {
  caeId: string;
  entrepreneurId: string;
  invoiceNumber: string;
  status: PlatformStatus;
  /** The lifecycle's code (200 deposited … 213 rejected). */
  code: number;
  on: IsoDate;
  platform: string;
  platformReference?: string;
  reason?: string;
}

export interface InvoicingEvents {
  InvoiceIssued: InvoiceIssued;
  InvoiceNumberAssigned: InvoiceNumberAssigned;
  CreditNoteIssued: CreditNoteIssued;
  PaymentRecorded: PaymentRecorded;
  RefundRecorded: RefundRecorded;
  QuoteNumberAssigned: QuoteNumberAssigned;
  QuoteIssued: QuoteIssued;
  QuoteAccepted: QuoteAccepted;
  QuoteDeclined: QuoteDeclined;
  InvoicePlatformStatusRecorded: InvoicePlatformStatusRecorded;
}

export const INVOICING_EVENTS: EventDeclarations<InvoicingEvents> = {
  InvoiceIssued: { schemaVersion: 1, stream: inEntrepreneurStream, occurredOn: (d) => d.issuedOn },
  InvoiceNumberAssigned: { schemaVersion: 1, stream: (d) => invoiceSeriesStream(d.caeId, seriesYearOf(d.number)), occurredOn: (d) => d.issuedOn },
  CreditNoteIssued: { schemaVersion: 2, stream: inEntrepreneurStream, occurredOn: (d) => d.issuedOn },
  PaymentRecorded: { schemaVersion: 1, stream: inEntrepreneurStream, occurredOn: (d) => d.paidOn },
  RefundRecorded: { schemaVersion: 1, stream: inEntrepreneurStream, occurredOn: (d) => d.refundedOn },
  QuoteNumberAssigned: { schemaVersion: 1, stream: (d) => quoteSeriesStream(d.caeId, seriesYearOf(d.number)), occurredOn: (d) => d.issuedOn },
  QuoteIssued: { schemaVersion: 1, stream: inEntrepreneurStream, occurredOn: (d) => d.issuedOn },
  QuoteAccepted: { schemaVersion: 1, stream: inEntrepreneurStream, occurredOn: (d) => d.acceptedOn },
  QuoteDeclined: { schemaVersion: 1, stream: inEntrepreneurStream, occurredOn: (d) => d.declinedOn },
  InvoicePlatformStatusRecorded: { schemaVersion: 1, stream: inEntrepreneurStream, occurredOn: (d) => d.on },
};
