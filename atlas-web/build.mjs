// Builds the web atlas into dist/ (served by atlas-server from classpath:/static): one script and one
// style sheet, minified, plus the page shell. Run by the launcher (./atlas run, ./atlas test) as `npm run build`.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist/assets', { recursive: true });
await esbuild.build({
  entryPoints: { app: 'src/main.js' },
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020'],
  outdir: 'dist/assets',
  legalComments: 'linked',
  logLevel: 'warning',
});
copyFileSync('src/index.html', 'dist/index.html');
copyFileSync('src/favicon.svg', 'dist/favicon.svg');
for (const f of ['dist/assets/app.js', 'dist/assets/app.css']) {
  const raw = statSync(f).size;
  const gz = gzipSync(readFileSync(f)).length;
  console.log(`${f}: ${(raw / 1024).toFixed(1)} KB, gzip ${(gz / 1024).toFixed(1)} KB`);
}
