// Benchmark (not a test): what the first view costs and how fast the seed article is usable.
//   node bench_load.mjs [RUNS]        after `trunk build --release`
// Prints the release bundle's sizes (raw and gzipped), then the time from navigation until the
// seed article's highlighted names and timeline are in the page, as a ratio against a plain
// static HTML page with the same text, measured alternately in the same Chromium in the same run.
// Then the prerendered page (`article/<seed>/`) against the same plain page and the app's own
// client render (`#/article/<seed>`): first contentful paint, the time until a click on a name
// selects it (a click is tried every 5 ms from the start), and the bytes that arrived before the
// first paint (Resource Timing): on loopback, uncompressed; over an emulated 20 Mbit/s link,
// gzip-compressed as static hosts serve them.
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

/**
 * Clicks the first name every 5 ms until it is selected, and records (`window.__selected`) when
 * that showed: the time until the page responds to a reader. Stops clicking once selected.
 */
const CLICK_UNTIL_SELECTED = `(() => {
  const tick = () => {
    const mark = document.querySelector('.article-body mark[data-entity-id]');
    if (mark && mark.dataset.selected === 'true') { window.__selected = performance.now(); return; }
    if (mark && !window.__clicked) { window.__clicked = mark.dataset.entityId; }
    if (mark) mark.click();
    setTimeout(tick, 5);
  };
  setTimeout(tick, 0);
})();`;

/**
 * First contentful paint, interactive time and bytes in before the first paint of `url`, over
 * `network` (Chromium's emulated latency and throughput; null: loopback as it is).
 */
async function paintAndInteract(context, url, interactive, network) {
  const page = await context.newPage();
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
  }
  if (interactive) await page.addInitScript(CLICK_UNTIL_SELECTED);
  else await page.addInitScript(readyWhen('#ready'));
  await page.goto(url);
  await page.waitForFunction((interactive) => (interactive ? window.__selected : window.__ready)
    && performance.getEntriesByName('first-contentful-paint').length > 0, interactive);
  const result = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0].startTime;
    const nav = performance.getEntriesByType('navigation')[0];
    const before = performance.getEntriesByType('resource').filter((r) => r.responseEnd <= fcp);
    return {
      fcp,
      done: window.__selected ?? window.__ready,
      bytes: nav.transferSize + before.reduce((sum, r) => sum + r.transferSize, 0),
      files: [nav.name, ...before.map((r) => r.name)].map((u) => new URL(u).pathname),
    };
  });
  await page.close();
  return result;
}

{
  const root = distWithPlainSeed();
  // Loopback as the local server sends files (uncompressed); the emulated link as static hosts
  // send them, gzip-compressed (the wasm crosses it at about a third of its size).
  const servers = { plain: await serve(root), gzip: await serve(root, { gzip: true }) };
  const browser = await launch();
  const targets = (server) => ({
    plain: [server.url + 'plain.html', false],
    prerendered: [server.url + `article/${SEED_ID}/`, true],
    'client-rendered': [server.url + `#/article/${SEED_ID}`, true],
  });
  // Loopback as it is (every file arrives at once), and a modest connection: 20 Mbit/s down,
  // 40 ms round trip, served gzip-compressed.
  const networks = {
    loopback: [null, servers.plain],
    '20 Mbit/s, 40 ms, gzip': [{ latency: 40, downloadThroughput: 20e6 / 8, uploadThroughput: 5e6 / 8 }, servers.gzip],
  };
  for (const [networkName, [network, server]] of Object.entries(networks)) {
    const pages = targets(server);
    const results = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
    for (const [url, interactive] of Object.values(pages)) await paintAndInteract(browser.context, url, interactive, network);
    for (let i = 0; i < runs; i++) {
      for (const [name, [url, interactive]] of Object.entries(pages)) {
        results[name].push(await paintAndInteract(browser.context, url, interactive, network));
      }
    }
    // A plain page responds once it is painted: both ratios are against its first paint.
    const plainFcp = median(results.plain.map((r) => r.fcp));
    const plainDone = plainFcp;
    console.log(`\nseed article over ${networkName}, ${runs} runs each, median ms (ratio to plain static HTML's):`);
    console.log(`  ${'page'.padEnd(18)} ${'first paint'.padStart(18)} ${'click selects'.padStart(18)} ${'bytes before paint'.padStart(20)}`);
    for (const [name, rows] of Object.entries(results)) {
      const fcp = median(rows.map((r) => r.fcp));
      const done = median(rows.map((r) => r.done));
      const bytes = median(rows.map((r) => r.bytes));
      const doneText = name === 'plain' ? `${done.toFixed(1)} (DOM)` : `${done.toFixed(1)} (${(done / plainDone).toFixed(2)}×)`;
      console.log(`  ${name.padEnd(18)} ${`${fcp.toFixed(1)} (${(fcp / plainFcp).toFixed(2)}×)`.padStart(18)} ${doneText.padStart(18)} ${String(bytes).padStart(20)}`);
    }
    console.log(`  (client-rendered: \`index.html#/article/<seed>\`, whose first paint is the prerendered library)`);
    for (const name of ['prerendered', 'client-rendered']) {
      const last = results[name].at(-1);
      console.log(`  in before the first paint, ${name} (last run): ${last.files.join(', ')}`);
    }
  }
  await browser.close();
  for (const server of Object.values(servers)) await server.close();
  fs.rmSync(root, { recursive: true, force: true });
}
