import { asOfPicker } from '../as-of.js';
import { h } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';
import { maySend } from '../session.js';

/** The pages of a CAE, one link each (the current one marked for screen readers), and the date they are as of. */
export const CAE_PAGES: { path: string; key: MessageKey }[] = [
  { path: '', key: 'statistics' },
  { path: 'entrepreneurs', key: 'entrepreneurs' },
  { path: 'alerts', key: 'alerts' },
  { path: 'invoices', key: 'invoices' },
  { path: 'clients', key: 'clients' },
  { path: 'treasury', key: 'treasury' },
  { path: 'access', key: 'access' },
  { path: 'audits', key: 'audits' },
  { path: 'forms', key: 'forms' },
];

const address = (caeId: string, path: string, asOf: string | undefined) =>
  `#/cae/${encodeURIComponent(caeId)}${path ? `/${path}` : ''}${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`;

export const caeTabs = (caeId: string, current: string, asOf: string | undefined): HTMLElement =>
  h(
    'div',
    { class: 'controls' },
    h(
      'nav',
      { class: 'tabs', 'aria-label': `${t('cae')} ${caeId}` },
      ...CAE_PAGES.filter(({ path }) => path !== 'forms' || maySend(caeId)).map(({ path, key }) => h('a', { href: address(caeId, path, asOf), 'aria-current': path === current ? 'page' : undefined }, t(key))),
    ),
    ...asOfPicker(asOf, (next) => address(caeId, current, next)),
  );
