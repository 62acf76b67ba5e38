import { toCents, type Money } from '../money';
import type { InvoiceState } from './invoice-state';

/** The part excl. VAT of the money settled on an invoice (payments, refunds), so that VAT is never counted twice. */

export type InclExcl = { incl: Money; excl: Money };

/** The invoice net of its credit notes. */
export const netOf = (invoice: InvoiceState): InclExcl => ({
  incl: invoice.totalInclVat.minus(invoice.creditedInclVat),
  excl: invoice.totalExclVat.minus(invoice.creditedExclVat),
});

/**
 * The part excl. VAT of `amount` (incl. VAT) settled against `whole`, given what was settled before: pro rata of
 * all settled after it, rounded to the cent, and exact once the whole is settled (the roundings never drift).
 */
export const proRataExclVat = (amount: Money, settled: InclExcl, whole: InclExcl): Money => {
  const after = settled.incl.plus(amount);
  const exclAfter = after.equals(whole.incl) ? whole.excl : toCents(after.times(whole.excl).dividedBy(whole.incl));
  return exclAfter.minus(settled.excl);
};
