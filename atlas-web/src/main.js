import './style.css';
import { h, clear } from './dom.js';
import { api, forget, onSessionExpired } from './api.js';
import { t, initLanguage, language, setLanguage } from './i18n.js';
import { startPage } from './pages/start.js';
import { territoryPage } from './pages/territory.js';
import { indicatorPage } from './pages/indicator.js';
import { profilePage } from './pages/profile.js';
import { comparisonPage } from './pages/comparison.js';
import { loginPage, passwordPage } from './pages/login.js';
import { adminHome, adminPage } from './pages/admin/console.js';
import { usesConsole } from './pages/admin/access.js';
import { relogin } from './relogin.js';

/** The session (who the browser is, the CSRF token of its forms), read once per page load. */
export const app = { session: { authenticated: false }, cleanup: null, ready: null };

const routes = [
  [/^\/$/, () => startPage()],
  [/^\/(anmelden|login)$/, () => loginPage()],
  [/^\/passwort$/, () => passwordPage()],
  [/^\/verwaltung$/, () => adminHome()],
  [/^\/([a-z0-9][a-z0-9-]*)\/verwaltung(?:\/([a-z-]+)((?:\/[^/]+)*))?$/,
    (m) => adminPage(m[1], m[2] || null, (m[3] || '').split('/').filter(Boolean).map(decodeURIComponent))],
  [/^\/([a-z0-9][a-z0-9-]*)$/, (m) => territoryPage(m[1])],
  [/^\/([a-z0-9][a-z0-9-]*)\/indikator\/([^/]+)$/, (m) => indicatorPage(m[1], decodeURIComponent(m[2]))],
  [/^\/([a-z0-9][a-z0-9-]*)\/gebiet\/([^/]+)$/, (m) => profilePage(m[1], decodeURIComponent(m[2]))],
  [/^\/([a-z0-9][a-z0-9-]*)\/vergleich$/, (m) => comparisonPage(m[1])],
];

export function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  render();
}

/** Updates the address (a permalink) without re-rendering the page. */
export function setQuery(params) {
  const q = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)) q.delete(k);
    else q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = q.toString();
  history.replaceState(null, '', location.pathname + (s ? `?${s}` : ''));
}

export function main() {
  return document.getElementById('inhalt');
}

/** Sets the page title and moves focus to the new content (screen readers announce the change). */
export function titled(title) {
  document.title = `${title} – Chancenatlas`;
}

async function render() {
  if (app.cleanup) {
    app.cleanup();
    app.cleanup = null;
  }
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const el = main();
  for (const [re, page] of routes) {
    const m = path.match(re);
    if (m) {
      clear(el, h('p', { class: 'laedt', role: 'status' }, t('loading')));
      try {
        await page(m);
      } catch (e) {
        showError(e);
      }
      return;
    }
  }
  showError({ status: 404, message: t('error.page') });
}

export function showError(e) {
  titled(t('error.title'));
  clear(main(), h('h1', {}, e.status === 404 ? t('error.notFound') : t('error.title')),
    h('p', { role: 'alert' }, e.message || String(e)),
    h('p', {}, h('a', { href: '/' }, t('nav.home'))));
}

function header() {
  const nav = document.getElementById('nav');
  const konto = document.getElementById('konto');
  const s = app.session;
  clear(nav, h('a', { href: '/' }, t('nav.home')),
    s.authenticated && usesConsole(s) ? [' ', h('a', { href: '/verwaltung', class: 'nav-verwaltung' }, t('admin.title'))] : null);
  const langButton = h('button', { type: 'button', class: 'leise', lang: language() === 'de' ? 'en' : 'de',
    onclick: () => { setLanguage(language() === 'de' ? 'en' : 'de'); header(); footer(); render(); } },
  language() === 'de' ? 'English' : 'Deutsch');
  if (s.authenticated) {
    const csrf = s.csrf ? h('input', { type: 'hidden', name: s.csrf.parameter, value: s.csrf.token }) : null;
    clear(konto,
      h('span', { class: 'intern', role: 'note' }, t('internal.marker')),
      h('span', { class: 'wer' }, s.display_name || s.login),
      h('form', { method: 'post', action: '/logout', class: 'abmelden' }, csrf, h('button', { type: 'submit' }, t('nav.logout'))),
      langButton);
    document.body.classList.add('ist-intern');
  } else {
    clear(konto, h('a', { href: '/anmelden' }, t('nav.login')), langButton);
    document.body.classList.remove('ist-intern');
  }
}

function footer() {
  clear(document.getElementById('fuss'),
    h('p', {}, t('footer.text'), ' ', h('a', { href: '/api/v1/docs' }, t('footer.api')), ' · ',
      h('a', { href: '/ows?SERVICE=WMS&REQUEST=GetCapabilities' }, t('footer.ows'))));
}

/** @param csrf also for an anonymous visitor (the login form): the token starts a server session */
export async function refreshSession({ csrf = false } = {}) {
  forget();
  app.session = await api(csrf ? '/session?csrf=1' : '/session', { fresh: true }).catch(() => ({ authenticated: false }));
  header();
  return app.session;
}

document.addEventListener('click', (e) => {
  const a = e.target.closest && e.target.closest('a');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const href = a.getAttribute('href');
  if (!href || !href.startsWith('/') || a.hasAttribute('download') || a.target
      || /^\/(api|ows|[a-z0-9-]+\/ows|logout|login)([/?]|$)/.test(href)) return;
  e.preventDefault();
  navigate(href);
  main().focus({ preventScroll: false });
});
window.addEventListener('popstate', render);

async function start() {
  initLanguage();
  onSessionExpired(() => relogin(refreshSession, app.session.login));
  footer();
  header();
  // the page and the session load side by side; a one-time password sends the user to its change
  app.ready = refreshSession();
  render();
  await app.ready;
  if (app.session.must_change_password && location.pathname !== '/passwort') {
    navigate('/passwort', { replace: true });
    return;
  }
  // back to the page that asked for the login (the admin console sends its address along)
  const back = (() => { try { return sessionStorage.getItem('atlas.weiter'); } catch { return null; } })();
  if (back && app.session.authenticated) {
    sessionStorage.removeItem('atlas.weiter');
    if (location.pathname === '/') navigate(back, { replace: true });
  }
}
start();
