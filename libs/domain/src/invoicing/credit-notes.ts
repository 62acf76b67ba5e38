import { caeNotFound, decided, type Decided, type DecisionState } from '../command-handling/decision';
import { refuse } from '../errors';
import { Decimal, formatMoney, money, ZERO, type Money } from '../money';
import { priceLine, totalsOf } from '../pricing';
import { entrepreneurStream } from '../streams';
import type { InvoiceLine, IssueCreditNote, IssueCreditNoteResult, VatRate } from './commands';
import { continuousNumbering } from './continuous-numbering';
import type { PricedLine } from './events';
import type { InvoiceState } from './invoice-state';
import { referencedInvoice } from './referenced-invoice';

/** IssueCreditNote: a numbered credit note cancels all or part of what remains of an invoice, rate by rate. */

/** Lines that cancel what remains of an invoice, one per VAT rate, to the cent. */
const cancellingLines = (invoice: InvoiceState): PricedLine[] =>
  (Object.entries(invoice.remainingByRate) as [VatRate, { base: Money; vat: Money }][])
    .filter(([, r]) => r.base.greaterThan(0) || r.vat.greaterThan(0))
    .map(([vatRate, r]) => ({
      description: `Annulation de la facture ${invoice.number}`,
      quantity: '1',
      unitPrice: formatMoney(r.base),
      vatRate,
      totalExclVat: formatMoney(r.base),
      vat: formatMoney(r.vat),
      totalInclVat: formatMoney(r.base.plus(r.vat)),
    }));

const exceedsRemaining = (invoice: InvoiceState, lines: PricedLine[]): boolean => {
  const byRate = new Map<VatRate, Money>();
  for (const l of lines) byRate.set(l.vatRate, (byRate.get(l.vatRate) ?? money(0)).plus(l.totalExclVat));
  for (const [rate, base] of byRate) if (base.greaterThan(invoice.remainingByRate[rate]?.base ?? 0)) return true;
  return false;
};

export const issueCreditNote = (c: IssueCreditNote, s: DecisionState): Decided<IssueCreditNoteResult> => {
  if (!s.cae.registered) return caeNotFound(c.caeId);
  const ref = referencedInvoice(c, s);
  if (!ref.ok) return ref;
  const { invoice, entrepreneurId } = ref;
  if (c.issuedOn < invoice.issuedOn)
    return refuse('DATE_OUT_OF_ORDER', `A credit note cannot predate the invoice it corrects (${invoice.issuedOn}).`, { invoiceIssuedOn: invoice.issuedOn });
  const remaining = cancellingLines(invoice);
  if (remaining.length === 0) return refuse('NOTHING_TO_CREDIT', `Invoice ${invoice.number} has already been entirely credited.`);
  const lines = c.lines ? c.lines.map((l: InvoiceLine) => priceLine(l)) : remaining;
  const remainingInclVat = invoice.totalInclVat.minus(invoice.creditedInclVat);
  const totals = totalsOf(lines);
  if (exceedsRemaining(invoice, lines) || money(totals.totalInclVat).greaterThan(remainingInclVat))
    return refuse(
      'CREDIT_NOTE_EXCEEDS_REMAINING',
      `The credit note (${totals.totalInclVat} € incl. VAT) exceeds what remains of invoice ${invoice.number} (${formatMoney(remainingInclVat)} €).`,
      { requested: totals.totalInclVat, remaining: formatMoney(remainingInclVat) },
    );
  const numbering = continuousNumbering(c.caeId, c.issuedOn, s.series);
  if (!numbering.ok) return numbering;
  // Credited beyond what remained unpaid: the excess is owed back to the client.
  const paidBeyond = (net: Money) => Decimal.max(ZERO, invoice.paid.minus(net));
  const refundOwed = formatMoney(paidBeyond(remainingInclVat.minus(totals.totalInclVat)).minus(paidBeyond(remainingInclVat)));
  return decided(
    [
      {
        streamId: numbering.streamId,
        event: {
          type: 'InvoiceNumberAssigned',
          data: {
            caeId: c.caeId,
            number: numbering.number,
            sequence: numbering.sequence,
            document: 'credit_note',
            issuedOn: c.issuedOn,
            entrepreneurId,
            invoiceNumber: invoice.number,
          },
        },
      },
      {
        streamId: entrepreneurStream(c.caeId, entrepreneurId),
        event: {
          type: 'CreditNoteIssued',
          data: {
            caeId: c.caeId,
            entrepreneurId,
            number: numbering.number,
            invoiceNumber: invoice.number,
            issuedOn: c.issuedOn,
            reason: c.reason,
            lines,
            ...totals,
            clientKind: invoice.clientKind,
            sector: invoice.sector,
            refundOwed,
          },
        },
      },
    ],
    { number: numbering.number, invoiceNumber: invoice.number, totalExclVat: totals.totalExclVat, totalVat: totals.totalVat, totalInclVat: totals.totalInclVat, refundOwed },
  );
};
