// Benchmark (a program, not a test): how a 100,000-word article behaves in the reading view.
//   node bench/longread.mjs [--runs N] [--words N] [--dateline PATH] [--no-kept] [--keep]
// after `trunk build --release` and `npm ci` in tests/e2e (the browser harness lives there).
//
// The article is made the way every article is: a source text (the seed article's body and the
// committed newswire corpus, repeated until it has --words words) analyzed by `dateline bundle`
// with the built-in model, in a temporary folder. Nothing is hand-annotated.
//
// Measured in headless Chromium, medians of --runs, every time in the same run as its baseline:
//   open    navigation -> the article's text, names and timeline are on screen (the frame after
//           they are in the DOM), against the same text as a plain static HTML page with the
//           app's CSS, its paragraphs as they are (plain.html) and cut into the app's parts, which
//           the stylesheet lets the browser skip off screen (plain-parts.html); for a bundled article (`#/article/<id>`) and for a kept one, imported
//           through the Analyze page's file input (`#/mine/<id>`, the reader's own storage)
//   select  click on a mention of the most mentioned name -> the frame that shows it selected
//   legend  click on the legend's Person toggle -> the frame that shows the change (hide, show)
//   event   click on the event whose sentence is furthest down -> the frame that marks it
//   hover   pointer onto a mention -> the next frame (the tooltip is CSS)
// "The frame after": requestAnimationFrame, then a task, once the DOM shows the change; the
// clock starts in a capturing listener for the input event, before the app's own handlers.
// Where the browser reports Event Timing, its duration (input -> next paint) is printed too.
// --keep leaves the temporary folder (the article's source and JSON, the served copy) in place.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serve, launch, plainPage, DIST } from '../tests/e2e/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..');
const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    words: { type: 'string', default: '100000' },
    dateline: { type: 'string' },
    'no-kept': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const RUNS = Number(options.runs);
const WORDS = Number(options.words);
const DATELINE = options.dateline ?? null;
const KEPT = !options['no-kept'];
const KEEP_FILES = options.keep;
const ID = 'longread-bench';
const PUBLISHED = '2017-07-07';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => (x === undefined || Number.isNaN(x) ? '   n/a' : x.toFixed(1).padStart(7));
const words = (text) => text.split(/\s+/).filter(Boolean).length;

// ---------------------------------------------------------------------------------------------
// The article: real text, analyzed by `dateline bundle`.

/** Body paragraphs of the committed texts: the seed article's and the newswire corpus's. */
function realParagraphs() {
  const seed = fs.readFileSync(path.join(ROOT, 'content/articles/putin-trump-g20-hamburg.txt'), 'utf8')
    .split(/\n\s*\n/).map((b) => b.trim()).filter((b) => b && !b.startsWith('Source:'))
    .slice(2); // headline, standfirst
  const wire = fs.readFileSync(path.join(ROOT, 'bench/corpus/newswire.txt'), 'utf8')
    .split('\n').filter((l) => !l.startsWith('#') && !l.startsWith('===')).join('\n')
    .split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return [...seed, ...wire];
}

function makeArticle(tmp) {
  const sources = path.join(tmp, 'sources');
  const out = path.join(tmp, 'articles');
  fs.mkdirSync(sources, { recursive: true });
  const real = realParagraphs();
  const body = [];
  let count = 0;
  for (let i = 0; count < WORDS; i++) {
    const paragraph = real[i % real.length];
    body.push(paragraph);
    count += words(paragraph);
  }
  const headline = `A long read: ${count.toLocaleString('en-US')} words`;
  const text = [headline, 'The seed article and the newswire corpus, repeated.', ...body].join('\n\n') + '\n';
  fs.writeFileSync(path.join(sources, `${ID}.txt`), text);
  fs.writeFileSync(path.join(sources, `${ID}.meta.json`),
    JSON.stringify({ published: PUBLISHED, source: 'Dateline bench', language: 'en' }));
  const [command, ...prefix] = DATELINE ? [DATELINE] : ['cargo', 'run', '--release', '-q', '--bin', 'dateline', '--'];
  const started = performance.now();
  const result = spawnSync(command, [...prefix, 'bundle', '--sources', sources, '--out', out],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`dateline bundle failed (${result.status ?? result.error})`);
  const file = path.join(out, `${ID}.json`);
  const article = JSON.parse(fs.readFileSync(file, 'utf8'));
  const mentions = article.entities.reduce((n, e) => n + e.mentions.length, 0);
  const chars = [...article.paragraphs.join('\n\n')].length;
  console.log(`article: ${count.toLocaleString('en-US')} words, ${chars.toLocaleString('en-US')} characters, `
    + `${article.paragraphs.length} paragraphs, ${article.entities.length} names with ${mentions} mentions, `
    + `${article.timexes.length} time expressions, ${article.events.length} events `
    + `(${fs.statSync(file).size.toLocaleString('en-US')} bytes of JSON, analyzed in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return { file, article };
}

/** A copy of dist/ with the article bundled, and its text as static HTML with the same CSS. */
function benchRoot(tmp, { file, article }) {
  const root = path.join(tmp, 'root');
  fs.cpSync(DIST, root, { recursive: true });
  fs.copyFileSync(file, path.join(root, `articles/${ID}.json`));
  const css = fs.readdirSync(DIST).find((n) => n.endsWith('.css'));
  fs.writeFileSync(path.join(root, 'plain.html'), plainPage(article, css));
  fs.writeFileSync(path.join(root, 'plain-parts.html'), plainPage(article, css, { inParts: true }));
  return root;
}

// ---------------------------------------------------------------------------------------------
// Opening.

// In the page: when the selector first matches, wait for the next frame and a task, then record
// performance.now() (measured from the start of navigation in every page, so comparable).
// The same for `complete`: when the whole text is in the page (the app adds a long text in parts).
function shownWhen(selector, complete) {
  return `(() => {
    const seen = {};
    const when = (name, selector) => {
      if (seen[name] || !document.querySelector(selector)) return;
      seen[name] = true;
      requestAnimationFrame(() => setTimeout(() => { window[name] = performance.now(); }));
    };
    const check = () => { when('__shown', ${JSON.stringify(selector)}); when('__complete', ${JSON.stringify(complete)}); };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
    check();
  })();`;
}

/** [navigation -> first screen shown, navigation -> whole text in the page] */
async function open(context, url, selector, complete) {
  const page = await context.newPage();
  await page.addInitScript(shownWhen(selector, complete));
  await page.goto(url);
  await page.waitForFunction(() => window.__shown && window.__complete, null, { timeout: 120_000 });
  const times = await page.evaluate(() => [window.__shown, window.__complete]);
  await page.close();
  return times;
}

// The app is on screen when its text has its names and the timeline its events.
const APP_READY = '.reader:has(.article-body mark.mention):has(.timeline [data-event-id])';
// ... and has all of its text in the page. (Before the text came in parts, the two were one.)
const APP_COMPLETE = '.article-body[data-complete="true"], .reader:not(:has(.text-part)) .article-body mark.mention';

async function measureOpen(context, server, kept) {
  const rows = { plain: [], plainParts: [], bundled: [], kept: [] };
  const targets = [
    ['plain', server.url + 'plain.html', '#ready', '#ready'],
    ['plainParts', server.url + 'plain-parts.html', '#ready', '#ready'],
    ['bundled', server.url + `#/article/${ID}`, APP_READY, APP_COMPLETE],
  ];
  if (kept) targets.push(['kept', server.url + `#/mine/${kept}`, APP_READY, APP_COMPLETE]);
  for (const [, ...target] of targets) await open(context, ...target); // warm-up
  for (let i = 0; i < RUNS; i++) {
    for (const [name, ...target] of targets) rows[name].push(await open(context, ...target));
  }
  return rows;
}

/** Keeps the article the way a reader does: its JSON file through the Analyze page. */
async function keep(context, server, file) {
  const page = await context.newPage();
  await page.goto(server.url + '#/analyze');
  await page.waitForSelector('#analyze-file');
  await page.setInputFiles('#analyze-file', file);
  try {
    await page.waitForURL(/#\/mine\//, { timeout: 60_000 });
  } catch {
    const status = await page.textContent('main');
    await page.close();
    console.log(`kept: not measured, the app did not keep the article: ${status.trim().slice(0, 300)}`);
    return null;
  }
  const id = new URL(page.url()).hash.split('/')[2];
  await page.close();
  return id;
}

// ---------------------------------------------------------------------------------------------
// Interactions on an open article.

/**
 * Arms a one-shot timer in the page: the clock starts at the next `eventType` (capturing, on the
 * window, so before the app's handlers) and stops at the frame after `condition` holds.
 */
function arm(page, eventType, condition) {
  return page.evaluate(([eventType, condition]) => {
    window.__took = null;
    const holds = new Function(`return (${condition})`);
    addEventListener(eventType, () => {
      const start = performance.now();
      let done = false;
      const finish = () => {
        if (done || !holds()) return;
        done = true;
        observer.disconnect();
        requestAnimationFrame(() => {
          const frame = performance.now();
          setTimeout(() => { window.__took = [performance.now() - start, frame - start]; });
        });
      };
      const observer = new MutationObserver(finish);
      observer.observe(document, { childList: true, subtree: true, attributes: true });
      queueMicrotask(finish);
      setTimeout(finish);
    }, { capture: true, once: true });
  }, [eventType, condition]);
}

/** [input -> frame shown, input -> start of that frame (the app's script work)] */
async function took(page) {
  await page.waitForFunction(() => window.__took !== null, null, { timeout: 60_000 });
  return page.evaluate(() => window.__took);
}

/** Event Timing: the longest duration of `type` since the last call (input -> next paint). */
function eventTimings(page) {
  return page.evaluate(() => {
    if (!window.__timings) {
      window.__timings = [];
      try {
        new PerformanceObserver((list) => window.__timings.push(...list.getEntries().map((e) => ({ name: e.name, duration: e.duration }))))
          .observe({ type: 'event', durationThreshold: 16, buffered: false });
      } catch { /* not supported */ }
    }
    const all = window.__timings.splice(0);
    return all;
  });
}

async function settle(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
}

async function measureInteractions(context, server, article) {
  const page = await context.newPage();
  await page.goto(server.url + `#/article/${ID}`);
  // Once all of the text and the timeline are in: the interaction alone is timed.
  await page.waitForSelector(APP_COMPLETE, { timeout: 120_000 });
  await page.waitForSelector('.timeline [data-event-id]');
  // (A build without parts has neither .text-part nor data-complete on its timeline.)
  await page.waitForFunction(() => document.querySelector('.timeline[data-complete="true"]') || !document.querySelector('.text-part'));
  await settle(page);
  await eventTimings(page);
  const top = [...article.entities].sort((a, b) => b.mentions.length - a.mentions.length)[0];
  const last = [...article.events].sort((a, b) => b.sentence.start - a.sentence.start)[0];
  const rows = { select: [], clear: [], hide: [], show: [], event: [], hover: [] };
  const timing = { select: [], hide: [], event: [] };
  const longest = async (name) => {
    const entries = (await eventTimings(page)).filter((e) => e.name === 'click' || e.name === 'pointerup' || e.name === 'mousedown');
    if (entries.length) timing[name].push(Math.max(...entries.map((e) => e.duration)));
  };
  const mention = page.locator(`.article-body [data-entity-id="${top.id}"]`).nth(3);
  for (let i = 0; i < RUNS; i++) {
    await arm(page, 'click', `document.querySelector('.article-body [data-entity-id="${top.id}"][data-selected="true"]')`);
    await mention.click();
    rows.select.push(await took(page));
    await settle(page);
    await longest('select');
    await arm(page, 'click', `!document.querySelector('.article-body [data-selected="true"]')`);
    await mention.click();
    rows.clear.push(await took(page));
    await settle(page);

    const toggle = page.locator('[data-legend-type="PER"]');
    await arm(page, 'click', `document.querySelector('[data-legend-type="PER"]').getAttribute('aria-pressed') === 'false'`);
    await toggle.click();
    rows.hide.push(await took(page));
    await settle(page);
    await longest('hide');
    await arm(page, 'click', `document.querySelector('[data-legend-type="PER"]').getAttribute('aria-pressed') === 'true'`);
    await toggle.click();
    rows.show.push(await took(page));
    await settle(page);

    await page.evaluate(() => window.scrollTo(0, 0));
    const event = page.locator(`.timeline [data-event-id="${last.id}"]`).first();
    await arm(page, 'click', `document.querySelector('#selected-sentence[data-selected="true"]') && document.querySelector('.timeline [data-event-id="${last.id}"]').getAttribute('aria-pressed') === 'true'`);
    await event.click();
    rows.event.push(await took(page));
    await settle(page);
    await longest('event');
    await event.click(); // clears it
    await page.waitForFunction(() => !document.querySelector('#selected-sentence'));

    const target = page.locator('.article-body mark.mention').nth(40 + i);
    await target.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await settle(page);
    await arm(page, 'mouseover', 'true');
    await target.hover();
    rows.hover.push(await took(page));
    await settle(page);
  }
  await page.close();
  return { rows, timing, top, last };
}

// ---------------------------------------------------------------------------------------------

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-longread-'));
try {
  const made = makeArticle(tmp);
  const root = benchRoot(tmp, made);
  const server = await serve(root);
  const browser = await launch();
  try {
    const kept = KEPT ? await keep(browser.context, server, made.file) : null;
    const opened = await measureOpen(browser.context, server, kept);
    const { rows, timing, top, last } = await measureInteractions(browser.context, server, made.article);
    const plain = median(opened.plain.map((t) => t[0]));
    const plainParts = median(opened.plainParts.map((t) => t[0]));
    console.log(`\nopen: navigation -> text, names and timeline on screen; -> all of the text in the page; ${RUNS} runs, median ms`);
    console.log(`  plain static HTML        ${ms(plain)}`);
    console.log(`  ... cut into parts       ${ms(plainParts)}`);
    const ratios = (x) => `${(x / plain).toFixed(2)} (${(x / plainParts).toFixed(2)} in parts)`;
    const openLine = (label, times) => {
      const [shown, complete] = [median(times.map((t) => t[0])), median(times.map((t) => t[1]))];
      console.log(`  ${label} ${ms(shown)}   ratio ${ratios(shown)};   all text ${ms(complete).trim()}   ratio ${ratios(complete)}`);
    };
    openLine('bundled #/article/<id>  ', opened.bundled);
    if (kept) openLine('kept    #/mine/<id>     ', opened.kept);
    console.log(`\ninteractions: input -> the frame that shows it, ${RUNS} runs, median ms (max; until that frame`
      + ' starts: the script part, the rest is style, layout and paint); Event Timing median in brackets');
    const line = (label, xs, et) => {
      const total = xs.map((x) => x[0]);
      const script = xs.map((x) => x[1]);
      console.log(`  ${label.padEnd(44)} ${ms(median(total))} (max ${ms(Math.max(...total)).trim()}; `
        + `until the frame starts ${ms(median(script)).trim()})` + (et && et.length ? `   [${ms(median(et)).trim()}]` : ''));
    };
    line(`select "${top.name}" (${top.mentions.length} mentions)`, rows.select, timing.select);
    line('clear that selection', rows.clear);
    line('legend: hide persons', rows.hide, timing.hide);
    line('legend: show persons', rows.show);
    line(`choose the last event in the text`, rows.event, timing.event);
    line('hover a mention', rows.hover);
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  if (KEEP_FILES) console.log(`\nfiles kept in ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}
