// Admin console section "Importe": the territory's batches (who, when, file, checksum, rows, kind),
// paged and filtered; one batch with what it touched; reverting a batch after a dry run that says what
// will change (or why it cannot); and the history of one value (…/importe/verlauf?indikator&gebiet&zeitraum).
import { h, clear, url } from '../../dom.js';
import { api, send, enc, ApiError } from '../../api.js';
import { t, addTexts, language } from '../../i18n.js';
import { navigate } from '../../main.js';
import { rolesIn } from './access.js';
import texts from './batches.texts.js';

addTexts(texts);

const PAGE = 50;
const KINDS = ['values', 'boundaries', 'catalogue', 'facilities'];
const count = (n) => new Intl.NumberFormat('de-DE').format(n);
const when = (iso) => (iso ? new Intl.DateTimeFormat(language() === 'en' ? 'en-GB' : 'de-DE',
  { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '');
const plural = (key, n) => (n === 1 ? t(`${key}.one`) : t(`${key}.many`, count(n)));
const reason = (r) => (language() === 'en' ? r.en : r.de);

export default {
  path: 'importe',
  title: 'admin.section.batches',
  allowed: (roles) => roles.any,
  async render(ctx) {
    const [first] = ctx.rest;
    if (!first) return list(ctx);
    if (first === 'verlauf' && ctx.rest.length === 1) return historyView(ctx);
    if (/^\d{1,18}$/.test(first) && ctx.rest.length === 1) return details(ctx, first);
    throw Object.assign(new Error(t('error.page')), { status: 404 });
  },
};

/**
 * Asks for a revert: the dry run says what will change (or why not); a modal dialog asks to confirm.
 * Answers true when the batch was reverted. `say` shows a message in the page (role=status/alert).
 */
async function revert(ctx, id, say) {
  const base = `/territories/${enc(ctx.key)}/batches/${enc(id)}/revert`;
  const preview = await api(base, { fresh: true });
  if (!preview.revertible) {
    say(t('batches.revert.refused', id, reason(preview.reason)), true);
    return false;
  }
  const periods = preview.periods.join(', ');
  const parts = [];
  if (preview.restore) parts.push(t('batches.revert.restore', plural('batches.values', preview.restore), plural('batches.indicators', preview.indicators.length), periods));
  if (preview.remove) parts.push(t('batches.revert.remove', plural('batches.values', preview.remove)));
  let text = parts.join(language() === 'en' ? ' and ' : ' und ');
  if (parts.length === 1 && !preview.restore) text = text.charAt(0).toUpperCase() + text.slice(1);
  text = parts.length ? `${text}.` : t('batches.revert.nothing');
  const ok = await new Promise((resolve) => {
    const titleId = `zuruecknehmen-${id}`;
    const dialog = h('dialog', { class: 'bestaetigen', 'aria-labelledby': titleId, 'aria-describedby': `${titleId}-text` });
    const close = (v) => { dialog.close(); dialog.remove(); resolve(v); };
    const yes = h('button', { type: 'button', class: 'gefahr', onclick: () => close(true) }, t('batches.revert.confirm'));
    dialog.append(
      h('h2', { id: titleId }, t('batches.revert.title', id)),
      h('p', { id: `${titleId}-text`, class: 'vorschau' }, text),
      preview.indicators.length ? h('p', { class: 'klein' }, `${t('batches.revert.indicators')}: `,
        preview.indicators.map((i) => `${i.title} (${i.periods.join(', ')})`).join('; ')) : null,
      h('p', { class: 'knoepfe' }, yes, h('button', { type: 'button', class: 'leise', onclick: () => close(false) }, t('batches.revert.cancel'))));
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); close(false); });
    document.body.append(dialog);
    dialog.showModal();
    yes.focus();
  });
  if (!ok) return false;
  try {
    await send('POST', base, undefined, ctx.csrf());
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const p = e.body && e.body.problems && e.body.problems[0];
    say(t('batches.revert.refused', id, p ? reason(p) : e.message), true);
    return false;
  }
  say(t('batches.revert.done', id), false);
  return true;
}

function messenger(el) {
  return (text, bad) => {
    el.className = `meldung ${bad ? 'fehler' : 'erfolg'}`;
    el.setAttribute('role', bad ? 'alert' : 'status');
    el.textContent = text;
  };
}

// ---- the list --------------------------------------------------------------------------------------
async function list(ctx) {
  const q = new URLSearchParams(location.search);
  const kind = KINDS.includes(q.get('art')) ? q.get('art') : '';
  const text = (q.get('q') || '').slice(0, 200);
  const page = Math.max(1, Number.parseInt(q.get('seite') || '1', 10) || 1);
  const here = `/${ctx.key}/verwaltung/importe`;
  const message = h('p', { class: 'meldung' });
  const say = messenger(message);
  const box = h('div', { class: 'tabelle-box' });

  const kindSelect = h('select', { id: 'importe-art', name: 'art' }, h('option', { value: '' }, t('batches.kind.all')),
    KINDS.map((k) => h('option', { value: k, selected: k === kind }, t(`batches.kind.${k}`))));
  const search = h('input', { id: 'importe-suche', name: 'q', type: 'search', value: text, maxlength: 200 });
  const filter = h('form', { class: 'filter', role: 'search', 'aria-label': t('batches.filter'), onsubmit: (e) => {
    e.preventDefault();
    navigate(url(here, { art: kindSelect.value, q: search.value.trim() }));
  } },
  h('div', { class: 'feld' }, h('label', { for: 'importe-art' }, t('batches.kind')), kindSelect),
  h('div', { class: 'feld' }, h('label', { for: 'importe-suche' }, t('batches.q')), search),
  h('div', { class: 'feld' }, h('button', { type: 'submit' }, t('batches.apply'))));

  async function draw() {
    const rows = await api(url(`/territories/${enc(ctx.key)}/batches`,
      { limit: PAGE + 1, offset: (page - 1) * PAGE, kind, q: text }), { fresh: true });
    const more = rows.length > PAGE;
    const shown = rows.slice(0, PAGE);
    if (!shown.length) {
      clear(box, h('p', { class: 'hinweis' }, t('batches.none')));
      return;
    }
    const cols = ['id', 'when', 'who', 'file', 'sha', 'rows', 'kind', 'status'].concat(ctx.roles.admin ? ['action'] : []);
    clear(box,
      h('table', { class: 'tabelle importe' },
        h('caption', {}, t('batches.caption', ctx.territory.name, count(page))),
        h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col' }, t(`batches.col.${c}`))))),
        h('tbody', {}, shown.map((b) => h('tr', { dataset: { batch: b.batch_id, status: b.status } },
          h('th', { scope: 'row', class: 'zahl' }, h('a', { href: `${here}/${b.batch_id}`, 'aria-label': t('batches.details', b.batch_id) }, String(b.batch_id))),
          h('td', {}, h('time', { datetime: b.created_at }, when(b.created_at))),
          h('td', {}, b.created_by),
          h('td', { class: 'datei' }, b.file_name),
          h('td', {}, h('code', { title: b.sha256 }, `${b.sha256.slice(0, 12)}…`)),
          h('td', { class: 'zahl' }, count(b.row_count)),
          h('td', {}, t(`batches.kind.${b.kind}`)),
          h('td', {}, b.status === 'reverted' ? t('batches.reverted', b.reverted_by, when(b.reverted_at)) : t('batches.status.done')),
          ctx.roles.admin ? h('td', {}, b.kind === 'values' && b.status !== 'reverted'
            ? h('button', { type: 'button', class: 'klein-knopf', 'aria-label': t('batches.revertOf', b.batch_id), onclick: async () => {
              if (await revert(ctx, b.batch_id, say)) await draw();
              message.focus();
            } }, t('batches.revert')) : '') : null)))),
      page > 1 || more ? h('nav', { class: 'blaettern', 'aria-label': t('batches.pages') },
        page > 1 ? h('a', { href: url(here, { art: kind, q: text, seite: page > 2 ? page - 1 : null }), rel: 'prev' }, `‹ ${t('batches.prev')}`) : null,
        more ? h('a', { href: url(here, { art: kind, q: text, seite: page + 1 }), rel: 'next' }, `${t('batches.next')} ›`) : null) : null);
  }
  message.tabIndex = -1;
  ctx.container.append(filter, message, box);
  await draw();
}

// ---- one batch ---------------------------------------------------------------------------------------
async function details(ctx, id) {
  const base = `/territories/${enc(ctx.key)}`;
  const b = await api(`${base}/batches/${enc(id)}`, { fresh: true });
  const message = h('p', { class: 'meldung', tabindex: -1 });
  const say = messenger(message);
  const row = (k, v) => [h('dt', {}, t(k)), h('dd', {}, v)];
  const sections = [];
  if (b.values.length) {
    sections.push(h('section', { 'aria-labelledby': 'lieferung-werte' }, h('h2', { id: 'lieferung-werte' }, t('batches.detail.values')),
      h('div', { class: 'tabelle-box' }, h('table', { class: 'tabelle klein' },
        h('caption', { class: 'unsichtbar' }, t('batches.detail.values.caption', b.batch_id)),
        h('thead', {}, h('tr', {}, ['indicator', 'level', 'period', 'values', 'current'].map((c) => h('th', { scope: 'col' }, t(`batches.detail.col.${c}`))))),
        h('tbody', {}, b.values.map((v) => h('tr', {},
          h('th', { scope: 'row' }, h('a', { href: url(`/${ctx.key}/indikator/${enc(v.indicator)}`, { ebene: v.level, zeitraum: v.period }) }, v.title)),
          h('td', {}, v.level_name), h('td', {}, v.period_label), h('td', { class: 'zahl' }, count(v.values)),
          h('td', { class: 'zahl' }, count(v.current)))))))));
  }
  if (b.units.length) {
    sections.push(h('section', { 'aria-labelledby': 'lieferung-gebiete' }, h('h2', { id: 'lieferung-gebiete' }, t('batches.detail.units')),
      h('table', { class: 'tabelle klein' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('batches.detail.col.level')),
        h('th', { scope: 'col' }, t('batches.detail.col.units')))),
      h('tbody', {}, b.units.map((u) => h('tr', {}, h('th', { scope: 'row' }, u.level_name), h('td', { class: 'zahl' }, count(u.units))))))));
  }
  if (b.facilities.length) {
    sections.push(h('section', { 'aria-labelledby': 'lieferung-einrichtungen' }, h('h2', { id: 'lieferung-einrichtungen' }, t('batches.detail.facilities')),
      h('table', { class: 'tabelle klein' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('batches.detail.col.type')),
        h('th', { scope: 'col' }, t('batches.detail.col.facilities')))),
      h('tbody', {}, b.facilities.map((f) => h('tr', {}, h('th', { scope: 'row' }, f.type), h('td', { class: 'zahl' }, count(f.facilities))))))));
  }
  if (b.indicators.length) {
    sections.push(h('section', { 'aria-labelledby': 'lieferung-katalog' }, h('h2', { id: 'lieferung-katalog' }, t('batches.detail.catalogue')),
      h('ul', {}, b.indicators.map((i) => h('li', {}, h('a', { href: `/${ctx.key}/indikator/${enc(i.indicator)}` }, i.title))))));
  }
  if (!sections.length) sections.push(h('p', { class: 'hinweis' }, t('batches.detail.nothing')));
  const revertButton = ctx.roles.admin && b.kind === 'values' && b.status !== 'reverted'
    ? h('button', { type: 'button', onclick: async () => {
      if (await revert(ctx, b.batch_id, say)) {
        revertButton.remove();
        status.textContent = t('batches.reverted', ctx.session.login || '', when(new Date().toISOString()));
      }
      message.focus();
    } }, t('batches.revertOf', b.batch_id)) : null;
  const status = h('dd', {}, b.status === 'reverted' ? t('batches.reverted', b.reverted_by, when(b.reverted_at)) : t('batches.status.done'));
  ctx.container.append(...[
    h('p', {}, h('a', { href: `/${ctx.key}/verwaltung/importe` }, `‹ ${t('batches.detail.back')}`)),
    h('h2', {}, t('batches.detail.title', b.batch_id)),
    h('dl', { class: 'steckbrief lieferung' },
      row('batches.detail.file', b.file_name),
      row('batches.col.kind', t(`batches.kind.${b.kind}`)),
      row('batches.detail.by', `${b.created_by}, ${when(b.created_at)}`),
      row('batches.detail.sha', h('code', { class: 'pruefsumme' }, b.sha256)),
      row('batches.detail.rows', `${count(b.row_count)} (${t('batches.detail.written')} ${count(b.written)}, ${t('batches.detail.unchanged')} ${count(b.unchanged)})`),
      b.format ? row('batches.detail.format', b.format) : null,
      b.kind === 'values' ? row('batches.detail.replaced', count(b.replaced)) : null,
      h('dt', {}, t('batches.col.status')), status),
    revertButton ? h('p', {}, revertButton) : null, message, ...sections].filter(Boolean));
}

// ---- the history of one value ---------------------------------------------------------------------------
async function historyView(ctx) {
  const q = new URLSearchParams(location.search);
  const indicator = q.get('indikator');
  const unit = q.get('gebiet');
  const period = q.get('zeitraum');
  ctx.container.append(h('h2', {}, t('batches.history.title')));
  if (!indicator || !unit || !period) {
    ctx.container.append(h('p', { class: 'hinweis', role: 'alert' }, t('batches.history.missing')));
    return;
  }
  const v = await api(url(`/territories/${enc(ctx.key)}/indicators/${enc(indicator)}/history`, { unit, period }), { fresh: true });
  ctx.container.append(h('p', { class: 'lead' }, t('batches.history.lead',
    v.indicator_title, v.unit_name ? `${v.unit_name} (${v.unit})` : v.unit, v.period_label || period)),
  h('p', {}, h('a', { href: url(`/${ctx.key}/indikator/${enc(indicator)}`, { zeitraum: v.period, auswahl: unit }) }, v.indicator_title), ' · ',
    h('a', { href: `/${ctx.key}/gebiet/${enc(unit)}` }, v.unit_name || unit)));
  if (!v.entries.length) {
    ctx.container.append(h('p', { class: 'hinweis' }, t('batches.history.none')));
    return;
  }
  const counts = v.entries.some((e) => e.numerator !== null && e.numerator !== undefined);
  const here = `/${ctx.key}/verwaltung/importe`;
  ctx.container.append(h('div', { class: 'tabelle-box' }, h('table', { class: 'tabelle verlauf' },
    h('caption', {}, t('batches.history.caption')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('batches.history.col.batch')), h('th', { scope: 'col' }, t('batches.col.file')),
      h('th', { scope: 'col' }, t('batches.col.who')), h('th', { scope: 'col' }, t('batches.col.when')),
      h('th', { scope: 'col' }, `${t('batches.history.col.value')}${v.unit_label ? ` (${v.unit_label})` : ''}`),
      counts ? h('th', { scope: 'col' }, t('batches.history.col.counts')) : null,
      h('th', { scope: 'col' }, t('batches.history.col.status')), h('th', { scope: 'col' }, t('batches.history.col.state')))),
    h('tbody', {}, v.entries.map((e) => h('tr', { class: e.current ? 'aktuell' : null },
      h('th', { scope: 'row' }, h('a', { href: `${here}/${e.batch_id}` }, String(e.batch_id))),
      h('td', { class: 'datei' }, e.file_name), h('td', {}, e.created_by), h('td', {}, when(e.created_at)),
      h('td', { class: 'zahl wert' }, e.formatted ?? '–'),
      counts ? h('td', { class: 'zahl' }, e.numerator_formatted ? `${e.numerator_formatted} / ${e.denominator_formatted}` : '–') : null,
      h('td', {}, t(`batches.value.${e.status}`)),
      h('td', {}, e.current ? t('batches.history.current')
        : t('batches.history.replacedBy', e.replaced_by, e.replaced_by_user || '', when(e.replaced_at)))))))));
}

/**
 * A small link to the history of one value, for the tables of the internal area (indicator view, area
 * profile); null for users who do not use the console in this territory.
 */
export function historyLink(session, territory, indicator, unit, unitName, period) {
  if (!rolesIn(session, territory).any || period === null || period === undefined) return null;
  return h('a', { class: 'verlauf-link', href: url(`/${territory}/verwaltung/importe/verlauf`, { indikator: indicator, gebiet: unit, zeitraum: period }),
    'aria-label': t('batches.history.linkLabel', unitName) }, t('batches.history.link'));
}
