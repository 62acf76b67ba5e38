import { evolveAssociate, initialAssociateState, type AssociateState } from '../aggregates/associate';
import { evolveCae, initialCaeState, type CaeState } from '../aggregates/cae';
import { evolveEntrepreneur, initialEntrepreneurState, type EntrepreneurState } from '../aggregates/entrepreneur';
import { evolveInvoiceSeries, initialInvoiceSeriesState, type InvoiceSeriesState } from '../aggregates/invoice-series';
import type { Fold } from './stream-reader';

export const CAE_FOLD: Fold<CaeState> = { initial: initialCaeState, evolve: evolveCae };
export const ENTREPRENEUR_FOLD: Fold<EntrepreneurState> = { initial: initialEntrepreneurState, evolve: evolveEntrepreneur };
export const ASSOCIATE_FOLD: Fold<AssociateState> = { initial: initialAssociateState, evolve: evolveAssociate };

/** A series and which entrepreneur each of its invoices belongs to (what payments and credit notes refer to). */
export interface SeriesView {
  state: InvoiceSeriesState;
  invoices: Map<string, string>;
}

export const SERIES_FOLD: Fold<SeriesView> = {
  initial: () => ({ state: initialInvoiceSeriesState(), invoices: new Map() }),
  evolve: (view, event) => {
    // The index only grows, so it is extended in place rather than copied at every invoice.
    if (event.type === 'InvoiceNumberAssigned' && event.data.document === 'invoice') view.invoices.set(event.data.number, event.data.entrepreneurId);
    return { state: evolveInvoiceSeries(view.state, event), invoices: view.invoices };
  },
};
