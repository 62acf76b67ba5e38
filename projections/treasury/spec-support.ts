import { addDays, formatMoney, money, type ContributionPolicy, type DomainEvent, type VatRate } from '../../libs/domain';
import { caeRegistered, cesaSigned, entrepreneurIntegrated, invoiceIssued } from '../testing/events';
import type { ReadModels } from '../projection';
import { entrepreneurAccount } from './queries';

/** e-001's activity account in the documents. */
export const accountOf = (docs: ReadModels, entrepreneurId = 'e-001') => entrepreneurAccount(docs, 'coodyssee', entrepreneurId);

/** Coodyssée with e-001 under a CESA from its integration on 11 Jan 2016, under the given contribution. */
export const cesaFromJanuary = (contribution: ContributionPolicy = { rate: '0.12', base: 'revenue' }): DomainEvent[] => [
  caeRegistered({ contribution }),
  entrepreneurIntegrated(),
  cesaSigned({ signedOn: '2016-01-11', capeDays: 0, associateDeadline: '2019-01-11', trialPeriodEndsOn: '2016-09-11' }),
];

/** One invoice of one line of `exclVat` + `vat` (at 20% unless said), by e-001 unless said, due 30 days later. */
export const invoice = (number: string, issuedOn: string, exclVat: string, vat: string, options: { vatRate?: VatRate; entrepreneurId?: string } = {}): DomainEvent => {
  const inclVat = formatMoney(money(exclVat).plus(vat));
  const vatRate = options.vatRate ?? '20';
  return invoiceIssued({
    entrepreneurId: options.entrepreneurId ?? 'e-001',
    number,
    issuedOn,
    dueOn: addDays(issuedOn, 30),
    lines: [{ description: 'Prestation', quantity: '1', unitPrice: exclVat, vatRate, totalExclVat: exclVat, vat, totalInclVat: inclVat }],
    totalExclVat: exclVat,
    totalVat: vat,
    totalInclVat: inclVat,
    vatBreakdown: [{ vatRate, baseExclVat: exclVat, vat }],
  });
};
