import type { Statistics } from './api.js';
import { chart, valueAxis } from './chart.js';
import { money, t } from './i18n.js';
import { table } from './table.js';

/** What a year of statistics shows on the network's page and on a CAE's alike. */

const CLIENT_KINDS = ['company', 'individual', 'public_body', 'association'] as const;

export const monthlyChart = (year: Statistics, fileName: string): HTMLElement =>
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
    `${fileName}-mensuel`,
  );

export const revenueTables = (year: Statistics, fileName: string): HTMLElement[] => [
  table(
    t('byClientKind'),
    [
      { title: t('clientKind'), text: (kind: (typeof CLIENT_KINDS)[number]) => t(kind) },
      { title: t('revenue'), text: (kind) => money(year.revenue.byClientKind[kind] ?? '0.00'), value: (kind) => year.revenue.byClientKind[kind] ?? '0.00' },
    ],
    [...CLIENT_KINDS],
    `${fileName}-clients`,
  ),
  table(
    t('bySector'),
    [
      { title: t('sector'), text: ([sector]: [string, string]) => sector },
      { title: t('revenue'), text: ([, amount]) => money(amount), value: ([, amount]) => amount },
    ],
    Object.entries(year.revenue.bySector),
    `${fileName}-secteurs`,
  ),
];
