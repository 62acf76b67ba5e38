import { yearOf } from '../dates';
import { refuse } from '../errors';
import { formatDocumentNumber, invoiceSeriesStream, QUOTE_PREFIX, quoteSeriesStream } from '../streams';
import type { IsoDate } from '../values';
import type { InvoiceSeriesState } from './series';

/**
 * Continuous numbering: invoices and credit notes take the next number of their year's series, in a chronological
 * and continuous sequence (CGI ann. II art. 242 nonies A): no gap, and no document dated before the series' last.
 */
export const continuousNumbering = (caeId: string, issuedOn: IsoDate, series: InvoiceSeriesState | undefined, kind: 'invoice' | 'quote' = 'invoice') => {
  const s = series ?? { lastSequence: 0 };
  if (s.lastIssuedOn !== undefined && issuedOn < s.lastIssuedOn)
    return refuse(
      'INVOICE_DATE_BEFORE_LAST',
      `The ${yearOf(issuedOn)} series already has a document issued on ${s.lastIssuedOn}; a new one cannot be dated ${issuedOn}.`,
      { issuedOn, lastIssuedOn: s.lastIssuedOn },
    );
  const sequence = s.lastSequence + 1;
  const year = yearOf(issuedOn);
  return kind === 'quote'
    ? { ok: true as const, sequence, number: `${QUOTE_PREFIX}${formatDocumentNumber(year, sequence)}`, streamId: quoteSeriesStream(caeId, year) }
    : { ok: true as const, sequence, number: formatDocumentNumber(year, sequence), streamId: invoiceSeriesStream(caeId, year) };
};
