// The console's sections "Daten importieren" and "Importe" in Chromium: a refused value file with its
// problem table, the corrected file with a progress bar up to the public indicator view, a department
// editor's import targets, the revert from the list (refused with a reason, then done), the history of a
// value from the indicator table, and a boundary file whose fields are chosen after the upload.
// Run by atlas-server's AdminConsoleImportsTest: ATLAS_TERRITORY is a throwaway territory (levels gesamt,
// bezirk 01-04; indicators quote, anzahl, index), ATLAS_EDITOR login:password of a Kreis Düren editor
// whose department holds "einwohner" only; ATLAS_TERRITORY_ADMIN login:password of the territory's administrator.
import { BASE, ADMIN_USER, ADMIN_PASSWORD, ADMIN_AUTH, basic, check, finish, assert, axe, watch, launch, login, apiJson, apiCall, shot } from './lib.mjs';

const T = process.env.ATLAS_TERRITORY;
const [EDITOR_USER, EDITOR_PASSWORD] = (process.env.ATLAS_EDITOR || '').split(/:(.*)/s);
// publishing as the territory's own administrator leaves the global administrator's audit trail to other tests
const PUBLISHER = process.env.ATLAS_TERRITORY_ADMIN ? basic(...process.env.ATLAS_TERRITORY_ADMIN.split(/:(.*)/s).slice(0, 2)) : ADMIN_AUTH;
assert(T, 'ATLAS_TERRITORY (a throwaway territory) is required');

/** Uploads a file to the import API outside the browser (set-up and cross-checks). */
async function apiUpload(path, name, text, auth = ADMIN_AUTH) {
  const fd = new FormData();
  fd.append('file', new Blob([text]), name);
  const r = await fetch(`${BASE}/api/v1${path}`, { method: 'POST', body: fd, headers: { Accept: 'application/json', Authorization: auth } });
  return { status: r.status, body: await r.json().catch(() => null) };
}

const values = async (period) => (await apiJson(`/territories/${T}/indicators/index/values?period=${period}&level=bezirk`, ADMIN_AUTH))
  .map((v) => `${v.unit_code}=${v.value}`).sort().join(' ');

/** Rows of the first table under `scope` as arrays of cell texts. */
const tableRows = (page, selector) => page.$$eval(`${selector} tbody tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));

/** Waits until a page has drawn; generous, because the test machine is shared (2 cores, several builds). */
const ready = (page, key) => page.waitForSelector(`main[data-ready="${key}"]`, { timeout: 60000 });
const signIn = async (user, password) => {
  const page = await login(browser, user, password);
  page.setDefaultTimeout(60000);
  return page;
};

const browser = await launch();
try {
  const admin = await signIn(ADMIN_USER, ADMIN_PASSWORD);
  const problems = watch(admin);
  const importPage = `${BASE}/${T}/verwaltung/daten-importieren`;

  await check('a value file with an unknown unit code and a decimal point error is refused with both lines in a table; nothing changed', async () => {
    const before = await values(2023);
    await admin.goto(importPage);
    await ready(admin, 'admin-daten-importieren');
    assert((await admin.textContent('#import-grenze')).match(/Höchstens \d+ MB je Datei/), 'the size limit is shown in the form');
    await axe(admin, 'import form');
    await admin.setInputFiles('#import-datei', { name: 'index-2023.csv', mimeType: 'text/csv',
      buffer: Buffer.from('gebiet;indikator;jahr;wert\n01;index;2023;1,5\n99;index;2023;2,0\n02;index;2023;2.5\n') });
    await admin.click('form.import button[type=submit]');
    await admin.waitForSelector('.auftrag[data-state=rejected]');
    assert(/\/daten-importieren\/auftrag\/[0-9a-f-]{36}$/.test(admin.url()), `the job is in the address: ${admin.url()}`);
    const rows = await tableRows(admin, 'table.probleme');
    const text = await admin.textContent('.abgelehnt');
    assert(text.includes('nichts wurde geändert'), text);
    assert(rows.length === 2, JSON.stringify(rows));
    assert(rows[0][0] === '3' && rows[0][2] === '99' && rows[0][3].includes('Unbekannter Gebietsschlüssel'), JSON.stringify(rows[0]));
    assert(rows[1][0] === '4' && rows[1][1] === 'wert' && rows[1][2] === '2.5' && rows[1][3].includes('keine Zahl'), JSON.stringify(rows[1]));
    await axe(admin, 'refused import');
    await shot(admin, 'verwaltung-import-abgelehnt.png');
    assert(await values(2023) === before, 'the read API is unchanged');
  });

  await check('the corrected file, dropped on the form, imports with a progress bar and shows in the public view once published', async () => {
    await admin.goto(importPage);
    await ready(admin, 'admin-daten-importieren');
    // drag and drop: a file dropped on the zone, as a browser delivers it
    await admin.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['gebiet;indikator;jahr;wert\n01;index;2023;1,5\n02;index;2023;2,5\n03;index;2023;3,25\n'], 'index-2023.csv', { type: 'text/csv' }));
      document.querySelector('.ablage').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    assert((await admin.textContent('.gewaehlt')).includes('index-2023.csv'), 'the dropped file is named');
    await admin.click('form.import button[type=submit]');
    await admin.waitForSelector('.auftrag progress');
    await admin.waitForSelector('.auftrag[data-state=done]');
    assert(await admin.$eval('.auftrag progress', (p) => p.value) === 100, 'the progress bar is full');
    assert((await admin.textContent('.auftrag')).includes('3 geschrieben'), await admin.textContent('.auftrag'));
    await axe(admin, 'finished import');
    // the job stays reachable at its address
    await admin.reload();
    await admin.waitForSelector('.auftrag[data-state=done]');
    assert(await values(2023) === '01=1.5 02=2.5 03=3.25', await values(2023));
    const published = await apiCall('POST', `/territories/${T}/indicators/index/publication`, { levels: ['bezirk'] }, PUBLISHER);
    assert(published.status === 200, JSON.stringify(published.body));
    const context = await browser.newContext({ locale: 'de-DE' });
    const visitor = await context.newPage();
    visitor.setDefaultTimeout(60000);
    await visitor.goto(`${BASE}/${T}/indikator/index?ebene=bezirk&zeitraum=2023`);
    await ready(visitor, 'bezirk:2023');
    const cell = await visitor.textContent('tr[data-code="03"] td.wert');
    assert(cell.includes('3,25'), `public table shows the new value: ${cell}`);
    assert(!(await visitor.$('a.verlauf-link')), 'visitors get no history links');
    await context.close();
  });

  await check('a file with warnings is imported and shows each warning in a table', async () => {
    await admin.goto(importPage);
    await ready(admin, 'admin-daten-importieren');
    await admin.setInputFiles('#import-datei', { name: 'anzahl-2023.csv', mimeType: 'text/csv',
      buffer: Buffer.from('gebiet;indikator;jahr;wert\nT;anzahl;2023;100\n01;anzahl;2023;10\n02;anzahl;2023;20\n03;anzahl;2023;30\n04;anzahl;2023;30\n') });
    await admin.click('form.import button[type=submit]');
    await admin.waitForSelector('.auftrag[data-state=done]');
    const notes = await tableRows(admin, '.hinweise table.probleme');
    assert(notes.length === 1 && notes[0][3].includes('Summe der 4 untergeordneten Gebiete 90') && notes[0][3].includes('Differenz 10'),
      JSON.stringify(notes));
    assert((await admin.textContent('.auftrag')).includes('5 geschrieben'), await admin.textContent('.auftrag'));
    await axe(admin, 'import with warnings');
  });

  if (EDITOR_USER) await check('a department editor sees only their department\'s indicators as targets; the API refuses the rest', async () => {
    const editor = await signIn(EDITOR_USER, EDITOR_PASSWORD);
    const seen = watch(editor);
    await editor.goto(`${BASE}/kreis-dueren/verwaltung/daten-importieren`);
    await ready(editor, 'admin-daten-importieren');
    const kinds = await editor.$$eval('input[name=kind]', (is) => is.map((i) => i.value));
    assert(kinds.join() === 'values', `only values: ${kinds}`);
    const targets = await editor.$$eval('select[name=indicator] option', (os) => os.map((o) => o.value).filter(Boolean));
    assert(targets.join() === 'einwohner', `targets: ${targets}`);
    await axe(editor, 'editor import form');
    const nav = await editor.$$eval('.verwaltung-nav a', (as) => as.map((a) => a.textContent));
    assert(!nav.includes('Benutzer und Rechte'), nav.join(', '));
    await editor.goto(`${BASE}/kreis-dueren/verwaltung/benutzer`);
    await editor.waitForSelector('main [role=alert]');
    const auth = basic(EDITOR_USER, EDITOR_PASSWORD);
    const other = await apiUpload('/territories/kreis-dueren/imports/values?indicator=bevoelkerungsdichte', 'x.csv', 'ags;jahr;wert\n05358008;2022;1\n', auth);
    assert(other.status === 403, `another department's indicator: ${other.status}`);
    const users = await apiCall('GET', '/users', undefined, auth);
    assert(users.status === 403, `user management: ${users.status}`);
    assert(!seen.length, seen.join('\n'));
    await editor.context().close();
  });

  await check('the history of a value is reachable from the indicator table; a revert refused with its reason, then a revert restores', async () => {
    const a = await apiUpload(`/territories/${T}/imports/values`, 'index-2024-a.csv', 'gebiet;indikator;jahr;wert\n01;index;2024;10\n');
    const b = await apiUpload(`/territories/${T}/imports/values`, 'index-2024-b.csv', 'gebiet;indikator;jahr;wert\n01;index;2024;20\n02;index;2024;5\n');
    assert(a.status === 201 && b.status === 201, `${a.status} ${b.status}`);
    const idA = a.body.result.batch_id;
    const idB = b.body.result.batch_id;

    await admin.goto(`${BASE}/${T}/indikator/index?ebene=bezirk&zeitraum=2024`);
    await ready(admin, 'bezirk:2024');
    await admin.click('tr[data-code="01"] a.verlauf-link');
    await ready(admin, 'admin-importe');
    const history = await tableRows(admin, 'table.verlauf');
    assert(history.length === 2, JSON.stringify(history));
    assert(history[0][0] === String(idB) && history[0][4] === '20,00' && history[0][6] === 'aktuell', JSON.stringify(history[0]));
    assert(history[1][0] === String(idA) && history[1][4] === '10,00' && history[1][6].includes(`ersetzt durch Lieferung ${idB}`), JSON.stringify(history[1]));
    await axe(admin, 'history of a value');
    // the same link from the area profile of the internal area
    await admin.goto(`${BASE}/${T}/gebiet/01`);
    await admin.waitForSelector('tr[data-indicator=index] a.verlauf-link');
    assert((await admin.getAttribute('tr[data-indicator=index] a.verlauf-link', 'href')).includes('indikator=index&gebiet=01&zeitraum=2024'),
      'the profile links the history of its latest value');

    await admin.goto(`${BASE}/${T}/verwaltung/importe?art=values`);
    await ready(admin, 'admin-importe');
    await axe(admin, 'batch list');
    await shot(admin, 'verwaltung-importe.png');
    const listed = await tableRows(admin, 'table.importe');
    assert(listed[0][3] === 'index-2024-b.csv' && listed[0][2] === 'admin' && listed[0][5] === '2', JSON.stringify(listed[0]));
    await admin.click(`tr[data-batch="${idA}"] button`);
    await admin.waitForSelector('.meldung.fehler');
    const refusal = await admin.textContent('.meldung');
    assert(refusal.includes(`von Lieferung ${idB} ersetzt`), refusal);
    assert(await values(2024) === '01=20 02=5', 'nothing changed by the refusal');

    // by keyboard: Enter opens the confirmation, Escape leaves it without changing anything
    await admin.focus(`tr[data-batch="${idB}"] button`);
    await admin.keyboard.press('Enter');
    await admin.waitForSelector('dialog.bestaetigen[open]');
    assert(await admin.evaluate(() => document.activeElement.classList.contains('gefahr')), 'the dialog takes the focus');
    await admin.keyboard.press('Escape');
    await admin.waitForSelector('dialog.bestaetigen', { state: 'detached' });
    assert(await values(2024) === '01=20 02=5', 'Escape changes nothing');
    await admin.click(`tr[data-batch="${idB}"] button`);
    await admin.waitForSelector('dialog.bestaetigen[open]');
    const preview = await admin.textContent('dialog.bestaetigen .vorschau');
    assert(preview === 'Stellt 1 Wert von 1 Indikator für 2024 wieder her und entfernt 1 Wert.', preview);
    await axe(admin, 'revert dialog');
    await admin.click('dialog.bestaetigen button.gefahr');
    await admin.waitForSelector(`tr[data-batch="${idB}"][data-status=reverted]`);
    assert((await admin.textContent('.meldung')).includes(`Lieferung ${idB} wurde zurückgenommen`), await admin.textContent('.meldung'));
    assert(await values(2024) === '01=10', `restored: ${await values(2024)}`);

    await admin.click(`a[href$="/importe/${idA}"]`);
    await admin.waitForSelector('dl.lieferung');
    const touched = await tableRows(admin, 'section[aria-labelledby=lieferung-werte] table');
    assert(touched.length === 1 && touched[0][0] === 'Index' && touched[0][2] === '2024' && touched[0][3] === '1', JSON.stringify(touched));
    await axe(admin, 'batch details');
  });

  await check('a boundary file: fields chosen after the upload, a new level created, units visible in the API and WFS', async () => {
    const features = [1, 2, 3].map((i) => {
      const x = 350000 + (i - 1) * 500;
      return { type: 'Feature', properties: { SCHLUESSEL: `B${i}`, BEZEICHNUNG: `Block ${i}`, FLAECHE: 0.25 },
        geometry: { type: 'Polygon', coordinates: [[[x, 5640000], [x + 500, 5640000], [x + 500, 5640500], [x, 5640500], [x, 5640000]]] } };
    });
    const geojson = JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } }, features });
    await admin.goto(importPage);
    await ready(admin, 'admin-daten-importieren');
    await admin.check('#import-art-boundaries');
    await admin.setInputFiles('#import-datei', { name: 'bloecke.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(geojson) });
    await admin.waitForSelector('table.felder');
    const fields = await admin.$$eval('table.felder tbody th', (ths) => ths.map((x) => x.textContent));
    assert(fields.join() === 'SCHLUESSEL,BEZEICHNUNG,FLAECHE', fields.join());
    await shot(admin, 'verwaltung-import-grenzen.png');
    assert((await admin.textContent('.optionen')).includes('3 Objekte'), 'the feature count');
    assert((await admin.textContent('.optionen')).includes('EPSG:25832'), 'the CRS');
    await admin.selectOption('select[name=code_field]', 'SCHLUESSEL');
    await admin.selectOption('select[name=name_field]', 'BEZEICHNUNG');
    await admin.selectOption('.optionen select[name=level]', '\u0000neu');
    await admin.click('button.neue-ebene-anlegen');
    await admin.waitForSelector('.neue-ebene [aria-invalid=true]');
    assert((await admin.textContent('.neue-ebene')).includes('Schlüssel: Kleinbuchstaben'), 'the server\'s message beside the key');
    await axe(admin, 'boundary mapping with a field error');
    await admin.fill('.neue-ebene input[name=key]', 'block');
    await admin.fill('.neue-ebene input[name=name]', 'Block');
    await admin.fill('.neue-ebene input[name=name_plural]', 'Blöcke');
    await admin.selectOption('.neue-ebene select[name=parent]', 'bezirk');
    await admin.click('button.neue-ebene-anlegen');
    await admin.waitForSelector('.neue-ebene[hidden]', { state: 'attached' });
    assert(await admin.$eval('.optionen select[name=level]', (s) => s.value) === 'block', 'the new level is chosen');
    await admin.click('form.import button[type=submit]');
    await admin.waitForSelector('.auftrag[data-state=done]');
    const units = await apiJson(`/territories/${T}/units?level=block`, ADMIN_AUTH);
    assert(units.map((u) => `${u.code}:${u.name}`).join() === 'B1:Block 1,B2:Block 2,B3:Block 3', JSON.stringify(units));
    const wfs = await fetch(`${BASE}/${T}/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:${T}.block&OUTPUTFORMAT=geojson`);
    const collection = await wfs.json();
    assert(collection.features.map((f) => f.properties.code).sort().join() === 'B1,B2,B3', JSON.stringify(collection).slice(0, 300));
  });

  await check('no script errors or CSP violations in the import screens', async () => {
    assert(!problems.length, problems.join('\n'));
  });
} finally {
  await browser.close();
}
finish();
