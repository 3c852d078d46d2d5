// The area profile of one unit: every indicator by theme against its parent and the territory, with
// the deviation (spine), the Einordnung by polarity, the trend, and the PDF profile.
import { h, clear, url } from '../dom.js';
import { api, enc } from '../api.js';
import { t } from '../i18n.js';
import { app, main, titled } from '../main.js';
import { historyLink } from './admin/batches.js';
import { spine, lineChart } from '../charts.js';

export async function profilePage(territory, code) {
  const base = `/territories/${enc(territory)}`;
  const [tr, p] = await Promise.all([api(base), api(`${base}/units/${enc(code)}/profile`)]);
  const u = p.unit;
  titled(t('profile.title', u.name));
  const sections = p.themes.map((th) => {
    // one scale per theme: the largest relative deviation, so the bars compare within a theme
    const scale = Math.max(0, ...th.indicators.map((x) => Math.abs(x.relative_deviation ?? 0)));
    return h('section', { 'aria-labelledby': `thema-${th.theme}` },
      h('h2', { id: `thema-${th.theme}` }, th.title),
      h('table', { class: 'tabelle profil' },
        h('caption', { class: 'unsichtbar' }, t('profile.caption', th.title, u.name)),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('profile.indicator')), h('th', { scope: 'col' }, t('profile.period')),
          h('th', { scope: 'col' }, u.name),
          p.parent ? h('th', { scope: 'col' }, p.parent.name) : null,
          p.total ? h('th', { scope: 'col' }, p.total.name) : null,
          h('th', { scope: 'col' }, t('profile.deviation')), h('th', { scope: 'col' }, t('profile.einordnung')),
          h('th', { scope: 'col' }, t('profile.change')), h('th', { scope: 'col' }, t('profile.trend')))),
        h('tbody', {}, th.indicators.map((e) => {
          const series = [
            { name: u.name, cls: 's0', points: e.series.map((s) => ({ label: s.period_label ?? String(s.period), value: s.value, formatted: s.formatted })) },
            // a count of the territory dwarfs the unit's: its line only where the two compare (rates)
            p.total && e.relative_deviation !== null && e.relative_deviation !== undefined
              ? { name: p.total.name, cls: 's2', points: e.series.map((s) => ({ label: s.period_label ?? String(s.period), value: s.territory_value, formatted: s.territory_formatted })) } : null,
          ].filter(Boolean);
          return h('tr', { dataset: { indicator: e.indicator } },
            h('th', { scope: 'row' }, h('a', { href: url(`/${territory}/indikator/${enc(e.indicator)}`, { ebene: u.level, zeitraum: e.period, auswahl: u.code }) }, e.title),
              e.unit_label && e.unit_label !== 'Anzahl' ? ` (${e.unit_label})` : ''),
            h('td', {}, e.period_label ?? e.period ?? '–', historyLink(app.session, territory, e.indicator, u.code, u.name, e.period)),
            h('td', { class: 'zahl wert' }, e.formatted),
            p.parent ? h('td', { class: 'zahl' }, e.parent_formatted ?? '') : null,
            p.total ? h('td', { class: 'zahl' }, e.territory_formatted) : null,
            h('td', { class: 'zahl abweichung' }, spine(e.relative_deviation, scale || 1, e.einordnung?.tendency), ' ', e.deviation_formatted ?? ''),
            h('td', {}, e.einordnung ? h('span', { class: `einordnung ${e.einordnung.tendency}` }, e.einordnung.text,
              e.einordnung.tendency !== 'neutral' ? ` (${e.einordnung.tendency_text})` : '') : '–'),
            h('td', { class: 'zahl' }, e.change_formatted ?? '–'),
            h('td', { class: 'trend' }, lineChart(series, t('profile.trendLabel', e.title, series.map((s) => s.name).join(', ')))));
        }))));
  });
  clear(main(),
    h('p', { class: 'pfad' }, h('a', { href: '/' }, t('nav.home')), ' › ', h('a', { href: `/${territory}` }, tr.name), ' › ', u.name),
    h('h1', {}, t('profile.title', u.name)),
    h('p', { class: 'lead' }, `${p.level_name} ${u.code}`, p.parent ? ` · ${t('profile.in', p.parent.name)}` : '',
      u.area_km2 ? ` · ${t('profile.area', String(u.area_km2).replace('.', ','))}` : ''),
    h('p', {}, t('profile.explain', Math.round(p.threshold * 100), Math.round(p.threshold * 200))),
    h('p', { class: 'aktionen' },
      h('a', { class: 'knopf', id: 'download-profil-pdf', download: '', href: url(`/api/v1${base}/reports/profile/${enc(u.code)}`, { format: 'pdf' }) }, t('profile.pdf')), ' ',
      h('a', { href: url(`/${territory}/vergleich`, { gebiete: [u.code] }) }, t('profile.compare'))),
    sections,
    h('p', { class: 'quelle' }, t('start.source'), ': ', tr.attribution || '–'));
}
