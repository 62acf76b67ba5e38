import type { Fold } from '../command-handling/stream-reader';
import type { DomainEvent } from '../events';
import type { IsoDate } from '../values';

/** One numbering series per CAE and calendar year (and one for its quotes): chronological and continuous (CGI ann. II art. 242 nonies A). */
export interface InvoiceSeriesState {
  lastSequence: number;
  lastIssuedOn?: IsoDate;
}

export const initialInvoiceSeriesState = (): InvoiceSeriesState => ({ lastSequence: 0 });

export const evolveInvoiceSeries = (state: InvoiceSeriesState, event: DomainEvent): InvoiceSeriesState =>
  event.type === 'InvoiceNumberAssigned' || event.type === 'QuoteNumberAssigned' ? { lastSequence: event.data.sequence, lastIssuedOn: event.data.issuedOn } : state;

/** A series and which entrepreneur each of its invoices belongs to (what payments and credit notes refer to). */
export interface SeriesView {
  state: InvoiceSeriesState;
  invoices: Map<string, string>;
}

/** The series boundary: how a year's series folds, with the index of its invoices. */
export const SERIES_FOLD: Fold<SeriesView> = {
  initial: () => ({ state: initialInvoiceSeriesState(), invoices: new Map() }),
  evolve: (view, event) => {
    // The index only grows, so it is extended in place rather than copied at every invoice.
    if ((event.type === 'InvoiceNumberAssigned' && event.data.document === 'invoice') || event.type === 'QuoteNumberAssigned') view.invoices.set(event.data.number, event.data.entrepreneurId);
    return { state: evolveInvoiceSeries(view.state, event), invoices: view.invoices };
  },
};
