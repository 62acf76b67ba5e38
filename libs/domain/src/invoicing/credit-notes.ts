import { caeNotFound, decided, entrepreneurNotFound, type Decided, type DecisionState } from '../command-handling/decision';
import { defineCommand, type CommandDefinitions, invoiceDocument } from '../command-handling/define-command';
import { addDays, yearOf } from '../dates';
import { capeInForceOn, cesaInForceOn, dueOf, refundOwedOf, type InvoiceState } from '../entrepreneur/state';
import { refuse } from '../errors';
import { Decimal, formatMoney, money, toCents, ZERO, type Money } from '../money';
import { priceLine, totalsOf } from '../pricing';
import { entrepreneurStream } from '../streams';
import {
  issueCreditNoteSchema,
  issueInvoiceSchema,
  recordPaymentSchema,
  recordRefundSchema,
  type InvoiceLine,
  type IssueCreditNote,
  type IssueInvoice,
  type RecordPayment,
  type RecordRefund,
  type VatRate,
  type InvoicingCommands,
} from './commands';
import type { InvoiceClient, PricedLine } from './events';
import { continuousNumbering } from './continuous-numbering';

export const DEFAULT_PAYMENT_TERM_DAYS = 30;
export const DEFAULT_VAT_EXEMPTION_MENTION = 'TVA non applicable – exonération prévue par le code général des impôts';

const clientOf = (c: IssueInvoice['client']): InvoiceClient =>
  c.kind === 'individual'
    ? { kind: c.kind, individual: { name: c.name, ...(c.postalCode !== undefined ? { postalCode: c.postalCode } : {}) } }
    : { kind: c.kind, name: c.name, ...(c.postalCode !== undefined ? { postalCode: c.postalCode } : {}) };

export const issueInvoice = (c: IssueInvoice, s: DecisionState): Decided => {
  if (!s.cae.registered) return caeNotFound(c.caeId);
  const entrepreneur = s.entrepreneur;
  if (!entrepreneur || entrepreneur.integration === 0) return entrepreneurNotFound(c.caeId, c.entrepreneurId);
  const cape = capeInForceOn(entrepreneur, c.issuedOn);
  const cesa = cesaInForceOn(entrepreneur, c.issuedOn);
  if (!cape && !cesa)
    return refuse('NO_ACTIVE_CONTRACT', `${c.entrepreneurId} has no CAPE or CESA in force on ${c.issuedOn} and cannot invoice.`, { issuedOn: c.issuedOn });
  const dueOn = c.dueOn ?? addDays(c.issuedOn, DEFAULT_PAYMENT_TERM_DAYS);
  if (dueOn < c.issuedOn) return refuse('INVALID_DUE_DATE', `The due date ${dueOn} is before the issue date ${c.issuedOn}.`);
  const numbering = continuousNumbering(c.caeId, c.issuedOn, s.series);
  if (!numbering.ok) return numbering;
  const lines = c.lines.map(priceLine);
  const totals = totalsOf(lines);
  const contract = cesa ? 'cesa' : 'cape';
  const mention = contract === 'cape' && cape
    ? {
        capeMention: {
          text: `Activité exercée dans le cadre d'un contrat d'appui au projet d'entreprise (CAPE, art. L127-1 du code de commerce) conclu avec ${s.cae.name}, jusqu'au ${cape.endsOn}.`,
          caeName: s.cae.name,
          capeEndsOn: cape.endsOn,
        },
      }
    : {};
  const exemption = lines.some((l) => l.vatRate === '0') ? { vatExemptionMention: c.vatExemptionMention ?? DEFAULT_VAT_EXEMPTION_MENTION } : {};
  return decided(
    [
      {
        streamId: numbering.streamId,
        event: {
          type: 'InvoiceNumberAssigned',
          data: { caeId: c.caeId, number: numbering.number, sequence: numbering.sequence, document: 'invoice', issuedOn: c.issuedOn, entrepreneurId: c.entrepreneurId },
        },
      },
      {
        streamId: entrepreneurStream(c.caeId, c.entrepreneurId),
        event: {
          type: 'InvoiceIssued',
          data: {
            caeId: c.caeId,
            entrepreneurId: c.entrepreneurId,
            number: numbering.number,
            issuedOn: c.issuedOn,
            dueOn,
            client: clientOf(c.client),
            lines,
            ...totals,
            contract,
            ...mention,
            ...exemption,
            sector: entrepreneur.sector ?? '',
          },
        },
      },
    ],
    { number: numbering.number, dueOn, totalExclVat: totals.totalExclVat, totalVat: totals.totalVat, totalInclVat: totals.totalInclVat, contract, ...mention },
  );
};

/** The invoice a payment, refund or credit note refers to, in the entrepreneur's activity. */
const referencedInvoice = (c: { caeId: string; invoiceNumber: string }, s: DecisionState) => {
  const invoice = s.document?.document === 'invoice' ? s.entrepreneur?.invoices[c.invoiceNumber] : undefined;
  return invoice
    ? { ok: true as const, invoice, entrepreneurId: s.document!.entrepreneurId }
    : refuse('NOT_FOUND', `Invoice ${c.invoiceNumber} does not exist in CAE "${c.caeId}".`, { invoiceNumber: c.invoiceNumber });
};

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

export const issueCreditNote = (c: IssueCreditNote, s: DecisionState): Decided => {
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

type InclExcl = { incl: Money; excl: Money };

/** The invoice net of its credit notes. */
const netOf = (invoice: InvoiceState): InclExcl => ({
  incl: invoice.totalInclVat.minus(invoice.creditedInclVat),
  excl: invoice.totalExclVat.minus(invoice.creditedExclVat),
});

/**
 * The part excl. VAT of `amount` (incl. VAT) settled against `whole`, given what was settled before: pro rata of
 * all settled after it, rounded to the cent, and exact once the whole is settled (the roundings never drift).
 */
const proRataExclVat = (amount: Money, settled: InclExcl, whole: InclExcl): Money => {
  const after = settled.incl.plus(amount);
  const exclAfter = after.equals(whole.incl) ? whole.excl : toCents(after.times(whole.excl).dividedBy(whole.incl));
  return exclAfter.minus(settled.excl);
};

export const recordPayment = (c: RecordPayment, s: DecisionState): Decided => {
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

export const recordRefund = (c: RecordRefund, s: DecisionState): Decided => {
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

export const INVOICING_COMMANDS: CommandDefinitions<InvoicingCommands> = {
  IssueInvoice: defineCommand(issueInvoiceSchema, {
    plan: (c) => ({ caeId: c.caeId, entrepreneurId: c.entrepreneurId, seriesYear: yearOf(c.issuedOn), writes: ['entrepreneur', 'series'] }),
    decide: issueInvoice,
  }),
  RecordPayment: defineCommand(recordPaymentSchema, {
    plan: (c) => ({ caeId: c.caeId, document: invoiceDocument(c.invoiceNumber), writes: ['entrepreneur'] }),
    decide: recordPayment,
  }),
  IssueCreditNote: defineCommand(issueCreditNoteSchema, {
    plan: (c) => ({ caeId: c.caeId, document: invoiceDocument(c.invoiceNumber), seriesYear: yearOf(c.issuedOn), writes: ['entrepreneur', 'series'] }),
    decide: issueCreditNote,
  }),
  RecordRefund: defineCommand(recordRefundSchema, {
    plan: (c) => ({ caeId: c.caeId, document: invoiceDocument(c.invoiceNumber), writes: ['entrepreneur'] }),
    decide: recordRefund,
  }),
};
