import type { InlineClient } from './commands';
import type { InvoiceClient } from './events';

/** A client as the log keeps it: a private person's name, address and email put apart, to be sealed with their key. */
export const clientOf = (c: InlineClient): InvoiceClient => {
  const { name, kind, postalCode, address, email, ...identifiers } = c;
  const place = { ...(postalCode !== undefined && { postalCode }), ...(address !== undefined && { address }) };
  return kind === 'individual'
    ? { kind, individual: { name, ...place, ...(email !== undefined && { email }) } }
    : { kind, name, ...place, ...identifiers, ...(email !== undefined && { email }) };
};
