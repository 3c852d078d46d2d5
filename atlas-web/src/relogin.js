// The login asked again when a session expired while a form was open: a modal dialog over the page, so
// the form keeps what was typed; afterwards the form is sent once more with the new session's token.
import { h } from './dom.js';
import { t } from './i18n.js';

/**
 * @param refreshSession main.js's session reader ({csrf:true} starts an anonymous session with a token)
 * @returns the new session's CSRF token, or null when the user cancels
 */
export function relogin(refreshSession, lastLogin) {
  return new Promise((resolve) => {
    const message = h('p', { role: 'alert', class: 'fehler' });
    const user = h('input', { id: 'relogin-benutzer', name: 'username', autocomplete: 'username', required: true, value: lastLogin || '' });
    const password = h('input', { id: 'relogin-kennwort', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const dialog = h('dialog', { class: 'relogin', 'aria-labelledby': 'relogin-titel' });
    const close = (value) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    const form = h('form', { class: 'formular', onsubmit: async (e) => {
      e.preventDefault();
      const anon = await refreshSession({ csrf: true });
      const body = new URLSearchParams({ username: user.value, password: password.value });
      if (anon.csrf) body.set(anon.csrf.parameter, anon.csrf.token);
      const r = await fetch('/login', { method: 'POST', body, credentials: 'same-origin' }).catch(() => null);
      const s = r && !r.url.includes('fehler') ? await refreshSession() : { authenticated: false };
      if (!s.authenticated) {
        message.textContent = t('relogin.failed');
        password.value = '';
        password.focus();
        return;
      }
      close(s.csrf || null);
    } },
    h('h2', { id: 'relogin-titel' }, t('relogin.title')),
    h('p', {}, t('relogin.lead')),
    h('div', {}, h('label', { for: 'relogin-benutzer' }, t('login.user')), user),
    h('div', {}, h('label', { for: 'relogin-kennwort' }, t('login.password')), password),
    message,
    h('p', { class: 'knoepfe' }, h('button', { type: 'submit' }, t('login.submit')),
      h('button', { type: 'button', class: 'leise', onclick: () => close(null) }, t('relogin.cancel'))));
  dialog.append(form);
  dialog.addEventListener('cancel', (e) => { e.preventDefault(); close(null); });
  document.body.append(dialog);
  dialog.showModal();
  (lastLogin ? password : user).focus();
  });
}
