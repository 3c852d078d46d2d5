// "Neues Gebiet" on the console's home page (global administrators): key, name, kind, CRS and the
// levels as a chain (each names its parent). The API checks everything and names each refusal beside
// its field; afterwards the administrator goes on to "Daten importieren" of the new territory.
import { h, clear } from '../../dom.js';
import { send } from '../../api.js';
import { t } from '../../i18n.js';
import { field, showErrors, clearErrors } from './forms.js';
import './users.js';   // its texts (users.newTerritory.*)

const KINDS = ['kreis', 'kreisfreie_stadt', 'gemeinde', 'land', 'bund', 'region'];
const CRS = [['25832', 'ETRS89 / UTM 32N'], ['25833', 'ETRS89 / UTM 33N'], ['31466', 'DHDN / Gauß-Krüger 2'], ['31467', 'DHDN / Gauß-Krüger 3'],
  ['31468', 'DHDN / Gauß-Krüger 4'], ['31469', 'DHDN / Gauß-Krüger 5'], ['3035', 'ETRS89 / LAEA Europe']];

/** The form, for the console's home page; `csrf()` answers the session's token. */
export function newTerritoryForm(csrf) {
  const summary = h('p', { role: 'alert' });
  const result = h('div', { role: 'status' });
  const key = h('input', { name: 'key', autocomplete: 'off', spellcheck: 'false' });
  const name = h('input', { name: 'name', autocomplete: 'off' });
  const kind = h('select', { name: 'kind' }, KINDS.map((k) => h('option', { value: k }, t(`users.kind.${k}`))));
  const ags = h('input', { name: 'ags', inputmode: 'numeric', autocomplete: 'off' });
  const srid = h('input', { name: 'srid', list: 'crs-liste', value: '25832', autocomplete: 'off', spellcheck: 'false' });
  const crsList = h('datalist', { id: 'crs-liste' }, CRS.map(([code, label]) => h('option', { value: code }, label)));
  const rows = h('div', { class: 'ebenen' });
  let counter = 0;
  const renumber = () => {
    [...rows.children].forEach((row, i) => {
      row.querySelector('legend').textContent = t('users.newTerritory.level', i + 1);
      for (const input of row.querySelectorAll('[data-part]')) {
        const f = `levels[${i}].${input.dataset.part}`;
        input.name = f;
        input.closest('.feld').querySelector('.feldfehler').dataset.field = f;
      }
      row.querySelector('.leise').setAttribute('aria-label', t('users.newTerritory.removeLevel', i + 1));
    });
  };
  const addRow = (values = {}) => {
    const n = ++counter;
    const input = (part, v) => h('input', { dataset: { part }, value: v || '', autocomplete: 'off', id: `ebene-${n}-${part}` });
    const row = h('fieldset', { class: 'ebene' }, h('legend', {}),
      field(t('users.newTerritory.levelKey'), input('key', values.key), { name: `levels.${n}.key` }),
      field(t('users.newTerritory.levelName'), input('name', values.name), { name: `levels.${n}.name` }),
      field(t('users.newTerritory.levelPlural'), input('name_plural', values.name_plural), { name: `levels.${n}.name_plural` }),
      field(t('users.newTerritory.levelParent'), input('parent', values.parent), { name: `levels.${n}.parent` }),
      h('button', { type: 'button', class: 'leise', onclick: () => { row.remove(); renumber(); } }, '✕'));
    rows.append(row);
    renumber();
    return row;
  };
  addRow();
  addRow();

  const form = h('form', { class: 'formular breit', id: 'gebiet-neu', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    clearErrors(form, summary);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    const levels = [...rows.children].map((row) => {
      const v = (p) => row.querySelector(`[data-part=${p}]`).value.trim();
      return { key: v('key'), name: v('name'), name_plural: v('name_plural') || null, parent: v('parent') || null };
    });
    try {
      const r = await send('POST', '/territories', { key: key.value.trim(), name: name.value.trim(), kind: kind.value,
        ags: ags.value.trim() || null, srid: srid.value.trim(), levels }, csrf());
      clear(result, h('p', { class: 'erfolg' }, t('users.newTerritory.created', name.value.trim())),
        h('p', {}, h('a', { href: `/${r.territory}/verwaltung/daten-importieren`, id: 'gebiet-weiter' }, t('users.newTerritory.next'))));
      result.querySelector('a').focus();
    } catch (err) {
      if (err.status === undefined) throw err;
      showErrors(form, summary, err);
    } finally {
      button.disabled = false;
    }
  } },
  h('h2', {}, t('users.newTerritory')),
  h('p', {}, t('users.newTerritory.lead')),
  field(t('users.newTerritory.key'), key, { hint: t('users.newTerritory.keyHint') }),
  field(t('users.newTerritory.name'), name),
  field(t('users.newTerritory.kind'), kind),
  field(t('users.newTerritory.ags'), ags, { hint: t('users.newTerritory.agsHint') }),
  field(t('users.newTerritory.srid'), srid, { hint: t('users.newTerritory.sridHint') }),
  crsList,
  h('h3', {}, t('users.newTerritory.levels')),
  h('p', { class: 'klein' }, t('users.newTerritory.levelsHint')),
  h('p', { class: 'feldfehler', dataset: { field: 'levels' }, id: 'ebenen-fehler' }),
  rows,
  h('p', {}, h('button', { type: 'button', class: 'leise', id: 'ebene-dazu', onclick: () => addRow().querySelector('input').focus() },
    t('users.newTerritory.addLevel'))),
  summary,
  h('button', { type: 'submit' }, t('users.newTerritory.create')));
  return h('section', { class: 'gebiet-neu' }, form, result);
}
