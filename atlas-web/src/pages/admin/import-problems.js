// The table of an import's problems or warnings (line, column, value, message), shared by the import
// form (a refusal before the job starts) and the job view (a rejected or warned file).
import { h } from '../../dom.js';
import { t, language } from '../../i18n.js';

const count = (n) => new Intl.NumberFormat('de-DE').format(n);

/** @param problems the API's problems: {line, column, value, de, en} */
export function problemTable(problems, caption) {
  return h('div', { class: 'tabelle-box' }, h('table', { class: 'tabelle probleme' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ['import.col.line', 'import.col.column', 'import.col.value', 'import.col.message']
      .map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, problems.map((p) => h('tr', {},
      h('td', { class: 'zahl' }, p.line === null || p.line === undefined ? '–' : count(p.line)),
      h('td', {}, p.column ?? '–'),
      h('td', {}, p.value === null || p.value === undefined || p.value === '' ? '–' : h('code', {}, p.value)),
      h('td', {}, language() === 'en' ? p.en : p.de))))));
}

/** A refused file: says plainly that nothing changed, how many problems there are, and lists them. */
export function rejection(problems, total, fileName) {
  const n = total ?? problems.length;
  return h('div', { class: 'abgelehnt', role: 'alert' },
    h('h2', {}, t('import.job.rejected')),
    h('p', {}, n === 1 ? t('import.job.problems.one') : t('import.job.problems', count(n))),
    n > problems.length ? h('p', { class: 'klein' }, t('import.job.problemsCut', count(problems.length), count(n))) : null,
    problemTable(problems, t('import.problems.caption', fileName)));
}

export function warnings(list, fileName) {
  if (!list || !list.length) return null;
  return h('section', { class: 'hinweise', 'aria-labelledby': 'import-hinweise' },
    h('h2', { id: 'import-hinweise' }, t('import.warnings', count(list.length))),
    h('p', {}, t('import.warnings.lead')),
    problemTable(list, t('import.problems.caption', fileName)));
}
