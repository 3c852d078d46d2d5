// The console's "Benutzer und Rechte", "Einstellungen" and "Neues Gebiet" in Chromium, against the
// API: one-time passwords, grants, unlock, token revocation, the audit log, refusals for department
// editors, field errors in the settings, a logo in the web atlas, a new territory in EPSG:25833.
// Run by atlas-server's AdminConsoleUsersTest, which prepares a throwaway territory (ATLAS_T) with a
// territory administrator, a department editor, a reader to lock and a script user (login:password each).
import { BASE, ADMIN_USER, ADMIN_PASSWORD, check, finish, assert, axe, watch, ready, launch, login, apiCall, basic, shot } from './lib.mjs';

const T = process.env.ATLAS_T;
const pair = (v) => (process.env[v] || '').split(/:(.*)/s);
const [TADMIN, TADMIN_PW] = pair('ATLAS_TADMIN');
const [EDITOR, EDITOR_PW] = pair('ATLAS_EDITOR');
const [LOCKED, LOCKED_PW] = pair('ATLAS_LOCKED');
const [SCRIPT, SCRIPT_PW] = pair('ATLAS_SCRIPT_USER');
const LOGO = process.env.ATLAS_LOGO_FILE;
const RUN = Date.now().toString(36);
const NEW_USER = `konsole-neu-${RUN}`;
const NEW_TERRITORY = `konsole-sachsen-${RUN}`;

const browser = await launch();
const watched = [];
try {
  const admin = await login(browser, TADMIN, TADMIN_PW);
  watched.push(watch(admin));
  admin.on('dialog', (d) => d.accept());
  const users = `${BASE}/${T}/verwaltung/benutzer`;
  let oneTime = null;

  await check('a territory administrator creates a user with a one-time password shown once', async () => {
    await admin.goto(users);
    await ready(admin, 'admin-benutzer');
    await axe(admin, 'user list');
    await admin.fill('#benutzer-neu input[name=login]', NEW_USER);
    await admin.fill('#benutzer-neu input[name=display_name]', 'Frau Neu');
    await admin.selectOption('#benutzer-neu select[name=role]', 'reader');
    await admin.click('#benutzer-neu button[type=submit]');
    await admin.waitForSelector('#einmal-passwort');
    oneTime = await admin.inputValue('#einmal-passwort');
    assert(oneTime.length >= 16, `one-time password: ${oneTime}`);
    await admin.waitForSelector(`#benutzer-liste tr[data-login="${NEW_USER}"]`);
    const row = await admin.textContent(`#benutzer-liste tr[data-login="${NEW_USER}"]`);
    assert(row.includes('Einmal-Passwort') && row.includes('Lesen') && row.includes('noch nie'), row);
    await axe(admin, 'one-time password shown');
    await shot(admin, 'verwaltung-benutzer.png');
  });

  await check('logging in with the one-time password forces the password change, afterwards the login works', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${BASE}/anmelden`);
    await page.fill('#benutzer', NEW_USER);
    await page.fill('#kennwort', oneTime);
    await page.click('form#anmelden button[type=submit]');
    await page.waitForURL(/\/passwort$/);
    const blocked = await page.evaluate(async (t) => (await fetch(`/api/v1/territories/${t}/indicators`)).status, T);
    assert(blocked === 403, `before the change: ${blocked}`);
    await page.fill('#altes', oneTime);
    await page.fill('#neues', 'Mein-neues-Kennwort-1');
    await page.fill('#wiederholung', 'Mein-neues-Kennwort-1');
    await page.click('#passwort-form button[type=submit]');
    await page.waitForURL(/\/anmelden/);
    await page.fill('#benutzer', NEW_USER);
    await page.fill('#kennwort', 'Mein-neues-Kennwort-1');
    await page.click('form#anmelden button[type=submit]');
    await page.waitForSelector('.intern');
    assert(!page.url().includes('/passwort'), page.url());
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    assert(me.must_change_password === false, JSON.stringify(me));
    const ok = await page.evaluate(async (t) => (await fetch(`/api/v1/territories/${t}/indicators`)).status, T);
    assert(ok === 200, `after the change: ${ok}`);
    await context.close();
  });

  await check('the administrator grants the new user an editor role beside the reader role', async () => {
    await admin.goto(users);
    await ready(admin, 'admin-benutzer');
    await admin.click(`#benutzer-liste tr[data-login="${NEW_USER}"] button`);
    await admin.waitForSelector('#recht-vergeben');
    await admin.selectOption('#recht-vergeben select[name=role]', 'editor');
    await admin.click('#recht-vergeben button[type=submit]');
    const refused = await admin.waitForSelector('#recht-vergeben .feldfehler[data-field=department]:not(:empty)');
    assert((await refused.textContent()).includes('Fachbereich'), 'an editor without department is refused beside the field');
    await admin.selectOption('#recht-vergeben select[name=department]', 'jugend');
    await admin.click('#recht-vergeben button[type=submit]');
    await admin.waitForFunction((u) => document.querySelector(`#benutzer-liste tr[data-login="${u}"]`)?.textContent.includes('Bearbeitung: jugend'), NEW_USER);
    const listed = (await apiCall('GET', `/users?q=${NEW_USER}`)).body[0].grants.filter((g) => g.territory === T);
    assert(listed.some((g) => g.role === 'reader') && listed.some((g) => g.role === 'editor' && g.department === 'jugend'), JSON.stringify(listed));
    await axe(admin, 'user details');
  });

  await check('five wrong passwords lock an account; the administrator unlocks it', async () => {
    for (let i = 0; i < 5; i++) await apiCall('GET', '/me', undefined, basic(LOCKED, 'falsch-falsch-falsch'));
    assert((await apiCall('GET', '/me', undefined, basic(LOCKED, LOCKED_PW))).status === 401, 'locked');
    await admin.goto(users);
    await ready(admin, 'admin-benutzer');
    await admin.fill('#benutzer-suche', LOCKED);
    await admin.waitForFunction(() => document.querySelectorAll('#benutzer-liste tbody tr').length === 1);
    assert((await admin.textContent('#benutzer-liste tbody tr')).includes('gesperrt bis'), 'the list says locked');
    await admin.click('#benutzer-liste tbody tr button');
    await admin.click('#entsperren');
    await admin.waitForFunction(() => document.querySelector('.benutzer-detail [role=status]')?.textContent.includes('entsperrt'));
    assert((await apiCall('GET', '/me', undefined, basic(LOCKED, LOCKED_PW))).status === 200, 'unlocked: the right password works');
  });

  await check('the administrator revokes a script user\'s API token; it no longer authenticates', async () => {
    const created = await apiCall('POST', '/me/tokens', { name: 'nachtlauf', valid_days: 30 }, basic(SCRIPT, SCRIPT_PW));
    assert(created.status === 201, JSON.stringify(created.body));
    const bearer = `Bearer ${created.body.token}`;
    assert((await apiCall('GET', '/me', undefined, bearer)).status === 200, 'the token works');
    await admin.goto(users);
    await ready(admin, 'admin-benutzer');
    await admin.click(`#benutzer-liste tr[data-login="${SCRIPT}"] button`);
    await admin.waitForSelector('table.schluessel');
    await admin.click('table.schluessel button[aria-label*="nachtlauf"]');
    await admin.waitForFunction(() => document.querySelector('table.schluessel')?.textContent.includes('widerrufen'));
    assert((await apiCall('GET', '/me', undefined, bearer)).status === 401, 'the revoked token is refused');
  });

  await check('the audit log filtered by user shows the grants, the lock, the unlock and the revocation', async () => {
    const log = `${users}/protokoll`;
    const filter = async (who, expected) => {
      await admin.goto(log);
      await ready(admin, 'admin-benutzer');
      await admin.fill('#protokoll-filter input[name=user]', who);
      // the page draws anew for the filtered address: wait for that drawing, not the one before
      await admin.evaluate(() => { delete document.querySelector('main').dataset.ready; });
      await admin.click('#protokoll-filter button[type=submit]');
      await admin.waitForURL((u) => u.search.includes(`wer=${who}`));
      await ready(admin, 'admin-benutzer');
      const actions = await admin.$$eval('#protokoll tbody tr', (rows) => rows.map((r) => r.dataset.action));
      for (const a of expected) assert(actions.includes(a), `${who}: ${a} missing in ${actions.join(', ')}`);
      return actions;
    };
    await filter(NEW_USER, ['create_user', 'grant', 'change_password']);
    const locked = await filter(LOCKED, ['lock_user', 'unlock_user']);
    assert(!locked.includes('revoke_token'), 'only this user\'s entries');
    await filter(SCRIPT, ['create_token', 'revoke_token']);
    assert((await admin.textContent('#protokoll')).includes('API-Schlüssel widerrufen'), 'actions named in German');
    await axe(admin, 'audit log');
    await admin.fill('#protokoll-filter input[name=from]', '2026-12-31');
    await admin.fill('#protokoll-filter input[name=to]', '2026-01-01');
    await admin.click('#protokoll-filter button[type=submit]');
    await admin.waitForSelector('#protokoll-filter .feldfehler[data-field=to]:not(:empty)');
  });

  await check('the user list works with the keyboard alone: search, manage, focus on the opened user', async () => {
    await admin.goto(users);
    await ready(admin, 'admin-benutzer');
    await admin.focus('#benutzer-suche');
    await admin.keyboard.type(SCRIPT);
    await admin.waitForFunction(() => document.querySelectorAll('#benutzer-liste tbody tr').length === 1);
    await admin.keyboard.press('Tab');
    const focused = await admin.evaluate(() => document.activeElement.getAttribute('aria-label'));
    assert(focused && focused.includes(SCRIPT), `Tab reaches the manage button: ${focused}`);
    await admin.keyboard.press('Enter');
    await admin.waitForFunction(() => document.activeElement?.tagName === 'H2' && document.activeElement.closest('.benutzer-detail'));
  });

  await check('own API tokens: created with name and validity, shown once, revoked', async () => {
    await admin.goto(`${users}/schluessel`);
    await ready(admin, 'admin-benutzer');
    await admin.fill('#schluessel-neu input[name=name]', 'import-skript');
    await admin.fill('#schluessel-neu input[name=valid_days]', '90');
    await admin.click('#schluessel-neu button[type=submit]');
    await admin.waitForSelector('#api-schluessel');
    const token = await admin.inputValue('#api-schluessel');
    assert(token.startsWith('cna_'), token);
    assert((await apiCall('GET', '/me', undefined, `Bearer ${token}`)).status === 200, 'own token works');
    await axe(admin, 'own tokens');
    await admin.click('table.schluessel button[aria-label*="import-skript"]');
    await admin.waitForFunction(() => document.querySelector('main [role=status]')?.textContent.includes('widerrufen'));
    assert((await apiCall('GET', '/me', undefined, `Bearer ${token}`)).status === 401, 'own token revoked');
  });

  await check('departments: created with indicators from the catalogue', async () => {
    await admin.goto(`${users}/fachbereiche`);
    await ready(admin, 'admin-benutzer');
    await admin.click('#fachbereich-neu');
    await admin.fill('#fachbereich-form input[name=key]', 'Falsch Schluessel');
    await admin.fill('#fachbereich-form input[name=name]', 'Gesundheitsamt');
    await admin.check('#fachbereich-form input[name=indicators][value=anzahl]');
    await admin.click('#fachbereich-form button[type=submit]');
    await admin.waitForSelector('#fachbereich-form .feldfehler[data-field=key]:not(:empty)');
    await admin.fill('#fachbereich-form input[name=key]', 'gesundheit');
    await admin.click('#fachbereich-form button[type=submit]');
    await admin.waitForSelector('#fachbereiche li[data-key=gesundheit]');
    const deps = (await apiCall('GET', `/territories/${T}/departments`)).body;
    assert(deps.find((d) => d.key === 'gesundheit')?.indicators.includes('anzahl'), JSON.stringify(deps));
    await axe(admin, 'departments');
    await admin.click('#fachbereiche li[data-key=gesundheit] button[aria-label*="löschen"]');
    await admin.waitForFunction(() => !document.querySelector('#fachbereiche li[data-key=gesundheit]')
      && document.querySelector('main [role=status]')?.textContent.includes('gelöscht'));
    assert(!(await apiCall('GET', `/territories/${T}/departments`)).body.some((d) => d.key === 'gesundheit'), 'deleted');
  });

  await check('settings: an invalid colour is named beside the field and changes nothing', async () => {
    await admin.goto(`${BASE}/${T}/verwaltung/einstellungen`);
    await ready(admin, 'admin-einstellungen');
    await axe(admin, 'settings');
    const before = (await apiCall('GET', `/territories/${T}/settings`)).body;
    await admin.fill('#einstellungen-form input[name=report_name]', 'Geändert, aber nicht gespeichert');
    await admin.fill('#einstellungen-form input[name=colour]', 'rot');
    await admin.click('#einstellungen-form button[type=submit]');
    const msg = await admin.waitForSelector('#einstellungen-form .feldfehler[data-field=colour]:not(:empty)');
    assert((await msg.textContent()).includes('#RRGGBB'), await msg.textContent());
    assert(await admin.getAttribute('#einstellungen-form input[name=colour]', 'aria-invalid') === 'true', 'marked invalid');
    const after = (await apiCall('GET', `/territories/${T}/settings`)).body;
    assert(after.colour === before.colour && after.report_name === before.report_name, `unchanged: ${JSON.stringify(after)}`);
    await axe(admin, 'settings with an error');
    await admin.fill('#einstellungen-form input[name=report_name]', 'Testgebiet · Sozialplanung');
    await admin.fill('#einstellungen-form input[name=colour]', '#A6192E');
    await admin.click('#einstellungen-form button[type=submit]');
    await admin.waitForFunction(() => document.querySelector('#einstellungen-form [role=status]')?.textContent.includes('gespeichert'));
    const saved = (await apiCall('GET', `/territories/${T}/settings`)).body;
    assert(saved.colour === '#a6192e' && saved.report_name === 'Testgebiet · Sozialplanung', JSON.stringify(saved));
  });

  await check('a logo upload appears in the settings and on the web atlas\'s territory page', async () => {
    await admin.setInputFiles('#logo-form input[type=file]', LOGO);
    await admin.click('#logo-form button[type=submit]');
    await admin.waitForSelector('#logo-bild');
    await admin.waitForFunction(() => document.querySelector('#logo-bild').naturalWidth > 0);
    await axe(admin, 'settings with a logo');
    await shot(admin, 'verwaltung-einstellungen.png');
    const visitor = await browser.newContext({ locale: 'de-DE' });
    const page = await visitor.newPage();
    watched.push(watch(page));
    await page.goto(`${BASE}/${T}`);
    await page.waitForSelector('img.gebiet-logo');
    await page.waitForFunction(() => document.querySelector('img.gebiet-logo').naturalWidth === 240);
    assert((await page.getAttribute('img.gebiet-logo', 'alt')).includes('Sozialplanung'), 'the logo has a text alternative');
    await axe(page, 'territory page with logo');
    await visitor.close();
  });

  if (EDITOR) await check('a department editor cannot open user management; the API refuses the same acts', async () => {
    const editor = await login(browser, EDITOR, EDITOR_PW);
    watched.push(watch(editor));
    await editor.goto(users);
    await editor.waitForSelector('main [role=alert]');
    assert(!(await editor.$('#benutzer-liste')), 'no user list');
    await editor.goto(`${BASE}/${T}/verwaltung/einstellungen`);
    await editor.waitForSelector('main [role=alert]');
    const auth = basic(EDITOR, EDITOR_PW);
    for (const [method, path, body] of [['GET', '/users'], ['POST', `/territories/${T}/grants`, { login: EDITOR, role: 'admin' }],
      ['GET', `/audit?territory=${T}`], ['GET', '/audit'], ['POST', `/users/${LOCKED}/unlock`],
      ['POST', '/users', { login: 'durch-redaktion', grant: { territory: T, role: 'reader' } }],
      ['PUT', `/territories/${T}/settings`, { colour: '#000000' }]]) {
      const r = await apiCall(method, path, body, auth);
      assert(r.status === 403, `${method} ${path}: ${r.status}`);
    }
    await editor.context().close();
  });

  await check('a global administrator creates a territory in EPSG:25833 with two levels in the browser', async () => {
    const global = await login(browser, ADMIN_USER, ADMIN_PASSWORD);
    watched.push(watch(global));
    await global.goto(`${BASE}/verwaltung`);
    await ready(global, 'admin');
    await axe(global, 'console home with the new-territory form');
    await global.fill('#gebiet-neu input[name=key]', NEW_TERRITORY);
    await global.fill('#gebiet-neu input[name=name]', 'Landkreis Görlitz (Test)');
    await global.selectOption('#gebiet-neu select[name=kind]', 'kreis');
    await global.fill('#gebiet-neu input[name=ags]', '14626');
    await global.fill('#gebiet-neu input[name=srid]', '4326');
    await global.fill('#gebiet-neu input[name="levels[0].key"]', 'kreis');
    await global.fill('#gebiet-neu input[name="levels[0].name"]', 'Kreis');
    await global.fill('#gebiet-neu input[name="levels[1].key"]', 'gemeinde');
    await global.fill('#gebiet-neu input[name="levels[1].name"]', 'Gemeinde');
    await global.fill('#gebiet-neu input[name="levels[1].name_plural"]', 'Gemeinden');
    await global.fill('#gebiet-neu input[name="levels[1].parent"]', 'landkreis');
    await global.click('#gebiet-neu button[type=submit]');
    await global.waitForSelector('#gebiet-neu .feldfehler[data-field=srid]:not(:empty)');
    const parent = await global.textContent('#gebiet-neu .feldfehler[data-field="levels[1].parent"]');
    assert(parent.includes('landkreis'), `parent error: ${parent}`);
    assert((await apiCall('GET', `/territories/${NEW_TERRITORY}`)).status === 404, 'nothing created');
    await axe(global, 'new territory with errors');
    await global.fill('#gebiet-neu input[name=srid]', 'EPSG:25833');
    await global.fill('#gebiet-neu input[name="levels[1].parent"]', 'kreis');
    await global.click('#gebiet-neu button[type=submit]');
    await global.waitForSelector('#gebiet-weiter');
    const created = (await apiCall('GET', `/territories/${NEW_TERRITORY}`)).body;
    assert(created.srid === 25833 && created.ags === '14626', JSON.stringify(created));
    const levels = (await apiCall('GET', `/territories/${NEW_TERRITORY}/levels`)).body;
    assert(levels.map((l) => `${l.key}:${l.rank}`).join(',') === 'kreis:0,gemeinde:1', JSON.stringify(levels));
    await global.click('#gebiet-weiter');
    await global.waitForURL(new RegExp(`/${NEW_TERRITORY}/verwaltung/daten-importieren$`));
    await global.context().close();
  });

  await check('the sections work in English too', async () => {
    await admin.goto(`${users}?lang=en`);
    await ready(admin, 'admin-benutzer');
    assert((await admin.textContent('main')).includes('New user'), 'English form');
    await admin.goto(`${BASE}/${T}/verwaltung/einstellungen?lang=de`);
    await ready(admin, 'admin-einstellungen');
  });

  await check('no script errors or CSP violations in these screens', async () => {
    const problems = watched.flat();
    assert(!problems.length, problems.join('\n'));
  });
} finally {
  await browser.close();
}
finish();
