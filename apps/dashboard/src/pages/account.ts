import { get, type Invoice } from '../api.js';
import { chart, valueAxis } from '../chart.js';
import { h, show } from '../dom.js';
import { money, t, type MessageKey } from '../i18n.js';
import { table } from '../table.js';

type Figures = Record<'revenueExclVat' | 'creditNotesExclVat' | 'contribution' | 'expenses' | 'salaryCost' | 'result' | 'availableTreasury', string>;

interface Account {
  caeId: string;
  entrepreneurId: string;
  asOf: string;
  toDate: Figures;
  monthly: (Figures & { month: string })[];
  receivables: { amountDue: string; invoices: { number: string; issuedOn: string; dueOn: string; amountDue: string; overdue: boolean }[] };
}

const FIGURES: (keyof Figures)[] = ['revenueExclVat', 'creditNotesExclVat', 'contribution', 'expenses', 'salaryCost', 'result', 'availableTreasury'];

/** An entrepreneur's activity account (themselves, their CAE's staff, the network): month by month, and their invoices. */
export const accountPage = async (main: HTMLElement, caeId: string, entrepreneurId: string, own: boolean): Promise<void> => {
  const cae = encodeURIComponent(caeId);
  const [account, { invoices }] = await Promise.all([
    get<Account>(`/api/caes/${cae}/entrepreneurs/${encodeURIComponent(entrepreneurId)}/account`),
    get<{ invoices: Invoice[] }>(`/api/caes/${cae}/invoices`),
  ]);
  const theirs = invoices.filter((invoice) => invoice.entrepreneurId === entrepreneurId);
  const statusOf = (status: string) => t((status === 'paid' ? 'paid_status' : status) as MessageKey);
  show(
    main,
    h('h1', {}, own ? t('account') : `${t('accountOf')} — ${entrepreneurId} (${caeId})`),
    h('p', {}, `${t('asOf')} ${account.asOf}`),
    h(
      'section',
      { class: 'figures', 'aria-label': t('accountOf') },
      ...FIGURES.map((key) => h('div', { class: 'figure', 'data-figure': key }, h('span', { class: 'label' }, t(key)), h('strong', {}, money(account.toDate[key])))),
    ),
    chart(
      t('monthByMonth'),
      {
        xAxis: { type: 'category', data: account.monthly.map((m) => m.month) },
        yAxis: [valueAxis('€')],
        series: [
          { name: t('revenueExclVat'), type: 'bar', data: account.monthly.map((m) => Number(m.revenueExclVat)) },
          { name: t('salaryCost'), type: 'bar', data: account.monthly.map((m) => Number(m.salaryCost)) },
          { name: t('result'), type: 'line', data: account.monthly.map((m) => Number(m.result)) },
        ],
      },
      `compte-${entrepreneurId}`,
    ),
    table(
      t('monthByMonth'),
      [{ title: t('month'), text: (m: Account['monthly'][number]) => m.month }, ...FIGURES.map((key) => ({ title: t(key), text: (m: Account['monthly'][number]) => money(m[key]), value: (m: Account['monthly'][number]) => m[key] }))],
      account.monthly,
      `compte-${entrepreneurId}-mensuel`,
    ),
    table(
      t('invoices'),
      [
        { title: t('number'), text: (i: Invoice) => i.number },
        { title: t('issuedOn'), text: (i) => i.issuedOn },
        { title: t('client'), text: (i) => i.client.name },
        { title: t('totalInclVat'), text: (i) => money(i.totalInclVat), value: (i) => i.totalInclVat },
        { title: t('paid'), text: (i) => money(i.paidInclVat), value: (i) => i.paidInclVat },
        { title: t('amountDue'), text: (i) => money(i.amountDue), value: (i) => i.amountDue },
        { title: t('status'), text: (i) => statusOf(i.status) },
      ],
      theirs,
      `factures-${entrepreneurId}`,
    ),
  );
};
