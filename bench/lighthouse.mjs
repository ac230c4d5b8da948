// Benchmark (a program, not a test): Lighthouse's audit of a Dateline page, served gzip-compressed
// as static hosts serve it, next to the same article as a plain static HTML page in the same run.
//   node bench/lighthouse.mjs [--page ADDRESS] [--runs N] [--desktop] [--details]
// after `trunk build --release`, `npm ci` in tests/e2e (the server lives in its harness) and in
// bench/ (npm `lighthouse` pinned at 12.2.3: later versions want Node 22).
//
// ADDRESS is relative to the site's root, e.g. `#/article/<id>` (the default: the seed article)
// or `article/<id>/`. Lighthouse runs its default mobile audit (a mid-range phone, simulated slow
// 4G and 4× CPU slowdown) in Debian's Chromium (`CHROME_PATH`, default /usr/bin/chromium), a
// fresh profile per run. Printed: each run's four category scores and its paint and blocking
// metrics, the medians, and the plain page's metrics with the ratios against them; --details adds
// Lighthouse's long tasks and main-thread time per script and per kind of work.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serve, distWithPlainSeed, SEED_ID } from '../tests/e2e/harness.mjs';

const { values: options } = parseArgs({
  options: {
    page: { type: 'string', default: `#/article/${SEED_ID}` },
    runs: { type: 'string', default: '3' },
    desktop: { type: 'boolean', default: false },
    details: { type: 'boolean', default: false },
  },
});
const runs = Number(options.runs);

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  si: 'speed-index',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  tti: 'interactive',
};

async function audit(url) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES };
    const config = options.desktop
      ? { extends: 'lighthouse:default', settings: { formFactor: 'desktop', screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false }, throttling: { rttMs: 40, throughputKbps: 10240, cpuSlowdownMultiplier: 1, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0 } } }
      : undefined;
    const { lhr } = await lighthouse(url, flags, config);
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(lhr.categories[c].score * 100)]));
    const metrics = Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, lhr.audits[id].numericValue]));
    const failed = CATEGORIES.filter((c) => c !== 'performance').flatMap((c) => lhr.categories[c].auditRefs
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
      .map((ref) => `${c}: ${ref.id}`));
    if (options.details) {
      // Where the main thread's time goes: the long tasks and the work per script.
      for (const id of ['long-tasks', 'bootup-time', 'mainthread-work-breakdown']) {
        for (const item of lhr.audits[id]?.details?.items ?? []) {
          console.log(`  ${id}: ${JSON.stringify(item).slice(0, 200)}`);
        }
      }
    }
    return { scores, metrics, failed };
  } finally {
    await chrome.kill();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const show = (m) => `FCP ${m.fcp.toFixed(0)} ms, LCP ${m.lcp.toFixed(0)} ms, SI ${m.si.toFixed(0)} ms, TBT ${m.tbt.toFixed(0)} ms, CLS ${m.cls.toFixed(3)}, TTI ${m.tti.toFixed(0)} ms`;

const root = distWithPlainSeed();
const server = await serve(root, { gzip: true });
try {
  const app = [];
  const plain = [];
  for (let run = 0; run < runs; run += 1) {
    // Alternate, so both see the same machine load.
    const a = await audit(server.url + options.page);
    const p = await audit(server.url + 'plain.html');
    app.push(a);
    plain.push(p);
    console.log(`run ${run + 1}: ${CATEGORIES.map((c) => `${c} ${a.scores[c]}`).join(', ')}`);
    console.log(`  app:   ${show(a.metrics)}`);
    console.log(`  plain: ${show(p.metrics)}`);
    for (const f of new Set(a.failed)) console.log(`  not passed: ${f}`);
  }
  const med = (list, key, field) => median(list.map((r) => r[field][key]));
  console.log(`\n${options.desktop ? 'desktop' : 'mobile'} audit of ${options.page}, served gzip-compressed; medians of ${runs} run(s)`);
  console.log(`  scores: ${CATEGORIES.map((c) => `${c} ${med(app, c, 'scores')}`).join(', ')}`);
  for (const key of Object.keys(METRICS)) {
    const a = med(app, key, 'metrics');
    const p = med(plain, key, 'metrics');
    const ratio = p > 0 ? `${(a / p).toFixed(2)}×` : '—';
    console.log(`  ${key.padEnd(4)} app ${a.toFixed(key === 'cls' ? 3 : 0).padStart(7)}  plain HTML ${p.toFixed(key === 'cls' ? 3 : 0).padStart(7)}  ratio ${ratio}`);
  }
} finally {
  await server.close();
  fs.rmSync(root, { recursive: true, force: true });
}
