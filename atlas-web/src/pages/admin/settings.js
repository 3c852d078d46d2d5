// Admin console section "Einstellungen": the territory's name and colour in reports, its logo (reports'
// header and the web atlas's territory page), the population indicator of disclosure control and the
// minimum number of published indicators. The server checks every field and names each refusal; a
// refused form changes nothing.
import { h, clear } from '../../dom.js';
import { api, send, upload, enc } from '../../api.js';
import { t, addTexts } from '../../i18n.js';
import { field, showErrors, clearErrors } from './forms.js';
import { when } from './users.js';
import texts from './settings.texts.js';

addTexts(texts);

const section = {
  path: 'einstellungen',
  title: 'admin.section.settings',
  allowed: (roles) => roles.admin,
  async render(ctx) {
    const [s, indicators] = await Promise.all([api(`/territories/${enc(ctx.key)}/settings`, { fresh: true }),
      api(`/territories/${enc(ctx.key)}/indicators`, { fresh: true })]);
    ctx.container.append(h('p', {}, t('settings.lead')), settingsForm(ctx, s, indicators), logoPart(ctx, s));
  },
};
export default section;

function settingsForm(ctx, s, indicators) {
  const summary = h('p', { role: 'alert' });
  const done = h('p', { role: 'status', class: 'erfolg' });
  const reportName = h('input', { name: 'report_name', value: s.report_name || '', placeholder: s.name, autocomplete: 'off' });
  const colour = h('input', { name: 'colour', value: s.colour || '', placeholder: '#1f4e79', autocomplete: 'off', spellcheck: 'false', size: '8' });
  const sample = h('span', { class: 'farbprobe', role: 'img', 'aria-label': t('settings.colourSample') });
  const showSample = () => {
    const v = colour.value.trim();
    sample.style.background = /^#[0-9a-fA-F]{6}$/.test(v) ? v : '#1f4e79';
  };
  colour.addEventListener('input', showSample);
  showSample();
  const population = h('select', { name: 'population_indicator' }, h('option', { value: '' }, t('settings.populationNone')),
    indicators.filter((i) => i.kind === 'count' || i.key === s.population_indicator).map((i) => h('option',
      { value: i.key, selected: i.key === s.population_indicator }, `${i.title} (${i.key})`)));
  const minPublished = h('input', { name: 'min_published', type: 'number', min: '1', max: '1000', step: '1', inputmode: 'numeric',
    value: String(s.min_published) });
  const form = h('form', { class: 'formular', id: 'einstellungen-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    clearErrors(form, summary);
    done.textContent = '';
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await send('PUT', `/territories/${enc(ctx.key)}/settings`, {
        report_name: reportName.value.trim(),
        colour: colour.value.trim(),
        population_indicator: population.value,
        // a number field the browser cannot read (e.g. "abc") arrives as text, so the server names it
        min_published: minPublished.value === '' ? '' : minPublished.valueAsNumber || minPublished.value,
      }, ctx.csrf());
      done.textContent = t('settings.saved');
    } catch (err) {
      if (err.status === undefined) throw err;
      showErrors(form, summary, err);
    } finally {
      button.disabled = false;
    }
  } },
  field(t('settings.reportName'), reportName, { hint: t('settings.reportNameHint', s.name) }),
  h('div', { class: 'farbe' }, field(t('settings.colour'), colour, { hint: t('settings.colourHint') }), sample),
  field(t('settings.population'), population, { hint: t('settings.populationHint') }),
  field(t('settings.minPublished'), minPublished, { hint: t('settings.minPublishedHint', new Intl.NumberFormat('de-DE').format(s.published)) }),
  summary,
  h('button', { type: 'submit' }, t('settings.save')),
  done);
  return form;
}

function logoPart(ctx, s) {
  const box = h('section', { class: 'logo-teil', 'aria-labelledby': 'logo-titel' });
  const draw = (st, message) => {
    const summary = h('p', { role: 'alert' });
    const done = h('p', { role: 'status', class: 'erfolg' }, message || '');
    const file = h('input', { type: 'file', name: 'logo', accept: 'image/png,image/jpeg,image/svg+xml,.png,.jpg,.jpeg,.svg' });
    const progress = h('progress', { max: '1', value: '0', hidden: true, 'aria-label': t('settings.logo.progress') });
    const logo = st.logo;
    const form = h('form', { class: 'formular', id: 'logo-form', novalidate: true, onsubmit: async (e) => {
      e.preventDefault();
      clearErrors(form, summary);
      if (!file.files.length) {
        file.focus();
        return;
      }
      const data = new FormData();
      data.append('file', file.files[0]);
      progress.hidden = false;
      try {
        const next = await upload(`/territories/${enc(ctx.key)}/logo`, data, ctx.csrf(), (p) => { progress.value = p; });
        draw(next, t('settings.logo.uploaded'));
        box.querySelector('h2').focus();
      } catch (err) {
        if (err.status === undefined) throw err;
        showErrors(form, summary, err);
      } finally {
        progress.hidden = true;
      }
    } },
    field(t('settings.logo.file'), file, { name: 'logo' }),
    progress,
    summary,
    h('p', { class: 'knoepfe' }, h('button', { type: 'submit' }, t('settings.logo.upload')),
      logo ? h('button', { type: 'button', class: 'leise', id: 'logo-entfernen', onclick: async () => {
        // eslint-disable-next-line no-alert
        if (!window.confirm(t('settings.logo.confirmRemove'))) return;
        try {
          draw(await send('DELETE', `/territories/${enc(ctx.key)}/logo`, undefined, ctx.csrf()), t('settings.logo.removed'));
          box.querySelector('h2').focus();
        } catch (err) {
          summary.className = 'fehler';
          summary.textContent = err.message;
        }
      } }, t('settings.logo.remove')) : null));
    clear(box,
      h('h2', { id: 'logo-titel', tabindex: '-1' }, t('settings.logo')),
      h('p', {}, t('settings.logo.lead')),
      done,
      logo ? h('figure', { class: 'logo-vorschau' },
        h('img', { src: logo.url, alt: t('settings.logo.alt', ctx.territory.name), id: 'logo-bild' }),
        h('figcaption', { class: 'klein' }, t('settings.logo.current', logo.file_name || logo.media_type,
          new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }).format(logo.bytes / 1024), when(logo.uploaded_at), logo.uploaded_by)))
        : h('p', {}, t('settings.logo.none')),
      form);
  };
  draw(s);
  return box;
}
