// Admin console section "Datenschutz": the territory's disclosure rules and the indicators' own rules,
// the effect of a draft before saving (how many public cells would be withheld per level and period,
// computed by the server in a transaction it rolls back) and today's report by rule.
import { h, clear } from '../../dom.js';
import { api, send, enc } from '../../api.js';
import { t, addTexts } from '../../i18n.js';
import { field, showErrors, clearErrors } from './forms.js';
import { scrollable } from './indicators.js';
import texts from './disclosure.texts.js';

addTexts(texts);

const count = new Intl.NumberFormat('de-DE');
const NUMBERS = ['threshold', 'min_population', 'round_to', 'min_candidates'];
const FLAGS = ['suppress_zero', 'secondary'];

export default {
  path: 'datenschutz',
  title: 'admin.section.disclosure',
  allowed: (roles) => roles.admin,
  render,
};

/** A number as typed ("1,5" too); anything else is sent as typed, and the server names the problem. */
function number(v) {
  const s = String(v).trim();
  if (!s) return null;
  return /^-?\d+([.,]\d+)?$/.test(s) ? Number(s.replace(',', '.')) : s;
}

function flagSelect(attrs, value, emptyLabel) {
  const v = value === true ? 'true' : value === false ? 'false' : '';
  return h('select', attrs, [['', emptyLabel], ['true', t('disclosure.yes')], ['false', t('disclosure.no')]]
    .map(([o, l]) => h('option', { value: o, selected: o === v ? true : null }, l)));
}

const flagValue = (s) => (s.value === '' ? undefined : s.value === 'true');

/** Withheld cells (of the published ones) per level and period label, from a disclosure report. */
function withheld(report) {
  const out = new Map();
  for (const r of report.rows) {
    const k = `${r.level}|${r.period_label}`;
    const o = out.get(k) || { level: r.level, period: r.period_label, stichtag: r.stichtag, cells: 0, withheld: 0 };
    o.cells += r.cells;
    o.withheld += r.cells - r.published;
    out.set(k, o);
  }
  return out;
}

async function render(ctx) {
  const k = enc(ctx.key);
  const [settings, report, indicators, levels] = await Promise.all([
    api(`/territories/${k}/disclosure/settings`, { fresh: true }),
    api(`/territories/${k}/disclosure`, { fresh: true }),
    api(`/territories/${k}/indicators`, { fresh: true }),
    api(`/territories/${k}/levels`),
  ]);
  let current = report;
  const levelName = new Map(levels.map((l) => [l.key, l.name]));
  const titles = new Map(indicators.map((i) => [i.key, i.title]));
  const d = settings.disclosure || {};

  const rules = {};
  for (const r of NUMBERS) rules[r] = h('input', { type: 'text', inputmode: 'decimal', name: r, value: d[r] ?? '' });
  for (const r of FLAGS) rules[r] = flagSelect({ name: r }, d[r], t('disclosure.default'));
  rules.population_indicator = h('select', { name: 'population_indicator' }, [['', t('disclosure.none')], ...indicators.filter((i) => i.kind === 'count' || i.key === d.population_indicator).map((i) => [i.key, i.title])]
    .map(([v, l]) => h('option', { value: v, selected: v === (d.population_indicator || '') ? true : null }, l)));
  rules.footnote = h('input', { type: 'text', name: 'footnote', value: d.footnote ?? '' });
  rules.footnote_no_data = h('input', { type: 'text', name: 'footnote_no_data', value: d.footnote_no_data ?? '' });

  // per indicator: one row, one input per rule; error slots named "<indicator>.<rule>" as the API answers
  const own = {};
  const rows = indicators.map((i) => {
    const o = settings.overrides[i.key] || {};
    own[i.key] = {};
    const cell = (rule, input) => {
      input.id = `ausnahme-${i.key}-${rule}`;
      input.setAttribute('aria-label', t('disclosure.cell.label', i.title, t(`disclosure.col.${rule}`)));
      const error = h('p', { class: 'feldfehler', id: `${input.id}-fehler`, dataset: { field: `${i.key}.${rule}` } });
      input.setAttribute('aria-describedby', error.id);
      own[i.key][rule] = input;
      return h('td', {}, input, error);
    };
    return h('tr', { dataset: { key: i.key } },
      h('th', { scope: 'row' }, i.title, h('p', { class: 'feldfehler', id: `ausnahme-${i.key}-fehler`, dataset: { field: i.key } })),
      NUMBERS.map((r) => cell(r, h('input', { type: 'text', inputmode: 'decimal', size: 5, value: o[r] ?? '' }))),
      FLAGS.map((r) => cell(r, flagSelect({}, o[r], t('disclosure.inherit')))));
  });

  function draft() {
    const disclosure = {};
    for (const r of NUMBERS) { const v = number(rules[r].value); if (v !== null) disclosure[r] = v; }
    for (const r of FLAGS) { const v = flagValue(rules[r]); if (v !== undefined) disclosure[r] = v; }
    for (const r of ['population_indicator', 'footnote', 'footnote_no_data']) if (rules[r].value.trim()) disclosure[r] = rules[r].value.trim();
    const overrides = {};
    for (const [key, inputs] of Object.entries(own)) {
      const o = {};
      for (const r of NUMBERS) { const v = number(inputs[r].value); if (v !== null) o[r] = v; }
      for (const r of FLAGS) { const v = flagValue(inputs[r]); if (v !== undefined) o[r] = v; }
      overrides[key] = o;
    }
    return { disclosure, overrides };
  }

  const summary = h('div', { role: 'alert' });
  const status = h('p', { role: 'status', 'aria-live': 'polite' });
  const effect = h('section', { class: 'wirkung', 'aria-labelledby': 'wirkung-titel', hidden: true });
  const reportBox = h('section', { class: 'bericht', 'aria-labelledby': 'bericht-titel' });

  function showEffect(preview) {
    const now = withheld(current);
    const next = withheld(preview);
    const keys = [...new Set([...now.keys(), ...next.keys()])];
    const sum = (m, f) => [...m.values()].reduce((a, x) => a + x[f], 0);
    const ordered = keys.map((key) => ({ key, a: now.get(key), b: next.get(key) }))
      .sort((x, y) => ((x.a || x.b).level + (x.a || x.b).stichtag).localeCompare((y.a || y.b).level + (y.a || y.b).stichtag));
    clear(effect,
      h('h2', { id: 'wirkung-titel' }, t('disclosure.effect')),
      h('p', { class: 'klein' }, t('disclosure.effect.lead')),
      h('p', { class: 'wirkung-summe' }, t('disclosure.effect.total', count.format(sum(now, 'withheld')), count.format(sum(next, 'withheld')),
        count.format(sum(next, 'cells')))),
      h('div', { class: 'tabelle-box', ...scrollable(t('disclosure.effect.caption')) }, h('table', { class: 'tabelle wirkung-tabelle' },
        h('caption', {}, t('disclosure.effect.caption')),
        h('thead', {}, h('tr', {}, ['level', 'period', 'cells', 'now', 'draft', 'change'].map((c) => h('th', { scope: 'col', class: c === 'level' || c === 'period' ? null : 'zahl' }, t(`disclosure.col.${c}`))))),
        h('tbody', {}, ordered.map(({ key, a, b }) => {
          const x = a || b;
          const before = a ? a.withheld : 0;
          const after = b ? b.withheld : 0;
          return h('tr', { dataset: { key }, class: after !== before ? 'hervor' : null },
            h('td', {}, levelName.get(x.level) || x.level), h('td', {}, x.period), h('td', { class: 'zahl' }, count.format(x.cells)),
            h('td', { class: 'zahl', dataset: { now: before } }, count.format(before)), h('td', { class: 'zahl', dataset: { draft: after } }, count.format(after)),
            h('td', { class: 'zahl' }, after === before ? '±0' : (after > before ? '+' : '−') + count.format(Math.abs(after - before))));
        })))));
    effect.hidden = false;
  }

  const pick = h('select', { name: 'bericht-indikator' }, [['', t('disclosure.report.all')], ...indicators.map((i) => [i.key, i.title])]
    .map(([v, l]) => h('option', { value: v }, l)));
  const reportTable = h('div', { class: 'tabelle-box', ...scrollable(t('disclosure.report.caption')) });
  function showReport() {
    const ruleKeys = Object.keys(current.rules);
    const rowsShown = current.rows.filter((r) => (pick.value ? r.indicator === pick.value : r.cells > r.published));
    clear(reportTable, rowsShown.length ? h('table', { class: 'tabelle bericht-tabelle' },
      h('caption', {}, t('disclosure.report.caption')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('disclosure.col.indicator')), h('th', { scope: 'col' }, t('disclosure.col.level')),
        h('th', { scope: 'col' }, t('disclosure.col.period')), h('th', { scope: 'col', class: 'zahl' }, t('disclosure.col.cells')),
        h('th', { scope: 'col', class: 'zahl' }, t('disclosure.col.published')),
        ruleKeys.map((r) => h('th', { scope: 'col', class: 'zahl', title: current.rules[r] }, current.rules[r])))),
      h('tbody', {}, rowsShown.map((r) => h('tr', {}, h('td', {}, titles.get(r.indicator) || r.indicator), h('td', {}, levelName.get(r.level) || r.level),
        h('td', {}, r.period_label), h('td', { class: 'zahl' }, count.format(r.cells)), h('td', { class: 'zahl' }, count.format(r.published)),
        ruleKeys.map((x) => h('td', { class: 'zahl' }, count.format(r.withheld[x]))))))) : h('p', {}, t('disclosure.report.empty')));
  }
  pick.addEventListener('change', showReport);
  clear(reportBox, h('h2', { id: 'bericht-titel' }, t('disclosure.report')), h('p', { class: 'klein' }, t('disclosure.report.lead')),
    field(t('disclosure.report.indicator'), pick), reportTable);
  showReport();

  const form = h('form', { class: 'datenschutz-formular', novalidate: true },
    summary,
    h('fieldset', {}, h('legend', {}, t('disclosure.rules')),
      [...NUMBERS.slice(0, 1), ...FLAGS, ...NUMBERS.slice(1), 'population_indicator', 'footnote', 'footnote_no_data']
        .map((r) => field(t(`disclosure.field.${r}`), rules[r], { name: r }))),
    h('h2', {}, t('disclosure.overrides')), h('p', { class: 'klein' }, t('disclosure.overrides.lead')),
    h('div', { class: 'tabelle-box', ...scrollable(t('disclosure.overrides.caption')) }, h('table', { class: 'tabelle ausnahmen' },
      h('caption', {}, t('disclosure.overrides.caption')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('disclosure.col.indicator')),
        [...NUMBERS, ...FLAGS].map((r) => h('th', { scope: 'col' }, t(`disclosure.col.${r}`))))),
      h('tbody', {}, rows))),
    h('p', { class: 'knoepfe' },
      h('button', { type: 'button', class: 'vorschau-knopf', onclick: () => act(false) }, t('disclosure.preview')),
      h('button', { type: 'submit' }, t('disclosure.save'))),
    status);

  async function act(save) {
    clearErrors(form, summary);
    status.textContent = '';
    for (const b of form.querySelectorAll('button')) b.disabled = true;
    try {
      if (save) {
        current = await send('PUT', `/territories/${k}/disclosure/settings`, draft(), ctx.csrf());
        effect.hidden = true;
        status.className = 'erfolg';
        status.textContent = t('disclosure.saved');
        showReport();
      } else {
        showEffect(await send('POST', `/territories/${k}/disclosure/preview`, draft(), ctx.csrf()));
      }
    } catch (e) {
      showErrors(form, summary, e);
    } finally {
      for (const b of form.querySelectorAll('button')) b.disabled = false;
    }
  }
  form.addEventListener('submit', (e) => { e.preventDefault(); act(true); });

  ctx.container.append(h('p', { class: 'klein' }, t('disclosure.lead')), form, effect, reportBox);
}

