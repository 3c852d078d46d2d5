// End-to-end tests of the web atlas: Debian's Chromium (no Playwright browser download) against a real
// server with the demo. Run by atlas-server's WebAtlasTest inside ./atlas test, or by hand:
//   ATLAS_URL=http://127.0.0.1:8080 ATLAS_ADMIN=admin:secret node test/e2e.mjs
// Prints one line per check and "N passed, M failed"; exits 1 when a check fails.
import { readFileSync } from 'node:fs';
import { BASE, ADMIN_USER, ADMIN_PASSWORD, check, finish, assert, apiJson, basic, axe, watch, ready, shot, launch } from './lib.mjs';

// the internal indicator's German title and definition (its key, typed into an address, may be echoed in a 404)
const INTERNAL = /Migrationshintergrund/;

/** The distinct colours of the choropleth canvas (WMS image as OpenLayers draws it). */
async function mapColours(page) {
  return page.evaluate(() => {
    const c = document.querySelector('.wms-choropleth canvas');
    if (!c) return {};
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const counts = {};
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] < 250) continue;
      const hex = `#${[d[i], d[i + 1], d[i + 2]].map((x) => x.toString(16).padStart(2, '0')).join('')}`;
      counts[hex] = (counts[hex] || 0) + 1;
    }
    return counts;
  });
}

async function waitForMap(page, period) {
  await page.waitForFunction((p) => {
    const img = performance.getEntriesByType('resource').filter((e) => e.name.includes('REQUEST=GetMap') && e.name.includes(`TIME=${p}`));
    return img.length > 0;
  }, String(period), { timeout: 20000 });
  await page.waitForTimeout(400);   // OpenLayers draws the loaded image on its next frame
}

const browser = await launch();
const anonBodies = [];
const anon = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'de-DE' });
const page = await anon.newPage();
const problems = watch(page, anonBodies);

try {
  await check('start page lists Köln and Kreis Düren, without inline script, with a CSP', async () => {
    const r = await page.goto(`${BASE}/`);
    const csp = r.headers()['content-security-policy'] || '';
    assert(/script-src 'self'/.test(csp) && !/unsafe-inline/.test(csp), `CSP: ${csp}`);
    await page.waitForSelector('.gebiete li');
    const text = await page.textContent('.gebiete');
    assert(text.includes('Stadt Köln') && text.includes('Kreis Düren'), text);
    assert(await page.evaluate(() => document.querySelectorAll('script:not([src])').length) === 0, 'inline script');
    assert(await page.getAttribute('html', 'lang') === 'de', 'lang');
    await shot(page, 'web-start.png');
    await axe(page, 'start');
  });

  // ATLAS_CLOSED names a territory with nothing published (WebAtlasTest makes one); by hand it may be left out
  if (process.env.ATLAS_CLOSED) await check('a territory whose public area is not open says so instead of showing data', async () => {
    const closed = process.env.ATLAS_CLOSED;
    // listed (or not, as the API decides for the public): never with a link into data
    const listed = (await apiJson('/territories')).some((x) => x.key === closed);
    if (listed) {
      const card = await page.textContent(`.gebiete li:has-text("Testgebiet ${closed}")`);
      assert(card.includes('noch nicht freigeschaltet') && !(await page.$(`.gebiete a[href="/${closed}"]`)), card);
    }
    await page.goto(`${BASE}/${closed}`);
    await page.waitForSelector('[role=alert]');
    const text = await page.textContent('main');
    assert(text.includes('noch nicht freigeschaltet') && !(await page.$('.katalog')), text);
  });

  await check('territory page: theme tree and search', async () => {
    await page.goto(`${BASE}/koeln`);
    await page.waitForSelector('.katalog section');
    const themes = await page.$$eval('.katalog h2', (hs) => hs.map((x) => x.textContent));
    assert(themes.includes('Demografie'), themes.join());
    await page.fill('#suche', 'unter 6');
    await page.waitForFunction(() => document.querySelector('.treffer').textContent.includes('gefunden'));
    const found = await page.$$eval('.katalog .indikator a', (as) => as.map((a) => a.textContent));
    assert(found.some((x) => x.includes('unter 6 Jahren')) && found.length < 5, found.join());
    await page.fill('#suche', '');
    await shot(page, 'web-gebiet.png');
    await axe(page, 'territory');
  });

  const ind = '/koeln/indikator/anteil_unter_6?ebene=stadtteil&zeitraum=2012';
  let colours2012 = {};
  await check('indicator view: table of 86 rows equals the API, map pixels carry the class colours, bar chart', async () => {
    await page.goto(BASE + ind);
    await ready(page, 'stadtteil:2012');
    const api = await apiJson('/territories/koeln/indicators/anteil_unter_6/values?level=stadtteil&period=2012');
    const rows = await page.$$eval('.tabelle-box tbody tr', (trs) => trs.map((tr) => [tr.dataset.code, tr.querySelector('.wert').textContent]));
    assert(rows.length === 86, `rows ${rows.length}`);
    const shown = Object.fromEntries(rows);
    for (const v of api) assert(shown[v.unit_code] === v.formatted, `${v.unit_code}: ${shown[v.unit_code]} != ${v.formatted}`);
    const bars = await page.$$eval('svg.rangfolge rect.balken', (r) => r.length);
    assert(bars === 86, `bars ${bars}`);
    assert(await page.$('svg.rangfolge line.referenz'), 'reference line');
    const table = await apiJson('/territories/koeln/indicators/anteil_unter_6/table?level=stadtteil&period=2012');
    const legendCounts = await page.$$eval('.legende li .anzahl', (s) => s.map((x) => x.textContent));
    assert(legendCounts.length === table.classes.length, 'legend entries');
    await waitForMap(page, 2012);
    colours2012 = await mapColours(page);
    const near = (hex) => Object.keys(colours2012).some((c) => [1, 3, 5].every((i) => Math.abs(parseInt(c.slice(i, i + 2), 16) - parseInt(hex.slice(i, i + 2), 16)) <= 2));
    for (const c of table.classes.filter((k) => k.klasse > 0 && k.count > 0)) assert(near(c.colour), `class ${c.klasse} colour ${c.colour} not on the map`);
    await shot(page, 'web-indikator.png');
    await axe(page, 'indicator');
  });

  await check('time slider to 2005 changes map and table', async () => {
    await page.focus('#zeitraum');
    await page.keyboard.press('Home');
    await ready(page, 'stadtteil:2005');
    assert(page.url().includes('zeitraum=2005'), page.url());
    const api = await apiJson('/territories/koeln/indicators/anteil_unter_6/values?level=stadtteil&period=2005');
    const shown = Object.fromEntries(await page.$$eval('.tabelle-box tbody tr', (trs) => trs.map((tr) => [tr.dataset.code, tr.querySelector('.wert').textContent])));
    for (const v of api) assert(shown[v.unit_code] === v.formatted, `${v.unit_code}: ${shown[v.unit_code]} != ${v.formatted}`);
    await waitForMap(page, 2005);
    const colours2005 = await mapColours(page);
    const differs = Object.keys(colours2005).length !== Object.keys(colours2012).length
      || Object.entries(colours2005).some(([c, n]) => colours2012[c] !== n);
    assert(differs, 'the map did not change');
  });

  let unit = null;
  await check('clicking a Stadtteil on the map highlights its row and bar and opens its profile', async () => {
    const units = await apiJson('/territories/koeln/units?level=stadtteil');
    unit = units.reduce((a, b) => (b.area_km2 > a.area_km2 ? b : a));
    const px = await page.evaluate((c) => window.__atlasMap.pixelOf(c), unit.code);
    assert(px, 'no pixel');
    const box = await page.locator('#karte').boundingBox();
    await page.mouse.click(box.x + px[0], box.y + px[1]);
    await page.waitForSelector(`.tabelle-box tr.gewaehlt[data-code="${unit.code}"]`, { timeout: 10000 });
    assert(await page.$(`svg.rangfolge rect.balken.gewaehlt[data-code="${unit.code}"]`), 'bar not highlighted');
    await page.waitForSelector('.auswahl svg.zeitreihe');
    assert((await page.textContent('.auswahl h2')).includes(unit.name), 'selection panel');
    assert(page.url().includes(`auswahl=${unit.code}`), 'permalink holds the selection');
    await shot(page, 'web-indikator-auswahl.png');
  });

  await check('hovering a table row highlights its bar; sorting by value keeps the rows', async () => {
    await page.hover(`.tabelle-box tr[data-code="101"] td.wert`);
    await page.waitForSelector('svg.rangfolge rect.balken.hervor[data-code="101"]');
    await page.click('.tabelle-box thead th:nth-child(3) button');
    const sorted = await page.$$eval('.tabelle-box tbody tr', (trs) => trs.map((tr) => tr.dataset.code));
    assert(sorted.length === 86, `rows ${sorted.length}`);
    assert(await page.getAttribute('.tabelle-box thead th:nth-child(3)', 'aria-sort') === 'ascending', 'aria-sort');
  });

  await check('CSV download equals the API\'s CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    const file = readFileSync(await download.path());
    const r = await fetch(`${BASE}/api/v1/territories/koeln/indicators/anteil_unter_6/values?level=stadtteil&period=2005`, { headers: { Accept: 'text/csv' } });
    const api = Buffer.from(await r.arrayBuffer());
    assert(file.equals(api), `CSV differs (${file.length} vs ${api.length} bytes)`);
    assert(file.toString('utf8').split('\r\n').length === 88, 'rows');
  });

  await check('PDF download is a PDF', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('#download-pdf')]);
    const file = readFileSync(await download.path());
    assert(file.subarray(0, 5).toString() === '%PDF-', `not a PDF: ${file.subarray(0, 20)}`);
  });

  await check('the level switch shows the Stadtbezirke, in map and table, as a permalink', async () => {
    await page.selectOption('#ebene', 'stadtbezirk');
    await ready(page, 'stadtbezirk:2005');
    assert(await page.$$eval('.tabelle-box tbody tr', (r) => r.length) === 9, 'nine Stadtbezirke');
    assert(page.url().includes('ebene=stadtbezirk'), page.url());
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('LAYERS=koeln.anteil_unter_6.stadtbezirk')));
    await page.selectOption('#ebene', 'stadtteil');
    await ready(page, 'stadtteil:2005');
    await page.click(`.tabelle-box tr[data-code="${unit.code}"] button.waehlen`);   // the keyboard user's way to select
    await page.waitForSelector('.auswahl a.knopf');
    assert(await page.getAttribute(`.tabelle-box tr[data-code="${unit.code}"] button.waehlen`, 'aria-pressed') === 'true', 'aria-pressed');
  });

  await check('the profile opens from the selection, with Einordnung and no axe violations', async () => {
    await page.click('.auswahl a.knopf');
    await page.waitForSelector('table.profil');
    assert((await page.textContent('h1')).includes(unit.name), 'profile heading');
    const text = await page.textContent('main');
    assert(/im Mittel|über dem Durchschnitt|unter dem Durchschnitt/.test(text), 'Einordnung');
    await shot(page, 'web-profil.png');
    await axe(page, 'profile');
  });

  await check('comparison: table and chart, PDF link; no axe violations', async () => {
    await page.goto(`${BASE}/koeln/vergleich?gebiete=101,102,${unit.code}&indikatoren=anteil_unter_6,anteil_unter_18`);
    await page.waitForSelector('table.vergleich');
    const cols = await page.$$eval('table.vergleich thead th', (t) => t.length);
    assert(cols === 5, `columns ${cols}`);
    assert(await page.$$eval('.diagramme svg', (s) => s.length) === 2, 'charts');
    const href = await page.getAttribute('#download-vergleich-pdf', 'href');
    assert(href.includes('units=101%2C102') || href.includes('units=101,102'), href);
    await shot(page, 'web-vergleich.png');
    await axe(page, 'comparison');
  });

  await check('anonymous: the internal indicator cannot be reached by URL', async () => {
    await page.goto(`${BASE}/koeln/indikator/anteil_migrationshintergrund`);
    await page.waitForSelector('h1');
    assert((await page.textContent('h1')).includes('Nicht gefunden'), await page.textContent('main'));
    await page.goto(`${BASE}/koeln`);
    await page.waitForSelector('.katalog');
    assert(!INTERNAL.test(await page.textContent('main')), 'listed');
  });

  await check('anonymous reading starts no server session', async () => {
    const cookies = await anon.cookies();
    assert(!cookies.some((c) => c.name === 'JSESSIONID'), JSON.stringify(cookies));
  });

  await check('login page is German, carries a CSRF token, no axe violations', async () => {
    await page.goto(`${BASE}/anmelden`);
    await page.waitForSelector('form#anmelden');
    assert((await page.textContent('h1')) === 'Anmelden', 'heading');
    assert(await page.$('form#anmelden input[type=hidden][name=_csrf]'), 'no CSRF field');
    await shot(page, 'web-anmelden.png');
    await axe(page, 'login');
    const forged = await fetch(`${BASE}/login`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ username: ADMIN_USER, password: ADMIN_PASSWORD }) });
    assert(forged.status === 403, `a login without CSRF token answered ${forged.status}`);
  });

  await check('no response the anonymous pages loaded contains the internal indicator', async () => {
    assert(anonBodies.length > 20, `only ${anonBodies.length} responses`);
    const leaks = anonBodies.filter((b) => INTERNAL.test(b.body)).map((b) => b.url);
    assert(!leaks.length, `leaked in ${leaks.join(', ')}`);
  });

  await check('English UI resources', async () => {
    await page.goto(`${BASE}/koeln?lang=en`);
    await page.waitForSelector('.katalog');
    assert(await page.getAttribute('html', 'lang') === 'en', 'lang');
    assert((await page.textContent('label[for=suche]')) === 'Search indicators', 'label');
    await page.click('#konto button');   // back to German for the rest
  });

  await check('no script errors or CSP violations on the anonymous pages', async () => {
    assert(!problems.length, problems.join('\n'));
  });

  // ---- staff ------------------------------------------------------------------------------------
  const staff = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  const sp = await staff.newPage();
  const staffProblems = watch(sp);
  await check('staff login shows the internal area with Migrationshintergrund; session cookie HttpOnly, SameSite', async () => {
    await sp.goto(`${BASE}/anmelden`);
    await sp.fill('#benutzer', ADMIN_USER);
    await sp.fill('#kennwort', ADMIN_PASSWORD);
    await Promise.all([sp.waitForURL((u) => !u.pathname.startsWith('/anmelden')), sp.click('form#anmelden button[type=submit]')]);
    await sp.waitForSelector('.intern');
    assert((await sp.textContent('.intern')) === 'Interner Bereich', 'marker');
    const cookie = (await staff.cookies()).find((c) => c.name === 'JSESSIONID');
    assert(cookie && cookie.httpOnly && cookie.sameSite === 'Lax', JSON.stringify(cookie));
    await sp.goto(`${BASE}/koeln`);
    await sp.waitForSelector('.katalog');
    assert(INTERNAL.test(await sp.textContent('main')), 'internal indicator not listed for staff');
    await sp.goto(`${BASE}/koeln/indikator/anteil_migrationshintergrund?ebene=stadtteil`);
    await sp.waitForSelector('main[data-ready]');
    assert(await sp.$$eval('.tabelle-box tbody tr', (r) => r.length) === 86, 'staff table');
    await shot(sp, 'web-intern.png');
    await axe(sp, 'internal indicator');
  });

  await check('logout needs the CSRF token and ends the internal area', async () => {
    const r = await sp.evaluate(() => fetch('/logout', { method: 'POST', redirect: 'manual' }).then((x) => x.status));
    assert(r === 403, `logout without token: ${r}`);
    await sp.goto(`${BASE}/`);
    await sp.waitForSelector('.intern');
    await Promise.all([sp.waitForURL(/abgemeldet/), sp.click('form.abmelden button')]);
    await sp.waitForSelector('form#anmelden');
    assert(!(await sp.$('.intern')), 'still marked internal');
  });

  await check('a one-time password is changed on the password page first', async () => {
    const login = `web-neu-${Date.now() % 100000}`;
    const r = await fetch(`${BASE}/api/v1/users`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: basic(ADMIN_USER, ADMIN_PASSWORD) },
      body: JSON.stringify({ login, display_name: 'Frau Neu' }) });
    assert(r.status === 201, `create user: ${r.status}`);
    const oneTime = (await r.json()).one_time_password;
    await sp.goto(`${BASE}/anmelden`);
    await sp.fill('#benutzer', login);
    await sp.fill('#kennwort', oneTime);
    await Promise.all([sp.waitForURL(/\/passwort/), sp.click('form#anmelden button[type=submit]')]);
    await sp.waitForSelector('#passwort-form');
    await axe(sp, 'password');
    await sp.fill('#altes', oneTime);
    await sp.fill('#neues', 'Sozialatlas-2026!');
    await sp.fill('#wiederholung', 'Sozialatlas-2026!');
    await Promise.all([sp.waitForURL(/geaendert/), sp.click('#passwort-form button[type=submit]')]);
    await sp.fill('#benutzer', login);
    await sp.fill('#kennwort', 'Sozialatlas-2026!');
    await Promise.all([sp.waitForURL((u) => !u.pathname.startsWith('/anmelden')), sp.click('form#anmelden button[type=submit]')]);
    await sp.waitForSelector('.intern');
    assert(!sp.url().includes('/passwort'), sp.url());
  });

  await check('no script errors or CSP violations in the internal area', async () => {
    assert(!staffProblems.length, staffProblems.join('\n'));
  });
} finally {
  await browser.close();
}
finish();
