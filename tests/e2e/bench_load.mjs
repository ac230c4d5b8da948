// Benchmark (not a test): what the first view costs and how fast the seed article is usable.
//   node bench_load.mjs [RUNS]        after `trunk build --release`
// Prints the release bundle's sizes (raw and gzipped), then the time from navigation until the
// seed article's highlighted names and timeline are in the page, as a ratio against a plain
// static HTML page with the same text, measured alternately in the same Chromium in the same run.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve, launch, readyWhen, distWithPlainSeed, DIST, SEED_ID } from './harness.mjs';

const runs = Number(process.argv[2] ?? 15);

function sizes() {
  const rows = fs.readdirSync(DIST)
    // The analysis worker is not part of the first view: it loads only when a reader analyzes.
    .filter((name) => /\.(wasm|js|css|html)$/.test(name) && !name.startsWith('dateline-worker') && !name.startsWith('dateline-page-worker'))
    .map((name) => path.join(DIST, name))
    .concat([path.join(DIST, 'articles/index.json'), path.join(DIST, `articles/${SEED_ID}.json`)]);
  let raw = 0;
  let gz = 0;
  console.log('first view: file, raw bytes, gzip -9 bytes');
  for (const file of rows) {
    const bytes = fs.readFileSync(file);
    const zipped = zlib.gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gz += zipped;
    console.log(`  ${path.relative(DIST, file).padEnd(44)} ${String(bytes.length).padStart(8)} ${String(zipped).padStart(8)}`);
  }
  console.log(`  ${'total'.padEnd(44)} ${String(raw).padStart(8)} ${String(gz).padStart(8)}`);
}

async function measure(context, url, selector) {
  const page = await context.newPage();
  await page.addInitScript(readyWhen(selector));
  await page.goto(url);
  await page.waitForFunction(() => window.__ready);
  const ms = await page.evaluate(() => window.__ready);
  await page.close();
  return ms;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

sizes();
const root = distWithPlainSeed();
const server = await serve(root);
const browser = await launch();
const app = [];
const plain = [];
// Warm up both once (process start-up, first compile), then alternate.
await measure(browser.context, server.url + 'plain.html', '#ready');
await measure(browser.context, server.url + `#/article/${SEED_ID}`, '[data-event-id]');
for (let i = 0; i < runs; i++) {
  plain.push(await measure(browser.context, server.url + 'plain.html', '#ready'));
  app.push(await measure(browser.context, server.url + `#/article/${SEED_ID}`, '[data-event-id]'));
}
await browser.close();
await server.close();
fs.rmSync(root, { recursive: true, force: true });
console.log(`\nnavigation -> seed article interactive, ${runs} runs each, median ms:`);
console.log(`  plain static HTML  ${median(plain).toFixed(1)}`);
console.log(`  Dateline           ${median(app).toFixed(1)}`);
console.log(`  ratio Dateline / plain = ${(median(app) / median(plain)).toFixed(2)}`);
