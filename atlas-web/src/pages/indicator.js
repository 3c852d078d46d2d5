// The indicator view: map, legend, ranking, table, time series and Steckbrief of one indicator on one
// level in one period, linked (hovering or selecting a unit highlights it everywhere), with downloads.
import { h, clear, url } from '../dom.js';
import { api, enc } from '../api.js';
import { t } from '../i18n.js';
import { app, main, titled, setQuery } from '../main.js';
import { periods } from '../periods.js';
import { atlasMap, wfsUrl, periodFilter } from '../map.js';
import { rankingChart, lineChart } from '../charts.js';
import { historyLink } from './admin/batches.js';

const POLARITY = { higher_is_better: 'polarity.higher', higher_is_worse: 'polarity.lower', neutral: 'polarity.neutral' };

export async function indicatorPage(territory, key) {
  const base = `/territories/${enc(territory)}`;
  const [tr, ind, allLevels] = await Promise.all([api(base), api(`${base}/indicators/${enc(key)}`), api(`${base}/levels`), app.ready]);
  titled(ind.title);
  const ps = periods(ind);
  // the levels the viewer has a map layer for: public ones as published, staff all area levels
  const levels = allLevels.filter((l) => l.geometry_kind !== 'point'
    && (!ind.published_levels || !ind.published_levels.length || ind.published_levels.includes(l.key)));
  const q = new URLSearchParams(location.search);
  const state = {
    level: levels.find((l) => l.key === q.get('ebene')) ? q.get('ebene') : levels[levels.length - 1]?.key,
    period: ps.find((p) => p.key === q.get('zeitraum')) ? q.get('zeitraum') : ps[ps.length - 1]?.key,
    selected: (q.get('auswahl') || '').split(',').filter(Boolean).slice(0, 5),
    hover: null,
    sort: { by: 'rank', dir: 1 },
    table: null,
  };
  if (!state.level || !state.period) {
    clear(main(), h('h1', {}, ind.title), h('p', {}, t('indicator.noValues')));
    return;
  }
  const levelOf = (k) => allLevels.find((l) => l.key === k);
  const plural = (k) => levelOf(k)?.name_plural || levelOf(k)?.name || k;
  const parentLevel = (k) => {
    const i = allLevels.findIndex((l) => l.key === k);
    return i > 0 ? allLevels[i - 1] : null;
  };
  const label = (k) => ps.find((p) => p.key === String(k))?.label ?? String(k ?? '');
  // WMS TIME: the period's Stichtag where the API gives one (exact for half-years and school years), else its key
  const wmsTime = (k) => ps.find((p) => p.key === String(k))?.stichtag || String(k);

  // ---- controls -------------------------------------------------------------------------------
  const levelSelect = h('select', { id: 'ebene' }, levels.map((l) => h('option', { value: l.key, selected: l.key === state.level }, l.name_plural || l.name)));
  const slider = h('input', { type: 'range', id: 'zeitraum', min: 0, max: ps.length - 1, step: 1,
    value: ps.findIndex((p) => p.key === state.period), 'aria-valuetext': label(state.period) });
  const periodOut = h('output', { for: 'zeitraum', class: 'zeitraum-wert' }, label(state.period));
  const play = h('button', { type: 'button', class: 'abspielen', 'aria-pressed': 'false', disabled: ps.length < 2 }, t('indicator.play'));
  const tooltip = h('div', { class: 'tooltip', role: 'presentation', hidden: true });
  const mapEl = h('div', { id: 'karte', class: 'karte', tabindex: 0, role: 'region',
    'aria-label': t('indicator.mapLabel', ind.title) });
  const legend = h('div', { class: 'legende' });
  const selection = h('aside', { class: 'auswahl', 'aria-live': 'polite', 'aria-labelledby': 'auswahl-titel' });
  const ranking = h('div', { class: 'rang-box' });
  const tableBox = h('div', { class: 'tabelle-box' });
  const downloads = h('div', { class: 'downloads' });

  clear(main(),
    h('p', { class: 'pfad' }, h('a', { href: '/' }, t('nav.home')), ' › ', h('a', { href: `/${territory}` }, tr.name), ' › ', ind.short_title || ind.title),
    h('h1', {}, ind.title, ind.visibility === 'internal' ? h('span', { class: 'marke-intern' }, t('internal.badge')) : null),
    h('p', { class: 'lead' }, ind.definition || ''),
    h('div', { class: 'steuerung' },
      h('div', {}, h('label', { for: 'ebene' }, t('indicator.level')), levelSelect),
      h('div', { class: 'zeit' }, h('label', { for: 'zeitraum' }, t('indicator.period')), slider, periodOut, play)),
    h('div', { class: 'ansicht' },
      h('section', { class: 'kartenbox', 'aria-labelledby': 'karte-titel' },
        h('h2', { id: 'karte-titel', class: 'klein-titel' }, t('indicator.map')),
        mapEl, tooltip,
        h('p', { class: 'klein' }, t('indicator.mapHint'))),
      h('div', { class: 'seite' }, legend, selection)),
    h('section', { 'aria-labelledby': 'rang-titel' }, h('h2', { id: 'rang-titel' }, t('indicator.ranking')), ranking),
    h('section', { 'aria-labelledby': 'tabelle-titel' }, h('h2', { id: 'tabelle-titel' }, t('indicator.table')), tableBox),
    steckbrief(ind, tr),
    h('section', { 'aria-labelledby': 'downloads-titel' }, h('h2', { id: 'downloads-titel' }, t('indicator.downloads')), downloads));

  // ---- map ------------------------------------------------------------------------------------
  let map = null;
  const buildMap = () => {
    if (map) map.dispose();
    const parent = parentLevel(state.level);
    map = atlasMap(mapEl, {
      territory, layer: `${territory}.${key}.${state.level}`, outlines: parent ? `${territory}.${parent.key}` : null,
      unitLayer: `${territory}.${state.level}`, period: wmsTime(state.period), tooltip,
      labels: { zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') },
      onHover: (code) => { state.hover = code; highlight(); },
      onSelect: (code) => select(code),
    });
    const ext = levelOf(state.level)?.extent;
    if (ext) map.fitLonLat(ext);
    window.__atlasMap = map;   // the end-to-end tests find a unit's pixel through this
  };
  app.cleanup = () => { clearInterval(timer); if (map) map.dispose(); delete window.__atlasMap; };

  // ---- linked highlight -------------------------------------------------------------------------
  function highlight() {
    for (const el of document.querySelectorAll('[data-code]')) {
      el.classList.toggle('gewaehlt', state.selected.includes(el.dataset.code));
      el.classList.toggle('hervor', state.hover === el.dataset.code);
    }
    for (const b of document.querySelectorAll('.tabelle button.waehlen')) {
      b.setAttribute('aria-pressed', String(state.selected.includes(b.closest('tr').dataset.code)));
    }
    if (map) map.setMarks(state.selected, state.hover);
  }

  function select(code) {
    state.selected = state.selected[0] === code ? [] : [code];
    setQuery({ auswahl: state.selected });
    highlight();
    drawSelection();
    const row = document.querySelector(`.tabelle tr[data-code="${CSS.escape(code)}"]`);
    // scroll the table's own box only, so the map the user clicked stays in view
    if (row && state.selected.length) tableBox.scrollTop = row.offsetTop - tableBox.clientHeight / 2;
  }

  // ---- data -----------------------------------------------------------------------------------
  async function load() {
    const table = await api(url(`${base}/indicators/${enc(key)}/table`, { level: state.level, period: state.period }));
    state.table = table;
    drawLegend();
    drawRanking();
    drawTable();
    drawSelection();
    drawDownloads();
    highlight();
    mapEl.dataset.period = String(table.period);
    main().dataset.ready = `${state.level}:${table.period}`;
  }

  function drawLegend() {
    const tb = state.table;
    clear(legend, h('h3', { class: 'klein-titel' }, t('indicator.legend'), tb.unit_label ? ` (${tb.unit_label})` : ''),
      h('ul', {}, tb.classes.map((c) => h('li', { dataset: { klasse: c.klasse } },
        h('span', { class: `farbe${c.klasse === -1 ? ' geheim' : c.klasse === 0 ? ' leer' : ''}`, style: null, dataset: { colour: c.colour } }, c.marker || ''),
        h('span', {}, c.label), h('span', { class: 'anzahl' }, t('indicator.units', c.count))))),
      tb.territory ? h('p', { class: 'klein' }, t('indicator.reference', tb.territory.unit_name, tb.territory.formatted)) : null);
    for (const s of legend.querySelectorAll('.farbe')) s.style.backgroundColor = s.dataset.colour;   // CSSOM, allowed by the CSP
  }

  function drawRanking() {
    const tb = state.table;
    const rows = tb.rows.map((r) => ({ code: r.unit_code, name: r.unit_name, value: r.value, formatted: r.formatted, colour: r.colour, rank: r.rank }));
    const n = rows.filter((r) => r.value !== null).length;
    clear(ranking,
      rankingChart(rows, tb.territory, { label: t('indicator.rankingLabel', ind.title, plural(state.level), label(tb.period), n),
        onSelect: select, onHover: (c) => { state.hover = c; highlight(); } }),
      h('p', { class: 'klein' }, t('indicator.rankingHint')));
  }

  function drawTable() {
    const tb = state.table;
    const prev = tb.previous_period;
    const cols = [
      ['name', t('col.unit')], ['parent', t('col.parent')], ['value', t('col.value', tb.unit_label || '')], ['rank', t('col.rank')],
      ['change', prev === null ? t('col.change') : t('col.changeTo', label(prev))], ['status', t('col.status')]];
    const keyOf = {
      name: (r) => r.unit_name, parent: (r) => r.parent_name || '', value: (r) => r.value, rank: (r) => r.rank,
      change: (r) => r.change, status: (r) => r.status_text };
    const rows = [...tb.rows].sort((a, b) => {
      const x = keyOf[state.sort.by](a); const y = keyOf[state.sort.by](b);
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (typeof x === 'string' ? x.localeCompare(y, 'de') : x - y) * state.sort.dir;
    });
    const head = cols.map(([k, text]) => h('th', { scope: 'col', 'aria-sort': state.sort.by === k ? (state.sort.dir > 0 ? 'ascending' : 'descending') : null },
      h('button', { type: 'button', class: 'sortieren', onclick: () => {
        state.sort = { by: k, dir: state.sort.by === k ? -state.sort.dir : 1 };
        drawTable();
        highlight();
        tableBox.querySelector(`th[aria-sort] button`)?.focus();
      } }, text)));
    clear(tableBox, h('table', { class: 'tabelle' },
      h('caption', {}, t('indicator.caption', ind.title, plural(state.level), label(tb.period))),
      h('thead', {}, h('tr', {}, head, h('th', { scope: 'col' }, t('col.profile')))),
      h('tbody', {}, rows.map((r) => h('tr', { dataset: { code: r.unit_code },
        onmouseenter: () => { state.hover = r.unit_code; highlight(); }, onmouseleave: () => { state.hover = null; highlight(); } },
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'waehlen', 'aria-pressed': 'false', onclick: () => select(r.unit_code) }, r.unit_name)),
      h('td', {}, r.parent_name ? `${r.parent_name}: ${r.parent_formatted}` : ''),
      h('td', { class: 'zahl wert' }, r.formatted),
      h('td', { class: 'zahl' }, r.rank ?? '–'),
      h('td', { class: 'zahl' }, r.change_formatted ?? '–'),
      h('td', {}, r.status_text),
      h('td', {}, h('a', { href: `/${territory}/gebiet/${enc(r.unit_code)}` }, t('col.profileLink', r.unit_name)),
        historyLink(app.session, territory, key, r.unit_code, r.unit_name, tb.period))))),
      tb.territory ? h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, tb.territory.unit_name), h('td', {}),
        h('td', { class: 'zahl' }, tb.territory.formatted), h('td', {}), h('td', {}), h('td', {}), h('td', {}))) : null));
  }

  async function drawSelection() {
    const code = state.selected[0];
    const tb = state.table;
    const row = code && tb.rows.find((r) => r.unit_code === code);
    if (!row) {
      clear(selection, h('h2', { id: 'auswahl-titel', class: 'klein-titel' }, t('indicator.selection')), h('p', {}, t('indicator.selectHint')));
      return;
    }
    const codes = [row.unit_code, row.parent_code, tb.territory?.unit_code].filter((c, i, a) => c && a.indexOf(c) === i);
    clear(selection,
      h('h2', { id: 'auswahl-titel', class: 'klein-titel' }, row.unit_name),
      h('p', { class: 'gross' }, row.formatted, tb.unit_label ? ` ${tb.unit_label}` : ''),
      h('dl', { class: 'kurz' },
        h('dt', {}, t('col.rank')), h('dd', {}, row.rank ? t('indicator.rankOf', row.rank, tb.rows.filter((r) => r.rank).length) : '–'),
        h('dt', {}, t('col.change')), h('dd', {}, row.change_formatted ?? '–'),
        row.parent_name ? [h('dt', {}, row.parent_name), h('dd', {}, row.parent_formatted)] : null,
        tb.territory ? [h('dt', {}, tb.territory.unit_name), h('dd', {}, tb.territory.formatted)] : null),
      h('div', { class: 'zeitreihe-box' }, h('p', { class: 'laedt' }, t('loading'))),
      h('p', {}, h('a', { class: 'knopf', href: `/${territory}/gebiet/${enc(row.unit_code)}` }, t('indicator.openProfile')), ' ',
        h('a', { href: url(`/${territory}/vergleich`, { gebiete: [row.unit_code], indikatoren: [key] }) }, t('indicator.compare'))));
    const values = await api(url(`${base}/indicators/${enc(key)}/values`, { units: codes }));
    if (state.selected[0] !== code) return;
    const names = { [row.unit_code]: row.unit_name, [row.parent_code]: row.parent_name, [tb.territory?.unit_code]: tb.territory?.unit_name };
    const series = codes.map((c, i) => ({ name: names[c] || c, cls: `s${i}`,
      points: ps.map((p) => { const v = values.find((x) => x.unit_code === c && String(x.period) === p.key); return { label: p.label, value: v ? v.value : null, formatted: v ? v.formatted : 'x' }; }) }));
    clear(selection.querySelector('.zeitreihe-box'),
      h('h3', { class: 'klein-titel' }, t('indicator.timeseries')),
      lineChart(series, t('indicator.timeseriesLabel', ind.title, series.map((s) => s.name).join(', '))),
      h('ul', { class: 'linien-legende' }, series.map((s) => h('li', { class: s.cls }, s.name))),
      h('details', {}, h('summary', {}, t('indicator.asTable')),
        h('table', { class: 'tabelle klein' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('indicator.period')), series.map((s) => h('th', { scope: 'col' }, s.name)))),
          h('tbody', {}, ps.map((p, i) => h('tr', {}, h('th', { scope: 'row' }, p.label), series.map((s) => h('td', { class: 'zahl' }, s.points[i].formatted))))))));
  }

  function drawDownloads() {
    const p = state.table.period;
    const report = (format, extra) => url(`/api/v1${base}/reports/indicator/${enc(key)}`, { level: state.level, period: p, format, ...extra });
    const layer = `${territory}.${key}.${state.level}`;
    const ows = `${location.origin}/${territory}/ows`;
    const copy = (id, value, text) => {
      const input = h('input', { id, type: 'text', readonly: true, value });
      return h('div', { class: 'kopieren' }, h('label', { for: id }, text), input,
        h('button', { type: 'button', onclick: async (e) => {
          input.select();
          try { await navigator.clipboard.writeText(value); e.target.textContent = t('download.copied'); } catch { document.execCommand('copy'); }
        } }, t('download.copy')));
    };
    clear(downloads,
      h('ul', { class: 'download-liste' },
        h('li', {}, h('a', { href: url(`/api/v1${base}/indicators/${enc(key)}/values`, { level: state.level, period: p, format: 'csv' }), download: '', id: 'download-csv' }, t('download.csv'))),
        h('li', {}, h('a', { href: report('xlsx'), download: '', id: 'download-xlsx' }, t('download.xlsx'))),
        h('li', {}, h('a', { href: wfsUrl(territory, layer, { FILTER: periodFilter(p), SRSNAME: 'EPSG:4326' }), download: `${layer}_${p}.geojson`, id: 'download-geojson' }, t('download.geojson'))),
        h('li', {}, h('a', { href: report('png', { part: 'map', dpi: 150 }), download: '', id: 'download-png' }, t('download.png'))),
        h('li', {}, h('a', { href: report('pdf'), download: '', id: 'download-pdf' }, t('download.pdf')))),
      h('h3', { class: 'klein-titel' }, t('download.qgis')),
      copy('wms-adresse', ows, t('download.wms')),
      copy('wms-layer', layer, t('download.layer')),
      copy('wfs-layer', `atlas:${layer}`, t('download.wfsLayer')),
      app.session.authenticated ? h('p', { class: 'klein' }, t('download.qgisLogin')) : null);
  }

  // ---- events ---------------------------------------------------------------------------------
  levelSelect.addEventListener('change', async () => {
    state.level = levelSelect.value;
    state.selected = [];
    setQuery({ ebene: state.level, auswahl: null });
    buildMap();
    await load();
  });
  const setPeriod = async (i) => {
    state.period = ps[i].key;
    slider.value = i;
    slider.setAttribute('aria-valuetext', ps[i].label);
    periodOut.textContent = ps[i].label;
    setQuery({ zeitraum: state.period });
    map.setPeriod(wmsTime(state.period));
    await load();
  };
  slider.addEventListener('input', () => setPeriod(Number(slider.value)));
  let timer = null;
  play.addEventListener('click', () => {
    if (timer) {
      clearInterval(timer);
      timer = null;
      play.textContent = t('indicator.play');
      play.setAttribute('aria-pressed', 'false');
      return;
    }
    if (Number(slider.value) >= ps.length - 1) setPeriod(0);
    play.textContent = t('indicator.stop');
    play.setAttribute('aria-pressed', 'true');
    timer = setInterval(() => {
      const i = Number(slider.value) + 1;
      if (i >= ps.length) {
        play.click();
        return;
      }
      setPeriod(i);
    }, 1500);
  });

  buildMap();
  await load();
}

function steckbrief(ind, tr) {
  const footnote = tr.settings?.disclosure?.footnote || t('steckbrief.footnote');
  const row = (k, v) => (v ? [h('dt', {}, t(k)), h('dd', {}, v)] : null);
  return h('section', { 'aria-labelledby': 'steckbrief-titel', class: 'steckbrief' },
    h('h2', { id: 'steckbrief-titel' }, t('steckbrief.title')),
    h('dl', {},
      row('steckbrief.title2', ind.title),
      row('steckbrief.definition', ind.definition),
      row('steckbrief.formula', ind.formula),
      row('steckbrief.numerator', ind.numerator_label),
      row('steckbrief.denominator', ind.denominator_label),
      row('steckbrief.unit', ind.unit_label),
      row('steckbrief.meaning', t(POLARITY[ind.polarity] || 'polarity.neutral')),
      row('steckbrief.interpretation', ind.interpretation),
      row('steckbrief.source', ind.source),
      row('steckbrief.cycle', ind.update_cycle),
      row('steckbrief.department', ind.department),
      row('steckbrief.theme', ind.theme_title),
      row('steckbrief.visibility', ind.visibility === 'internal' ? t('steckbrief.internal') : t('steckbrief.public')),
      row('steckbrief.disclosure', footnote)));
}
