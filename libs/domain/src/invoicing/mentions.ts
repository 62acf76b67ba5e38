import type { DecisionState } from '../command-handling/decision';
import type { InvoiceClient } from '../clients/events';
import type { Refusal } from '../entrepreneur/presence';
import { refuse } from '../errors';
import type { IssueInvoice } from './commands';

/** The mentions of e-invoicing (CGI art. 242 nonies A as amended for 2026) bind the invoices issued from this day on. */
export const E_INVOICING_MENTIONS_FROM = '2026-09-01';

/** The fixed indemnity for recovery costs owed by a late business client (C. com. D441-5). */
export const RECOVERY_FEE = '40.00';

const missing = (mention: string, message: string): Refusal => refuse('MANDATORY_MENTION_MISSING', message, { mention });

/**
 * What an invoice issued from 2026-09-01 must carry that the command alone may lack: the CAE's identity in force, the
 * client's address, a French company's or public body's SIREN, the category of operation. Earlier invoices (imports)
 * keep the mentions of their day.
 */
export const mandatoryMentionMissing = (c: IssueInvoice, client: InvoiceClient, s: DecisionState): Refusal | undefined => {
  if (c.issuedOn < E_INVOICING_MENTIONS_FROM) return undefined;
  if (!s.cae.registered || s.cae.identityFrom === undefined || s.cae.identityFrom > c.issuedOn)
    return missing('seller', `CAE "${c.caeId}" has no legal identity in force on ${c.issuedOn} (SIREN, address, VAT number): record it with RecordCaeIdentity first.`);
  // A directory client was registered with its address; an inline one must bring it.
  const address = client.address ?? client.individual?.address;
  if (client.clientId === undefined && address === undefined) return missing('client.address', 'The client\'s address is a mandatory mention: give client.address (or name a client of the directory).');
  const inFrance = (address?.country ?? 'FR') === 'FR';
  if (inFrance && (client.kind === 'company' || client.kind === 'public_body') && client.siren === undefined)
    return missing('client.siren', `The SIREN of a French ${client.kind === 'company' ? 'company' : 'public body'} is a mandatory mention from ${E_INVOICING_MENTIONS_FROM}: give client.siren.`);
  if (c.operationCategory === undefined) return missing('operationCategory', `The category of operation (goods, services or mixed) is a mandatory mention from ${E_INVOICING_MENTIONS_FROM}: give operationCategory.`);
  return undefined;
};
