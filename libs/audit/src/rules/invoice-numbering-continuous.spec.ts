import { caeRegistered, creditNoteIssued, invoiceIssued, invoiceNumberAssigned } from '../../../../projections/testing/events';
import { historyOf, summary } from '../testing/history';
import { INVOICE_NUMBERING_CONTINUOUS } from './invoice-numbering-continuous';

const numbered = (sequence: number, issuedOn: string, year = 2016) => {
  const number = `${year}-${String(sequence).padStart(6, '0')}`;
  return [invoiceNumberAssigned({ number, sequence, issuedOn }), invoiceIssued({ number, issuedOn })];
};

describe('INVOICE_NUMBERING_CONTINUOUS', () => {
  it('passes two series, 2016 and 2017, each from 1 with no gap, dates in order, a credit note numbered in the series', () => {
    const history = historyOf([
      caeRegistered(),
      ...numbered(1, '2016-09-05'),
      invoiceNumberAssigned({ number: '2016-000002', sequence: 2, document: 'credit_note', issuedOn: '2016-09-22', invoiceNumber: '2016-000001' }),
      creditNoteIssued(),
      ...numbered(3, '2016-09-22'),
      ...numbered(1, '2017-01-02', 2017),
    ]);
    expect(summary(INVOICE_NUMBERING_CONTINUOUS.evaluate(history))).toEqual({ outcome: 'pass', findings: [] });
  });

  it('fails a gap of two numbers, citing the numbers on each side', () => {
    const result = INVOICE_NUMBERING_CONTINUOUS.evaluate(historyOf([caeRegistered(), ...numbered(1, '2016-09-05'), ...numbered(4, '2016-09-06')]));
    expect(summary(result)).toEqual({ outcome: 'fail', findings: [['invoice 2016-000002', [2, 4]]] });
    expect(result.findings[0]!.message).toContain('2016-000002 à 2016-000003');
  });

  it('fails a duplicate, a date going back and an invoice of 2017 numbered in the 2016 series', () => {
    const history = historyOf([
      caeRegistered(),
      ...numbered(1, '2016-09-05'),
      ...numbered(1, '2016-09-06'),
      ...numbered(2, '2016-09-01'),
      ...numbered(3, '2017-01-03'),
    ]);
    expect(summary(INVOICE_NUMBERING_CONTINUOUS.evaluate(history))).toEqual({
      outcome: 'fail',
      findings: [
        ['invoice 2016-000001', [2, 4]],
        ['invoice 2016-000002', [2, 6]],
        ['invoice 2016-000003', [8]],
      ],
    });
  });

  it('fails an invoice issued without its number in the register, citing the invoice', () => {
    expect(summary(INVOICE_NUMBERING_CONTINUOUS.evaluate(historyOf([caeRegistered(), invoiceIssued()])))).toEqual({ outcome: 'fail', findings: [['invoice 2016-000001', [2]]] });
  });

  it('is not applicable without any invoice', () => {
    expect(INVOICE_NUMBERING_CONTINUOUS.evaluate(historyOf([caeRegistered()])).outcome).toBe('not_applicable');
  });
});
