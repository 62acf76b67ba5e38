import { get, type Statistics } from './api.js';
import { h } from './dom.js';
import { count, decimal, money, percent, t, type MessageKey } from './i18n.js';

/** The key figures of a year against the year before: what each card shows, and how it reads. */
const FIGURES: { key: MessageKey; id: string; of: (s: Statistics) => string }[] = [
  { key: 'accompanied', id: 'accompanied', of: (s) => count(s.headcount.accompanied) },
  { key: 'headcount', id: 'headcount', of: (s) => `${count(s.headcount.start)} → ${count(s.headcount.end)}` },
  { key: 'revenue', id: 'revenue', of: (s) => money(s.revenue.total) },
  { key: 'payroll', id: 'payroll', of: (s) => money(s.payroll.grossMass) },
  { key: 'associates', id: 'associates', of: (s) => count(s.associates.end.total) },
  { key: 'positiveExitRate', id: 'positive-exits', of: (s) => percent(s.exits.positiveExitRate) },
  { key: 'returnPerSubsidyEuro', id: 'return-per-subsidy', of: (s) => decimal(s.revenue.socialAndFiscalReturnPerSubsidyEuro) },
];

export const keyFigures = (year: Statistics, before: Statistics | undefined): HTMLElement =>
  h(
    'section',
    { class: 'figures', 'aria-label': `${t('year')} ${year.year}` },
    ...FIGURES.map(({ key, id, of }) =>
      h('div', { class: 'figure', 'data-figure': id }, h('span', { class: 'label' }, t(key)), h('strong', {}, of(year)), before && h('small', {}, `${t('versus')} ${of(before)} ${t('inYear')} ${before.year}`)),
    ),
  );

/** A year with activity: revenue, or people coming in or leaving (a year with only people present is not one). */
export const active = (s: Statistics): boolean => s.revenue.total !== '0.00' || s.headcount.entries > 0 || s.headcount.exits > 0;

/** Every year of the scope's history, read at once (`…/statistics/years`), the years with activity kept. */
export const years = async (path: string, cut: Record<string, string | undefined> = {}): Promise<Statistics[]> =>
  (await get<{ years: Statistics[] }>(`${path}/years`, cut)).years.filter(active);
