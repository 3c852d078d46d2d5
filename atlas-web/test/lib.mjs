// What every browser test script shares: checks that print one line each, axe-core, page watching,
// the staff login. Scripts: e2e.mjs (public and internal area), admin-*.mjs (admin console).
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const BASE = (process.env.ATLAS_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
export const [ADMIN_USER, ADMIN_PASSWORD] = (process.env.ATLAS_ADMIN || 'admin:test-secret').split(/:(.*)/s);
export const SHOTS = process.env.ATLAS_SCREENSHOTS || path.join(here, '..', '..', 'docs', 'img');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const AXE = readFileSync(path.join(here, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let passed = 0;
let failed = 0;
export async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}: ${(e && e.stack) || e}`);
  }
}

/** Prints the summary line and ends the process (exit 1 when a check failed). */
export function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export const basic = (u, p) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;
export const ADMIN_AUTH = basic(ADMIN_USER, ADMIN_PASSWORD);

export async function apiJson(p, auth) {
  const r = await fetch(`${BASE}/api/v1${p}`, { headers: { Accept: 'application/json', ...(auth ? { Authorization: auth } : {}) } });
  assert(r.ok, `${p}: HTTP ${r.status}`);
  return r.json();
}

/** A call of the API outside the browser (set-up and cross-checks); answers { status, body }. */
export async function apiCall(method, p, body, auth = ADMIN_AUTH) {
  const r = await fetch(`${BASE}/api/v1${p}`, { method,
    headers: { Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(auth ? { Authorization: auth } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch { json = text; }
  return { status: r.status, body: json };
}

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page; throws listing the violations. */
export async function axe(page, what) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => globalThis.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const v = result.violations;
  assert(!v.length, `${what}: ${v.length} axe violations: ${v.map((x) => `${x.id} (${x.nodes.length}: ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`).join(', ')}`);
}

/** Watches a page: script errors and CSP violations fail the run; every text response is kept. */
export function watch(page, bodies) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) problems.push(`CSP: ${m.text()}`); });
  if (bodies) {
    page.on('response', async (r) => {
      const type = r.headers()['content-type'] || '';
      if (/json|text|javascript|xml|html|css/.test(type)) {
        try { bodies.push({ url: r.url(), body: await r.text() }); } catch { /* redirects have no body */ }
      }
    });
  }
  return problems;
}

/** Waits until a page says it has drawn (main[data-ready=key]). */
export async function ready(page, key) {
  await page.waitForSelector(`main[data-ready="${key}"]`, { timeout: 20000 });
}

export async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: false });
}

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

/** Signs in through the login page of a fresh German browser context; answers the page. */
export async function login(browser, user, password) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${BASE}/anmelden`);
  await page.fill('#benutzer', user);
  await page.fill('#kennwort', password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/anmelden')), page.click('form#anmelden button[type=submit]')]);
  await page.waitForSelector('.intern');
  return page;
}
