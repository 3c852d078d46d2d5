// Admin console section "Daten importieren": upload values, boundaries, a catalogue or facilities by
// file picker or drag and drop. Boundary files are read first (their layers, fields, CRS) so that
// level, code and name field are chosen from the file's own fields. The import runs as a job; its
// address (…/daten-importieren/auftrag/{id}) shows the progress, so one can leave and come back.
import { h, clear } from '../../dom.js';
import { api, send, upload, enc, ApiError } from '../../api.js';
import { t, addTexts } from '../../i18n.js';
import { app, navigate } from '../../main.js';
import { field, showErrors, clearErrors } from './forms.js';
import { rejection, warnings } from './import-problems.js';
import texts from './import.texts.js';

addTexts(texts);

const count = (n) => new Intl.NumberFormat('de-DE').format(n);
const size = (bytes) => (bytes >= 1024 * 1024
  ? `${new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`
  : `${new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }).format(bytes / 1024)} KB`);
const ACCEPT = {
  values: '.csv,.txt,.tsv,.xlsx',
  boundaries: '.geojson,.json,.zip,.gpkg',
  catalogue: '.yaml,.yml',
  facilities: '.csv,.txt,.tsv,.xlsx',
};

export default {
  path: 'daten-importieren',
  title: 'admin.section.import',
  allowed: (roles) => roles.any,
  async render(ctx) {
    if (ctx.rest[0] === 'auftrag' && ctx.rest[1]) return jobView(ctx, ctx.rest[1]);
    if (ctx.rest.length) throw Object.assign(new Error(t('error.page')), { status: 404 });
    return importForm(ctx);
  },
};

async function importForm(ctx) {
  const base = `/territories/${enc(ctx.key)}`;
  const [targets, levels] = await Promise.all([api(`${base}/imports/targets`, { fresh: true }), api(`${base}/levels`, { fresh: true })]);
  let file = null;
  let kind = targets.kinds[0];
  let inspected = null;

  const summary = h('p', { role: 'alert' });
  const outcome = h('div', { class: 'ergebnis' });
  const bar = h('progress', { max: 100, value: 0, hidden: true, 'aria-label': t('import.uploading', 0) });
  const barText = h('p', { class: 'klein', role: 'status' });
  const limit = h('p', { class: 'klein', id: 'import-grenze' });
  const chosen = h('p', { class: 'gewaehlt', 'aria-live': 'polite' });
  const input = h('input', { type: 'file', id: 'import-datei', name: 'file', 'aria-describedby': 'import-grenze' });
  const zone = h('div', { class: 'ablage' },
    h('label', { for: 'import-datei' }, t('import.drop')), input, chosen, limit);
  const options = h('div', { class: 'optionen' });
  const submit = h('button', { type: 'submit' }, t('import.submit'));

  const tooLarge = () => file && file.size > targets.limits[kind].bytes;
  const choose = (f) => {
    file = f;
    inspected = null;
    chosen.textContent = f ? t('import.dropped', f.name, size(f.size)) : '';
    clear(outcome);
    clearErrors(form, summary);
    if (tooLarge()) {
      // the server would refuse it after the whole upload: say so at once
      summary.className = 'fehler';
      summary.textContent = t('import.tooLarge', size(f.size), targets.limits[kind].formatted);
      if (kind === 'boundaries') clear(options);
      return;
    }
    if (f && kind === 'boundaries') inspect();
  };
  input.addEventListener('change', () => choose(input.files[0] || null));
  // drag and drop: the zone takes a dropped file as if it had been picked
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('ueber'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('ueber'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('ueber');
    const f = e.dataTransfer && e.dataTransfer.files[0];
    if (f) choose(f);
  });

  const kinds = h('fieldset', { class: 'arten' }, h('legend', {}, t('import.kind')),
    targets.kinds.map((k, i) => h('div', {},
      h('input', { type: 'radio', name: 'kind', id: `import-art-${k}`, value: k, checked: i === 0,
        onchange: () => { kind = k; choose(null); input.value = ''; drawKind(); } }),
      h('label', { for: `import-art-${k}` }, t(`import.kind.${k}`)))));

  function drawKind() {
    input.setAttribute('accept', ACCEPT[kind]);
    const l = targets.limits[kind];
    limit.textContent = kind === 'values' ? t('import.limit.rows', l.formatted, l.rows_formatted) : t('import.limit', l.formatted);
    clear(options, kind === 'values' ? valueOptions() : null);
  }

  // ---- values: target indicator, period and level for files that lack those columns -------------
  function valueOptions() {
    const periodHint = h('span', {});
    const indicator = h('select', { name: 'indicator' },
      h('option', { value: '' }, t('import.target.fromFile')),
      targets.indicators.map((i) => h('option', { value: i.key }, `${i.title} (${i.key})`)));
    const hintFor = () => {
      const i = targets.indicators.find((x) => x.key === indicator.value);
      periodHint.textContent = i ? t('import.period.hint', i.period_forms) : t('import.period.hintAny');
    };
    indicator.addEventListener('change', hintFor);
    hintFor();
    const n = targets.indicators.length;
    return h('div', {},
      field(t('import.target'), indicator, { hint: n === 1 ? t('import.target.hint.one') : t('import.target.hint', count(n)) }),
      field(t('import.period'), h('input', { name: 'period', autocomplete: 'off' }), { hint: periodHint }),
      field(t('import.level'), h('select', { name: 'level' }, h('option', { value: '' }, t('import.level.any')),
        levels.map((l) => h('option', { value: l.key }, l.name))), { hint: t('import.level.hint') }),
      h('details', { class: 'ziele' }, h('summary', {}, `${t('import.yourIndicators')} (${count(n)})`),
        h('ul', { class: 'ziel-liste' }, targets.indicators.map((i) => h('li', {}, `${i.title} – `, h('code', {}, i.key),
          i.theme ? ` (${i.theme})` : '')))));
  }

  // ---- boundaries: read the file, then choose layer, fields and level --------------------------
  async function inspect() {
    const asked = file;
    clear(options, h('p', { class: 'laedt', role: 'status' }, t('import.inspecting')));
    const fd = new FormData();
    fd.append('file', file);
    try {
      const answer = await upload(`${base}/imports/inspect`, fd, ctx.csrf(), progress);
      if (asked !== file) return;
      inspected = answer;
      bar.hidden = true;
      barText.textContent = '';
      clear(options, boundaryOptions(answer));
    } catch (e) {
      if (asked !== file) return;
      bar.hidden = true;
      barText.textContent = '';
      clear(options);
      refused(e);
    }
  }

  function boundaryOptions(answer) {
    const layers = answer.layers;
    const pick = (re, fields) => (fields.find((f) => re.test(f.name)) || {}).name || '';
    const fieldBox = h('div', {});
    const layerSelect = layers.length > 1
      ? h('select', { name: 'layer' }, layers.map((l) => h('option', { value: l.name }, l.name))) : null;
    const drawLayer = () => {
      const l = layerSelect ? layers.find((x) => x.name === layerSelect.value) : layers[0];
      const names = l.fields.map((f) => f.name);
      const select = (name, preset, optional) => {
        const s = h('select', { name }, optional ? h('option', { value: '' }, t('import.parentField.none')) : null,
          names.map((n) => h('option', { value: n }, n)));
        s.value = preset;
        return s;
      };
      clear(fieldBox,
        h('p', {}, t('import.file.summary', layers.length > 1 ? l.name : answer.file_name, count(Math.max(0, l.feature_count)), l.geometry || '–',
          l.crs ? `${l.crs}${l.epsg ? ` (${l.epsg})` : ''}` : t('import.file.noCrs'))),
        l.crs ? null : h('p', { class: 'hinweis' }, t('import.file.noCrsHint')),
        h('div', { class: 'tabelle-box' }, h('table', { class: 'tabelle klein felder' },
          h('caption', {}, t('import.file.fields')),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('import.col.field')), h('th', { scope: 'col' }, t('import.col.type')),
            h('th', { scope: 'col' }, t('import.col.samples')))),
          h('tbody', {}, l.fields.map((f) => h('tr', {}, h('th', { scope: 'row' }, f.name), h('td', {}, f.type),
            h('td', {}, f.samples.join(' · '))))))),
        field(t('import.codeField'), select('code_field', pick(/^(code|ags|ars|schl|key|id|nr|nummer|kenn)/i, l.fields) || names[0] || '')),
        field(t('import.nameField'), select('name_field', pick(/^(name|bez|gen|titel)/i, l.fields) || names[0] || '')),
        field(t('import.parentField'), select('parent_field', '', true)),
        field(t('import.codeWidth'), h('input', { name: 'code_width', type: 'number', min: 1, max: 40, inputmode: 'numeric' }),
          { hint: t('import.codeWidth.hint') }),
        field(t('import.validFrom'), h('input', { name: 'valid_from', type: 'date' }), { hint: t('import.validFrom.hint') }),
        field(t('import.sourceSrs'), h('input', { name: 'source_srs', autocomplete: 'off', value: '', placeholder: 'EPSG:25832' }),
          { hint: t('import.sourceSrs.hint') }));
    };
    if (layerSelect) layerSelect.addEventListener('change', drawLayer);
    drawLayer();
    return h('div', {}, layerSelect ? field(t('import.layer'), layerSelect) : null, fieldBox, levelChooser());
  }

  function levelChooser() {
    const polygons = levels.filter((l) => l.geometry_kind !== 'point');
    const NEW = '\u0000neu';
    const select = h('select', { name: 'level', required: true },
      polygons.map((l) => h('option', { value: l.key }, l.name)), h('option', { value: NEW }, t('import.targetLevel.new')));
    const message = h('p', { role: 'status' });
    const key = h('input', { name: 'key', autocomplete: 'off', pattern: '[a-z][a-z0-9_]*' });
    const name = h('input', { name: 'name', autocomplete: 'off' });
    const plural = h('input', { name: 'name_plural', autocomplete: 'off' });
    const parent = h('select', { name: 'parent' }, h('option', { value: '' }, t('import.newLevel.top')),
      polygons.map((l) => h('option', { value: l.key }, l.name)));
    if (polygons.length) parent.value = polygons[polygons.length - 1].key;
    const box = h('fieldset', { class: 'neue-ebene', hidden: true }, h('legend', {}, t('import.newLevel')),
      field(t('import.newLevel.key'), key), field(t('import.newLevel.name'), name), field(t('import.newLevel.plural'), plural),
      field(t('import.newLevel.parent'), parent),
      h('p', {}, h('button', { type: 'button', class: 'neue-ebene-anlegen', onclick: async () => {
        clearErrors(box, message);
        try {
          const made = await send('POST', `/territories/${enc(ctx.key)}/levels`,
            { key: key.value, name: name.value, name_plural: plural.value, parent: parent.value || null }, ctx.csrf());
          levels.push({ key: made.key, name: made.name, geometry_kind: 'polygon', rank: made.rank });
          const option = h('option', { value: made.key }, made.name);
          select.insertBefore(option, select.lastChild);
          parent.append(h('option', { value: made.key }, made.name));
          select.value = made.key;
          box.hidden = true;
          message.className = 'erfolg';
          message.textContent = t('import.newLevel.created', made.name);
          select.focus();
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          showErrors(box, message, e);
        }
      } }, t('import.newLevel.create'))));
    // the form's own fields must not be sent: the new level goes to its own endpoint
    for (const el of [key, name, plural, parent]) el.setAttribute('form', 'keines');
    const toggle = () => { box.hidden = select.value !== NEW; };
    select.addEventListener('change', toggle);
    if (!polygons.length) select.value = NEW;
    toggle();
    return h('div', {}, field(t('import.targetLevel'), select), message, box);
  }

  function progress(share) {
    bar.hidden = false;
    bar.value = Math.round(share * 100);
    barText.textContent = t('import.uploading', Math.round(share * 100));
  }

  function refused(e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.body && e.body.problems) {
      summary.className = '';
      summary.textContent = '';
      clear(outcome, rejection(e.body.problems, e.body.problem_count, file ? file.name : ''));
    } else {
      showErrors(form, summary, e);
    }
  }

  const form = h('form', { class: 'formular import', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    clearErrors(form, summary);
    clear(outcome);
    if (!file || tooLarge()) {
      summary.className = 'fehler';
      summary.textContent = file ? t('import.tooLarge', size(file.size), targets.limits[kind].formatted) : t('import.noFile');
      input.focus();
      return;
    }
    if (kind === 'boundaries' && !inspected) return;
    const fd = new FormData();
    fd.append('file', file);
    fd.append('async', 'true');
    for (const el of options.querySelectorAll('input[name], select[name]')) {
      if (el.getAttribute('form') === 'keines' || el.value === '') continue;
      fd.append(el.name, el.value);
    }
    submit.disabled = true;
    try {
      const job = await upload(`${base}/imports/${kind}`, fd, ctx.csrf(), progress);
      navigate(`/${ctx.key}/verwaltung/daten-importieren/auftrag/${enc(job.id)}`);
    } catch (err) {
      bar.hidden = true;
      barText.textContent = '';
      refused(err);
    } finally {
      submit.disabled = false;
    }
  } },
  kinds, h('div', { class: 'feld' }, h('span', { class: 'feld-titel' }, t('import.file')), zone), options,
  summary, h('p', { class: 'knoepfe' }, submit), bar, barText);
  drawKind();
  ctx.container.append(form, outcome);
}

// ---- the job: progress, then the result, the problems or the warnings -------------------------------
async function jobView(ctx, id) {
  const status = h('p', { role: 'status', class: 'fortschritt-text' });
  const bar = h('progress', { max: 100, value: 0, 'aria-label': t('import.job.progress') });
  const box = h('div', { class: 'auftrag' });
  const heading = h('h2', {});
  ctx.container.append(heading, box);
  let timer = null;
  let stopped = false;
  app.cleanup = () => { stopped = true; clearTimeout(timer); };

  const draw = (job) => {
    heading.textContent = t('import.job.title', job.file_name);
    if (job.state === 'queued' || job.state === 'running') {
      const phase = job.phase ? t(`import.job.phase.${job.phase}`) : '';
      bar.value = job.percent;
      status.textContent = job.state === 'queued' ? t('import.job.queued') : t('import.job.running', phase || '…', job.percent);
      if (!box.contains(bar)) clear(box, bar, status, h('p', { class: 'klein' }, t('import.job.leave')));
      return false;
    }
    const again = h('a', { href: `/${ctx.key}/verwaltung/daten-importieren` }, t('import.job.again'));
    if (job.state === 'done') {
      const r = job.result;
      bar.value = 100;
      clear(box, h('progress', { max: 100, value: 100, 'aria-label': t('import.job.progress') }),
        h('p', { class: 'erfolg', role: 'status' }, r.unchanged && r.written === 0 && r.batch_id
          ? t('import.job.unchanged', r.batch_id) : t('import.job.done', count(r.rows), count(r.written), count(r.unchanged_rows))),
        warnings(r.warnings, job.file_name),
        h('p', { class: 'knoepfe' },
          r.batch_id ? h('a', { href: `/${ctx.key}/verwaltung/importe/${r.batch_id}` }, t('import.job.batch', r.batch_id)) : null, again));
    } else if (job.state === 'rejected') {
      clear(box, rejection(job.problems || [], job.problem_count, job.file_name), h('p', {}, again));
    } else {
      clear(box, h('p', { class: 'fehler', role: 'alert' }, t('import.job.failed'), ' ', job.error || ''), h('p', {}, again));
    }
    box.dataset.state = job.state;
    return true;
  };

  const poll = async () => {
    if (stopped) return;
    try {
      const job = await api(`/imports/${enc(id)}`, { fresh: true });
      // a job of another territory belongs under that territory's address
      if (job.territory && job.territory !== ctx.key) throw new ApiError(404, 'not found');
      if (!stopped && !draw(job)) timer = setTimeout(poll, 500);
    } catch (e) {
      if (stopped) return;
      if (e instanceof ApiError && e.status === 404) {
        heading.textContent = t('admin.section.import');
        clear(box, h('p', { class: 'hinweis', role: 'alert' }, t('import.job.gone')),
          h('p', {}, h('a', { href: `/${ctx.key}/verwaltung/importe` }, t('admin.section.batches'))));
        box.dataset.state = 'gone';
      } else {
        // a network hiccup while polling: say so and keep asking
        status.textContent = e.message;
        timer = setTimeout(poll, 2000);
      }
    }
  };
  await poll();
}
