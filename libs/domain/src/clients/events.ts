import type { PostalAddress } from '../postal-address';
import type { IsoDate } from '../values';
import type { EventDeclarations } from '../event-declaration';
import { clientStream } from '../streams';
import type { ClientKind } from './commands';

/** A private client's name, address and email: personal data, sealed in the log. */
export interface IndividualClient {
  name: string;
  postalCode?: string;
  address?: PostalAddress;
  email?: string;
}

/** A client as an invoice names it: a company's, a public body's or an association's details in clear, a person's sealed. */
export interface InvoiceClient {
  kind: ClientKind;
  /** The directory's client, when the invoice names one. */
  clientId?: string;
  /** In clear for companies, public bodies and associations. */
  name?: string;
  postalCode?: string;
  siren?: string;
  siret?: string;
  vatNumber?: string;
  address?: PostalAddress;
  chorusServiceCode?: string;
  email?: string;
  /** For individuals only (sealed). */
  individual?: IndividualClient;
}

export interface ClientRegistered {
  caeId: string;
  clientId: string;
  registeredOn: IsoDate;
  client: InvoiceClient;
}

export interface ClientEvents {
  ClientRegistered: ClientRegistered;
}

export const CLIENT_EVENTS: EventDeclarations<ClientEvents> = {
  ClientRegistered: { schemaVersion: 1, stream: (d) => clientStream(d.caeId, d.clientId), occurredOn: (d) => d.registeredOn },
};
