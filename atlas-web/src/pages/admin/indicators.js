// Admin console section "Indikatoren und Ebenen": the list of indicators with filters and publication per
// level (the KECK counter says whether the public area is open), and one indicator's catalogue entry with
// the live map and legend preview of its classification and the copyable service addresses of its layers.
// Every check is the server's (the catalogue importer's rules); the page shows its messages per field.
import { h, clear, url } from '../../dom.js';
import { api, send, enc } from '../../api.js';
import { t, addTexts } from '../../i18n.js';
import { field, showErrors, clearErrors } from './forms.js';
import texts from './indicators.texts.js';

addTexts(texts);

const count = new Intl.NumberFormat('de-DE');

export default {
  path: 'indikatoren',
  title: 'admin.section.indicators',
  allowed: (roles) => roles.any,
  async render(ctx) {
    if (ctx.rest && ctx.rest.length) await editPage(ctx, ctx.rest[0]);
    else await listPage(ctx);
  },
};

/** A table's scrolling box: a named region reachable with the keyboard, so its hidden part can be scrolled to (WCAG 2.1.1). */
export function scrollable(name) {
  return { tabindex: 0, role: 'region', 'aria-label': name };
}

/** "8 von mindestens 10 Indikatoren veröffentlicht — der öffentliche Bereich ist noch geschlossen" */
export function keckText(p) {
  return t('indicators.keck', count.format(p.published), count.format(p.min_published), t(p.live ? 'indicators.keck.open' : 'indicators.keck.closed'));
}

/** The indicator keys the user may edit: all for administrators, their departments' themes and indicators for editors. */
function writable(ctx, indicators, departments) {
  if (ctx.roles.admin) return new Set(indicators.map((i) => i.key));
  const mine = departments.filter((d) => ctx.roles.departments.includes(d.key));
  const themes = new Set(mine.flatMap((d) => d.themes));
  const keys = new Set(mine.flatMap((d) => d.indicators));
  return new Set(indicators.filter((i) => themes.has(i.theme) || keys.has(i.key)).map((i) => i.key));
}

function select(attrs, options, value) {
  return h('select', attrs, options.map(([v, label]) => h('option', { value: v, selected: String(v) === String(value ?? '') ? true : null }, label)));
}

async function listPage(ctx) {
  const k = enc(ctx.key);
  const [indicators, levels, departments] = await Promise.all([
    api(`/territories/${k}/indicators`, { fresh: true }),
    api(`/territories/${k}/levels`, { fresh: true }),
    api(`/territories/${k}/departments`, { fresh: true }).catch(() => []),
  ]);
  let publication = await api(`/territories/${k}/publication`, { fresh: true });
  const polygons = levels.filter((l) => l.geometry_kind === 'polygon');
  const editable = writable(ctx, indicators, departments);
  const keck = h('p', { class: 'keck', role: 'status', 'aria-live': 'polite' });
  const showKeck = () => {
    keck.textContent = keckText(publication);
    keck.classList.toggle('offen', !!publication.live);
  };
  showKeck();
  const status = h('div', { class: 'meldung', role: 'status', 'aria-live': 'polite' });

  const themes = [...new Map(indicators.map((i) => [i.theme, i.theme_title])).entries()];
  const depts = [...new Set(indicators.map((i) => i.department || ''))].sort();
  const search = h('input', { type: 'search', name: 'suche', autocomplete: 'off' });
  const theme = select({ name: 'thema' }, [['', t('indicators.all')], ...themes], '');
  const dept = select({ name: 'zustaendig' }, [['', t('indicators.all')], ...depts.map((d) => [d || '-', d || t('indicators.none')])], '');
  const vis = select({ name: 'sichtbarkeit' }, [['', t('indicators.all')], ['public', t('indicators.public')], ['internal', t('indicators.internal')]], '');
  const pub = select({ name: 'ebene' }, [['', t('indicators.all')], ['-', t('indicators.none')], ...polygons.map((l) => [l.key, l.name])], '');
  const shown = h('p', { class: 'klein', role: 'status', 'aria-live': 'polite' });

  const rows = indicators.map((i) => {
    const boxes = polygons.map((l) => {
      const box = h('input', { type: 'checkbox', name: `pub-${i.key}-${l.key}`, 'aria-label': t('indicators.publish.label', i.title, l.name),
        checked: (publication.indicators[i.key] || []).includes(l.key) ? true : null, disabled: ctx.roles.admin ? null : true });
      box.addEventListener('change', () => publish(i, l, box));
      return h('td', { class: 'mitte' }, box);
    });
    const tr = h('tr', { dataset: { key: i.key } },
      h('td', {}, h('a', { href: `/${ctx.key}/verwaltung/indikatoren/${i.key}` }, i.title),
        h('span', { class: 'klein schluessel' }, ` ${i.key}`), editable.has(i.key) ? null : h('span', { class: 'klein' }, ` (${t('indicators.readonly')})`)),
      h('td', {}, i.theme_title), h('td', {}, i.department || ''), h('td', {}, t(i.visibility === 'public' ? 'indicators.public' : 'indicators.internal')),
      boxes);
    return { i, tr };
  });

  async function publish(i, l, box) {
    box.disabled = true;
    try {
      const r = box.checked
        ? await send('POST', `/territories/${k}/indicators/${enc(i.key)}/publication`, { levels: [l.key] }, ctx.csrf())
        : await send('DELETE', url(`/territories/${k}/indicators/${enc(i.key)}/publication`, { levels: l.key }), undefined, ctx.csrf());
      publication = r.publication;
      showKeck();
      clear(status, h('p', { class: 'erfolg' }, t(box.checked ? 'indicators.published.done' : 'indicators.withdrawn.done', i.title, l.name)),
        r.warnings && r.warnings.length ? h('div', { class: 'hinweis' }, h('p', {}, h('strong', {}, t('indicators.warnings'))),
          h('ul', {}, r.warnings.map((w) => h('li', {}, w)))) : null);
    } catch (e) {
      box.checked = !box.checked;
      clear(status, h('p', { class: 'fehler', role: 'alert' }, e.message));
    } finally {
      box.disabled = false;
    }
  }

  function filter() {
    const q = search.value.trim().toLowerCase();
    let n = 0;
    for (const { i, tr } of rows) {
      const levelsOf = publication.indicators[i.key] || [];
      const ok = (!q || i.title.toLowerCase().includes(q) || i.key.includes(q))
        && (!theme.value || i.theme === theme.value)
        && (!dept.value || (i.department || '-') === dept.value)
        && (!vis.value || i.visibility === vis.value)
        && (!pub.value || (pub.value === '-' ? !levelsOf.length : levelsOf.includes(pub.value)));
      tr.hidden = !ok;
      if (ok) n++;
    }
    shown.textContent = t('indicators.count', count.format(n), count.format(rows.length));
  }
  for (const c of [search, theme, dept, vis, pub]) c.addEventListener('input', filter);
  filter();

  ctx.container.append(
    keck,
    h('form', { class: 'filter', role: 'search', 'aria-label': t('indicators.filter'), onsubmit: (e) => e.preventDefault() },
      field(t('indicators.search'), search), field(t('indicators.theme'), theme), field(t('indicators.department'), dept),
      field(t('indicators.visibility'), vis), field(t('indicators.published'), pub)),
    shown, status,
    h('div', { class: 'tabelle-box', ...scrollable(t('indicators.caption')) }, h('table', { class: 'tabelle indikatorliste' },
      h('caption', {}, t('indicators.caption')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('indicators.col.indicator')), h('th', { scope: 'col' }, t('indicators.theme')),
        h('th', { scope: 'col' }, t('indicators.department')), h('th', { scope: 'col' }, t('indicators.visibility')),
        polygons.map((l) => h('th', { scope: 'col', class: 'mitte' }, l.name)))),
      h('tbody', {}, rows.map((r) => r.tr)))));
}

// ---- one indicator ----------------------------------------------------------------------------------

const TEXT = ['title', 'short_title', 'definition', 'interpretation', 'formula', 'numerator_label', 'denominator_label', 'unit_label',
  'weight_indicator', 'periodicity', 'source', 'update_cycle', 'department'];
const LONG = new Set(['definition', 'interpretation', 'formula']);
const NUMBERS = ['scale_factor', 'decimals'];
const FLAGS = ['numerator_may_exceed_denominator', 'numerator_may_be_negative', 'counts_public'];
const PALETTES = ['YlOrRd', 'OrRd', 'YlGnBu', 'Blues', 'Greens', 'Purples', 'RdBu', 'PuOr', 'BrBG', 'Set2', 'Dark2'];
const METHODS = ['quantile', 'equal_interval', 'jenks', 'manual', 'categories'];

/** A number as typed ("1,5" too); anything else goes to the server as typed, which names the problem. */
function number(v) {
  const s = String(v).trim();
  if (!s) return null;
  return /^-?\d+([.,]\d+)?$/.test(s) ? Number(s.replace(',', '.')) : s;
}

/** Spherical Mercator of a lon/lat box (the web atlas's map projection, which every territory's WMS offers). */
function mercator([x0, y0, x1, y1]) {
  const r = 6378137;
  const x = (lon) => (r * lon * Math.PI) / 180;
  const y = (lat) => r * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  return [x(x0), y(y0), x(x1), y(y1)];
}

async function editPage(ctx, key) {
  const k = enc(ctx.key);
  const [data, indicator, levels] = await Promise.all([
    api(`/territories/${k}/catalogue/indicators/${enc(key)}`, { fresh: true }),
    api(`/territories/${k}/indicators/${enc(key)}`, { fresh: true }),
    api(`/territories/${k}/levels`),
  ]);
  let entry = data.entry;
  const locked = (name) => !data.admin && data.admin_only.includes(name);
  const inputs = {};
  const make = (name, input) => {
    input.name = name;
    if (locked(name)) input.disabled = true;
    inputs[name] = input;
    return field(t(`indicators.field.${name}`), input, { name });
  };
  const text = (name) => make(name, LONG.has(name) ? h('textarea', { rows: 3 }, entry[name] ?? '')
    : h('input', { type: 'text', value: entry[name] ?? '' }));
  const flag = (name) => {
    const box = h('input', { type: 'checkbox', checked: entry[name] ? true : null });
    box.name = name;
    if (locked(name)) box.disabled = true;
    inputs[name] = box;
    const error = h('p', { class: 'feldfehler', id: `feld-${name}-fehler`, dataset: { field: name } });
    box.id = `feld-${name}`;
    box.setAttribute('aria-describedby', error.id);
    return h('div', { class: 'feld' }, h('label', { class: 'wahl' }, box, ' ', t(`indicators.field.${name}`)), error);
  };
  const choice = (name, options) => make(name, select({}, options, entry[name] ?? ''));

  const c = entry.classification || {};
  const method = select({ name: 'method' }, METHODS.map((m) => [m, t(`indicators.method.${m}`)]), c.method || 'quantile');
  const classes = h('input', { type: 'number', name: 'classes', min: 3, max: 9, value: c.classes ?? 5 });
  const palette = select({ name: 'palette' }, [['', t('indicators.palette.default')], ...PALETTES.map((p) => [p, p])], c.palette || '');
  const breaks = h('input', { type: 'text', name: 'breaks', value: Array.isArray(c.breaks) ? c.breaks.join('; ').replace(/\./g, ',') : '' });

  /** The classification of the form: the stored one's other keys (category labels) kept. */
  function classification() {
    const out = { ...(entry.classification || {}) };
    out.method = method.value;
    const n = number(classes.value);
    if (n === null) delete out.classes; else out.classes = n;
    if (palette.value) out.palette = palette.value; else delete out.palette;
    if (method.value === 'manual') out.breaks = breaks.value.split(';').map((s) => number(s)).filter((x) => x !== null);
    else delete out.breaks;
    return out;
  }

  function collect() {
    const body = { key };
    for (const f of TEXT) body[f] = inputs[f].value.trim() || null;
    for (const f of NUMBERS) body[f] = number(inputs[f].value);
    for (const f of FLAGS) body[f] = inputs[f].checked;
    for (const f of ['theme', 'polarity', 'kind', 'aggregation', 'visibility']) body[f] = inputs[f].value || null;
    // disclosure is left out: its overrides are edited in the section "Datenschutz", and a field left out keeps its value
    body.classification = classification();
    return body;
  }

  const summary = h('div', { role: 'alert' });
  const saved = h('p', { role: 'status', 'aria-live': 'polite' });
  const form = h('form', { class: 'katalog-formular', novalidate: true },
    data.admin ? null : h('p', { class: 'hinweis' }, t('indicators.form.admin.only')),
    summary,
    h('fieldset', {}, h('legend', {}, t('indicators.group.text')),
      field(t('indicators.field.key'), h('input', { type: 'text', value: key, readonly: true, name: 'key' }), { name: 'key' }),
      choice('theme', data.themes.map((th) => [th.key, th.title])),
      text('title'), text('short_title'), text('definition'), text('interpretation'), text('formula')),
    h('fieldset', {}, h('legend', {}, t('indicators.group.values')),
      choice('kind', ['ratio', 'count', 'value'].map((x) => [x, t(`indicators.kind.${x}`)])),
      text('unit_label'), make('scale_factor', h('input', { type: 'text', inputmode: 'decimal', value: entry.scale_factor ?? '' })),
      make('decimals', h('input', { type: 'text', inputmode: 'numeric', value: entry.decimals ?? '' })),
      text('numerator_label'), text('denominator_label'),
      choice('aggregation', [['', t('indicators.aggregation.default')], ...['ratio_of_sums', 'sum', 'weighted_mean', 'none'].map((x) => [x, t(`indicators.aggregation.${x}`)])]),
      text('weight_indicator'), text('periodicity'),
      flag('numerator_may_exceed_denominator'), flag('numerator_may_be_negative'), flag('counts_public')),
    h('fieldset', {}, h('legend', {}, t('indicators.group.responsibility')),
      text('source'), text('update_cycle'), text('department'),
      choice('visibility', [['internal', t('indicators.internal')], ['public', t('indicators.public')]])),
    h('fieldset', { class: 'klassifizierung' }, h('legend', {}, t('indicators.group.classification')),
      choice('polarity', ['higher_is_better', 'higher_is_worse', 'neutral'].map((x) => [x, t(`indicators.polarity.${x}`)])),
      field(t('indicators.field.method'), method, { name: 'classification' }),
      field(t('indicators.field.classes'), classes, { name: 'classes' }),
      field(t('indicators.field.palette'), palette, { name: 'palette' }),
      field(t('indicators.field.breaks'), breaks, { name: 'breaks' })),
    h('p', { class: 'knoepfe' }, h('button', { type: 'submit' }, t('indicators.save'))),
    saved);

  // ---- preview: the WMS layer drawn with the form's classification, and its classes as the legend
  const withValues = new Set((indicator.levels || []).filter((l) => l.has_values).map((l) => l.level));
  const previewLevels = levels.filter((l) => l.geometry_kind === 'polygon' && withValues.has(l.key) && l.extent);
  const previewBox = h('section', { class: 'vorschau', 'aria-labelledby': 'vorschau-titel' },
    h('h2', { id: 'vorschau-titel' }, t('indicators.preview')), h('p', { class: 'klein' }, t('indicators.preview.lead')));
  let refresh = () => {};
  if (!previewLevels.length) {
    previewBox.append(h('p', { class: 'hinweis' }, t('indicators.preview.none')));
  } else {
    const level = select({ name: 'vorschau-ebene' }, previewLevels.map((l) => [l.key, l.name]), previewLevels[previewLevels.length - 1].key);
    const img = h('img', { class: 'vorschau-karte', width: 520, height: 390, alt: '' });
    const legend = h('div', { class: 'vorschau-legende', 'aria-live': 'polite' });
    const problem = h('p', { class: 'fehler', role: 'alert' });
    let n = 0;
    refresh = async () => {
      const m = ++n;
      const l = previewLevels.find((x) => x.key === level.value);
      const draft = JSON.stringify(classification());
      try {
        const classesOf = await api(url(`/territories/${k}/indicators/${enc(key)}/preview/classes`, { level: l.key, classification: draft }), { fresh: true });
        if (m !== n) return;
        problem.textContent = '';
        clear(legend, h('h3', { class: 'klein-titel' }, t('indicators.preview.legend', t(`indicators.method.${classesOf.method}`))),
          h('ul', { class: 'legende-liste' }, classesOf.classes.map((cl) => h('li', { dataset: { lower: cl.lower ?? '', upper: cl.upper ?? '' } },
            h('span', { class: 'farbfeld', dataset: { colour: cl.colour } }), ` ${cl.label}`))));
        for (const s of legend.querySelectorAll('.farbfeld')) s.style.backgroundColor = s.dataset.colour;   // CSSOM, allowed by the CSP
        const box = mercator(l.extent);
        const w = 520;
        const hgt = Math.max(200, Math.min(520, Math.round((w * (box[3] - box[1])) / Math.max(1, box[2] - box[0]))));
        img.height = hgt;
        img.alt = t('indicators.preview.map', entry.title, l.name);
        // URLSearchParams, not url(): WMS 1.3.0 needs STYLES even when empty (the default style)
        img.src = `/api/v1/territories/${k}/indicators/${enc(key)}/preview/wms?${new URLSearchParams({ SERVICE: 'WMS', VERSION: '1.3.0',
          REQUEST: 'GetMap', LAYERS: `${ctx.key}.${key}.${l.key}`, STYLES: '', CRS: 'EPSG:3857', BBOX: box.join(','), WIDTH: w, HEIGHT: hgt,
          FORMAT: 'image/png', classification: draft })}`;
        img.dataset.draft = draft;
      } catch (e) {
        if (m !== n) return;
        clear(legend);
        problem.textContent = t('indicators.preview.failed', ((e.body && e.body.errors) || []).map((x) => x.message).join(' ') || e.message);
      }
    };
    level.addEventListener('change', refresh);
    previewBox.append(field(t('indicators.preview.level'), level), problem, h('div', { class: 'vorschau-inhalt' }, img, legend));
  }
  let timer = null;
  for (const c2 of [method, classes, palette, breaks, inputs.polarity]) {
    c2.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(refresh, 250); });
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form, summary);
    saved.textContent = '';
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const r = await send('PUT', `/territories/${k}/catalogue/indicators/${enc(key)}`, collect(), ctx.csrf());
      entry = r.entry;
      saved.className = 'erfolg';
      saved.textContent = t(r.unchanged ? 'indicators.unchanged' : 'indicators.saved');
      refresh();
    } catch (err) {
      showErrors(form, summary, err);
    } finally {
      button.disabled = false;
    }
  });

  ctx.container.append(
    h('p', {}, h('a', { href: `/${ctx.key}/verwaltung/indikatoren` }, `‹ ${t('indicators.back')}`)),
    h('h2', {}, entry.title, h('span', { class: 'unterzeile' }, key)),
    h('div', { class: 'katalog-bearbeiten' }, form, previewBox),
    services(ctx, key, levels));
  refresh();
}

/** The layer names and service addresses of the indicator's layers, each with a button that copies it. */
function services(ctx, key, levels) {
  const origin = location.origin;
  const status = h('p', { role: 'status', 'aria-live': 'polite', class: 'kopiert' });
  const wms = `${origin}/${ctx.key}/ows?SERVICE=WMS&REQUEST=GetCapabilities`;
  const wfs = `${origin}/${ctx.key}/ows?SERVICE=WFS&REQUEST=GetCapabilities`;
  async function copy(what, value, input) {
    try {
      await navigator.clipboard.writeText(value);
      status.textContent = t('indicators.copied', what, value);
    } catch {
      input.select();
      // execCommand is the fallback of browsers (and http origins) without the clipboard API
      status.textContent = document.execCommand && document.execCommand('copy') ? t('indicators.copied', what, value) : t('indicators.copy.failed', value);
    }
  }
  const cell = (what, value) => {
    const input = h('input', { type: 'text', readonly: true, value, 'aria-label': what, class: 'adresse' });
    return h('td', {}, h('div', { class: 'kopieren' }, input,
      h('button', { type: 'button', class: 'leise', 'aria-label': t('indicators.copy.label', what), onclick: () => copy(what, value, input) }, t('indicators.copy'))));
  };
  const polygons = levels.filter((l) => l.geometry_kind === 'polygon');
  return h('section', { class: 'dienste', 'aria-labelledby': 'dienste-titel' },
    h('h2', { id: 'dienste-titel' }, t('indicators.services')), h('p', { class: 'klein' }, t('indicators.services.lead')),
    h('div', { class: 'tabelle-box', ...scrollable(t('indicators.services')) }, h('table', { class: 'tabelle' },
      h('thead', {}, h('tr', {}, ['services.level', 'services.layer', 'services.wms', 'services.wfs', 'services.sld']
        .map((x) => h('th', { scope: 'col' }, t(`indicators.${x}`))))),
      h('tbody', {}, polygons.map((l) => {
        const layer = `${ctx.key}.${key}.${l.key}`;
        return h('tr', { dataset: { level: l.key } }, h('th', { scope: 'row' }, l.name),
          cell(`${t('indicators.services.layer')} ${l.name}`, layer),
          cell(`${t('indicators.services.wms')} ${l.name}`, wms),
          cell(`${t('indicators.services.wfs')} ${l.name}`, wfs),
          cell(`${t('indicators.services.sld')} ${l.name}`, `${origin}/api/v1/territories/${ctx.key}/indicators/${key}/sld?level=${l.key}`));
      })))),
    status);
}
