// The admin console's frame: who reaches it, which sections each role sees, the way back after the login.
// Run by atlas-server's AdminConsoleTest (ATLAS_EDITOR=login:password of a Kreis Düren department editor).
import { BASE, ADMIN_USER, ADMIN_PASSWORD, check, finish, assert, axe, watch, ready, launch, login } from './lib.mjs';

const [EDITOR_USER, EDITOR_PASSWORD] = (process.env.ATLAS_EDITOR || '').split(/:(.*)/s);
const browser = await launch();
try {
  await check('anonymous visitors are sent to the login and come back to the console afterwards', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${BASE}/koeln/verwaltung/importe`);
    await page.waitForURL(/\/anmelden\?weiter=/);
    await page.fill('#benutzer', ADMIN_USER);
    await page.fill('#kennwort', ADMIN_PASSWORD);
    await page.click('form#anmelden button[type=submit]');
    await page.waitForURL(/\/koeln\/verwaltung\/importe$/);
    await context.close();
  });

  const admin = await login(browser, ADMIN_USER, ADMIN_PASSWORD);
  const problems = watch(admin);
  await check('an administrator reaches every section of both demo territories', async () => {
    await admin.click('a.nav-verwaltung');
    await ready(admin, 'admin');
    const listed = await admin.textContent('main');
    assert(listed.includes('Stadt Köln') && listed.includes('Kreis Düren'), listed);
    await axe(admin, 'console home');
    await admin.goto(`${BASE}/koeln/verwaltung`);
    await ready(admin, 'admin');
    const nav = await admin.$$eval('.verwaltung-nav a', (as) => as.map((a) => a.textContent));
    assert(nav.length === 6 && nav.includes('Benutzer und Rechte') && nav.includes('Datenschutz'), nav.join(', '));
    await axe(admin, 'territory console');
  });

  if (EDITOR_USER) await check('a department editor sees only the sections an editor may use', async () => {
    const editor = await login(browser, EDITOR_USER, EDITOR_PASSWORD);
    await editor.goto(`${BASE}/kreis-dueren/verwaltung`);
    await ready(editor, 'admin');
    const nav = await editor.$$eval('.verwaltung-nav a', (as) => as.map((a) => a.textContent));
    assert(!nav.includes('Benutzer und Rechte') && !nav.includes('Datenschutz') && nav.includes('Daten importieren'), nav.join(', '));
    await editor.goto(`${BASE}/kreis-dueren/verwaltung/benutzer`);
    await editor.waitForSelector('main [role=alert]');
    assert((await editor.textContent('main')).includes('Rechte'), 'refused with a reason');
    await editor.goto(`${BASE}/koeln/verwaltung`);
    await editor.waitForSelector('main [role=alert]');
    await editor.context().close();
  });

  await check('no script errors or CSP violations in the console', async () => {
    assert(!problems.length, problems.join('\n'));
  });
} finally {
  await browser.close();
}
finish();
