import { get, type Invoice } from '../api.js';
import { h, show } from '../dom.js';
import { money, t, type MessageKey } from '../i18n.js';
import { table } from '../table.js';
import { caeTabs } from './cae-tabs.js';

/** A CAE's registers, alerts, invoices, treasury and access: each a page of tables read from one query route. */

type Cut = { asOf?: string };
const path = (caeId: string, route: string) => `/api/caes/${encodeURIComponent(caeId)}/${route}`;
const heading = (caeId: string, key: MessageKey) => h('h1', {}, `${t(key)} — ${caeId}`);

interface Entrepreneur {
  entrepreneurId: string;
  person: { firstName: string; lastName: string } | string;
  activity: { sector: string } | null;
  status: string;
  history: { on: string; event: string }[];
}

const nameOf = (e: Entrepreneur) => (typeof e.person === 'string' ? e.person : `${e.person.firstName} ${e.person.lastName}`);

export const entrepreneursPage = async (main: HTMLElement, caeId: string, cut: Cut): Promise<void> => {
  const { entrepreneurs } = await get<{ entrepreneurs: Entrepreneur[] }>(path(caeId, 'registers/entrepreneurs'), cut);
  show(
    main,
    heading(caeId, 'entrepreneurs'),
    caeTabs(caeId, 'entrepreneurs', cut.asOf),
    table(
      t('entrepreneurs'),
      [
        { title: t('name'), text: nameOf, cell: (e) => h('a', { href: `#/account/${encodeURIComponent(caeId)}/${encodeURIComponent(e.entrepreneurId)}` }, nameOf(e)) },
        { title: t('sectorShort'), text: (e) => e.activity?.sector ?? '' },
        { title: t('status'), text: (e) => t(e.status as MessageKey) },
        { title: t('since'), text: (e) => e.history.at(-1)?.on ?? '' },
      ],
      entrepreneurs,
      `${caeId}-entrepreneurs`,
      { search: true, pageSize: 25 },
    ),
  );
};

interface Compliance {
  today: string | null;
  capes: { items: { entrepreneurId: string; endsOn: string; daysLeft: number }[] };
  associateDeadlines: { items: { entrepreneurId: string; associateDeadline: string; daysLeft: number; missed: boolean }[] };
  meetings: { year: number; items: { entrepreneurId: string; individualMeetings: number }[] };
}

export const alertsPage = async (main: HTMLElement, caeId: string, cut: Cut): Promise<void> => {
  const compliance = await get<Compliance>(path(caeId, 'compliance'), cut);
  const section = <R>(key: MessageKey, rows: R[], build: () => HTMLElement) => (rows.length === 0 ? h('section', { class: 'card' }, h('h2', {}, t(key)), h('p', {}, t('nothingToDo'))) : build());
  show(
    main,
    heading(caeId, 'alerts'),
    caeTabs(caeId, 'alerts', cut.asOf),
    h('p', {}, `${t('asOf')} ${compliance.today ?? '—'}`),
    section('capesEnding', compliance.capes.items, () =>
      table(t('capesEnding'), [{ title: t('entrepreneurs'), text: (i: Compliance['capes']['items'][number]) => i.entrepreneurId }, { title: t('endsOn'), text: (i) => i.endsOn }, { title: t('daysLeft'), text: (i) => String(i.daysLeft), value: (i) => i.daysLeft }], compliance.capes.items, `${caeId}-cape`),
    ),
    section('associateDeadlines', compliance.associateDeadlines.items, () =>
      table(
        t('associateDeadlines'),
        [
          { title: t('entrepreneurs'), text: (i: Compliance['associateDeadlines']['items'][number]) => i.entrepreneurId },
          { title: t('deadline'), text: (i) => i.associateDeadline },
          { title: t('daysLeft'), text: (i) => String(i.daysLeft), value: (i) => i.daysLeft },
        ],
        compliance.associateDeadlines.items,
        `${caeId}-echeances`,
      ),
    ),
    section('meetingsMissing', compliance.meetings.items, () =>
      table(
        `${t('meetingsMissing')} (${compliance.meetings.year})`,
        [{ title: t('entrepreneurs'), text: (i: Compliance['meetings']['items'][number]) => i.entrepreneurId }, { title: t('meetingsHeld'), text: (i) => String(i.individualMeetings), value: (i) => i.individualMeetings }],
        compliance.meetings.items,
        `${caeId}-entretiens`,
      ),
    ),
  );
};

export const invoicesPage = async (main: HTMLElement, caeId: string, cut: Cut): Promise<void> => {
  const { invoices, quotes } = await get<{ invoices: Invoice[]; quotes: Quote[] }>(path(caeId, 'invoices'), cut);
  const columns = [
    { title: t('number'), text: (i: Invoice) => i.number },
    { title: t('issuedOn'), text: (i: Invoice) => i.issuedOn },
    { title: t('dueOn'), text: (i: Invoice) => i.dueOn },
    { title: t('entrepreneurs'), text: (i: Invoice) => i.entrepreneurId },
    { title: t('client'), text: (i: Invoice) => i.client.name },
    { title: t('totalInclVat'), text: (i: Invoice) => money(i.totalInclVat), value: (i: Invoice) => i.totalInclVat },
    { title: t('amountDue'), text: (i: Invoice) => money(i.amountDue), value: (i: Invoice) => i.amountDue },
    { title: t('status'), text: (i: Invoice) => t((i.status === 'paid' ? 'paid_status' : i.status) as MessageKey) },
    { title: t('platformStatus'), text: (i: Invoice) => (i.platformStatuses.length === 0 ? '' : `${t(`platform_${i.platformStatuses.at(-1)!.status}`)} (${i.platformStatuses.at(-1)!.on})`) },
    { title: t('documents'), text: (i: Invoice) => [i.number, ...i.creditNotes.map((c) => c.number)].join(' '), cell: documentLinks(caeId) },
  ];
  show(
    main,
    heading(caeId, 'invoices'),
    caeTabs(caeId, 'invoices', cut.asOf),
    table(t('overdueInvoices'), columns, invoices.filter((i) => i.status === 'overdue'), `${caeId}-factures-en-retard`, { pageSize: 25 }),
    table(t('allInvoices'), columns, invoices, `${caeId}-factures`, { search: true, pageSize: 25 }),
    table(
      t('quotes'),
      [
        { title: t('number'), text: (q: Quote) => q.number },
        { title: t('issuedOn'), text: (q: Quote) => q.issuedOn },
        { title: t('validUntil'), text: (q: Quote) => q.validUntil },
        { title: t('entrepreneurs'), text: (q: Quote) => q.entrepreneurId },
        { title: t('client'), text: (q: Quote) => q.client.name },
        { title: t('totalInclVat'), text: (q: Quote) => money(q.totalInclVat), value: (q: Quote) => q.totalInclVat },
        { title: t('status'), text: (q: Quote) => t(`quote_${q.status}`) },
        { title: t('invoicedBy'), text: (q: Quote) => q.invoices.join(', ') },
      ],
      quotes,
      `${caeId}-devis`,
      { search: true, pageSize: 25 },
    ),
  );
};

/** The invoice's documents as its client receives them, and its credit notes': Factur-X, and the XML a platform takes. */
const documentLinks = (caeId: string) => (invoice: Invoice): Node =>
  h(
    'span',
    { class: 'documents' },
    ...[{ number: invoice.number, label: '' }, ...invoice.creditNotes.map((c) => ({ number: c.number, label: `${t('creditNoteShort')} ${c.number} ` }))].flatMap(({ number, label }) => [
      label,
      h('a', { href: path(caeId, `invoices/${encodeURIComponent(number)}.pdf`), target: '_blank', 'data-document': `${number}.pdf` }, t('documentPdf')),
      ' ',
      h('a', { href: path(caeId, `invoices/${encodeURIComponent(number)}.xml`), download: '', 'data-document': `${number}.xml` }, t('documentXml')),
      ' ',
    ]),
  );

interface Quote {
  number: string;
  issuedOn: string;
  validUntil: string;
  entrepreneurId: string;
  client: { name: string };
  totalInclVat: string;
  status: 'issued' | 'accepted' | 'declined';
  invoices: string[];
}

interface Treasury {
  asOf: string | null;
  toDate: Record<'vatCollected' | 'vatOwed' | 'contributionsEarned' | 'cashHeldForEntrepreneurs' | 'refundsOwedToClients', string>;
  monthly: { month: string; vatCollected: string; vatOwed: string }[];
}

export const treasuryPage = async (main: HTMLElement, caeId: string, cut: Cut): Promise<void> => {
  const treasury = await get<Treasury>(path(caeId, 'treasury'), cut);
  const figures: [MessageKey, keyof Treasury['toDate']][] = [
    ['vatCollected', 'vatCollected'],
    ['vatOwed', 'vatOwed'],
    ['contributionsEarned', 'contributionsEarned'],
    ['cashHeld', 'cashHeldForEntrepreneurs'],
    ['refundsOwed', 'refundsOwedToClients'],
  ];
  show(
    main,
    heading(caeId, 'treasury'),
    caeTabs(caeId, 'treasury', cut.asOf),
    h('p', {}, `${t('asOf')} ${treasury.asOf ?? '—'}`),
    h('section', { class: 'figures', 'aria-label': t('treasury') }, ...figures.map(([key, field]) => h('div', { class: 'figure', 'data-figure': field }, h('span', { class: 'label' }, t(key)), h('strong', {}, money(treasury.toDate[field]))))),
    table(
      t('vatOwed'),
      [
        { title: t('month'), text: (m: Treasury['monthly'][number]) => m.month },
        { title: t('vatCollected'), text: (m) => money(m.vatCollected), value: (m) => m.vatCollected },
        { title: t('vatOwed'), text: (m) => money(m.vatOwed), value: (m) => m.vatOwed },
      ],
      treasury.monthly,
      `${caeId}-tva`,
      { pageSize: 24 },
    ),
    accountingCard(caeId, treasury.monthly.map((m) => m.month.slice(0, 4)), cut),
  );
};

/** The files an accountant takes away: each year's FEC and the CSV exports, downloaded with the session's cookie. */
const accountingCard = (caeId: string, months: string[], cut: Cut): HTMLElement => {
  const years = [...new Set(months)].sort().reverse();
  const asOf = cut.asOf === undefined ? '' : `?asOf=${encodeURIComponent(cut.asOf)}`;
  const exports: [MessageKey, string][] = [['csvAccounts', 'accounts'], ['csvInvoices', 'invoices'], ['csvEntrepreneurs', 'entrepreneurs'], ['csvAssociates', 'associates'], ['csvClients', 'clients']];
  return h(
    'section',
    { class: 'card', 'aria-label': t('accounting') },
    h('h2', {}, t('accounting')),
    h('p', {}, t('fecHint')),
    h('ul', { class: 'downloads' }, ...years.map((year) => h('li', {}, h('a', { href: `${path(caeId, 'fec')}?year=${year}`, download: '', 'data-fec': year }, `${t('fecOf')} ${year}`)))),
    h('h3', {}, t('csvExports')),
    h('ul', { class: 'downloads' }, ...exports.map(([key, table]) => h('li', {}, h('a', { href: `${path(caeId, `exports/${table}.csv`)}${asOf}`, download: '' }, t(key))))),
  );
};

interface AccessRegister {
  accounts: { accountId: string; grants: { role: string; entrepreneurId: string | null; grantedOn: string; endedOn: string | null; endReason: string | null }[] }[];
}

export const accessPage = async (main: HTMLElement, caeId: string, cut: Cut): Promise<void> => {
  const { accounts } = await get<AccessRegister>(path(caeId, 'access'), cut);
  const grants = accounts.flatMap(({ accountId, grants }) => grants.map((grant) => ({ accountId, ...grant })));
  show(
    main,
    heading(caeId, 'access'),
    caeTabs(caeId, 'access', cut.asOf),
    table(
      t('access'),
      [
        { title: t('accountId'), text: (g: (typeof grants)[number]) => g.accountId },
        { title: t('role'), text: (g) => (g.entrepreneurId ? `${g.role} (${g.entrepreneurId})` : g.role) },
        { title: t('grantedOn'), text: (g) => g.grantedOn },
        { title: t('endedOn'), text: (g) => g.endedOn ?? '' },
        { title: t('endReason'), text: (g) => g.endReason ?? '' },
      ],
      grants,
      `${caeId}-acces`,
      { search: true, pageSize: 25 },
    ),
  );
};

interface ClientsDirectory {
  clients: { clientId: string; kind: 'company' | 'individual' | 'public_body' | 'association'; name: string; siren: string | null; siret: string | null; vatNumber: string | null; address: { line1: string; line2?: string; postalCode: string; city: string; country?: string } | string | null; chorusServiceCode: string | null }[];
}

/** The client directory: who the CAE's invoices may name, with what e-invoicing needs of them. */
export const clientsPage = async (main: HTMLElement, caeId: string, cut: Cut): Promise<void> => {
  const { clients } = await get<ClientsDirectory>(path(caeId, 'clients'), cut);
  const addressOf = (a: (typeof clients)[number]['address']) => (a === null ? '' : typeof a === 'string' ? a : [a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country].filter(Boolean).join(', '));
  show(
    main,
    heading(caeId, 'clients'),
    caeTabs(caeId, 'clients', cut.asOf),
    table(
      t('clients'),
      [
        { title: t('clientId'), text: (c: (typeof clients)[number]) => c.clientId },
        { title: t('name'), text: (c) => c.name },
        { title: t('clientKind'), text: (c) => t(c.kind) },
        { title: 'SIREN', text: (c) => c.siren ?? '' },
        { title: 'SIRET', text: (c) => c.siret ?? '' },
        { title: 'TVA', text: (c) => c.vatNumber ?? '' },
        { title: t('address'), text: (c) => addressOf(c.address) },
        { title: t('chorusServiceCode'), text: (c) => c.chorusServiceCode ?? '' },
      ],
      clients,
      `${caeId}-clients`,
      { search: true, pageSize: 25 },
    ),
  );
};
