// Benchmark (a program, not a test): speed and size of Dateline's analysis against compromise.
//   node bench/engine.mjs [--runs N] [--no-browser] [--no-huge] [--baseline BIN] [--baseline-dist DIR]
// after `./scripts/setup.sh`, `trunk build --release`, `npm ci` here and in tests/e2e.
// --baseline BIN (a `dateline` binary of another commit) and --baseline-dist DIR (its `dist/`)
// time that build too, in the same runs, so that a change is measured against its parent on the
// same (shared, noisy) machine at the same moment.
//
// Natively: words/s of `dateline annotate --jsonl --timing` (the analysis call alone) against
// compromise in this Node process (nlp() + people/places/organizations/dates alone). In headless
// Chromium: words/s of the analysis worker's WebAssembly (`analysis_ms` of each reply) against
// compromise's browser build in the same Chromium. Each is the median of the runs, on the
// committed corpus (and on TimeBank text when ../shared/data is there; it is never committed).
// Then the size of what the browser loads for analysis, and the time and peak memory of 5 MB texts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import datesPlugin from 'compromise-dates';

nlp.plugin(datesPlugin);

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..');
const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    // Each run analyzes the corpus this many times over, so that one run lasts long enough to time.
    repeat: { type: 'string', default: '20' },
    baseline: { type: 'string' },
    'baseline-dist': { type: 'string' },
    'no-browser': { type: 'boolean', default: false },
    'no-huge': { type: 'boolean', default: false },
  },
});
const RUNS = Number(options.runs);
const REPEAT = Number(options.repeat);
const HUGE_BYTES = 5 * 1024 * 1024;
const BASELINE_BIN = options.baseline ?? null;
const BASELINE_DIST = options['baseline-dist'] ?? null;
const TARGET_DIR = process.env.CARGO_TARGET_DIR ? path.resolve(process.env.CARGO_TARGET_DIR) : path.join(ROOT, 'target');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-engine-bench-'));

const words = (text) => text.split(/\s+/).filter(Boolean).length;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// ---------------------------------------------------------------------------------------------
// Corpus: the article sources (body paragraphs, as `dateline bundle` reads them) and
// bench/corpus/newswire.txt. Documents: { id, text, published }, paragraphs joined by "\n\n".

function committedCorpus() {
  const docs = [];
  const articles = path.join(ROOT, 'content/articles');
  for (const name of fs.readdirSync(articles).filter((n) => n.endsWith('.txt')).sort()) {
    const id = name.slice(0, -4);
    const meta = JSON.parse(fs.readFileSync(path.join(articles, `${id}.meta.json`), 'utf8'));
    const blocks = fs.readFileSync(path.join(articles, name), 'utf8').split(/\n\s*\n/)
      .map((b) => b.trim()).filter((b) => b && !b.startsWith('Source:'));
    // Line 1 the headline, then the standfirst: the rest is the body.
    docs.push({ id, text: blocks.slice(2).join('\n\n'), published: meta.published });
  }
  const wire = fs.readFileSync(path.join(here, 'corpus/newswire.txt'), 'utf8');
  for (const part of wire.split(/^=== /m).slice(1)) {
    const [header, ...body] = part.split('\n');
    const [id, published] = header.trim().split(/\s+/);
    const paragraphs = body.filter((l) => !l.startsWith('#')).join('\n').split(/\n\s*\n/)
      .map((p) => p.trim()).filter(Boolean);
    docs.push({ id, text: paragraphs.join('\n\n'), published });
  }
  return docs;
}

/** TimeBank (TempEval-3) text via ../shared/bench, into a temporary folder; null if absent. */
function timebankCorpus() {
  const data = path.resolve(ROOT, '../shared/data/tempeval3/TimeBank');
  const convert = path.resolve(ROOT, '../shared/bench/convert_timeml.py');
  if (!fs.existsSync(data) || !fs.existsSync(convert)) return null;
  const out = path.join(TMP, 'timebank.jsonl');
  const run = spawnSync('python3', [convert, data, '-o', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) return null;
  return fs.readFileSync(out, 'utf8').split('\n').filter(Boolean).map((line) => {
    const { id, text, published } = JSON.parse(line);
    return { id, text, published };
  });
}

function writeJsonl(file, docs) {
  fs.writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  return file;
}

const repeated = (docs, times) => Array.from({ length: times }, () => docs).flat();

// ---------------------------------------------------------------------------------------------
// Dateline natively: the CLI times the analysis calls alone and prints
// "analyzed N documents, W words in S s: R words/s" on standard error.

const CARGO = ['run', '--release', '--quiet', '--bin', 'dateline', '--', 'annotate', '--jsonl', '--timing'];

/** `binary` null: this checkout's CLI through cargo (built if needed); else that binary. */
function datelineNative(file, binary = null) {
  const [command, args] = binary ? [binary, CARGO.slice(CARGO.indexOf('--') + 1)] : ['cargo', CARGO];
  const run = spawnSync(command, args, {
    cwd: ROOT, input: fs.readFileSync(file), maxBuffer: 1 << 30, encoding: 'utf8',
  });
  const match = /analyzed (\d+) documents, (\d+) words in ([\d.]+) s: (\d+) words\/s/.exec(run.stderr ?? '');
  if (run.status !== 0 || !match) throw new Error(`dateline annotate failed:\n${run.stderr}`);
  return { words: Number(match[2]), seconds: Number(match[3]), rate: Number(match[4]) };
}

/** A 5 MB text: time (from --timing) and peak resident memory (GNU time) of one annotate call. */
function datelineHuge(name, text, binary = path.join(TARGET_DIR, 'release/dateline')) {
  const file = writeJsonl(path.join(TMP, `${name}.jsonl`), [{ id: name, text, published: '2020-01-01' }]);
  const run = spawnSync('/usr/bin/time', ['-f', 'MAXRSS %M', binary, 'annotate', '--jsonl', '--timing'], {
    input: fs.readFileSync(file), maxBuffer: 1 << 30, encoding: 'utf8',
  });
  const timing = /in ([\d.]+) s: (\d+) words\/s/.exec(run.stderr ?? '');
  const rss = /MAXRSS (\d+)/.exec(run.stderr ?? '');
  if (run.status !== 0 || !timing || !rss) throw new Error(`dateline annotate failed:\n${run.stderr}`);
  return { seconds: Number(timing[1]), rate: Number(timing[2]), rssMb: Number(rss[1]) / 1024 };
}

// ---------------------------------------------------------------------------------------------
// compromise: the same function runs in Node and, serialized by Playwright, in the page.

function compromiseRun({ docs }) {
  // In the page `nlp` is the browser build's global; in Node it is passed as `this`.
  const engine = typeof globalThis.__nlp === 'function' ? globalThis.__nlp : globalThis.nlp;
  let found = 0;
  let failed = 0;
  let ms = 0;
  for (const doc of docs) {
    const started = performance.now();
    const parsed = engine(doc.text);
    found += parsed.people().out('offset').length;
    found += parsed.places().out('offset').length;
    found += parsed.organizations().out('offset').length;
    // compromise-dates throws on some text (spacetime: "t.isValid is not a function").
    try { found += parsed.dates({ today: doc.published }).get().length; } catch { failed += 1; }
    ms += performance.now() - started;
  }
  return { ms, found, failed };
}

function compromiseNative(docs) {
  globalThis.__nlp = nlp;
  return compromiseRun({ docs });
}

// ---------------------------------------------------------------------------------------------
// The browser: a copy of dist/ (the other build may rewrite dist/ meanwhile) plus bench.html, a
// blank page without the app's CSP, where compromise is added as a script and the worker started.

function benchRoot(dist = process.env.DATELINE_DIST ? path.resolve(process.env.DATELINE_DIST) : path.join(ROOT, 'dist'), name = 'dist') {
  if (!fs.existsSync(path.join(dist, 'dateline-worker_loader.js'))) {
    throw new Error(`${dist} has no analysis worker: run \`trunk build --release\` first`);
  }
  const root = path.join(TMP, name);
  fs.cpSync(dist, root, { recursive: true });
  fs.writeFileSync(path.join(root, 'bench.html'), '<!DOCTYPE html><html><head><meta charset="utf-8"><title>bench</title></head><body></body></html>');
  return root;
}

/** Runs `docs` through a worker in the page; resolves with the summed `analysis_ms`. */
function workerRun(page, docs) {
  return page.evaluate((docs) => new Promise((resolve, reject) => {
    const worker = window.__worker;
    let next = 0;
    let ms = 0;
    const post = () => {
      const d = docs[next];
      worker.postMessage({
        request: next, id: 'bench', title: 'Bench', standfirst: '', source: 'bench',
        published: d.published ?? '2000-01-01', paragraphs: d.text.split('\n\n'),
      });
    };
    worker.onmessage = (event) => {
      const reply = event.data;
      if (reply.status === 'failed') { reject(new Error(reply.message)); return; }
      // Progress messages ('loading', 'analyzing') come before the answer.
      if (reply.status !== 'done') return;
      ms += reply.analysis_ms;
      next += 1;
      if (next < docs.length) post(); else resolve(ms);
    };
    post();
  }), docs);
}

async function startPage(context, url) {
  const page = await context.newPage();
  await page.goto(url + 'bench.html');
  await page.addScriptTag({ path: path.join(here, 'node_modules/compromise/builds/compromise.js') });
  await page.addScriptTag({ path: path.join(here, 'node_modules/compromise-dates/builds/compromise-dates.min.js') });
  await page.evaluate(() => new Promise((resolve, reject) => {
    window.nlp.plugin(window.compromiseDates);
    const worker = new Worker('dateline-worker_loader.js');
    worker.onerror = (event) => reject(new Error(String(event.message)));
    worker.onmessage = (event) => {
      // Messages posted before the worker says it is ready would be lost.
      if (event.data.status === 'ready') { window.__worker = worker; resolve(); }
    };
  }));
  return page;
}

// ---------------------------------------------------------------------------------------------

function speedTable(title, rows) {
  console.log(`\n${title}`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(52)} ${value}`);
}

function nativeSpeed(name, docs, times, runs) {
  const batch = repeated(docs, times);
  const totalWords = batch.reduce((n, d) => n + words(d.text), 0);
  const file = writeJsonl(path.join(TMP, `${name.replace(/\W+/g, '-')}.jsonl`), batch);
  datelineNative(file); // builds if needed, warms the page cache
  if (BASELINE_BIN) datelineNative(file, BASELINE_BIN);
  compromiseNative(docs); // warms the JIT
  const dateline = [];
  const baseline = [];
  const compromise = [];
  for (let i = 0; i < runs; i++) {
    dateline.push(datelineNative(file).rate);
    if (BASELINE_BIN) baseline.push(datelineNative(file, BASELINE_BIN).rate);
    compromise.push(totalWords / (compromiseNative(batch).ms / 1000));
  }
  const d = median(dateline);
  const c = median(compromise);
  const rows = [
    ['Dateline (Rust, dateline annotate --timing)', `${fmt(d)} words/s`],
    ['compromise 14.17 + compromise-dates (Node)', `${fmt(c)} words/s`],
    ['ratio Dateline / compromise (target >= 150x)', `${(d / c).toFixed(1)}x`],
  ];
  if (BASELINE_BIN) {
    const b = median(baseline);
    rows.push(['baseline (--baseline)', `${fmt(b)} words/s`],
      ['ratio baseline / compromise', `${(b / c).toFixed(1)}x`],
      ['Dateline / baseline', `${(d / b).toFixed(2)}x`]);
  }
  speedTable(`native, ${name}: ${batch.length} documents, ${fmt(totalWords)} words per run, median of ${runs} runs`, rows);
}

/** `basePage`: a page with the --baseline-dist worker, timed in the same runs, or null. */
async function browserSpeed(page, basePage, name, docs, times, runs) {
  const batch = repeated(docs, times);
  const totalWords = batch.reduce((n, d) => n + words(d.text), 0);
  await workerRun(page, docs); // loads the model, compiles
  if (basePage) await workerRun(basePage, docs);
  await page.evaluate(compromiseRun, { docs });
  const dateline = [];
  const baseline = [];
  const compromise = [];
  for (let i = 0; i < runs; i++) {
    dateline.push(totalWords / ((await workerRun(page, batch)) / 1000));
    if (basePage) baseline.push(totalWords / ((await workerRun(basePage, batch)) / 1000));
    compromise.push(totalWords / ((await page.evaluate(compromiseRun, { docs: batch })).ms / 1000));
  }
  const d = median(dateline);
  const c = median(compromise);
  const rows = [
    ['Dateline (WebAssembly worker, analysis_ms)', `${fmt(d)} words/s`],
    ['compromise 14.17 + compromise-dates (browser build)', `${fmt(c)} words/s`],
    ['ratio Dateline / compromise (target >= 60x)', `${(d / c).toFixed(1)}x`],
  ];
  if (basePage) {
    const b = median(baseline);
    rows.push(['baseline (--baseline-dist)', `${fmt(b)} words/s`],
      ['ratio baseline / compromise', `${(b / c).toFixed(1)}x`],
      ['Dateline / baseline', `${(d / b).toFixed(2)}x`]);
  }
  speedTable(`headless Chromium, ${name}: ${batch.length} documents, ${fmt(totalWords)} words per run, median of ${runs} runs`, rows);
}

function sizes(root) {
  const rows = (title, files) => {
    console.log(`\n${title}: file, raw bytes, gzip -9 bytes`);
    let raw = 0;
    let gz = 0;
    for (const file of files) {
      const bytes = fs.readFileSync(path.join(root, file));
      const zipped = zlib.gzipSync(bytes, { level: 9 }).length;
      raw += bytes.length;
      gz += zipped;
      console.log(`  ${file.padEnd(52)} ${String(bytes.length).padStart(9)} ${String(zipped).padStart(9)}`);
    }
    console.log(`  ${'total'.padEnd(52)} ${String(raw).padStart(9)} ${String(gz).padStart(9)}   (${kb(raw)} raw, ${kb(gz)} gzipped)`);
    return gz;
  };
  const names = fs.readdirSync(root);
  const worker = names.filter((n) => n.startsWith('dateline-worker')).sort().concat(['models/ner-news.bin']);
  const gz = rows('analysis in the browser (worker wasm + js + model)', worker);
  console.log(`  target <= 500 KB gzipped: ${gz <= 500 * 1000 ? 'met' : 'MISSED'}`);
  // The page worker (saved pages) is loaded only on the Analyze page, so it is not the first view.
  const app = names.filter((n) => n === 'index.html' || (/\.(wasm|js|css)$/.test(n) && !/^dateline-(page-)?worker/.test(n))).sort();
  rows('main app, first view (for reference)', app);
}

/** 5 MB texts made from the corpus: as written, in capitals, and without sentence punctuation. */
function hugeTexts(docs) {
  const paragraphs = docs.flatMap((d) => d.text.split('\n\n'));
  const parts = [];
  let size = 0;
  for (let i = 0; size < HUGE_BYTES; i++) {
    const p = paragraphs[i % paragraphs.length];
    parts.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  const text = parts.join('\n\n');
  return [
    ['5 MB news text', text],
    ['5 MB all-caps', text.toUpperCase()],
    ['5 MB one paragraph, no sentence punctuation', text.replace(/[.!?]/g, '').replace(/\n\n/g, ' ')],
  ];
}

const corpus = committedCorpus();
console.log(`Dateline engine benchmark: ${corpus.length} committed documents (${fmt(corpus.reduce((n, d) => n + words(d.text), 0))} words), ${RUNS} runs; work files in ${TMP}`);
const timebank = timebankCorpus();
// [name, documents, copies per run, runs]: TimeBank is large enough to time in one copy.
const corpora = [['committed corpus', corpus, REPEAT, RUNS]];
if (timebank) corpora.push(['TimeBank (../shared/data, not committed)', timebank, 1, Math.min(RUNS, 3)]);

for (const [name, docs, times, runs] of corpora) nativeSpeed(name, docs, times, runs);

if (!options['no-browser']) {
  const { serve, launch } = await import('../tests/e2e/harness.mjs').catch((error) => {
    throw new Error(`cannot load tests/e2e/harness.mjs (run \`npm ci\` in tests/e2e): ${error.message}`);
  });
  const root = benchRoot();
  sizes(root);
  const server = await serve(root);
  const baseServer = BASELINE_DIST ? await serve(benchRoot(path.resolve(BASELINE_DIST), 'baseline-dist')) : null;
  const browser = await launch();
  try {
    const page = await startPage(browser.context, server.url);
    const basePage = baseServer ? await startPage(browser.context, baseServer.url) : null;
    for (const [name, docs, times, runs] of corpora) await browserSpeed(page, basePage, name, docs, times, runs);
  } finally {
    await browser.close();
    await server.close();
    if (baseServer) await baseServer.close();
  }
}

if (!options['no-huge']) {
  console.log('\nnative, one 5 MB text per call: analysis time (--timing), peak resident memory of the process');
  for (const [name, text] of hugeTexts(corpus)) {
    const r = datelineHuge(name.replace(/\W+/g, '-'), text);
    console.log(`  ${name.padEnd(52)} ${r.seconds.toFixed(2)} s  ${fmt(r.rate)} words/s  ${r.rssMb.toFixed(0)} MB peak`);
    if (BASELINE_BIN) {
      const b = datelineHuge(name.replace(/\W+/g, '-'), text, BASELINE_BIN);
      console.log(`  ${'  baseline (--baseline)'.padEnd(52)} ${b.seconds.toFixed(2)} s  ${fmt(b.rate)} words/s  ${b.rssMb.toFixed(0)} MB peak`);
    }
  }
}
fs.rmSync(TMP, { recursive: true, force: true });
