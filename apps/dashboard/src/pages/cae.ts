import { ApiError, type Statistics } from '../api.js';
import { chart, valueAxis } from '../chart.js';
import { h, show } from '../dom.js';
import { keyFigures, years } from '../figures.js';
import { money, t } from '../i18n.js';
import { table } from '../table.js';
import { caeTabs } from './cae-tabs.js';

const CLIENT_KINDS = ['company', 'individual', 'public_body', 'association'] as const;

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
  const sectors = Object.entries(year.revenue.bySector);
  show(
    main,
    h('h1', {}, `${t('cae')} ${caeId} — ${year.year}`),
    caeTabs(caeId, '', wanted.asOf),
    picker,
    keyFigures(year, before),
    chart(
      t('monthly'),
      {
        xAxis: { type: 'category', data: year.monthly.map((m) => m.month) },
        yAxis: [valueAxis(`${t('entries')} / ${t('exits')}`), valueAxis(t('headcount'))],
        series: [
          { name: t('entries'), type: 'bar', data: year.monthly.map((m) => m.entries) },
          { name: t('exits'), type: 'bar', data: year.monthly.map((m) => m.exits) },
          { name: t('headcount'), type: 'line', yAxisIndex: 1, data: year.monthly.map((m) => m.headcountEnd) },
        ],
      },
      `${caeId}-${year.year}-mensuel`,
    ),
    table(
      t('byClientKind'),
      [
        { title: t('clientKind'), text: (kind: (typeof CLIENT_KINDS)[number]) => t(kind) },
        { title: t('revenue'), text: (kind) => money(year.revenue.byClientKind[kind] ?? '0.00'), value: (kind) => year.revenue.byClientKind[kind] ?? '0.00' },
      ],
      [...CLIENT_KINDS],
      `${caeId}-${year.year}-clients`,
    ),
    table(
      t('bySector'),
      [
        { title: t('sector'), text: ([sector]: [string, string]) => sector },
        { title: t('revenue'), text: ([, amount]) => money(amount), value: ([, amount]) => amount },
      ],
      sectors,
      `${caeId}-${year.year}-secteurs`,
    ),
  );
};
