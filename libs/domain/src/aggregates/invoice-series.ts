import type { IsoDate } from '../commands';
import type { DomainEvent, InvoiceNumberAssigned } from '../events';

/** One numbering series per CAE and calendar year: chronological and continuous (CGI ann. II art. 242 nonies A). */
export interface InvoiceSeriesState {
  lastSequence: number;
  lastIssuedOn?: IsoDate;
}

export const initialInvoiceSeriesState = (): InvoiceSeriesState => ({ lastSequence: 0 });

export const evolveInvoiceSeries = (state: InvoiceSeriesState, event: DomainEvent): InvoiceSeriesState =>
  event.type === 'InvoiceNumberAssigned' ? { lastSequence: event.data.sequence, lastIssuedOn: event.data.issuedOn } : state;

/** Which entrepreneur a document number belongs to, read from its series. */
export const findDocument = (events: Iterable<DomainEvent>, documentNumber: string): InvoiceNumberAssigned | undefined => {
  for (const event of events) {
    if (event.type === 'InvoiceNumberAssigned' && event.data.number === documentNumber) return event.data;
  }
  return undefined;
};
