import { h, clear } from '../dom.js';
import { api, enc } from '../api.js';
import { t } from '../i18n.js';
import { app, main, titled } from '../main.js';

export async function startPage() {
  titled(t('start.title'));
  const [territories] = await Promise.all([api('/territories'), app.ready]);
  const cards = await Promise.all(territories.map(async (tr) => {
    const internal = app.session.authenticated && (app.session.territories || []).some((x) => x === tr.key || x === '*');
    const open = tr.live || internal;
    const levels = open ? await api(`/territories/${enc(tr.key)}/levels`).catch(() => []) : [];
    return h('li', { class: 'karte-gebiet' },
      h('h3', {}, open ? h('a', { href: `/${tr.key}` }, tr.name) : tr.name),
      h('p', { class: 'art' }, kind(tr.kind) + (tr.ags ? ` · ${t('start.ags')} ${tr.ags}` : '')),
      open ? h('p', {}, t('start.levels'), ': ',
        levels.filter((l) => l.geometry_kind !== 'point').map((l) => `${l.name_plural || l.name} (${l.units})`).join(', ')) : null,
      h('p', {}, t(tr.published === 1 ? 'start.published1' : 'start.published', tr.published)),
      tr.live ? null : h('p', { class: 'hinweis' }, t('start.notOpen', tr.published, tr.min_published)),
      !tr.live && internal ? h('p', { class: 'intern-text' }, t('start.internalOnly')) : null,
      h('p', { class: 'quelle' }, t('start.source'), ': ', tr.attribution || '–'));
  }));
  clear(main(),
    h('h1', {}, t('start.title')),
    h('p', { class: 'lead' }, t('start.lead')),
    h('h2', {}, t('start.territories')),
    h('ul', { class: 'gebiete' }, cards),
    h('section', { 'aria-labelledby': 'was' },
      h('h2', { id: 'was' }, t('start.what')),
      h('p', {}, t('start.what1')),
      h('p', {}, t('start.what2'))),
    h('section', { 'aria-labelledby': 'lizenzen' },
      h('h2', { id: 'lizenzen' }, t('start.licences')),
      h('ul', {}, territories.map((tr) => h('li', {}, h('strong', {}, tr.name), ': ', tr.attribution || '–'))),
      h('p', {}, t('start.licenceNote'))));
}

/** The territory kind in words; a kind without a text shows as it is stored. */
function kind(k) {
  const text = t(`kind.${k}`);
  return text === `kind.${k}` ? String(k || '') : text;
}
