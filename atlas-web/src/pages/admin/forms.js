// Form pieces shared by the console's sections: a labelled field with its server message beside it,
// and the display of the API's answer to a refused form (title, and per field where the API names one).
import { h } from '../../dom.js';

let n = 0;

/**
 * A labelled field. The server's message for `name` appears in its error slot (aria-describedby), so a
 * screen reader reads it with the field.
 */
export function field(label, input, { name = input.name, hint = null } = {}) {
  if (!input.id) input.id = `feld-${name || 'x'}-${++n}`;
  const error = h('p', { class: 'feldfehler', id: `${input.id}-fehler`, dataset: { field: name || '' } });
  const help = hint ? h('p', { class: 'klein', id: `${input.id}-hilfe` }, hint) : null;
  input.setAttribute('aria-describedby', [help && help.id, error.id].filter(Boolean).join(' '));
  return h('div', { class: 'feld' }, h('label', { for: input.id }, label), input, help, error);
}

/**
 * Shows an ApiError on a form: each `errors[i]` ({field, message}) beside its field, the title in the
 * form's summary (role=alert). Clears earlier messages first. Answers whether field errors were shown.
 */
export function showErrors(form, summary, error) {
  clearErrors(form, summary);
  const errors = (error.body && error.body.errors) || [];
  let first = null;
  for (const e of errors) {
    const slot = form.querySelector(`.feldfehler[data-field="${CSS.escape(e.field)}"]`);
    if (slot) {
      slot.textContent = e.message;
      const input = form.querySelector(`#${CSS.escape(slot.id.replace(/-fehler$/, ''))}`);
      if (input) input.setAttribute('aria-invalid', 'true');
      first = first || input;
    }
  }
  summary.className = 'fehler';
  summary.textContent = error.message;
  if (first) first.focus();
  return errors.length > 0;
}

export function clearErrors(form, summary) {
  for (const s of form.querySelectorAll('.feldfehler')) s.textContent = '';
  for (const i of form.querySelectorAll('[aria-invalid]')) i.removeAttribute('aria-invalid');
  if (summary) {
    summary.textContent = '';
    summary.className = '';
  }
}
