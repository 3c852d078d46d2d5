// The admin console (internal area): /verwaltung lists the territories a user administers or edits,
// /{territory}/verwaltung/{section}/… shows one section. A section sees only what the user's grants
// allow (access.js); every act goes through the admin and import API, which checks the rights again.
import { h, clear } from '../../dom.js';
import { api, enc } from '../../api.js';
import { t } from '../../i18n.js';
import { app, main, titled, navigate } from '../../main.js';
import { rolesIn, consoleTerritories } from './access.js';
import { sections } from './sections.js';
import { newTerritoryForm } from './users-territory.js';

async function signedIn() {
  await app.ready;
  if (!app.session.authenticated) {
    navigate(`/anmelden?weiter=${enc(location.pathname + location.search)}`, { replace: true });
    return false;
  }
  return true;
}

export async function adminHome() {
  if (!await signedIn()) return;
  titled(t('admin.title'));
  const all = await api('/territories').catch(() => []);
  const keys = consoleTerritories(app.session, all.map((x) => x.key));
  const names = new Map(all.map((x) => [x.key, x.name]));
  clear(main(),
    h('p', { class: 'pfad' }, h('a', { href: '/' }, t('nav.home')), ' › ', t('admin.title')),
    h('h1', {}, t('admin.title')),
    keys.length
      ? h('ul', { class: 'gebiete' }, keys.map((k) => h('li', { class: 'karte-gebiet' },
        h('h2', { class: 'klein-titel' }, h('a', { href: `/${k}/verwaltung` }, names.get(k) || k)))))
      : h('p', { class: 'hinweis' }, t('admin.none')),
    // a new territory: global administrators only (the API refuses everyone else)
    app.session.global_admin ? newTerritoryForm(() => app.session.csrf) : null);
  main().dataset.ready = 'admin';
}

/**
 * @param rest the path after the section (e.g. a batch id), decoded, possibly empty
 * Sections get ctx = { key, territory (API object), roles, session, rest, container, csrf() }.
 */
export async function adminPage(key, path, rest) {
  if (!await signedIn()) return;
  const roles = rolesIn(app.session, key);
  const territory = await api(`/territories/${enc(key)}`);
  const visible = sections.filter((s) => s.allowed(roles));
  const section = path ? sections.find((s) => s.path === path) : null;
  if (!visible.length || (path && !section)) {
    throw Object.assign(new Error(visible.length ? t('error.page') : t('admin.forbidden')), { status: visible.length ? 404 : 403 });
  }
  const nav = h('nav', { class: 'verwaltung-nav', 'aria-label': t('admin.nav') },
    h('ul', {}, visible.map((s) => h('li', {},
      h('a', { href: `/${key}/verwaltung/${s.path}`, 'aria-current': s === section ? 'page' : null }, t(s.title))))));
  const container = h('div', { class: 'verwaltung-inhalt' });
  const heading = section ? t(section.title) : t('admin.title');
  titled(`${heading} – ${territory.name}`);
  clear(main(),
    h('p', { class: 'pfad' }, h('a', { href: '/' }, t('nav.home')), ' › ', h('a', { href: `/${key}` }, territory.name), ' › ',
      section ? h('a', { href: `/${key}/verwaltung` }, t('admin.title')) : t('admin.title'),
      section ? ` › ${heading}` : ''),
    h('h1', {}, heading, h('span', { class: 'unterzeile' }, territory.name)),
    h('div', { class: 'verwaltung' }, nav, container));
  if (!section) {
    container.append(h('ul', { class: 'indikatoren' }, visible.map((s) => h('li', { class: 'indikator' },
      h('a', { href: `/${key}/verwaltung/${s.path}` }, t(s.title)), h('p', {}, t(`${s.title}.lead`))))));
    main().dataset.ready = 'admin';
    return;
  }
  if (!section.allowed(roles)) throw Object.assign(new Error(t('admin.forbidden')), { status: 403 });
  await section.render({ key, territory, roles, session: app.session, rest, container, csrf: () => app.session.csrf });
  main().dataset.ready = `admin-${section.path}`;
}
