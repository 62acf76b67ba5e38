import { caeNotFound, decided, entrepreneurNotFound, type Decided, type DecisionState } from '../command-handling/decision';
import { addDays } from '../dates';
import type { Refusal } from '../entrepreneur/presence';
import type { EntrepreneurState } from '../entrepreneur/state';
import { refuse } from '../errors';
import { priceLine, totalsOf } from '../pricing';
import { entrepreneurStream } from '../streams';
import type { Nothing } from '../validation/results';
import type { AcceptQuote, DeclineQuote, IssueQuote, IssueQuoteResult } from './commands';
import { continuousNumbering } from './continuous-numbering';
import { contractInForce } from './invoices';
import { invoicedClient } from './invoiced-client';

/** Quotes: offered by an entrepreneur under a CAPE or a CESA, numbered in their own series, answered once by the client. */

export const DEFAULT_QUOTE_VALIDITY_DAYS = 30;

export const issueQuote = (c: IssueQuote, s: DecisionState): Decided<IssueQuoteResult> => {
  if (!s.cae.registered) return caeNotFound(c.caeId);
  const entrepreneur = s.entrepreneur;
  if (!entrepreneur || entrepreneur.integration === 0) return entrepreneurNotFound(c.caeId, c.entrepreneurId);
  const inForce = contractInForce(entrepreneur, c);
  if ('ok' in inForce) return inForce;
  const client = invoicedClient(c, s);
  if ('ok' in client) return client;
  const numbering = continuousNumbering(c.caeId, c.issuedOn, s.series, 'quote');
  if (!numbering.ok) return numbering;
  const lines = c.lines.map(priceLine);
  const totals = totalsOf(lines);
  const validUntil = c.validUntil ?? addDays(c.issuedOn, DEFAULT_QUOTE_VALIDITY_DAYS);
  const { caeId, entrepreneurId, issuedOn } = c;
  return decided(
    [
      { streamId: numbering.streamId, event: { type: 'QuoteNumberAssigned', data: { caeId, number: numbering.number, sequence: numbering.sequence, issuedOn, entrepreneurId } } },
      {
        streamId: entrepreneurStream(caeId, entrepreneurId),
        event: {
          type: 'QuoteIssued',
          data: {
            caeId,
            entrepreneurId,
            number: numbering.number,
            issuedOn,
            validUntil,
            client,
            lines,
            ...totals,
            ...(c.operationCategory !== undefined && { operationCategory: c.operationCategory }),
            ...(c.vatExemptionMention !== undefined && { vatExemptionMention: c.vatExemptionMention }),
          },
        },
      },
    ],
    { number: numbering.number, validUntil, totalExclVat: totals.totalExclVat, totalVat: totals.totalVat, totalInclVat: totals.totalInclVat },
  );
};

/** The quote to answer: the entrepreneur's, still unanswered, answered on or after its issue. */
const answerable = (caeId: string, number: string, on: string, entrepreneur: EntrepreneurState | undefined): Refusal | undefined => {
  const quote = entrepreneur?.quotes?.[number];
  if (quote === undefined) return refuse('NOT_FOUND', `Quote "${number}" does not exist in CAE "${caeId}".`, { caeId, quoteNumber: number });
  if (quote.status !== 'issued') return refuse('QUOTE_ALREADY_ANSWERED', `Quote ${number} was already ${quote.status}: a quote is answered once.`, { quoteNumber: number, status: quote.status });
  if (on < quote.issuedOn) return refuse('DATE_OUT_OF_ORDER', `Quote ${number} was issued on ${quote.issuedOn}; it cannot be answered on ${on}.`, { issuedOn: quote.issuedOn });
  return undefined;
};

export const acceptQuote = (c: AcceptQuote, s: DecisionState): Decided<Nothing> => {
  if (!s.cae.registered) return caeNotFound(c.caeId);
  const refused = answerable(c.caeId, c.quoteNumber, c.acceptedOn, s.entrepreneur);
  if (refused) return refused;
  const quote = s.entrepreneur!.quotes![c.quoteNumber]!;
  if (c.acceptedOn > quote.validUntil) return refuse('QUOTE_EXPIRED', `Quote ${c.quoteNumber} was valid until ${quote.validUntil}: issue a new one.`, { validUntil: quote.validUntil });
  const entrepreneurId = s.document!.entrepreneurId;
  return decided([{ streamId: entrepreneurStream(c.caeId, entrepreneurId), event: { type: 'QuoteAccepted', data: { caeId: c.caeId, entrepreneurId, number: c.quoteNumber, acceptedOn: c.acceptedOn } } }]);
};

export const declineQuote = (c: DeclineQuote, s: DecisionState): Decided<Nothing> => {
  if (!s.cae.registered) return caeNotFound(c.caeId);
  const refused = answerable(c.caeId, c.quoteNumber, c.declinedOn, s.entrepreneur);
  if (refused) return refused;
  const entrepreneurId = s.document!.entrepreneurId;
  return decided([
    {
      streamId: entrepreneurStream(c.caeId, entrepreneurId),
      event: { type: 'QuoteDeclined', data: { caeId: c.caeId, entrepreneurId, number: c.quoteNumber, declinedOn: c.declinedOn, ...(c.reason !== undefined && { reason: c.reason }) } },
    },
  ]);
};
