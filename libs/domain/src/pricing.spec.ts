import type { InvoiceLine } from './commands';
import { priceLine, totalsOf } from './pricing';

const line = (quantity: string, unitPrice: string, vatRate: InvoiceLine['vatRate']): InvoiceLine => ({ description: 'Prestation', quantity, unitPrice, vatRate });

describe('pricing', () => {
  it.each([
    ['1.333', '10.00', '20', '13.33', '2.67', '16.00'],
    ['1', '10.01', '5.5', '10.01', '0.55', '10.56'],
    ['0.5', '0.05', '20', '0.03', '0.01', '0.04'],
    ['1', '0.05', '10', '0.05', '0.01', '0.06'],
    ['1', '0.09', '5.5', '0.09', '0.00', '0.09'],
    ['1', '100.00', '2.1', '100.00', '2.10', '102.10'],
    ['2', '150.00', '0', '300.00', '0.00', '300.00'],
    ['151.67', '11.88', '20', '1801.84', '360.37', '2162.21'],
  ] as const)('%s × %s at %s%% = %s + %s VAT = %s (half-up per line)', (quantity, unitPrice, vatRate, excl, vat, incl) => {
    expect(priceLine(line(quantity, unitPrice, vatRate))).toStrictEqual({
      description: 'Prestation',
      quantity,
      unitPrice,
      vatRate,
      totalExclVat: excl,
      vat,
      totalInclVat: incl,
    });
  });

  it('sums the rounded lines and breaks VAT down by rate in the order rates first appear', () => {
    const lines = [line('1', '0.05', '10'), line('1', '10.01', '5.5'), line('1', '0.05', '10'), line('1', '0.05', '10')].map(priceLine);
    expect(totalsOf(lines)).toStrictEqual({
      totalExclVat: '10.16',
      totalVat: '0.58',
      totalInclVat: '10.74',
      vatBreakdown: [
        { vatRate: '10', baseExclVat: '0.15', vat: '0.03' },
        { vatRate: '5.5', baseExclVat: '10.01', vat: '0.55' },
      ],
    });
  });

  it('totals no line to zero', () => {
    expect(totalsOf([])).toStrictEqual({ totalExclVat: '0.00', totalVat: '0.00', totalInclVat: '0.00', vatBreakdown: [] });
  });
});
