import { get, type Statistics } from '../api.js';
import { chart, valueAxis } from '../chart.js';
import { h, show } from '../dom.js';
import { keyFigures, years } from '../figures.js';
import { count, money, t } from '../i18n.js';
import { table } from '../table.js';
import { monthlyChart, revenueTables } from '../year-views.js';

interface AuditSummary {
  caeId: string;
  asOf: string;
  score: { mandatory: { met: number; total: number }; labelEligible: boolean };
}

/** The network (admins, auditors): the last year with activity against the one before, every year's trend, each CAE. */
export const networkPage = async (main: HTMLElement): Promise<void> => {
  const [history, { caes }, audits] = await Promise.all([
    years('/api/network/statistics'),
    get<{ caes: { caeId: string; name: string }[] }>('/api/network/caes'),
    get<{ caes: AuditSummary[] }>('/api/network/audits'),
  ]);
  const last = history.at(-1);
  if (last === undefined) return show(main, h('p', {}, t('nothingHere')));
  const before = history.find((s) => s.year === last.year - 1);
  const perCae = await Promise.all(caes.map(async (cae) => ({ ...cae, figures: await get<Statistics>(`/api/caes/${encodeURIComponent(cae.caeId)}/statistics`, { year: last.year }) })));
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
        { title: t('accompanied'), text: (r) => count(r.figures.headcount.accompanied), value: (r) => r.figures.headcount.accompanied },
        { title: t('revenue'), text: (r) => money(r.figures.revenue.total), value: (r) => r.figures.revenue.total },
        { title: t('associates'), text: (r) => count(r.figures.associates.end.total), value: (r) => r.figures.associates.end.total },
        {
          title: t('audit'),
          text: (r) => {
            const audit = auditOf(r.caeId);
            return audit ? `${audit.asOf} : ${audit.score.mandatory.met}/${audit.score.mandatory.total}, ${t(audit.score.labelEligible ? 'eligible' : 'notEligible')}` : t('noAudit');
          },
        },
      ],
      perCae,
      `cae-${last.year}`,
    ),
  );
};
