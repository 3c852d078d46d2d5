// The internal area's German login page and the change of a one-time password. Both forms carry the
// session's CSRF token; the login posts to Spring Security's /login, the password change to the API.
import { h, clear } from '../dom.js';
import { send } from '../api.js';
import { t } from '../i18n.js';
import { app, main, titled, refreshSession, navigate } from '../main.js';

export async function loginPage() {
  titled(t('login.title'));
  const s = await refreshSession({ csrf: true });
  const failed = new URLSearchParams(location.search).has('fehler');
  // a same-site address to return to after the login (main.js goes there once signed in)
  const back = new URLSearchParams(location.search).get('weiter');
  if (back && /^\/[a-z0-9]/.test(back)) {
    try { sessionStorage.setItem('atlas.weiter', back); } catch { /* private mode */ }
  }
  if (s.authenticated) {
    clear(main(), h('h1', {}, t('login.title')), h('p', {}, t('login.already', s.display_name || s.login)), h('p', {}, h('a', { href: '/' }, t('nav.home'))));
    return;
  }
  clear(main(),
    h('h1', {}, t('login.title')),
    h('p', { class: 'lead' }, t('login.lead')),
    failed ? h('p', { class: 'fehler', role: 'alert' }, t('login.failed')) : null,
    new URLSearchParams(location.search).has('geaendert') ? h('p', { class: 'erfolg', role: 'status' }, t('password.done')) : null,
    new URLSearchParams(location.search).has('abgemeldet') ? h('p', { role: 'status' }, t('login.loggedOut')) : null,
    h('form', { method: 'post', action: '/login', class: 'formular', id: 'anmelden' },
      s.csrf ? h('input', { type: 'hidden', name: s.csrf.parameter, value: s.csrf.token }) : null,
      h('div', {}, h('label', { for: 'benutzer' }, t('login.user')),
        h('input', { id: 'benutzer', name: 'username', autocomplete: 'username', required: true, autofocus: true })),
      h('div', {}, h('label', { for: 'kennwort' }, t('login.password')),
        h('input', { id: 'kennwort', name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
      h('button', { type: 'submit' }, t('login.submit'))),
    h('p', { class: 'klein' }, t('login.note')));
}

export async function passwordPage() {
  titled(t('password.title'));
  const s = await refreshSession();
  if (!s.authenticated) {
    navigate('/anmelden', { replace: true });
    return;
  }
  const message = h('p', { role: 'status', class: 'meldung' });
  const old = h('input', { id: 'altes', type: 'password', autocomplete: 'current-password', required: true });
  const neu = h('input', { id: 'neues', type: 'password', autocomplete: 'new-password', required: true, minlength: 10, 'aria-describedby': 'regel' });
  const again = h('input', { id: 'wiederholung', type: 'password', autocomplete: 'new-password', required: true });
  const form = h('form', { class: 'formular', id: 'passwort-form', onsubmit: async (e) => {
    e.preventDefault();
    if (neu.value !== again.value) {
      message.textContent = t('password.mismatch');
      message.className = 'fehler';
      again.focus();
      return;
    }
    try {
      await send('POST', '/me/password', { old_password: old.value, new_password: neu.value }, app.session.csrf);
      // the session still holds the old account: sign out, and in again with the new password
      await fetch('/logout', { method: 'POST', credentials: 'same-origin', headers: { [app.session.csrf.header]: app.session.csrf.token } });
      await refreshSession();
      navigate('/anmelden?geaendert');
    } catch (err) {
      message.className = 'fehler';
      message.textContent = err.message;
    }
  } },
  h('div', {}, h('label', { for: 'altes' }, t(s.must_change_password ? 'password.oneTime' : 'password.old')), old),
  h('div', {}, h('label', { for: 'neues' }, t('password.new')), neu, h('p', { id: 'regel', class: 'klein' }, t('password.rule'))),
  h('div', {}, h('label', { for: 'wiederholung' }, t('password.again')), again),
  h('button', { type: 'submit' }, t('password.submit')));
  clear(main(), h('h1', {}, t('password.title')),
    s.must_change_password ? h('p', { class: 'hinweis' }, t('password.mustChange')) : null,
    form, message);
}
