// Page timings of the web atlas (printed, not asserted): 20 loads of the indicator view in Chromium
// against a running, warm server, from navigation to map, chart and table shown; plus script sizes.
//   ATLAS_URL=http://127.0.0.1:8080 node test/bench.mjs [loads]
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const BASE = (process.env.ATLAS_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const LOADS = Number(process.argv[2] || 20);
const dist = path.join(here, '..', 'dist', 'assets');
for (const f of readdirSync(dist).filter((x) => /\.(js|css)$/.test(x))) {
  const b = readFileSync(path.join(dist, f));
  console.log(`${f}: ${(b.length / 1024).toFixed(1)} KB, gzip ${(gzipSync(b).length / 1024).toFixed(1)} KB`);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const pages = {
  'indicator view (Köln, Stadtteile, 2012)': ['/koeln/indikator/anteil_unter_6?ebene=stadtteil&zeitraum=2012', 'main[data-ready="stadtteil:2012"]', true],
  'start page': ['/', '.gebiete li', false],
  'area profile (Stadtteil)': ['/koeln/gebiet/101', 'table.profil', false],
};
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `median ${q(0.5).toFixed(0)} ms, p90 ${q(0.9).toFixed(0)} ms, min ${s[0].toFixed(0)} ms, max ${s[s.length - 1].toFixed(0)} ms`;
};
for (const [name, [p, selector, map]] of Object.entries(pages)) {
  await page.goto(BASE + p);   // warm-up: server caches, browser cache of script and style
  await page.waitForSelector(selector);
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const t0 = Date.now();
    await page.goto(BASE + p);
    await page.waitForSelector(selector, { timeout: 30000 });
    if (map) {
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('REQUEST=GetMap') && e.responseEnd > 0));
    }
    times.push(Date.now() - t0);
  }
  console.log(`${name}: ${LOADS} loads, ${stats(times)}`);
}
const script = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js'))
  .map((e) => `${e.name.replace(location.origin, '')} transferred ${e.transferSize} B, encoded ${e.encodedBodySize} B`));
console.log(script.join('\n'));
await browser.close();
