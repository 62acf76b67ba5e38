import { get, type KeyFigures } from '../api.js';
import { chart, valueAxis } from '../chart.js';
import { h, show } from '../dom.js';
import { keyFigures, years } from '../figures.js';
import { count, money, percent, t } from '../i18n.js';
import { table, type Column } from '../table.js';
import { monthlyChart, revenueTables } from '../year-views.js';

interface AuditSummary {
  caeId: string;
  asOf: string;
  score: { mandatory: { met: number; total: number }; labelEligible: boolean };
}

/** The network (admins, auditors): the last year with activity against the one before, every year's trend, each CAE. */
export const networkPage = async (main: HTMLElement): Promise<void> => {
  const [history, audits] = await Promise.all([years('/api/network/statistics'), get<{ caes: AuditSummary[] }>('/api/network/audits')]);
  const last = history.at(-1);
  if (last === undefined || last.network === undefined) return show(main, h('p', {}, t('nothingHere')));
  const before = history.find((s) => s.year === last.year - 1);
  const { byCae, byRegion } = last.network;
  const auditOf = (caeId: string) => audits.caes.find((audit) => audit.caeId === caeId);
  show(
    main,
    h('h1', {}, `${t('network')} — ${last.year}`),
    keyFigures(last, before),
    chart(
      t('trends'),
      {
        xAxis: { type: 'category', data: history.map((s) => String(s.year)) },
        yAxis: [valueAxis(t('revenue')), valueAxis(t('accompanied'))],
        series: [
          { name: t('revenue'), type: 'bar', data: history.map((s) => Number(s.revenue.total)) },
          { name: t('accompanied'), type: 'line', yAxisIndex: 1, data: history.map((s) => s.headcount.accompanied) },
        ],
      },
      'reseau-evolution',
    ),
    monthlyChart(last, `reseau-${last.year}`),
    ...revenueTables(last, `reseau-${last.year}`),
    table(
      `${t('caes')} — ${last.year}`,
      [
        { title: t('caeName'), text: (r) => r.name, cell: (r) => h('a', { href: `#/cae/${encodeURIComponent(r.caeId)}` }, r.name) },
        { title: t('region'), text: (r) => r.region },
        ...keyColumns<(typeof byCae)[number]>(),
        {
          title: t('audit'),
          text: (r) => {
            const audit = auditOf(r.caeId);
            return audit ? `${audit.asOf} : ${audit.score.mandatory.met}/${audit.score.mandatory.total}, ${t(audit.score.labelEligible ? 'eligible' : 'notEligible')}` : t('noAudit');
          },
        },
      ],
      byCae,
      `cae-${last.year}`,
    ),
    chart(
      `${t('byRegion')} — ${last.year}`,
      {
        xAxis: { type: 'category', data: byRegion.map((r) => r.region) },
        yAxis: [valueAxis(t('revenue')), valueAxis(t('accompanied'))],
        series: [
          { name: t('revenue'), type: 'bar', data: byRegion.map((r) => Number(r.revenue)) },
          { name: t('accompanied'), type: 'bar', yAxisIndex: 1, data: byRegion.map((r) => r.accompanied) },
        ],
      },
      `reseau-regions-${last.year}`,
    ),
    table(
      `${t('byRegion')} — ${last.year}`,
      [{ title: t('region'), text: (r) => r.region }, { title: t('caes'), text: (r) => count(r.caes), value: (r) => r.caes }, ...keyColumns<(typeof byRegion)[number]>()],
      byRegion,
      `regions-${last.year}`,
    ),
  );
};

/** The key figures' columns, the same for a CAE's row and a region's. */
const keyColumns = <R extends KeyFigures>(): Column<R>[] => [
  { title: t('accompanied'), text: (r) => count(r.accompanied), value: (r) => r.accompanied },
  { title: t('entries'), text: (r) => count(r.entries), value: (r) => r.entries },
  { title: t('exits'), text: (r) => count(r.exits), value: (r) => r.exits },
  { title: t('revenue'), text: (r) => money(r.revenue), value: (r) => r.revenue },
  { title: t('payroll'), text: (r) => money(r.grossMass), value: (r) => r.grossMass },
  { title: t('associates'), text: (r) => count(r.associates), value: (r) => r.associates },
  { title: t('positiveExitRate'), text: (r) => percent(r.positiveExitRate), value: (r) => r.positiveExitRate },
];
