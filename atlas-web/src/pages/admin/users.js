// Admin console section "Benutzer und Rechte": users of the territory (status, search, one-time
// passwords, unlock, disable, grants, their API tokens), departments, one's own API tokens and the audit
// log. Everything goes through the admin API, which checks each act again (territory administrators
// manage the users with grants in their territories; department editors do not get here at all).
import { h, clear, url } from '../../dom.js';
import { api, send, enc } from '../../api.js';
import { t, addTexts, language } from '../../i18n.js';
import { navigate } from '../../main.js';
import { field, showErrors, clearErrors } from './forms.js';
import texts from './users.texts.js';

addTexts(texts);

const TABS = [
  { path: '', title: 'users.tab.users', render: usersTab },
  { path: 'fachbereiche', title: 'users.tab.departments', render: departmentsTab },
  { path: 'schluessel', title: 'users.tab.tokens', render: ownTokensTab },
  { path: 'protokoll', title: 'users.tab.audit', render: auditTab },
];

const section = {
  path: 'benutzer',
  title: 'admin.section.users',
  allowed: (roles) => roles.admin,
  async render(ctx) {
    const tab = TABS.find((x) => x.path === (ctx.rest[0] || '')) || null;
    if (!tab) throw Object.assign(new Error(t('error.page')), { status: 404 });
    const base = `/${ctx.key}/verwaltung/benutzer`;
    ctx.container.append(h('nav', { class: 'reiter', 'aria-label': t('users.tabs') },
      h('ul', {}, TABS.map((x) => h('li', {}, h('a', { href: x.path ? `${base}/${x.path}` : base, 'aria-current': x === tab ? 'page' : null },
        t(x.title)))))));
    await tab.render(ctx);
  },
};
export default section;

/** Draws the section again after a change, with a message on top (ctx.flash). */
async function redraw(ctx, flash) {
  clear(ctx.container);
  await section.render({ ...ctx, flash });
}

// ---- shared pieces ------------------------------------------------------------------------------

/** A date and time from the API (ISO, UTC) in the reader's language; '' when there is none. */
export function when(iso) {
  if (!iso) return '';
  const d = instant(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(language() === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A time stamp as the API gives it: ISO 8601, or PostgreSQL's text form "2026-11-30 00:14:02.1+00". */
function instant(s) {
  return new Date(s.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}

/** A secret shown once (one-time password, API token) with a copy button; the text stays selectable. */
export function secretBox(title, hint, secret, id) {
  const status = h('p', { role: 'status', class: 'klein' });
  const input = h('input', { id, class: 'geheimnis', readonly: true, value: secret, spellcheck: 'false', autocomplete: 'off' });
  return h('div', { class: 'einmalig', role: 'group', 'aria-labelledby': `${id}-titel` },
    h('h3', { id: `${id}-titel` }, title),
    h('p', {}, hint),
    h('div', { class: 'kopieren' },
      h('label', { for: id, class: 'unsichtbar' }, title), input,
      h('button', { type: 'button', onclick: async () => {
        try {
          await navigator.clipboard.writeText(secret);
          status.textContent = t('users.copied');
        } catch {
          input.select();
          status.textContent = t('users.copyFailed');
        }
      } }, t('users.copy'))),
    status);
}

function roleText(g) {
  return g.role === 'editor' ? t('users.role.editor', g.department) : t(`users.role.${g.role}`);
}

/** A form whose submit runs `act`; the API's refusal appears beside the fields and in the summary. */
function apiForm(attrs, children, act) {
  const summary = h('p', { role: 'alert' });
  const form = h('form', { ...attrs, novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    clearErrors(form, summary);
    const button = form.querySelector('button[type=submit]');
    if (button) button.disabled = true;
    try {
      await act(form, summary);
    } catch (err) {
      if (err.status === undefined) throw err;
      showErrors(form, summary, err);
    } finally {
      if (button) button.disabled = false;
    }
  } }, children, summary);
  return form;
}

function confirmed(message) {
  // eslint-disable-next-line no-alert
  return window.confirm(message);
}

// ---- users -------------------------------------------------------------------------------------

async function usersTab(ctx) {
  const departments = await api(`/territories/${enc(ctx.key)}/departments`, { fresh: true }).catch(() => []);
  const search = h('input', { type: 'search', id: 'benutzer-suche', autocomplete: 'off', placeholder: t('users.searchHint') });
  const count = h('p', { role: 'status', class: 'treffer' });
  const table = h('div', { class: 'tabelle-box' });
  const detail = h('section', { class: 'benutzer-detail', 'aria-live': 'polite' });
  const created = h('div', { id: 'neu-ergebnis' });
  let users = [];

  const load = async () => {
    users = await api(url('/users', { q: search.value.trim() }), { fresh: true });
    draw();
  };
  const draw = () => {
    count.textContent = users.length ? t('users.count', new Intl.NumberFormat('de-DE').format(users.length)) : t('users.none');
    clear(table, users.length ? h('table', { class: 'tabelle', id: 'benutzer-liste' },
      h('caption', {}, t('users.tab.users')),
      h('thead', {}, h('tr', {}, ['users.col.user', 'users.col.status', 'users.col.lastLogin', 'users.col.roles', 'users.col.actions']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, users.map((u) => h('tr', { dataset: { login: u.login } },
        h('th', { scope: 'row' }, u.login, u.display_name ? h('span', { class: 'klein unterzeile-tabelle' }, u.display_name) : null),
        h('td', {}, status(u)),
        h('td', {}, u.last_login_at ? when(u.last_login_at) : t('users.never')),
        h('td', {}, roles(u, ctx.key)),
        h('td', {}, h('button', { type: 'button', class: 'leise', 'aria-label': t('users.manageLabel', u.login),
          onclick: () => showUser(u.login) }, t('users.manage'))))))) : null);
  };
  // the user's panel; after a change it is drawn again from the API, with what was done as its message
  const showUser = async (login, message = null) => {
    const u = users.find((x) => x.login === login) || (await api(url('/users', { q: login }), { fresh: true })).find((x) => x.login === login);
    if (!u) return null;
    await userDetail(ctx, u, departments, detail, message, async (next) => {
      await load();
      if (users.some((x) => x.login === login)) return showUser(login, next);
      clear(detail);
      return null;
    });
    if (!message) detail.querySelector('h2')?.focus();
    return detail;
  };
  search.addEventListener('input', () => { clearTimeout(search.timer); search.timer = setTimeout(load, 250); });

  const login = h('input', { name: 'login', autocomplete: 'off', required: true, spellcheck: 'false' });
  const displayName = h('input', { name: 'display_name', autocomplete: 'off' });
  const email = h('input', { name: 'email', type: 'email', autocomplete: 'off' });
  const { role, department, departmentField } = roleInputs(departments);
  const newForm = apiForm({ class: 'formular', id: 'benutzer-neu' }, [
    h('h2', {}, t('users.new')),
    h('p', { class: 'klein' }, t('users.new.lead')),
    field(t('users.login'), login, { hint: t('users.loginHint') }),
    field(t('users.displayName'), displayName),
    field(t('users.email'), email, { name: 'email' }),
    field(t('users.role'), role, { name: 'role' }),
    departmentField,
    h('button', { type: 'submit' }, t('users.create')),
  ], async () => {
    const r = await send('POST', '/users', { login: login.value.trim(), display_name: displayName.value.trim() || null,
      email: email.value.trim() || null,
      grant: { territory: ctx.key, role: role.value, department: role.value === 'editor' ? department.value || null : null } }, ctx.csrf());
    clear(created, h('p', { class: 'erfolg', role: 'status' }, t('users.created', r.login)),
      r.one_time_password ? secretBox(t('users.oneTime', r.login), t('users.oneTimeHint'), r.one_time_password, 'einmal-passwort') : null);
    newForm.reset();
    role.dispatchEvent(new Event('change'));
    await load();
    created.querySelector('input')?.focus();
  });

  ctx.container.append(
    h('div', { class: 'werkzeuge' }, h('div', {}, h('label', { for: 'benutzer-suche' }, t('users.search')), search, count)),
    table, detail, newForm, created);
  await load();
}

function status(u) {
  const parts = [];
  if (u.global_admin) parts.push(h('span', { class: 'status-marke' }, t('users.status.global')));
  if (u.disabled) parts.push(h('span', { class: 'status-marke warnung' }, t('users.status.disabled')));
  if (u.locked) parts.push(h('span', { class: 'status-marke warnung' }, t('users.status.locked', when(u.locked_until))));
  if (u.must_change_password) parts.push(h('span', { class: 'status-marke' }, t('users.status.oneTime')));
  if (!parts.length) parts.push(h('span', {}, t('users.status.ok')));
  return parts;
}

function roles(u, key) {
  const here = (u.grants || []).filter((g) => g.territory === key);
  return here.length ? here.map(roleText).join(', ') : t('users.noRoles');
}

/** The role select and, for editors, the department select (shown only for the editor role). */
function roleInputs(departments, suffix = '') {
  const role = h('select', { name: 'role' }, ['reader', 'editor', 'admin'].map((r) => h('option', { value: r }, t(`users.roleName.${r}`))));
  const department = h('select', { name: 'department' }, h('option', { value: '' }, t('users.departmentNone')),
    departments.map((d) => h('option', { value: d.key }, `${d.name} (${d.key})`)));
  const departmentField = field(t('users.department'), department, { name: 'department' });
  departmentField.dataset.suffix = suffix;
  const sync = () => { departmentField.hidden = role.value !== 'editor'; };
  role.addEventListener('change', sync);
  sync();
  return { role, department, departmentField };
}

async function userDetail(ctx, u, departments, container, message, reload) {
  const note = h('p', { role: 'status', class: 'erfolg' }, message || '');
  // an act on the user: on success the panel is drawn again with `done`'s message; a refusal shows here
  const act = async (fn, done) => {
    try {
      const r = await fn();
      await reload(done(r) || '');
      return r;
    } catch (e) {
      if (e.status === undefined) throw e;
      note.className = 'fehler';
      note.textContent = e.message;
      return null;
    }
  };

  const displayName = h('input', { name: 'display_name', value: u.display_name || '', autocomplete: 'off' });
  const email = h('input', { name: 'email', type: 'email', value: u.email || '', autocomplete: 'off' });
  const edit = apiForm({ class: 'formular', id: 'benutzer-bearbeiten' }, [
    field(t('users.displayName'), displayName),
    field(t('users.email'), email),
    h('button', { type: 'submit' }, t('users.save')),
  ], async () => {
    await send('PATCH', `/users/${enc(u.login)}`, { display_name: displayName.value.trim(), email: email.value.trim() }, ctx.csrf());
    await reload(t('users.saved'));
  });

  const buttons = h('p', { class: 'knoepfe' },
    u.locked ? h('button', { type: 'button', id: 'entsperren', onclick: () =>
      act(() => send('POST', `/users/${enc(u.login)}/unlock`, undefined, ctx.csrf()), () => t('users.unlocked', u.login)) }, t('users.unlock')) : null,
    h('button', { type: 'button', id: 'einmal-passwort-erzeugen', onclick: async () => {
      if (!confirmed(t('users.confirmReset', u.login))) return;
      const r = await act(() => send('POST', `/users/${enc(u.login)}/password-reset`, undefined, ctx.csrf()), () => '');
      if (r) {
        const box = container.querySelector('#einmal-passwort-platz');
        if (box) clear(box, secretBox(t('users.oneTime', u.login), t('users.oneTimeHint'), r.one_time_password, 'einmal-passwort'));
      }
    } }, t('users.reset')),
    u.global_admin && !ctx.session.global_admin ? null : h('button', { type: 'button', class: 'leise', id: 'aktiv-schalten', onclick: async () => {
      if (!u.disabled && !confirmed(t('users.confirmDisable', u.login))) return;
      await act(() => send('PATCH', `/users/${enc(u.login)}`, { disabled: !u.disabled }, ctx.csrf()),
        () => t(u.disabled ? 'users.enabled' : 'users.disabled', u.login));
    } }, u.disabled ? t('users.enable') : t('users.disable')));

  // grants in this territory: list with revoke, and a form to grant another
  const here = (u.grants || []).filter((g) => g.territory === ctx.key);
  const elsewhere = (u.grants || []).filter((g) => g.territory !== ctx.key);
  const { role, department, departmentField } = roleInputs(departments, '-recht');
  const grantForm = apiForm({ class: 'formular', id: 'recht-vergeben' }, [
    field(t('users.role'), role, { name: 'role' }),
    departmentField,
    h('button', { type: 'submit' }, t('users.grant')),
  ], async () => {
    await send('POST', `/territories/${enc(ctx.key)}/grants`, { login: u.login, role: role.value,
      department: role.value === 'editor' ? department.value || null : null }, ctx.csrf());
    await reload(t('users.granted'));
  });

  const tokens = await api(`/users/${enc(u.login)}/tokens`, { fresh: true }).catch(() => null);
  clear(container,
    h('h2', { tabindex: '-1' }, t('users.detail', u.login)),
    h('p', {}, status(u)),
    note,
    h('div', { id: 'einmal-passwort-platz' }),
    buttons,
    edit,
    h('h3', {}, t('users.grants', ctx.territory.name)),
    here.length ? h('ul', { class: 'rechte' }, here.map((g) => h('li', {}, roleText(g), ' ',
      h('button', { type: 'button', class: 'leise', 'aria-label': t('users.revokeLabel', roleText(g)), onclick: async () => {
        const q = url(`/territories/${enc(ctx.key)}/grants`, { login: u.login, role: g.role, department: g.department });
        await act(() => send('DELETE', q, undefined, ctx.csrf()), () => t('users.revoked'));
      } }, t('users.revoke'))))) : h('p', {}, t('users.noRoles')),
    elsewhere.length ? h('p', { class: 'klein' }, t('users.otherGrants', elsewhere.map((g) => `${g.territory}: ${roleText(g)}`).join('; '))) : null,
    grantForm,
    tokens ? [h('h3', {}, t('users.tokensOf', u.login)), tokenTable(tokens, async (tk) => {
      if (!confirmed(t('users.token.confirmRevoke', tk.name))) return;
      await act(() => send('DELETE', `/users/${enc(u.login)}/tokens/${tk.id}`, undefined, ctx.csrf()),
        () => t('users.token.revokedDone', tk.name));
    })] : null,
    h('p', {}, h('button', { type: 'button', class: 'leise', onclick: () => clear(container) }, t('users.close'))));
}

function tokenTable(tokens, onRevoke) {
  if (!tokens.length) return h('p', {}, t('users.tokens.none'));
  const now = Date.now();
  return h('table', { class: 'tabelle schluessel' },
    h('thead', {}, h('tr', {}, ['users.token.name', 'users.token.created', 'users.token.expires', 'users.token.lastUsed', 'users.token.state',
      'users.col.actions'].map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, tokens.map((tk) => {
      const expired = tk.expires_at && instant(tk.expires_at).getTime() < now;
      const state = tk.revoked ? t('users.token.revoked') : expired ? t('users.token.expired') : t('users.token.active');
      return h('tr', { dataset: { id: tk.id } },
        h('th', { scope: 'row' }, tk.name),
        h('td', {}, when(tk.created_at)),
        h('td', {}, tk.expires_at ? when(tk.expires_at) : t('users.token.unlimited')),
        h('td', {}, tk.last_used_at ? when(tk.last_used_at) : t('users.never')),
        h('td', {}, state),
        h('td', {}, tk.revoked || expired ? null : h('button', { type: 'button', class: 'leise', 'aria-label': t('users.token.revokeLabel', tk.name),
          onclick: () => onRevoke(tk) }, t('users.token.revoke'))));
    })));
}

// ---- departments -------------------------------------------------------------------------------

async function departmentsTab(ctx) {
  const [departments, indicators, users] = await Promise.all([
    api(`/territories/${enc(ctx.key)}/departments`, { fresh: true }),
    api(`/territories/${enc(ctx.key)}/indicators`, { fresh: true }),
    api('/users', { fresh: true }).catch(() => [])]);
  const themes = new Map();
  for (const i of indicators) if (!themes.has(i.theme)) themes.set(i.theme, i.theme_title || i.theme);
  const formBox = h('div');
  const failed = h('p', { role: 'alert', class: 'fehler' });
  const list = h('ul', { class: 'indikatoren', id: 'fachbereiche' }, departments.map((d) => {
    const members = users.filter((u) => (u.grants || []).some((g) => g.territory === ctx.key && g.role === 'editor' && g.department === d.key))
      .map((u) => u.login);
    return h('li', { class: 'indikator', dataset: { key: d.key } },
      h('strong', {}, d.name), ` (${d.key}) `,
      h('button', { type: 'button', class: 'leise', 'aria-label': t('users.dep.editLabel', d.name), onclick: () => edit(d) }, t('users.dep.edit')),
      ' ',
      h('button', { type: 'button', class: 'leise', 'aria-label': t('users.dep.deleteLabel', d.name), onclick: async () => {
        if (!confirmed(t('users.dep.confirmDelete', d.name, members.length))) return;
        try {
          await send('DELETE', `/territories/${enc(ctx.key)}/departments/${enc(d.key)}`, undefined, ctx.csrf());
          await redraw(ctx, t('users.dep.deleted', d.name));
        } catch (e) {
          if (e.status === undefined) throw e;
          failed.textContent = e.message;
        }
      } }, t('users.dep.delete')),
      h('p', { class: 'klein' }, t('users.dep.writes', d.themes.map((k) => themes.get(k) || k).join(', ') || '–',
        d.indicators.map((k) => indicators.find((i) => i.key === k)?.title || k).join(', ') || '–')),
      members.length ? h('p', { class: 'klein' }, t('users.dep.members', members.join(', '))) : null);
  }));
  const edit = (d) => {
    const key = h('input', { name: 'key', value: d ? d.key : '', readonly: !!d, autocomplete: 'off', spellcheck: 'false' });
    const name = h('input', { name: 'name', value: d ? d.name : '', autocomplete: 'off' });
    const box = (kind, items, chosen) => h('fieldset', { class: 'indikator-wahl' },
      h('legend', {}, t(kind === 'themes' ? 'users.dep.themes' : 'users.dep.indicators')),
      items.map(([k, label]) => h('label', {}, h('input', { type: 'checkbox', name: kind, value: k, checked: chosen.includes(k) }), ' ', label)),
      h('p', { class: 'feldfehler', id: `dep-${kind}-fehler`, dataset: { field: kind } }));
    const form = apiForm({ class: 'formular breit', id: 'fachbereich-form' }, [
      h('h2', { tabindex: '-1' }, d ? t('users.dep.editing', d.name) : t('users.dep.new')),
      field(t('users.dep.key'), key, { hint: d ? null : t('users.dep.keyHint') }),
      field(t('users.dep.name'), name),
      box('themes', [...themes.entries()], d ? d.themes : []),
      box('indicators', indicators.map((i) => [i.key, i.title]), d ? d.indicators : []),
      h('button', { type: 'submit' }, t('users.dep.save')),
    ], async () => {
      const checked = (n) => [...form.querySelectorAll(`input[name=${n}]:checked`)].map((x) => x.value);
      await send('POST', `/territories/${enc(ctx.key)}/departments`, { key: key.value.trim(), name: name.value.trim(),
        themes: checked('themes'), indicators: checked('indicators') }, ctx.csrf());
      await redraw(ctx, t('users.dep.saved', name.value.trim()));
    });
    clear(formBox, form);
    form.querySelector('h2').focus();
  };
  ctx.container.append(
    h('p', {}, t('users.dep.lead')),
    ctx.flash ? h('p', { class: 'erfolg', role: 'status' }, ctx.flash) : null,
    failed,
    departments.length ? list : h('p', {}, t('users.dep.none')),
    h('p', {}, h('button', { type: 'button', id: 'fachbereich-neu', onclick: () => edit(null) }, t('users.dep.new'))),
    formBox);
}

// ---- one's own API tokens ----------------------------------------------------------------------

async function ownTokensTab(ctx) {
  const tokens = await api('/me/tokens', { fresh: true });
  const shown = h('div', { id: 'neuer-schluessel' });
  const note = h('p', { role: 'status' });
  const name = h('input', { name: 'name', autocomplete: 'off', required: true });
  const days = h('input', { name: 'valid_days', type: 'number', min: '1', max: '3650', step: '1', value: '365', inputmode: 'numeric' });
  const form = apiForm({ class: 'formular', id: 'schluessel-neu' }, [
    h('h2', {}, t('users.token.new')),
    field(t('users.token.name'), name),
    field(t('users.token.days'), days, { hint: t('users.token.daysHint') }),
    h('button', { type: 'submit' }, t('users.token.create')),
  ], async () => {
    const r = await send('POST', '/me/tokens', { name: name.value.trim() || null, valid_days: days.value ? Number(days.value) : null }, ctx.csrf());
    const label = name.value.trim() || 'token';
    await redraw(ctx, null);
    const again = ctx.container.querySelector('#neuer-schluessel');
    if (again) {
      clear(again, secretBox(t('users.token.shown', label), t('users.token.shownHint'), r.token, 'api-schluessel'));
      again.querySelector('input').focus();
    }
  });
  ctx.container.append(
    h('p', {}, t('users.tokens.lead')),
    ctx.flash ? h('p', { class: 'erfolg', role: 'status' }, ctx.flash) : null,
    shown,
    note,
    tokenTable(tokens, async (tk) => {
      if (!confirmed(t('users.token.confirmRevoke', tk.name))) return;
      try {
        await send('DELETE', `/me/tokens/${tk.id}`, undefined, ctx.csrf());
        await redraw(ctx, t('users.token.revokedDone', tk.name));
      } catch (e) {
        note.className = 'fehler';
        note.textContent = e.message;
      }
    }),
    form);
}

// ---- audit log ---------------------------------------------------------------------------------

async function auditTab(ctx) {
  const q = new URLSearchParams(location.search);
  const state = { user: q.get('wer') || '', action: q.get('aktion') || '', from: q.get('von') || '', to: q.get('bis') || '',
    page: Math.max(1, Number(q.get('seite')) || 1) };
  const size = 25;
  const result = h('div', { id: 'protokoll' });
  const user = h('input', { name: 'user', value: state.user, autocomplete: 'off', spellcheck: 'false' });
  const action = h('select', { name: 'action' }, h('option', { value: '' }, t('users.audit.anyAction')));
  const from = h('input', { name: 'from', type: 'date', value: state.from });
  const to = h('input', { name: 'to', type: 'date', value: state.to });
  const go = (page) => {
    navigate(url(location.pathname, { wer: user.value.trim(), aktion: action.value, von: from.value, bis: to.value, seite: page > 1 ? page : null }));
  };
  const form = apiForm({ class: 'filter', id: 'protokoll-filter' }, [
    field(t('users.audit.user'), user, { hint: t('users.audit.userHint') }),
    field(t('users.audit.action'), action),
    field(t('users.audit.from'), from),
    field(t('users.audit.to'), to),
    h('p', { class: 'knoepfe' }, h('button', { type: 'submit' }, t('users.audit.filter')),
      h('a', { href: location.pathname }, t('users.audit.reset'))),
  ], async () => go(1));
  ctx.container.append(form, result);
  let data;
  try {
    data = await api(url('/audit', { territory: ctx.key, user: state.user, action: state.action, from: state.from, to: state.to,
      page: state.page, size }), { fresh: true });
  } catch (e) {
    if (e.status === 400) {
      showErrors(form, form.querySelector('[role=alert]'), e);
      return;
    }
    throw e;
  }
  for (const a of data.actions) action.append(h('option', { value: a, selected: a === state.action }, actionText(a)));
  const pages = Math.max(1, Math.ceil(data.total / size));
  const fmt = new Intl.NumberFormat('de-DE');
  clear(result,
    h('p', { role: 'status' }, data.total ? t('users.audit.count', fmt.format(data.total), fmt.format(state.page), fmt.format(pages))
      : t('users.audit.none')),
    data.entries.length ? h('div', { class: 'tabelle-box' }, h('table', { class: 'tabelle' },
      h('caption', {}, t('users.tab.audit')),
      h('thead', {}, h('tr', {}, ['users.audit.when', 'users.audit.who', 'users.audit.what', 'users.audit.territory', 'users.audit.details']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, data.entries.map((e) => h('tr', { dataset: { action: e.action } },
        h('td', {}, h('time', { datetime: e.at }, when(e.at))),
        h('td', {}, e.actor),
        h('td', {}, actionText(e.action)),
        h('td', {}, e.territory || '–'),
        h('td', { class: 'klein' }, details(e.details))))))) : null,
    pages > 1 ? h('nav', { 'aria-label': t('users.audit.pages'), class: 'knoepfe' },
      state.page > 1 ? h('button', { type: 'button', onclick: () => go(state.page - 1) }, t('users.audit.newer')) : null,
      state.page < pages ? h('button', { type: 'button', onclick: () => go(state.page + 1) }, t('users.audit.older')) : null) : null);
}

function actionText(a) {
  const k = `users.action.${a}`;
  const s = t(k);
  return s === k ? a : s;
}

function details(d) {
  return Object.entries(d || {}).filter(([, v]) => v !== '' && v !== null && !(Array.isArray(v) && !v.length))
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(' · ');
}
