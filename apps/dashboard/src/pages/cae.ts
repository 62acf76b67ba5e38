import { ApiError, type Statistics } from '../api.js';
import { h, show } from '../dom.js';
import { keyFigures, years } from '../figures.js';
import { t } from '../i18n.js';
import { monthlyChart, revenueTables } from '../year-views.js';
import { caeTabs } from './cae-tabs.js';

/**
 * A CAE (its staff, admins, auditors): the statistics of a year picked from those with activity (the last by
 * default), as of a date when one is given, with the monthly entries, exits and headcount.
 */
export const caePage = async (main: HTMLElement, caeId: string, wanted: { year?: number; asOf?: string }): Promise<void> => {
  const path = `/api/caes/${encodeURIComponent(caeId)}/statistics`;
  const cut = { asOf: wanted.asOf };
  let history: Statistics[];
  try {
    history = await years(path, cut);
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 404) return show(main, h('p', {}, failure.message));
    throw failure;
  }
  const year = history.find((s) => s.year === wanted.year) ?? history.at(-1);
  if (year === undefined) return show(main, h('h1', {}, caeId), h('p', {}, t('nothingHere')));
  const before = history.find((s) => s.year === year.year - 1);
  const go = (next: { year?: number; asOf?: string }) => {
    const query = new URLSearchParams(Object.entries({ ...wanted, ...next }).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])));
    location.hash = `#/cae/${encodeURIComponent(caeId)}${query.size > 0 ? `?${query}` : ''}`;
  };
  const picker = h(
    'form',
    { class: 'controls' },
    h('label', { for: 'year' }, t('year')),
    h('select', { id: 'year', onchange: (e) => go({ year: Number((e.target as HTMLSelectElement).value) }) }, ...history.map((s) => h('option', { value: s.year, selected: s.year === year.year }, String(s.year)))),
  );
  show(
    main,
    h('h1', {}, `${t('cae')} ${caeId} — ${year.year}`),
    caeTabs(caeId, '', wanted.asOf),
    picker,
    keyFigures(year, before),
    monthlyChart(year, `${caeId}-${year.year}`),
    ...revenueTables(year, `${caeId}-${year.year}`),
  );
};
