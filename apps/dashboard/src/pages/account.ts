import { get, type Invoice } from '../api.js';
import { asOfPicker } from '../as-of.js';
import { chart, valueAxis } from '../chart.js';
import { h, show } from '../dom.js';
import { decimal, money, t, type MessageKey } from '../i18n.js';
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

/** GET …/entrepreneurs/{entrepreneurId}: their path in the CAE and the meetings they attended. */
interface File {
  status: string;
  history: ({ on: string; event: string } & Record<string, unknown>)[];
  meetings: { heldOn: string; kind: string; hours: string }[];
  individualMeetings: Record<string, number>;
}

/** What a line of the path says beyond its event: the contract's end, the exit's reason… */
const detailOf = (line: File['history'][number]): string =>
  [
    typeof line['endsOn'] === 'string' && `${t('endsOn')} ${line['endsOn']}`,
    typeof line['months'] === 'number' && `${line['months']} ${t('months')}`,
    typeof line['associateDeadline'] === 'string' && `${t('deadline')} ${line['associateDeadline']}`,
    typeof line['shares'] === 'number' && `${line['shares']} ${t('shares')}`,
    typeof line['reason'] === 'string' && t(`exit_${line['reason']}` as MessageKey),
  ]
    .filter(Boolean)
    .join(', ');

const FIGURES: (keyof Figures)[] = ['revenueExclVat', 'creditNotesExclVat', 'contribution', 'expenses', 'salaryCost', 'result', 'availableTreasury'];

/** An entrepreneur's activity account (themselves, their CAE's staff, the network): month by month, and their invoices. */
export const accountPage = async (main: HTMLElement, caeId: string, entrepreneurId: string, own: boolean, cut: { asOf?: string }): Promise<void> => {
  const cae = encodeURIComponent(caeId);
  const them = `/api/caes/${cae}/entrepreneurs/${encodeURIComponent(entrepreneurId)}`;
  const [account, file, { invoices }] = await Promise.all([
    get<Account>(`${them}/account`, cut),
    get<File>(them, cut),
    get<{ invoices: Invoice[] }>(`/api/caes/${cae}/invoices`, cut),
  ]);
  const theirs = invoices.filter((invoice) => invoice.entrepreneurId === entrepreneurId);
  const statusOf = (status: string) => t((status === 'paid' ? 'paid_status' : status) as MessageKey);
  show(
    main,
    h('h1', {}, own ? t('account') : `${t('accountOf')} — ${entrepreneurId} (${caeId})`),
    h('div', { class: 'controls' }, ...asOfPicker(cut.asOf, (asOf) => `#/account/${cae}/${encodeURIComponent(entrepreneurId)}${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`)),
    h('p', {}, `${t('asOf')} ${account.asOf} — ${t('status')} : ${t(file.status as MessageKey)}`),
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
    table(
      t('contracts'),
      [
        { title: t('date'), text: (l: File['history'][number]) => l.on },
        { title: t('step'), text: (l) => t(`event_${l.event}` as MessageKey) },
        { title: t('details'), text: detailOf },
      ],
      file.history,
      `parcours-${entrepreneurId}`,
    ),
    table(
      `${t('meetingsAndWorkshops')} — ${Object.entries(file.individualMeetings).map(([year, n]) => `${year} : ${n} ${t('individualMeetingsOf')}`).join(' ; ') || t('noIndividualMeeting')}`,
      [
        { title: t('date'), text: (m: File['meetings'][number]) => m.heldOn },
        { title: t('kind'), text: (m) => t(`meeting_${m.kind}` as MessageKey) },
        { title: t('hours'), text: (m) => decimal(m.hours), value: (m) => m.hours },
      ],
      file.meetings,
      `entretiens-${entrepreneurId}`,
    ),
  );
};
