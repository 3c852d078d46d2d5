// The admin console's sections "Indikatoren und Ebenen" and "Datenschutz" in Chromium.
// Run by atlas-server's AdminConsoleCatalogueTest on throwaway territories: KAT_KLASSEN (indicator "index" with skewed
// values, published on "bezirk"), KAT_KECK (ten indicators, nine published, at least ten required), KAT_SCHUTZ
// (count "anzahl" with small values, published on "bezirk").
import { BASE, ADMIN_USER, ADMIN_PASSWORD, check, finish, assert, axe, watch, launch, login, apiCall, shot } from './lib.mjs';

const KLASSEN = process.env.KAT_KLASSEN;
const KECK = process.env.KAT_KECK;
const SCHUTZ = process.env.KAT_SCHUTZ;
const browser = await launch();
// A save moves the data generation, and the next read refreshes the materialised views of every territory: on a
// loaded machine (the whole suite on two cores) that takes longer than lib.mjs's 20 s, so these pages wait longer.
const WAIT = 90000;
const ready = (page, key) => page.waitForSelector(`main[data-ready="${key}"]`, { timeout: WAIT });

const legendText = (page) => page.$$eval('.vorschau-legende li', (lis) => lis.map((li) => li.textContent.trim()).join(' | '));
async function entry(t, key) {
  const r = await apiCall('GET', `/territories/${t}/catalogue/indicators/${key}`);
  assert(r.status === 200, JSON.stringify(r.body));
  return r.body.entry;
}

/** Whether the territory's public area is open for anonymous visitors: on /ows and in the web atlas. */
async function publicArea(t, anonymous) {
  const caps = await (await fetch(`${BASE}/${t}/ows?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0`)).text();
  const ows = caps.includes(`<Name>${t}.`);
  await anonymous.goto(`${BASE}/${t}`);
  await anonymous.waitForSelector('main h1');
  await anonymous.waitForFunction(() => !document.querySelector('main .laedt'));
  const text = await anonymous.textContent('main');
  const web = !text.includes('nicht freigeschaltet');
  assert(ows === web, `the web atlas (${web}) and /ows (${ows}) disagree: ${caps.slice(0, 300)}`);
  return ows;
}

try {
  const admin = await login(browser, ADMIN_USER, ADMIN_PASSWORD);
  admin.setDefaultTimeout(WAIT);
  await admin.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
  const problems = watch(admin);

  await check('the list shows the indicators with filters and publication per level', async () => {
    await admin.goto(`${BASE}/${KLASSEN}/verwaltung/indikatoren`);
    await ready(admin, 'admin-indikatoren');
    const rows = await admin.$$eval('.indikatorliste tbody tr', (trs) => trs.map((tr) => tr.dataset.key));
    assert(rows.length === 3 && rows.includes('index'), rows.join(','));
    assert((await admin.textContent('.keck')).includes('Indikatoren veröffentlicht'), await admin.textContent('.keck'));
    await admin.fill('input[name=suche]', 'Ind');
    const shown = await admin.$$eval('.indikatorliste tbody tr:not([hidden])', (trs) => trs.map((tr) => tr.dataset.key));
    assert(shown.length === 1 && shown[0] === 'index', shown.join(','));
    await admin.fill('input[name=suche]', '');
    await axe(admin, 'indicator list');
    await shot(admin, 'verwaltung-indikatoren.png');
  });

  await check('changing quantiles to Jenks shows a different preview legend before saving; saved, the SLD agrees', async () => {
    await admin.click('.indikatorliste a[href$="/indikatoren/index"]');
    await ready(admin, 'admin-indikatoren');
    await admin.waitForSelector('.vorschau-legende li');
    const before = await legendText(admin);
    assert((await admin.textContent('.vorschau-legende h3')).includes('Quantile'), 'stored method first');
    await admin.selectOption('select[name=method]', 'jenks');
    await admin.waitForFunction(() => (document.querySelector('.vorschau-legende h3') || {}).textContent?.includes('Jenks'));
    const after = await legendText(admin);
    assert(after !== before, `the draft legend equals the stored one: ${after}`);
    await admin.waitForFunction(() => document.querySelector('img.vorschau-karte').dataset.draft.includes('jenks'));
    const map = await admin.evaluate(async () => {
      const r = await fetch(document.querySelector('img.vorschau-karte').src);
      return { type: r.headers.get('content-type'), text: (await r.text()).slice(0, 400) };
    });
    assert(map.type.startsWith('image/png'), `the preview map: ${map.type} ${map.text}`);
    await admin.waitForFunction(() => {
      const img = document.querySelector('img.vorschau-karte');
      return img.complete && img.naturalWidth > 0;
    });
    assert((await entry(KLASSEN, 'index')).classification.method === 'quantile', 'nothing stored before saving');
    await axe(admin, 'indicator form with preview');
    await shot(admin, 'verwaltung-indikator-vorschau.png');
    await admin.click('form.katalog-formular button[type=submit]');
    await admin.waitForSelector('form.katalog-formular p.erfolg');
    const saved = await entry(KLASSEN, 'index');
    assert(saved.classification.method === 'jenks' && saved.classification.classes === 5, JSON.stringify(saved.classification));
    const sld = await (await fetch(`${BASE}/api/v1/territories/${KLASSEN}/indicators/index/sld?level=bezirk`)).text();
    const labels = await admin.$$eval('.vorschau-legende li', (lis) => lis.map((li) => li.textContent.trim()));
    for (const l of labels) assert(sld.includes(l), `the public SLD lacks the class ${l}`);
    assert((await legendText(admin)) === after, 'the legend after saving is the previewed one');
  });

  await check('an invalid value shows the server\'s message beside the field and changes nothing', async () => {
    await admin.fill('input[name=decimals]', '12');
    await admin.click('form.katalog-formular button[type=submit]');
    await admin.waitForFunction(() => document.querySelector('.feldfehler[data-field="decimals"]').textContent.includes('Nachkommastellen'));
    assert(await admin.getAttribute('input[name=decimals]', 'aria-invalid') === 'true', 'the field is marked');
    assert((await admin.textContent('form.katalog-formular [role=alert]')).includes('nichts wurde gespeichert'), 'the summary says so');
    assert((await entry(KLASSEN, 'index')).decimals === 2, 'decimals unchanged');
    await axe(admin, 'indicator form with errors');
    await admin.fill('input[name=decimals]', '2');
  });

  await check('a session that expired while editing asks for the login again and then saves the form', async () => {
    await admin.fill('input[name=title]', 'Index nach erneuter Anmeldung');
    await admin.context().clearCookies();
    await admin.click('form.katalog-formular button[type=submit]');
    await admin.waitForSelector('dialog.relogin[open]');
    await admin.fill('#relogin-benutzer', ADMIN_USER);
    await admin.fill('#relogin-kennwort', ADMIN_PASSWORD);
    await admin.click('dialog.relogin button[type=submit]');
    await admin.waitForSelector('form.katalog-formular p.erfolg');
    assert((await entry(KLASSEN, 'index')).title === 'Index nach erneuter Anmeldung', 'saved after the login');
    assert(await admin.inputValue('textarea[name=definition]') === 'd', 'the form kept its content');
  });

  await check('layer name, WMS/WFS address and SLD link are copied with a status message', async () => {
    const row = admin.locator('.dienste tr[data-level=bezirk]');
    assert((await row.locator('input.adresse').first().inputValue()) === `${KLASSEN}.index.bezirk`, 'layer name');
    await row.locator('button').nth(3).click();
    await admin.waitForFunction(() => document.querySelector('.dienste .kopiert').textContent.includes('kopiert'));
    const status = await admin.textContent('.dienste .kopiert');
    assert(status.includes(`/api/v1/territories/${KLASSEN}/indicators/index/sld?level=bezirk`), status);
    const clip = await admin.evaluate(() => navigator.clipboard.readText());
    assert(clip.endsWith('/sld?level=bezirk'), clip);
  });

  await check('publishing the tenth indicator opens the public area; withdrawing one closes it again', async () => {
    const anonymous = await (await browser.newContext({ locale: 'de-DE' })).newPage();
    anonymous.setDefaultTimeout(WAIT);
    await admin.goto(`${BASE}/${KECK}/verwaltung/indikatoren`);
    await ready(admin, 'admin-indikatoren');
    const keck = () => admin.textContent('.keck');
    assert((await keck()) === '9 von mindestens 10 Indikatoren veröffentlicht — der öffentliche Bereich ist noch geschlossen', await keck());
    assert(!await publicArea(KECK, anonymous), 'closed with nine');
    const box = admin.getByRole('checkbox', { name: 'Anzahl auf der Ebene Bezirk veröffentlichen' });
    await box.check();
    await admin.waitForFunction(() => document.querySelector('.keck').textContent.startsWith('10 von'));
    assert((await keck()) === '10 von mindestens 10 Indikatoren veröffentlicht — der öffentliche Bereich ist geöffnet', await keck());
    assert(await publicArea(KECK, anonymous), 'open with ten');
    await axe(admin, 'indicator list after publishing');
    await box.uncheck();
    await admin.waitForFunction(() => document.querySelector('.keck').textContent.startsWith('9 von'));
    assert(!await publicArea(KECK, anonymous), 'closed again');
    const status = await apiCall('GET', `/territories/${KECK}/publication`);
    assert(status.body.published === 9 && !status.body.live, JSON.stringify(status.body));
    await anonymous.context().close();
  });

  await check('disclosure: a higher threshold shows more withheld cells before saving; saved, the public API withholds them', async () => {
    const publicValues = async () => (await apiCall('GET', `/territories/${SCHUTZ}/indicators/anzahl/values?level=bezirk&period=2020`, undefined, null)).body;
    const shown = (values) => values.filter((v) => v.value !== null && v.value !== undefined).length;
    const visibleBefore = shown(await publicValues());
    await admin.goto(`${BASE}/${SCHUTZ}/verwaltung/datenschutz`);
    await ready(admin, 'admin-datenschutz');
    await axe(admin, 'disclosure form');
    await admin.fill('input[name=threshold]', '10');
    await admin.click('button.vorschau-knopf');
    await admin.waitForSelector('.wirkung-tabelle tbody tr');
    const [now, draft] = await admin.$$eval('.wirkung-tabelle tbody tr', (trs) => [
      trs.reduce((a, tr) => a + Number(tr.querySelector('[data-now]').dataset.now), 0),
      trs.reduce((a, tr) => a + Number(tr.querySelector('[data-draft]').dataset.draft), 0)]);
    assert(draft > now, `draft ${draft} should withhold more than today ${now}`);
    await axe(admin, 'disclosure preview');
    await shot(admin, 'verwaltung-datenschutz.png');
    const stored = await apiCall('GET', `/territories/${SCHUTZ}/disclosure/settings`);
    assert(stored.body.disclosure.threshold === undefined, 'nothing saved by the preview');
    assert(shown(await publicValues()) === visibleBefore, 'the public values are unchanged by the preview');
    await admin.click('form.datenschutz-formular button[type=submit]');
    await admin.waitForSelector('form.datenschutz-formular p.erfolg');
    assert(shown(await publicValues()) === 4 - draft, `public values after saving: ${JSON.stringify(await publicValues())}`);
    assert(shown(await publicValues()) < visibleBefore, 'more withheld');

    await admin.fill('input[name=threshold]', 'zehn');
    await admin.click('button.vorschau-knopf');
    await admin.waitForFunction(() => document.querySelector('.feldfehler[data-field="threshold"]').textContent.includes('ganze Zahl'));
  });

  await check('no script errors or CSP violations in these sections', async () => {
    assert(!problems.length, problems.join('\n'));
  });
} finally {
  await browser.close();
}
finish();
