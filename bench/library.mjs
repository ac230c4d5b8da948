// Benchmark (a program, not a test): a library of 10,000 articles.
//   node bench/library.mjs [--articles N] [--runs R] [--no-browser] [--keep]
// after `trunk build --release` (for the browser part) and `npm ci` in tests/e2e.
//
// 1. Makes N article sources from the real ones in content/articles, repeated under new ids
//    (`<id>-c<k>`), in a temporary folder. The text is repeated, not varied: names join across
//    copies, so the entity table stays the size of the real library's, and gzip sees repeated
//    titles. The numbers are for N entries, not for N different articles.
// 2. Runs the real `dateline bundle` (release build) on it under GNU time: wall time, peak memory,
//    then again with nothing changed (the cache), and prints index.json / events.json sizes raw
//    and gzipped, and JSON.parse of the index in Node as a baseline.
// 3. Serves the release build with that library in place of dist/articles and, in headless
//    Chromium, measures (medians of R runs): the first library paint, against a plain page that
//    fetches and parses the same index and draws its first cards; the library's search per
//    keystroke and an entity page, where the library pages exist (#library-q, .entity-page).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..');
const { values: options } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    'no-browser': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const ARTICLES = Number(options.articles);
const RUNS = Number(options.runs);
let harness;
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-library-bench-'));

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (n) => `${n.toFixed(1)} ms`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => `${(n / 1024 / 1024).toFixed(2)} MB`;

// ---------------------------------------------------------------------------------------------
// The library: N sources, the real ones repeated under new ids.

function makeSources(count) {
  const from = path.join(ROOT, 'content/articles');
  const bases = fs.readdirSync(from).filter((n) => n.endsWith('.txt')).map((n) => n.slice(0, -4)).sort();
  const to = path.join(TMP, 'sources');
  fs.mkdirSync(to);
  for (let k = 0; k < count; k++) {
    const base = bases[k % bases.length];
    const id = `${base}-c${Math.floor(k / bases.length)}`;
    fs.copyFileSync(path.join(from, `${base}.txt`), path.join(to, `${id}.txt`));
    fs.copyFileSync(path.join(from, `${base}.meta.json`), path.join(to, `${id}.meta.json`));
  }
  return { dir: to, bases: bases.length };
}

function datelineBinary() {
  const build = spawnSync('cargo', ['build', '--release', '--quiet', '--bin', 'dateline'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('cargo build --release --bin dateline failed');
  const target = process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target');
  return path.join(target, 'release/dateline');
}

/** One `dateline bundle` under GNU time: wall seconds, peak RSS and its summary line. */
function bundle(binary, sources, out, extra = []) {
  const run = spawnSync('/usr/bin/time', ['-f', 'WALL %e MAXRSS %M', binary, 'bundle', '--sources', sources,
    '--out', out, '--cache', path.join(TMP, 'cache.json'), ...extra], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const time = /WALL ([\d.]+) MAXRSS (\d+)/.exec(run.stderr ?? '');
  if (run.status !== 0 || !time) throw new Error(`dateline bundle failed:\n${(run.stderr ?? '').slice(-2000)}`);
  return { seconds: Number(time[1]), rssMb: Number(time[2]) / 1024, summary: run.stdout.trim() };
}

function sizes(out) {
  const rows = {};
  for (const name of ['index.json', 'events.json']) {
    const bytes = fs.readFileSync(path.join(out, name));
    rows[name] = { raw: bytes.length, gz: zlib.gzipSync(bytes, { level: 9 }).length };
  }
  return rows;
}

/**
 * The repeated library flatters gzip (the same titles over and over) and keeps the entity table
 * small (the same names join). So also: the bytes a real, distinct article costs, from the
 * committed library, scaled to N. Entities are scaled as if every article brought as many new
 * names as in the committed library, with no more joining: an upper bound.
 */
function extrapolated(count) {
  const index = JSON.parse(fs.readFileSync(path.join(ROOT, 'static/articles/index.json'), 'utf8'));
  const gz = (items) => zlib.gzipSync(items.map((i) => JSON.stringify(i)).join(',\n'), { level: 9 }).length;
  const perArticle = gz(index.articles) / index.articles.length;
  const entitiesPerArticle = gz(index.entities) / index.articles.length;
  return { articles: perArticle * count, entities: entitiesPerArticle * count, real: index.articles.length };
}

function parseInNode(out) {
  const text = fs.readFileSync(path.join(out, 'index.json'), 'utf8');
  const times = [];
  let index;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    index = JSON.parse(text);
    times.push(performance.now() - t0);
  }
  return { ms: median(times), index };
}

// ---------------------------------------------------------------------------------------------
// In Chromium: dist/ with the big library in place of its articles.

/** A copy of dist/ whose articles/ is the generated library, plus plain.html (the baseline). */
function benchRoot(dist, out) {
  const root = path.join(TMP, 'site');
  fs.cpSync(dist, root, { recursive: true, filter: (src) => !src.startsWith(path.join(dist, 'articles')) });
  fs.symlinkSync(out, path.join(root, 'articles'));
  const css = fs.readdirSync(dist).find((n) => n.endsWith('.css'));
  // The least a library page can do: fetch the index, parse it, draw the first 50 cards.
  fs.writeFileSync(path.join(root, 'plain.html'), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<link rel="stylesheet" href="./${css}"><title>plain</title></head><body><main><ul class="article-list" id="list"></ul></main>
<script>
fetch('./articles/index.json').then((r) => r.json()).then((index) => {
  const list = document.getElementById('list');
  for (const a of index.articles.slice(0, 50)) {
    const li = document.createElement('li');
    li.className = 'article-card';
    li.innerHTML = '<h2></h2><p class="standfirst"></p>';
    li.firstChild.textContent = a.title;
    li.lastChild.textContent = a.standfirst;
    list.appendChild(li);
  }
});
</script></body></html>`);
  return root;
}

async function firstPaint(context, url, selector) {
  const page = await context.newPage();
  await page.addInitScript(harness.readyWhen(selector));
  await page.goto(url);
  await page.waitForFunction(() => window.__ready, null, { timeout: 120000 });
  const result = await page.evaluate(() => {
    const index = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/articles/index.json'));
    return { ready: window.__ready, indexLoaded: index ? index.responseEnd : null };
  });
  return { page, ...result };
}

/** Time from setting the search box to the next frame after the page changed, per keystroke. */
async function keystrokes(page, query) {
  return page.evaluate(async (query) => {
    const input = document.querySelector('#library-q');
    const section = input.closest('section') ?? document.body;
    const times = [];
    for (let i = 1; i <= query.length; i++) {
      const changed = new Promise((resolve) => {
        const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
        observer.observe(section, { childList: true, subtree: true, attributes: true, characterData: true });
        setTimeout(() => { observer.disconnect(); resolve(); }, 1000);
      });
      const t0 = performance.now();
      input.value = query.slice(0, i);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await changed;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      times.push(performance.now() - t0);
    }
    return { times, results: document.querySelector('.result-count')?.dataset.results ?? null };
  }, query);
}

/** The library id of an entity without a clash (`names::entity_id`): ASCII names only. */
function entityIdOf(type, name) {
  const slug = name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[.'’]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${type.toLowerCase()}-${slug || 'entity'}`;
}

/** From the library, the time until an entity page lists its articles and its events. */
async function entityPage(page, id) {
  return page.evaluate(async (id) => {
    const ready = () => document.querySelector(`.entity-page[data-entity-id="${id}"] .article-card`)
      && document.querySelector('.entity-page .entity-events');
    const t0 = performance.now();
    location.hash = `#/entity/${id}`;
    await new Promise((resolve, reject) => {
      const check = () => { if (ready()) { observer.disconnect(); resolve(); } };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { childList: true, subtree: true });
      setTimeout(() => { observer.disconnect(); reject(new Error('entity page not ready in 30 s')); }, 30000);
      check();
    });
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - t0;
  }, id);
}

async function browserPart(out, index) {
  const dist = path.resolve(process.env.DATELINE_DIST ?? path.join(ROOT, 'dist'));
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    console.log('\nbrowser: skipped, no release build (run `trunk build --release` first)');
    return;
  }
  // Imported here: it needs tests/e2e/node_modules (playwright-core), which only this part does.
  harness = await import('../tests/e2e/harness.mjs');
  const { serve, launch } = harness;
  const server = await serve(benchRoot(dist, out));
  const browser = await launch();
  try {
    const app = [];
    const plain = [];
    const jsParse = [];
    let search = null;
    const entity = [];
    // The most named entity: the biggest entity page. An entity is [name, type, aliases,
    // articles, mentions] (docs/article-format.md); its id is made from type and name, and the
    // page's link in the DOM says which it is.
    const top = index.entities.reduce((best, e, i) => (e[3] > index.entities[best][3] ? i : best), 0);
    const [topName, topType, , topArticles] = index.entities[top];
    const topId = entityIdOf(topType, topName);
    for (let run = 0; run < RUNS; run++) {
      const p = await firstPaint(browser.context, server.url + 'plain.html', '.article-card');
      plain.push(p.ready);
      jsParse.push(await p.page.evaluate(async () => {
        const text = await (await fetch('./articles/index.json')).text();
        const t0 = performance.now();
        JSON.parse(text);
        return performance.now() - t0;
      }));
      await p.page.close();
      const a = await firstPaint(browser.context, server.url + '#/', '.article-card');
      app.push(a);
      const hasSearch = await a.page.evaluate(() => !!document.querySelector('#library-q'));
      if (hasSearch) {
        const typed = await keystrokes(a.page, 'vladimir putin');
        search = search ?? { times: [], results: typed.results };
        search.times.push(...typed.times);
        await a.page.evaluate(() => { const q = document.querySelector('#library-q'); q.value = ''; q.dispatchEvent(new Event('input', { bubbles: true })); });
        entity.push(await entityPage(a.page, topId));
      }
      await a.page.close();
    }
    const appReady = median(app.map((a) => a.ready));
    const appIndex = median(app.map((a) => a.indexLoaded ?? NaN));
    console.log(`\nin headless Chromium (${ARTICLES.toLocaleString('en-US')} articles, median of ${RUNS}):`);
    console.log(`  JSON.parse of index.json in the page (JS):    ${ms(median(jsParse))}`);
    console.log(`  plain page: fetch + JSON.parse + 50 cards:     ${ms(median(plain))}`);
    console.log(`  app: first library card painted:               ${ms(appReady)}   (${(appReady / median(plain)).toFixed(2)}× plain; target ≤ 500 ms)`);
    console.log(`      of which index.json fetched by:            ${ms(appIndex)}; parse + render in wasm after it: ${ms(appReady - appIndex)}`);
    if (search) {
      console.log(`  search, per keystroke ("vladimir putin", ${search.times.length} keystrokes): median ${ms(median(search.times))}, max ${ms(Math.max(...search.times))}   (target ≤ 50 ms; ${search.results} results)`);
      console.log(`  entity page "${topName}" (${topArticles} articles) from the library: ${ms(median(entity))}   (target ≤ 300 ms)`);
    } else {
      console.log('  search and entity page: not measured, the library pages (#library-q, #/entity/) are not in this build');
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------

const { dir: sources, bases } = makeSources(ARTICLES);
const binary = datelineBinary();
const out = path.join(TMP, 'articles');
const cores = os.availableParallelism();
console.log(`library of ${ARTICLES.toLocaleString('en-US')} articles (${bases} real ones repeated) in ${TMP}, ${cores} cores`);
const full = bundle(binary, sources, out, ['--force']);
console.log(`dateline bundle --force: ${full.seconds.toFixed(1)} s wall (${(ARTICLES / full.seconds).toFixed(0)} articles/s), peak ${full.rssMb.toFixed(0)} MB RSS   [${full.summary}]`);
const again = bundle(binary, sources, out);
console.log(`dateline bundle, nothing changed: ${again.seconds.toFixed(1)} s wall (${(again.seconds / full.seconds).toFixed(3)}× the full build), peak ${again.rssMb.toFixed(0)} MB RSS   [${again.summary}]`);
const files = sizes(out);
for (const [name, { raw, gz }] of Object.entries(files)) {
  console.log(`  ${name.padEnd(12)} ${mb(raw).padStart(10)} raw  ${mb(gz).padStart(9)} gzip -9  (${kb(gz / ARTICLES * 1000)} gz per 1,000 articles)`);
}
console.log(`  index.json target ≤ 1.5 MB gzipped: ${files['index.json'].gz <= 1.5 * 1024 * 1024 ? 'met' : 'NOT met'} for this repeated library`);
const guess = extrapolated(ARTICLES);
console.log(`  extrapolated from the ${guess.real} distinct committed articles to ${ARTICLES.toLocaleString('en-US')} distinct ones: articles ${mb(guess.articles)} gz, entities ≤ ${mb(guess.entities)} gz, index ≤ ${mb(guess.articles + guess.entities)} gz`);
const parsed = parseInNode(out);
console.log(`  JSON.parse of index.json in Node: ${ms(parsed.ms)} (${parsed.index.articles.length} articles, ${parsed.index.entities.length} entities)`);
if (!options['no-browser']) await browserPart(out, parsed.index);
if (!options.keep) fs.rmSync(TMP, { recursive: true, force: true });
