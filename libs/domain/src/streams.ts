/**
 * Stream names: one aggregate per stream (ARCHITECTURE.md), `{kind}-{id}/{id}…`. Identifiers are validated to
 * [A-Za-z0-9_.-], so "/" cannot occur inside one: CAE `a` with entrepreneur `b-c` and CAE `a-b` with
 * entrepreneur `c` get `entrepreneur-a/b-c` and `entrepreneur-a-b/c`, never one stream.
 */
type StreamKind = 'cae' | 'entrepreneur' | 'invoice-series' | 'quote-series' | 'associate' | 'access' | 'client';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

const streamName = (kind: StreamKind, ...ids: string[]): string => {
  // A programming error, not input: every id reaching here passed validation.
  for (const id of ids) if (!ID.test(id)) throw new Error(`Not an identifier for a ${kind} stream: ${JSON.stringify(id)}`);
  return `${kind}-${ids.join('/')}`;
};

export const caeStream = (caeId: string): string => streamName('cae', caeId);
export const entrepreneurStream = (caeId: string, entrepreneurId: string): string => streamName('entrepreneur', caeId, entrepreneurId);
export const invoiceSeriesStream = (caeId: string, year: number): string => streamName('invoice-series', caeId, String(year));
/** Quotes are numbered in their own yearly series, told apart from invoices by their D: `D2026-000001`. */
export const quoteSeriesStream = (caeId: string, year: number): string => streamName('quote-series', caeId, String(year));
export const QUOTE_PREFIX = 'D';
export const isQuoteNumber = (documentNumber: string): boolean => documentNumber.startsWith(QUOTE_PREFIX);
/** The series a document's number belongs to. */
export const seriesStreamOf = (caeId: string, documentNumber: string): string =>
  (isQuoteNumber(documentNumber) ? quoteSeriesStream : invoiceSeriesStream)(caeId, seriesYearOf(documentNumber));
export const clientStream = (caeId: string, clientId: string): string => streamName('client', caeId, clientId);
export const associateStream = (caeId: string, associateId: string): string => streamName('associate', caeId, associateId);
/**
 * The network's own scope, beside its CAEs: where network roles are granted (stream `access-network/{accountId}`,
 * its own hash chain). A reserved CAE id: no CAE may be registered under it.
 */
export const NETWORK_SCOPE = 'network';

/** One account's grants in one CAE, or in the network's scope. */
export const accessStream = (caeId: string, accountId: string): string => streamName('access', caeId, accountId);

/** The year of an invoice or credit note number `YYYY-NNNNNN`. */
export const seriesYearOf = (documentNumber: string): number => Number(documentNumber.replace(QUOTE_PREFIX, '').slice(0, 4));

export const formatDocumentNumber = (year: number, sequence: number): string => `${year}-${String(sequence).padStart(6, '0')}`;
