// Comparison of two to five units on the indicators a user picks: table and chart side by side.
import { h, clear, url } from '../dom.js';
import { api, enc } from '../api.js';
import { t } from '../i18n.js';
import { main, titled, setQuery } from '../main.js';
import { groupBars } from '../charts.js';

const MAX = 5;

export async function comparisonPage(territory) {
  const base = `/territories/${enc(territory)}`;
  const [tr, levels, indicators] = await Promise.all([api(base), api(`${base}/levels`), api(`${base}/indicators`)]);
  titled(t('compare.title'));
  const q = new URLSearchParams(location.search);
  const areaLevels = levels.filter((l) => l.geometry_kind !== 'point');
  const state = {
    units: (q.get('gebiete') || '').split(',').filter(Boolean).slice(0, MAX),
    indicators: (q.get('indikatoren') || '').split(',').filter((k) => indicators.some((i) => i.key === k)),
    level: areaLevels[areaLevels.length - 1]?.key,
  };
  if (!state.indicators.length) state.indicators = indicators.filter((i) => i.kind !== 'count').slice(0, 4).map((i) => i.key);
  const allUnits = await api(`${base}/units`);
  const unitName = (c) => allUnits.find((u) => u.code === c)?.name || c;

  const levelSelect = h('select', { id: 'vergleich-ebene' }, areaLevels.map((l) => h('option', { value: l.key, selected: l.key === state.level }, l.name_plural || l.name)));
  const unitSelect = h('select', { id: 'vergleich-gebiet' });
  const fillUnits = () => clear(unitSelect, allUnits.filter((u) => u.level === levelSelect.value).map((u) => h('option', { value: u.code }, `${u.name} (${u.code})`)));
  fillUnits();
  levelSelect.addEventListener('change', fillUnits);
  const chosen = h('ul', { class: 'chips', 'aria-live': 'polite' });
  const result = h('div', { class: 'vergleich-ergebnis' });
  const message = h('p', { role: 'status', class: 'meldung' });
  const addButton = h('button', { type: 'button' }, t('compare.add'));
  const boxes = h('fieldset', { class: 'indikator-wahl' }, h('legend', {}, t('compare.indicators')),
    indicators.map((i) => h('label', {}, h('input', { type: 'checkbox', value: i.key, checked: state.indicators.includes(i.key),
      onchange: (e) => {
        state.indicators = indicators.map((x) => x.key).filter((k) => (k === i.key ? e.target.checked : state.indicators.includes(k)));
        update();
      } }), ' ', i.short_title || i.title)));

  addButton.addEventListener('click', () => {
    const c = unitSelect.value;
    if (state.units.includes(c)) message.textContent = t('compare.already', unitName(c));
    else if (state.units.length >= MAX) message.textContent = t('compare.max', MAX);
    else { state.units.push(c); message.textContent = t('compare.added', unitName(c)); update(); }
  });

  async function update() {
    setQuery({ gebiete: state.units, indikatoren: state.indicators });
    clear(chosen, state.units.map((c) => h('li', {}, unitName(c), ' ',
      h('button', { type: 'button', class: 'leise', 'aria-label': t('compare.remove', unitName(c)), onclick: () => {
        state.units = state.units.filter((x) => x !== c);
        message.textContent = t('compare.removed', unitName(c));
        update();
      } }, '×'))));
    if (state.units.length < 2 || !state.indicators.length) {
      clear(result, h('p', {}, t('compare.hint')));
      return;
    }
    const profiles = await Promise.all(state.units.map((c) => api(`${base}/units/${enc(c)}/profile`)));
    const entry = (p, key) => p.themes.flatMap((th) => th.indicators).find((e) => e.indicator === key);
    const total = profiles[0].total;
    const chosenInds = indicators.filter((i) => state.indicators.includes(i.key));
    clear(result,
      h('div', { class: 'nebeneinander' },
        h('table', { class: 'tabelle vergleich' },
          h('caption', {}, t('compare.caption', state.units.map(unitName).join(', '))),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('profile.indicator')),
            profiles.map((p) => h('th', { scope: 'col' }, h('a', { href: `/${territory}/gebiet/${enc(p.unit.code)}` }, p.unit.name))), total ? h('th', { scope: 'col' }, total.name) : null)),
          h('tbody', {}, chosenInds.map((i) => h('tr', {}, h('th', { scope: 'row' }, i.title, i.unit_label && i.unit_label !== 'Anzahl' ? ` (${i.unit_label})` : '',
            h('span', { class: 'klein block' }, String(entry(profiles[0], i.key)?.period_label ?? entry(profiles[0], i.key)?.period ?? ''))),
          profiles.map((p) => {
            const e = entry(p, i.key);
            return h('td', { class: 'zahl' }, e ? e.formatted : 'x', e?.einordnung ? h('span', { class: `klein block einordnung ${e.einordnung.tendency}` }, e.einordnung.text) : null);
          }),
          total ? h('td', { class: 'zahl' }, entry(profiles[0], i.key)?.territory_formatted ?? 'x') : null)))),
        h('div', { class: 'diagramme' }, chosenInds.map((i) => h('figure', {},
          h('figcaption', {}, i.short_title || i.title, i.unit_label && i.unit_label !== 'Anzahl' ? ` (${i.unit_label})` : ''),
          groupBars([...profiles.map((p) => ({ name: p.unit.name, value: entry(p, i.key)?.value ?? null, formatted: entry(p, i.key)?.formatted ?? 'x' })),
            ...(total ? [{ name: total.name, value: entry(profiles[0], i.key)?.series.find((s) => String(s.period) === String(entry(profiles[0], i.key)?.period))?.territory_value ?? null,
              formatted: entry(profiles[0], i.key)?.territory_formatted ?? 'x' }] : [])],
          t('compare.chartLabel', i.title)))))),
      h('p', {}, h('a', { class: 'knopf', id: 'download-vergleich-pdf', download: '',
        href: url(`/api/v1${base}/reports/comparison`, { units: state.units, indicators: state.indicators, format: 'pdf' }) }, t('compare.pdf'))));
  }

  clear(main(),
    h('p', { class: 'pfad' }, h('a', { href: '/' }, t('nav.home')), ' › ', h('a', { href: `/${territory}` }, tr.name), ' › ', t('compare.title')),
    h('h1', {}, t('compare.title')),
    h('p', { class: 'lead' }, t('compare.lead', MAX)),
    h('div', { class: 'werkzeuge' },
      h('div', {}, h('label', { for: 'vergleich-ebene' }, t('indicator.level')), levelSelect),
      h('div', {}, h('label', { for: 'vergleich-gebiet' }, t('compare.unit')), unitSelect, addButton),
      h('div', {}, h('h2', { class: 'klein-titel' }, t('compare.chosen')), chosen, message)),
    boxes,
    result);
  await update();
}
