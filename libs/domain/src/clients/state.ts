import type { Fold } from '../command-handling/stream-reader';
import type { DomainEvent } from '../events';
import type { InvoiceClient } from './events';

/** A client of the directory: what its invoices copy (a private person's data as the log holds it, sealed). */
export type ClientState = { registered: false } | { registered: true; clientId: string; client: InvoiceClient };

export const evolveClient = (state: ClientState, event: DomainEvent): ClientState =>
  event.type === 'ClientRegistered' ? { registered: true, clientId: event.data.clientId, client: event.data.client } : state;

/** The client boundary: how a client's stream folds. */
export const CLIENT_FOLD: Fold<ClientState> = { initial: () => ({ registered: false }), evolve: evolveClient };
