import { h, clear } from '../dom.js';
import { api, enc } from '../api.js';
import { t } from '../i18n.js';
import { main, titled, navigate } from '../main.js';
import { periods } from '../periods.js';

/** The indicator catalogue of a territory as a theme tree, with a search over titles and definitions. */
export async function territoryPage(key) {
  const [tr, indicators, levels] = await Promise.all([api(`/territories/${enc(key)}`), api(`/territories/${enc(key)}/indicators`),
    api(`/territories/${enc(key)}/levels`)]);
  titled(tr.name);
  const themes = new Map();
  for (const ind of indicators) {
    if (!themes.has(ind.theme)) themes.set(ind.theme, { title: ind.theme_title, items: [] });
    themes.get(ind.theme).items.push(ind);
  }
  // the first indicator of each theme (the catalogue's order) is its headline indicator
  const headline = [...themes.values()].map((th) => th.items[0]);
  const list = h('div', { class: 'katalog' });
  const status = h('p', { role: 'status', class: 'treffer' });
  const search = h('input', { type: 'search', id: 'suche', autocomplete: 'off', placeholder: t('territory.searchHint') });
  const finest = levels.filter((l) => l.geometry_kind !== 'point').slice(-1)[0];
  const item = (ind) => {
    const ps = periods(ind);
    return h('li', { class: 'indikator', dataset: { text: `${ind.title} ${ind.short_title || ''} ${ind.definition || ''}`.toLowerCase() } },
      h('a', { href: `/${key}/indikator/${ind.key}` }, ind.title),
      ind.visibility === 'internal' ? h('span', { class: 'marke-intern' }, t('internal.badge')) : null,
      h('p', {}, ind.definition || ''),
      h('p', { class: 'klein' }, ps.length ? t('territory.periods', ps[0].label, ps[ps.length - 1].label) : t('territory.noPeriods'),
        ind.unit_label ? ` · ${t('territory.unit')}: ${ind.unit_label}` : ''));
  };
  const draw = () => {
    const q = search.value.trim().toLowerCase();
    let n = 0;
    clear(list,
      q ? null : h('section', { 'aria-labelledby': 'leit' }, h('h2', { id: 'leit' }, t('territory.headline')),
        h('ul', { class: 'indikatoren leit' }, headline.map(item))),
      [...themes.entries()].map(([k, th]) => {
        const items = th.items.filter((i) => !q || (`${i.title} ${i.short_title || ''} ${i.definition || ''}`.toLowerCase().includes(q)));
        n += items.length;
        if (!items.length) return null;
        return h('section', { 'aria-labelledby': `thema-${k}` },
          h('h2', { id: `thema-${k}` }, th.title), h('ul', { class: 'indikatoren' }, items.map(item)));
      }));
    status.textContent = q ? t('territory.found', n) : t('territory.count', indicators.length);
  };
  search.addEventListener('input', draw);
  draw();
  const units = finest ? await api(`/territories/${enc(key)}/units?level=${enc(finest.key)}`).catch(() => []) : [];
  const unitSelect = h('select', { id: 'gebiet-wahl' }, units.map((u) => h('option', { value: u.code }, `${u.name} (${u.code})`)));
  clear(main(),
    h('p', { class: 'pfad' }, h('a', { href: '/' }, t('nav.home')), ' › ', tr.name),
    h('div', { class: 'gebiet-kopf' }, logo(key, tr), h('h1', {}, tr.name)),
    tr.live ? null : h('p', { class: 'hinweis' }, t('start.notOpen', tr.published, tr.min_published), ' ', t('start.internalOnly')),
    h('div', { class: 'werkzeuge' },
      h('div', {}, h('label', { for: 'suche' }, t('territory.search')), search, status),
      units.length ? h('form', { class: 'gebiet-form', onsubmit: (e) => {
        e.preventDefault();
        navigate(`/${key}/gebiet/${enc(unitSelect.value)}`);
      } }, h('label', { for: 'gebiet-wahl' }, t('territory.profile', finest.name)), unitSelect,
      h('button', { type: 'submit' }, t('territory.openProfile'))) : null,
      h('p', {}, h('a', { href: `/${key}/vergleich` }, t('territory.compare')))),
    list,
    h('p', { class: 'quelle' }, t('start.source'), ': ', tr.attribution || '–'));
}

/** The territory's logo uploaded in the admin console (settings.report.logo "upload:<version>"), if any. */
function logo(key, tr) {
  const spec = tr.settings?.report?.logo;
  if (typeof spec !== 'string' || !spec.startsWith('upload:')) return null;
  return h('img', { class: 'gebiet-logo', src: `/api/v1/territories/${enc(key)}/logo?v=${enc(spec.slice(7))}`,
    alt: t('territory.logo', tr.settings.report.name || tr.name) });
}
