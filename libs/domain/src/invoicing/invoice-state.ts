import { maxDate } from '../dates';
import { Decimal, money, ZERO, type Money } from '../money';
import type { IsoDate } from '../values';
import type { ClientKind } from '../clients/commands';
import type { VatRate } from './commands';
import type { CreditNoteIssued, InvoiceIssued, PaymentRecorded, RefundRecorded } from './events';

/** One invoice as the entrepreneur's state keeps it: its totals, and what its credit notes, payments and refunds did to them. */

/** What remains of an invoice at one VAT rate (for credit notes that cancel what remains). */
export interface RateRemainder {
  base: Money;
  vat: Money;
}

export interface InvoiceState {
  number: string;
  issuedOn: IsoDate;
  clientKind: ClientKind;
  /** The activity's sector when the invoice was issued: its credit notes count in the same sector. */
  sector: string;
  totalExclVat: Money;
  totalInclVat: Money;
  creditedExclVat: Money;
  creditedInclVat: Money;
  paid: Money;
  paidExclVat: Money;
  lastPaidOn?: IsoDate;
  refunded: Money;
  refundedExclVat: Money;
  /** The day a refund became owed (the credit note that made it, or the later payment it returns): no refund before it. */
  refundOwedSince?: IsoDate;
  remainingByRate: Partial<Record<VatRate, RateRemainder>>;
}

export const issuedInvoice = (d: InvoiceIssued): InvoiceState => {
  const remainingByRate: Partial<Record<VatRate, RateRemainder>> = {};
  for (const b of d.vatBreakdown) remainingByRate[b.vatRate] = { base: money(b.baseExclVat), vat: money(b.vat) };
  return {
    number: d.number,
    issuedOn: d.issuedOn,
    clientKind: d.client.kind,
    sector: d.sector,
    totalExclVat: money(d.totalExclVat),
    totalInclVat: money(d.totalInclVat),
    creditedExclVat: ZERO,
    creditedInclVat: ZERO,
    paid: ZERO,
    paidExclVat: ZERO,
    refunded: ZERO,
    refundedExclVat: ZERO,
    remainingByRate,
  };
};

export const creditedBy = (invoice: InvoiceState, d: CreditNoteIssued): InvoiceState => {
  const remainingByRate = { ...invoice.remainingByRate };
  for (const b of d.vatBreakdown) {
    const r = remainingByRate[b.vatRate] ?? { base: ZERO, vat: ZERO };
    remainingByRate[b.vatRate] = { base: r.base.minus(b.baseExclVat), vat: r.vat.minus(b.vat) };
  }
  const credited: InvoiceState = {
    ...invoice,
    creditedExclVat: invoice.creditedExclVat.plus(d.totalExclVat),
    creditedInclVat: invoice.creditedInclVat.plus(d.totalInclVat),
    remainingByRate,
  };
  const newlyOwed = refundOwedOf(invoice).isZero() && refundOwedOf(credited).greaterThan(0);
  const since = maxDate(d.issuedOn, invoice.lastPaidOn ?? d.issuedOn);
  return newlyOwed ? { ...credited, refundOwedSince: since } : credited;
};

export const paidBy = (invoice: InvoiceState, d: PaymentRecorded): InvoiceState => ({
  ...invoice,
  paid: invoice.paid.plus(d.amount),
  paidExclVat: invoice.paidExclVat.plus(d.amountExclVat),
  lastPaidOn: maxDate(invoice.lastPaidOn ?? d.paidOn, d.paidOn),
});

export const refundedBy = (invoice: InvoiceState, d: RefundRecorded): InvoiceState => ({
  ...invoice,
  refunded: invoice.refunded.plus(d.amount),
  refundedExclVat: invoice.refundedExclVat.plus(d.amountExclVat),
});

/** What is still due on an invoice, incl. VAT: never negative, a credit note beyond it is a refund owed. */
export const dueOf = (invoice: InvoiceState): Money => Decimal.max(ZERO, invoice.totalInclVat.minus(invoice.creditedInclVat).minus(invoice.paid));

/** What the client is owed back, incl. VAT: what was paid beyond the invoice net of credit notes, less the refunds made. */
export const refundOwedOf = (invoice: InvoiceState): Money =>
  Decimal.max(ZERO, invoice.paid.minus(invoice.totalInclVat.minus(invoice.creditedInclVat))).minus(invoice.refunded);
