import { caeNotFound, decided, entrepreneurNotFound, type Decided, type DecisionState } from '../command-handling/decision';
import type { IsoDate } from '../values';
import { invoicedClient } from './invoiced-client';
import { addDays } from '../dates';
import type { Cape } from '../entrepreneur/contracts';
import type { Refusal } from '../entrepreneur/presence';
import { capeInForceOn, cesaInForceOn, type EntrepreneurState } from '../entrepreneur/state';
import { refuse } from '../errors';
import { priceLine, totalsOf } from '../pricing';
import { entrepreneurStream } from '../streams';
import type { IssueInvoice, IssueInvoiceResult } from './commands';
import { continuousNumbering } from './continuous-numbering';
import { mandatoryMentionMissing, RECOVERY_FEE } from './mentions';

/** IssueInvoice: an entrepreneur under a CAPE or a CESA invoices a client, numbered in the CAE's continuous series. */

export const DEFAULT_PAYMENT_TERM_DAYS = 30;
export const DEFAULT_VAT_EXEMPTION_MENTION = 'TVA non applicable – exonération prévue par le code général des impôts';

/** contractInForce: only an entrepreneur under a CAPE or a CESA in force on the issue date invoices, under the CESA if both. */
export const contractInForce = (entrepreneur: EntrepreneurState, c: { entrepreneurId: string; issuedOn: IsoDate }): { contract: 'cesa' } | { contract: 'cape'; cape: Cape } | Refusal => {
  if (cesaInForceOn(entrepreneur, c.issuedOn)) return { contract: 'cesa' };
  const cape = capeInForceOn(entrepreneur, c.issuedOn);
  if (cape) return { contract: 'cape', cape };
  return refuse('NO_ACTIVE_CONTRACT', `${c.entrepreneurId} has no CAPE or CESA in force on ${c.issuedOn} and cannot invoice.`, { issuedOn: c.issuedOn });
};

/** An invoice that follows a quote: the quote is the entrepreneur's, and accepted. */
const quoteInvoiced = (c: IssueInvoice, entrepreneur: EntrepreneurState): Refusal | undefined => {
  if (c.quoteNumber === undefined) return undefined;
  const quote = entrepreneur.quotes?.[c.quoteNumber];
  if (quote === undefined) return refuse('NOT_FOUND', `Quote "${c.quoteNumber}" is not one of ${c.entrepreneurId}'s.`, { quoteNumber: c.quoteNumber });
  return quote.status === 'accepted' ? undefined : refuse('QUOTE_NOT_ACCEPTED', `Quote ${c.quoteNumber} is ${quote.status}: only an accepted quote is invoiced.`, { quoteNumber: c.quoteNumber, status: quote.status });
};

export const issueInvoice = (c: IssueInvoice, s: DecisionState): Decided<IssueInvoiceResult> => {
  if (!s.cae.registered) return caeNotFound(c.caeId);
  const entrepreneur = s.entrepreneur;
  if (!entrepreneur || entrepreneur.integration === 0) return entrepreneurNotFound(c.caeId, c.entrepreneurId);
  const inForce = contractInForce(entrepreneur, c);
  if ('ok' in inForce) return inForce;
  const client = invoicedClient(c, s);
  const quote = quoteInvoiced(c, entrepreneur);
  if (quote) return quote;
  if ('ok' in client) return client;
  const mentionMissing = mandatoryMentionMissing(c, client, s);
  if (mentionMissing) return mentionMissing;
  const dueOn = c.dueOn ?? addDays(c.issuedOn, DEFAULT_PAYMENT_TERM_DAYS);
  if (dueOn < c.issuedOn) return refuse('INVALID_DUE_DATE', `The due date ${dueOn} is before the issue date ${c.issuedOn}.`);
  const numbering = continuousNumbering(c.caeId, c.issuedOn, s.series);
  if (!numbering.ok) return numbering;
  const lines = c.lines.map(priceLine);
  const totals = totalsOf(lines);
  const { contract } = inForce;
  const mention = inForce.contract === 'cape'
    ? {
        capeMention: {
          text: `Activité exercée dans le cadre d'un contrat d'appui au projet d'entreprise (CAPE, art. L127-1 du code de commerce) conclu avec ${s.cae.name}, jusqu'au ${inForce.cape.endsOn}.`,
          caeName: s.cae.name,
          capeEndsOn: inForce.cape.endsOn,
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
            client,
            lines,
            ...totals,
            contract,
            ...mention,
            ...exemption,
            sector: entrepreneur.sector ?? '',
            ...(c.operationCategory !== undefined && { operationCategory: c.operationCategory }),
            ...(c.deliveryAddress !== undefined && { deliveryAddress: c.deliveryAddress }),
            ...(c.vatOnDebits === true && { vatOnDebits: true as const }),
            ...(c.paymentTerms !== undefined && { paymentTerms: c.paymentTerms }),
            ...(c.quoteNumber !== undefined && { quoteNumber: c.quoteNumber }),
            ...(client.kind !== 'individual' && { businessTerms: { latePenaltyRate: c.latePenaltyRate ?? null, recoveryFee: RECOVERY_FEE } }),
          },
        },
      },
    ],
    { number: numbering.number, dueOn, totalExclVat: totals.totalExclVat, totalVat: totals.totalVat, totalInclVat: totals.totalInclVat, contract, ...mention },
  );
};
