import { ApiError, get, remove, type Me } from './api.js';
import { h, show } from './dom.js';
import { lang, setLang, t } from './i18n.js';
import { accountPage } from './pages/account.js';
import { caePage } from './pages/cae.js';
import { accessPage, alertsPage, clientsPage, entrepreneursPage, invoicesPage, treasuryPage } from './pages/cae-books.js';
import { auditsPage } from './pages/audits.js';
import { formsPage } from './pages/forms.js';
import { loginPage } from './pages/login.js';
import { networkPage } from './pages/network.js';
import { maySend, setSession } from './session.js';

/**
 * The dashboard: who is asking (GET /api/session), then the page the address names, among those the role allows.
 * Pages read the query routes only.
 */
const header = document.querySelector('header')!;
const main = document.querySelector('main')!;

const isNetwork = (me: Me) => me.roles.includes('network_admin') || me.roles.includes('network_auditor');
const ownCae = (me: Me) => me.grants.find((grant) => grant.role === 'cae_staff')?.caeId;
const ownAccount = (me: Me) => me.grants.find((grant) => grant.role === 'entrepreneur');
const accountLink = (grant: { caeId?: string; entrepreneurId?: string }) => `#/account/${encodeURIComponent(grant.caeId!)}/${encodeURIComponent(grant.entrepreneurId!)}`;

/** Where a role lands when the address names no page. */
const home = (me: Me): string => {
  const account = ownAccount(me);
  return isNetwork(me) ? '#/network' : ownCae(me) !== undefined ? `#/cae/${ownCae(me)}` : account !== undefined ? accountLink(account) : '#/';
};

const navigation = (me: Me | undefined) => {
  const languageButton = h('button', { type: 'button', class: 'link', lang: lang() === 'fr' ? 'en' : 'fr', onclick: () => (setLang(lang() === 'fr' ? 'en' : 'fr'), location.reload()) }, t('language'));
  const account = me && ownAccount(me);
  const links =
    me === undefined
      ? []
      : [
          isNetwork(me) && h('a', { href: '#/network' }, t('network')),
          ownCae(me) !== undefined && h('a', { href: `#/cae/${ownCae(me)}` }, `${t('cae')} ${ownCae(me)}`),
          account !== undefined && h('a', { href: accountLink(account) }, t('account')),
        ];
  show(
    header,
    h('span', { class: 'brand' }, 'Alvéole'),
    h('nav', { 'aria-label': 'Navigation' }, ...links),
    me && h('span', { class: 'who' }, me.username),
    me && h('button', { type: 'button', class: 'link', onclick: async () => (await remove('/api/session'), location.assign('/')) }, t('logout')),
    languageButton,
  );
};

const route = async (): Promise<void> => {
  document.documentElement.lang = lang();
  document.title = t('title');
  let me: Me;
  // Without the session's readable companion cookie nobody is logged in: the login form, without asking.
  if (!/(?:^|;\s*)alveole_csrf=/.test(document.cookie)) {
    navigation(undefined);
    return loginPage(main, () => void route());
  }
  try {
    me = await get<Me>('/api/session');
  } catch (failure) {
    if (!(failure instanceof ApiError && failure.status === 401)) throw failure;
    navigation(undefined);
    return loginPage(main, () => void route());
  }
  setSession(me);
  navigation(me);
  const [path, query = ''] = location.hash.slice(1).split('?');
  const parameters = new URLSearchParams(query);
  const parts = (path ?? '').split('/').filter(Boolean).map(decodeURIComponent);
  show(main, h('p', { role: 'status' }, t('loading')));
  try {
    const asOf = parameters.get('asOf') ?? undefined;
    if (parts[0] === 'network' && isNetwork(me)) return await networkPage(main);
    const books = { entrepreneurs: entrepreneursPage, alerts: alertsPage, invoices: invoicesPage, clients: clientsPage, treasury: treasuryPage, access: accessPage };
    if (parts[0] === 'cae' && parts[1] !== undefined && parts[2] === 'forms')
      return maySend(parts[1]) ? await formsPage(main, parts[1], parts[3]) : show(main, h('p', { class: 'error', role: 'alert' }, t('forbidden')));
    if (parts[0] === 'cae' && parts[1] !== undefined && parts[2] === 'audits') return await auditsPage(main, parts[1], isNetwork(me), parts[3]);
    if (parts[0] === 'cae' && parts[1] !== undefined && parts[2] !== undefined && parts[2] in books)
      return await books[parts[2] as keyof typeof books](main, parts[1], asOf === undefined ? {} : { asOf });
    if (parts[0] === 'cae' && parts[1] !== undefined) {
      const year = parameters.get('year');
      return await caePage(main, parts[1], { ...(year !== null && { year: Number(year) }), ...(parameters.get('asOf') !== null && { asOf: parameters.get('asOf')! }) });
    }
    if (parts[0] === 'account' && parts[1] !== undefined && parts[2] !== undefined)
      return await accountPage(main, parts[1], parts[2], ownAccount(me)?.entrepreneurId === parts[2] && ownAccount(me)?.caeId === parts[1], asOf === undefined ? {} : { asOf });
    if (home(me) !== '#/' && location.hash !== home(me)) return location.replace(home(me));
    show(main, h('p', {}, t('nothingHere')));
  } catch (failure) {
    show(main, h('p', { class: 'error', role: 'alert' }, failure instanceof ApiError && failure.status === 403 ? t('forbidden') : `${t('failed')} : ${(failure as Error).message}`));
  }
};

window.addEventListener('hashchange', () => void route());
void route();
