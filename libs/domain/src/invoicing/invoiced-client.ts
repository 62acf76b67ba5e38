import { alreadyForgotten, type DecisionState } from '../command-handling/decision';
import { forgottenOn } from '../cae/state';
import { clientOf } from '../clients/client-of';
import type { InvoiceClient } from '../clients/events';
import type { Refusal } from '../entrepreneur/presence';
import { refuse } from '../errors';
import type { Client } from './commands';

/** The client the invoice is made out to: the directory's as registered (a person's data still sealed), or as written. */
export const invoicedClient = (c: { caeId: string; client: Client }, s: DecisionState): InvoiceClient | Refusal => {
  if (!('clientId' in c.client)) return clientOf(c.client);
  const { clientId } = c.client;
  if (!s.client?.registered) return refuse('NOT_FOUND', `Client "${clientId}" is not in the directory of CAE "${c.caeId}".`, { clientId });
  const forgotten = s.client.client.kind === 'individual' ? forgottenOn(s.cae, 'client', clientId) : undefined;
  if (forgotten !== undefined) return alreadyForgotten('client', clientId, forgotten);
  return { ...s.client.client, clientId };
};

