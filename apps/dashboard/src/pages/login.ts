import { ApiError, post } from '../api.js';
import { h, show } from '../dom.js';
import { t } from '../i18n.js';

/** The login form: a refusal is said next to the form. */
export const loginPage = (main: HTMLElement, done: () => void): void => {
  const error = h('p', { class: 'error', role: 'alert', id: 'login-error' });
  const form = h(
    'form',
    { class: 'card login', 'aria-describedby': 'login-error' },
    h('h1', {}, t('login')),
    h('label', { for: 'username' }, t('username')),
    h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true }),
    h('label', { for: 'password' }, t('password')),
    h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    h('button', { type: 'submit' }, t('login')),
    error,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    try {
      await post('/api/session', { username: data.get('username'), password: data.get('password') });
      done();
    } catch (failure) {
      show(error, failure instanceof ApiError && failure.code === 'INVALID_CREDENTIALS' ? t('wrongCredentials') : String((failure as Error).message));
    }
  });
  show(main, form);
};
