// Benchmark (a program, not a test): how long the page worker takes to extract the article of a
// saved page in headless Chromium, against the browser's own DOMParser parsing the same HTML in
// the same run (a baseline: parsing alone, no article finding).
//   node bench/extract.mjs [--runs N]
// after `./scripts/setup.sh`, `trunk build --release` and `npm ci` in tests/e2e. Reads Mozilla
// Readability's test pages from ../shared/data/readability-pages/dev (never committed).
// Native timings: `cargo run --release -p dateline-extract --example bench`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const PAGES = path.resolve(here, '../../shared/data/readability-pages/dev');
const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const RUNS = Number(options.runs) || 3;

if (!fs.existsSync(PAGES)) {
  console.log(`no pages at ${PAGES}: nothing to measure`);
  process.exit(0);
}
const pages = fs.readdirSync(PAGES)
  .map((name) => path.join(PAGES, name, 'source.html'))
  .filter((file) => fs.existsSync(file))
  .map((file) => ({ name: path.basename(path.dirname(file)), html: fs.readFileSync(file, 'utf8') }));

const { serve, launch } = await import('../tests/e2e/harness.mjs');
const server = await serve();
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.evaluate(() => new Promise((resolve) => {
    window.pageWorker = new Worker('dateline-page-worker_loader.js');
    window.pageWorker.onmessage = (event) => { if (event.data.status === 'ready') resolve(); };
  }));
  const rows = [];
  for (const { name, html } of pages) {
    const times = await page.evaluate(async ({ html, runs }) => {
      const extract = (request) => new Promise((resolve) => {
        const started = performance.now();
        window.pageWorker.onmessage = (event) => resolve([performance.now() - started, event.data.status]);
        window.pageWorker.postMessage({ request, html });
      });
      const worker = [];
      const parser = [];
      let status = '';
      for (let i = 0; i < runs; i += 1) {
        const [ms, s] = await extract(i + 1);
        worker.push(ms);
        status = s;
        const started = performance.now();
        const doc = new DOMParser().parseFromString(html, 'text/html');
        void doc.body?.textContent?.length;
        parser.push(performance.now() - started);
      }
      return { worker: Math.min(...worker), parser: Math.min(...parser), status };
    }, { html, runs: RUNS });
    rows.push({ name, bytes: Buffer.byteLength(html), ...times });
  }
  rows.sort((a, b) => b.bytes - a.bytes);
  console.log(`page worker in Chromium, fastest of ${RUNS} runs per page (${rows.length} pages)`);
  console.log('page'.padEnd(34), 'bytes'.padStart(9), 'worker ms'.padStart(10), 'DOMParser ms'.padStart(13), 'ratio'.padStart(7));
  for (const r of rows.slice(0, 5)) {
    console.log(r.name.padEnd(34), String(r.bytes).padStart(9), r.worker.toFixed(1).padStart(10), r.parser.toFixed(1).padStart(13), (r.worker / r.parser).toFixed(1).padStart(7));
  }
  const worker = rows.map((r) => r.worker);
  const parser = rows.map((r) => r.parser);
  console.log(`median: worker ${median(worker).toFixed(1)} ms, DOMParser ${median(parser).toFixed(1)} ms, ratio ${(median(worker) / median(parser)).toFixed(1)}x`);
  console.log(`max: worker ${Math.max(...worker).toFixed(1)} ms (${rows.find((r) => r.worker === Math.max(...worker)).name})`);
  console.log(`extracted: ${rows.filter((r) => r.status === 'extracted').length} of ${rows.length}`);
} finally {
  await browser.close();
  await server.close();
}
