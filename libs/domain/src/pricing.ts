import type { InvoiceLine, VatRate } from './commands';
import type { DocumentTotals, PricedLine, VatBreakdown } from './events';
import { formatMoney, money, toCents, ZERO, type Money } from './money';

/** Prices lines half-up to the cent per line, then sums (docs/rules.md#priceline). */
export const priceLine = (line: InvoiceLine): PricedLine => {
  const excl = toCents(money(line.quantity).times(line.unitPrice));
  const vat = toCents(excl.times(line.vatRate).dividedBy(100));
  return {
    description: line.description,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    vatRate: line.vatRate,
    totalExclVat: formatMoney(excl),
    vat: formatMoney(vat),
    totalInclVat: formatMoney(excl.plus(vat)),
  };
};

export const totalsOf = (lines: PricedLine[]): DocumentTotals => {
  const byRate = new Map<VatRate, { base: Money; vat: Money }>();
  let excl: Money = ZERO;
  let vat: Money = ZERO;
  for (const line of lines) {
    excl = excl.plus(line.totalExclVat);
    vat = vat.plus(line.vat);
    const r = byRate.get(line.vatRate) ?? { base: ZERO, vat: ZERO };
    byRate.set(line.vatRate, { base: r.base.plus(line.totalExclVat), vat: r.vat.plus(line.vat) });
  }
  const vatBreakdown: VatBreakdown[] = [...byRate].map(([vatRate, r]) => ({ vatRate, baseExclVat: formatMoney(r.base), vat: formatMoney(r.vat) }));
  return { totalExclVat: formatMoney(excl), totalVat: formatMoney(vat), totalInclVat: formatMoney(excl.plus(vat)), vatBreakdown };
};
