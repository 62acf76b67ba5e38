import { h } from './dom.js';
import { t } from './i18n.js';

/** The page's as-of date: empty for today; changing it opens the address `addressOf` gives for the new date. */
export const asOfPicker = (asOf: string | undefined, addressOf: (asOf: string | undefined) => string): HTMLElement[] => [
  h('label', { for: 'as-of' }, t('asOf')),
  h('input', { id: 'as-of', type: 'date', value: asOf ?? '', 'aria-describedby': 'as-of-hint', onchange: (e) => (location.hash = addressOf((e.target as HTMLInputElement).value || undefined)) }),
  h('small', { id: 'as-of-hint' }, t('asOfHint')),
];
