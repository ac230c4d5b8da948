// Prerendered pages: every bundled article has a page of its own (`article/<id>/`) made at build
// time by the app's components, readable without JavaScript (text, highlights, legend, entity
// panel, timeline list, head tags a crawler reads) and taken over by the app without a re-render
// (hydration) or a console warning; the old hash addresses open the same view; the library and
// the story timeline are prerendered too and link to the article pages; sub-path hosting works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, watch, screenshotPath, DIST, SEED_ID } from './harness.mjs';

const seed = JSON.parse(fs.readFileSync(path.join(DIST, 'articles', `${SEED_ID}.json`), 'utf8'));
const PAGE = `article/${SEED_ID}/`;

let server;
let withJs;
let withoutJs;
before(async () => {
  server = await serve();
  withJs = await launch();
  withoutJs = await launch({ javaScriptEnabled: false });
});
after(async () => {
  await withJs?.close();
  await withoutJs?.close();
  await server?.close();
});

// Two warnings every page of the build logs, prerendered or not: Trunk's preload links carry an
// `integrity` Chromium ignores for fetch preloads, and Playwright blocks the service worker here.
const KNOWN = [/The `integrity` attribute is currently ignored for preload/, /Service Worker registration blocked by Playwright/];

/** Every console message of a page but the known ones, and page errors. */
function consoleOf(page) {
  const messages = [];
  page.on('console', (m) => {
    if (!KNOWN.some((known) => known.test(m.text()))) messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (error) => messages.push(`pageerror: ${error}`));
  return messages;
}

/** What a reader sees of an article page: mentions, events, legend, panel. */
function readingView(page) {
  return page.evaluate(() => ({
    title: document.querySelector('h1')?.textContent,
    headline: [...document.querySelectorAll('h1 mark[data-name-id]')].map((m) => m.dataset.nameId),
    paragraphs: [...document.querySelectorAll('.article-body p')].map((p) => p.textContent),
    mentions: [...document.querySelectorAll('.article-body mark[data-entity-id]')]
      .map((m) => [m.dataset.entityId, m.dataset.entityType, m.textContent]),
    events: [...document.querySelectorAll('.timeline [data-event-id]')].map((e) => [e.dataset.eventId, e.dataset.date]),
    legend: [...document.querySelectorAll('[data-legend-type]')].map((b) => b.dataset.legendType),
    panel: [...document.querySelectorAll('[data-panel-entity-id]')].map((b) => b.dataset.panelEntityId),
  }));
}

/** The mentions and events the seed's file says the page must show. */
function expectedFromFile() {
  const chars = [...seed.paragraphs.join('\n\n')];
  const mentions = seed.entities
    .flatMap((e) => e.mentions.map(({ start, end }) => [start, e.id, e.type, chars.slice(start, end).join('')]))
    .sort((a, b) => a[0] - b[0])
    .map(([, ...rest]) => rest);
  return { mentions, eventIds: new Set(seed.events.map((e) => e.id)) };
}

test('without JavaScript the seed article page reads: text, highlights, legend, panel, timeline', async () => {
  const page = await withoutJs.context.newPage();
  const response = await page.goto(server.url + PAGE);
  assert.equal(response.status(), 200);
  const view = await readingView(page);
  assert.equal(view.title, seed.title);
  assert.deepEqual(view.headline, ['vladimir-putin', 'donald-trump', 'g20', 'germany'], 'the headline\'s names');
  assert.deepEqual(view.paragraphs, seed.paragraphs, 'the whole text, paragraph by paragraph');
  const expected = expectedFromFile();
  assert.deepEqual(view.mentions, expected.mentions, 'every mention with its entity id and type');
  assert.ok(view.mentions.some(([id, type, text]) => id === 'vladimir-putin' && type === 'PER' && text === 'Vladimir Putin'));
  assert.ok(view.events.length >= seed.events.length, 'the timeline list');
  for (const [id, date] of view.events) {
    assert.ok(expected.eventIds.has(id), id);
    assert.equal(date, seed.events.find((e) => e.id === id).date);
  }
  assert.deepEqual(view.legend, ['PER', 'ORG', 'LOC', 'MISC']);
  assert.equal(view.panel.length, seed.entities.length, 'the entity panel lists every name');
  // Highlights are styled before any script: colour and underline come from the stylesheet.
  const style = await page.$eval('mark[data-entity-type="PER"]', (m) => {
    const s = getComputedStyle(m);
    return { background: s.backgroundColor, line: s.textDecorationLine, underline: s.textDecorationStyle };
  });
  assert.notEqual(style.background, 'rgba(0, 0, 0, 0)', 'a person is highlighted by colour');
  assert.equal(style.underline, 'solid', 'and by a solid underline');
  // What needs the app says so.
  assert.match(await page.textContent('noscript, .noscript-note'), /need/);
  assert.ok(await page.isVisible('.noscript-note'));
  // The article is marked up for reader modes and feed readers.
  assert.equal(await page.locator('article time[datetime="2017-07-07"]').count() >= 1, true);
  assert.equal(await page.getAttribute('#app', 'data-route'), `/article/${SEED_ID}`);
  await page.screenshot({ path: screenshotPath('prerender-seed-no-js.png') });
  await page.close();
});

test("the seed page's head: title, description, Open Graph, Twitter card, JSON-LD", async () => {
  const page = await withoutJs.context.newPage();
  await page.goto(server.url + PAGE);
  assert.equal(await page.title(), `${seed.title} — Dateline`);
  const meta = (selector) => page.getAttribute(selector, 'content');
  assert.equal(await meta('meta[name="description"]'), seed.standfirst);
  assert.equal(await meta('meta[property="og:title"]'), seed.title);
  assert.equal(await meta('meta[property="og:type"]'), 'article');
  assert.equal(await meta('meta[property="og:description"]'), seed.standfirst);
  assert.equal(await meta('meta[property="article:published_time"]'), '2017-07-07');
  assert.equal(await meta('meta[name="twitter:card"]'), 'summary');
  // The build does not know the site's address (DATELINE_SITE_URL, unit-tested in
  // crates/prerender), so the page names no canonical or Open Graph address rather than a
  // relative one.
  assert.equal(await page.$('link[rel="canonical"]'), null);
  assert.equal(await page.$('meta[property="og:url"]'), null);
  const scripts = await page.$$eval('script[type="application/ld+json"]', (s) => s.map((e) => e.textContent));
  assert.equal(scripts.length, 1);
  const ld = JSON.parse(scripts[0]);
  assert.equal(ld['@type'], 'NewsArticle');
  assert.equal(ld.headline, seed.title);
  assert.equal(ld.datePublished, '2017-07-07');
  assert.equal(ld.publisher.name, 'RT');
  const mentioned = new Map(ld.mentions.map((m) => [m.name, m['@type']]));
  assert.equal(mentioned.get('Vladimir Putin'), 'Person');
  assert.equal(mentioned.get('Kremlin'), 'Organization');
  assert.equal(mentioned.get('Hamburg'), 'Place');
  assert.equal(mentioned.size, seed.entities.length);
  await page.close();
});

/** Records, from before any script of the page runs, whether marks or paragraphs ever leave it. */
const COUNT_REMOVED = `(() => {
  window.__removed = 0;
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.removedNodes) {
      if (n.nodeType === 1 && (n.matches('mark, p, article') || n.querySelector?.('mark, p'))) window.__removed++;
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

test('with JavaScript the page is hydrated, not redrawn, with no console warning, and a click selects', async () => {
  const page = await withJs.context.newPage();
  const messages = consoleOf(page);
  const seen = watch(page);
  await page.addInitScript(COUNT_REMOVED);
  await page.goto(server.url + PAGE);
  await page.waitForSelector('#app[data-app="hydrated"]');
  // The address now names the route, so a reload or a shared link keeps what is shown.
  assert.equal(new URL(page.url()).hash, `#/article/${SEED_ID}`);
  const putin = page.locator('.article-body mark[data-entity-id="vladimir-putin"]').first();
  await putin.click();
  await page.waitForSelector('.article-body mark[data-entity-id="vladimir-putin"][data-selected="true"]');
  assert.equal(new URL(page.url()).hash, `#/article/${SEED_ID}/entity/vladimir-putin`);
  assert.match(await page.textContent('.selection-note'), /Vladimir Putin/);
  const selected = await page.locator('.article-body mark[data-selected="true"]').count();
  assert.equal(selected, seed.entities.find((e) => e.id === 'vladimir-putin').mentions.length);
  // An event's button selects it too.
  await page.click('.timeline button[data-event-id]');
  await page.waitForSelector('#selected-sentence');
  assert.equal(await page.evaluate(() => window.__removed), 0, 'no mark or paragraph was replaced');
  assert.deepEqual(messages, [], 'no hydration warning or error');
  assert.deepEqual(seen.errors, []);
  // The page read its article from the file it preloads, once.
  assert.equal(seen.requests.filter((u) => u.endsWith(`articles/${SEED_ID}.json`)).length, 1);
  await page.screenshot({ path: screenshotPath('prerender-seed-hydrated.png') });
  await page.close();
});

test('a reload with a selection in the hash keeps it, and the old hash address opens the same view', async () => {
  const page = await withJs.context.newPage();
  const messages = consoleOf(page);
  await page.addInitScript(COUNT_REMOVED);
  await page.goto(server.url + `${PAGE}#/article/${SEED_ID}/entity/vladimir-putin`);
  await page.waitForSelector('#app[data-app="hydrated"]');
  await page.waitForSelector('.article-body mark[data-entity-id="vladimir-putin"][data-selected="true"]');
  const prerendered = await readingView(page);
  assert.equal(await page.evaluate(() => window.__removed), 0);
  assert.deepEqual(messages, []);

  // Today's addresses: index.html with the route in the hash, drawn by the app.
  await page.goto(server.url + `#/article/${SEED_ID}/entity/vladimir-putin`);
  await page.waitForSelector('#app[data-app="rendered"]');
  await page.waitForSelector('.article-body mark[data-selected="true"]');
  await page.waitForSelector('.timeline[data-complete="true"]');
  assert.deepEqual(await readingView(page), prerendered);
  assert.equal(new URL(page.url()).pathname, '/');
  await page.goto(server.url + `#/article/${SEED_ID}`);
  await page.waitForSelector('.article-body mark');
  assert.equal(await page.textContent('h1'), seed.title);
  assert.deepEqual(messages, []);
  await page.close();
});

test('the library and the story timeline are prerendered and link to the article pages', async () => {
  const page = await withoutJs.context.newPage();
  await page.goto(server.url);
  const index = JSON.parse(fs.readFileSync(path.join(DIST, 'articles', 'index.json'), 'utf8'));
  const cards = await page.$$eval('.article-card', (cards) => cards.map((c) => [c.dataset.articleId, c.querySelector('h2 a').getAttribute('href')]));
  assert.equal(cards.length, Math.min(50, index.articles.length));
  for (const [id, href] of cards) assert.equal(href, `article/${id}/`);
  assert.equal(await page.getAttribute('#app', 'data-route'), '/');
  assert.equal(await page.title(), 'Library — Dateline');
  // A reader without JavaScript follows a card to the article page.
  await page.click(`.article-card[data-article-id="${SEED_ID}"] h2 a`);
  await page.waitForURL(server.url + PAGE);
  assert.equal(await page.textContent('h1'), seed.title);
  assert.ok(await page.locator('mark[data-entity-id]').count() > 0);

  await page.goto(server.url + 'timeline/');
  const events = await page.$$eval('.story-event', (items) => items.map((e) => [e.dataset.eventId, e.dataset.date, e.dataset.articleId, e.querySelector('a').getAttribute('href')]));
  assert.ok(events.length > 0);
  for (const [event, date, article, href] of events) {
    assert.match(date, /^\d{3}/);
    assert.equal(href, `article/${article}/#/article/${article}/event/${event}`);
  }
  await page.close();
  // The same list, in the same order, as the app draws at `#/timeline` from scratch.
  const app = await withJs.context.newPage();
  await app.goto(server.url + '#/timeline');
  await app.waitForSelector('#app[data-app="rendered"] .story-event');
  const drawn = await app.$$eval('.story-event', (items) => items.map((e) => [e.dataset.eventId, e.dataset.date, e.dataset.articleId, e.querySelector('a').getAttribute('href')]));
  assert.deepEqual(events, drawn);
  await app.close();
});

test('the library and the story timeline hydrate without a warning', async () => {
  const page = await withJs.context.newPage();
  const messages = consoleOf(page);
  await page.addInitScript(COUNT_REMOVED);
  await page.goto(server.url);
  await page.waitForSelector('#app[data-app="hydrated"]');
  await page.fill('#library-q', 'putin');
  await page.waitForFunction(() => Number(document.querySelector('.result-count').dataset.results) < 10);
  await page.goto(server.url + 'timeline/');
  await page.waitForSelector('#app[data-app="hydrated"]');
  await page.click('[data-zoom="days"]');
  await page.waitForSelector('[data-zoom="days"][aria-pressed="true"]');
  // A search in the address is applied once the page is taken over.
  await page.goto(server.url + '#/?q=hamburg');
  await page.waitForSelector('#app[data-app="hydrated"]');
  await page.waitForFunction(() => document.querySelector('#library-q').value === 'hamburg'
    && Number(document.querySelector('.result-count').dataset.results) < 10);
  assert.deepEqual(messages, []);
  await page.close();
});

test('what a reader types in the library search before the app has started is kept and searched', async () => {
  const page = await withJs.context.newPage();
  const messages = consoleOf(page);
  // Hold the app's wasm back until the reader has typed.
  let release;
  const typed = new Promise((resolve) => { release = resolve; });
  await page.route('**/*_bg.wasm', async (route) => { await typed; await route.continue(); });
  await page.goto(server.url);
  await page.fill('#library-q', 'hamburg');
  await page.selectOption('#library-kind', 'LOC');
  assert.equal(await page.getAttribute('#app', 'data-app'), null, 'not yet taken over');
  release();
  await page.waitForSelector('#app[data-app="hydrated"]');
  await page.waitForFunction(() => document.querySelector('#library-q').value === 'hamburg'
    && Number(document.querySelector('.result-count').dataset.results) < 10);
  assert.equal(await page.inputValue('#library-kind'), 'LOC');
  assert.match(page.url(), /#\/\?q=hamburg&kind=LOC$/);
  assert.deepEqual(messages, []);
  await page.close();
});

test('under a sub-path the article page loads its assets from the root of the copy and hydrates', async () => {
  const sub = await serve(undefined, { prefix: '/sub/dateline' });
  const page = await withJs.context.newPage();
  const messages = consoleOf(page);
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  try {
    await page.goto(sub.url + PAGE);
    await page.waitForSelector('#app[data-app="hydrated"]');
    await page.click('.article-body mark[data-entity-id="vladimir-putin"]');
    await page.waitForSelector('.article-body mark[data-selected="true"]');
    assert.equal(new URL(page.url()).pathname, `/sub/dateline/${PAGE}`);
    // The header's links lead back into the copy, not the origin's root.
    assert.equal(await page.$eval('a[data-nav="library"]', (a) => a.href), sub.url + '#/');
    assert.equal(await page.$eval('a[data-nav="timeline"]', (a) => a.href), sub.url + 'timeline/');
    assert.deepEqual(failed, []);
    assert.deepEqual(messages, []);
  } finally {
    await page.close();
    await sub.close();
  }
});

test('every bundled article has its page, with its own title, route and loader', async () => {
  const index = JSON.parse(fs.readFileSync(path.join(DIST, 'articles', 'index.json'), 'utf8'));
  for (const [id, title] of index.articles) {
    const html = fs.readFileSync(path.join(DIST, 'article', id, 'index.html'), 'utf8');
    assert.ok(html.includes(`data-route="/article/${id}"`), id);
    assert.ok(html.includes('<base href="../../">'), id);
    const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    assert.ok(html.includes(`<title>${escaped} — Dateline</title>`), `${id}: title`);
    // index.html's Content-Security-Policy, allowing exactly this page's own loader (it names
    // the file the page hydrates from) by its hash.
    const policy = (page) => page.match(/Content-Security-Policy" content="([^"]*)"/)[1];
    const loaders = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    assert.equal(loaders.length, 1, `${id}: one loader`);
    assert.ok(loaders[0].includes(`articles/${id}.json`), `${id}: the loader preloads its article`);
    const hash = `'sha256-${crypto.createHash('sha256').update(loaders[0]).digest('base64')}'`;
    const withoutHashes = (csp) => csp.replace(/ 'sha256-[^']*'/g, '');
    assert.ok(policy(html).includes(`'wasm-unsafe-eval' ${hash};`), `${id}: the CSP allows its loader`);
    assert.equal(withoutHashes(policy(html)),
      withoutHashes(policy(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8'))));
  }
});

test('when the file a page hydrates from cannot be fetched, the page stays as it was, readable', async () => {
  const page = await withJs.context.newPage();
  await page.route(`**/articles/${SEED_ID}.json`, (route) => route.abort());
  await page.goto(server.url + `${PAGE}#/article/${SEED_ID}/entity/vladimir-putin`);
  await page.waitForSelector('#app[data-app="static"]');
  const view = await readingView(page);
  assert.deepEqual(view.paragraphs, seed.paragraphs);
  assert.deepEqual(view.mentions, expectedFromFile().mentions);
  // The address keeps what was asked for, for a reload.
  assert.equal(new URL(page.url()).hash, `#/article/${SEED_ID}/entity/vladimir-putin`);
  await page.close();
});

test('the page paints its text before anything of the app is fetched', async () => {
  const page = await withJs.context.newPage();
  await page.goto(server.url + PAGE);
  await page.waitForSelector('#app[data-app="hydrated"]');
  const { paint, fetched } = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    fetched: performance.getEntriesByType('resource')
      .filter((r) => /dateline-app-.*\.(js|wasm)$|articles\/.*\.json$/.test(r.name))
      .map((r) => [r.name.split('/').pop(), r.startTime]),
  }));
  assert.ok(paint > 0, 'the page painted');
  // The app's JS, its wasm and the article's file.
  assert.equal(fetched.length, 3, JSON.stringify(fetched));
  for (const [name, start] of fetched) assert.ok(start >= paint, `${name} fetched at ${start} ms, before the first paint at ${paint} ms`);
  await page.close();
});

test('when the app cannot start, the page says so and stays readable', async () => {
  const page = await withJs.context.newPage();
  await page.route('**/*_bg.wasm', (route) => route.abort());
  await page.goto(server.url + PAGE);
  await page.waitForSelector('#app[data-app="failed"]');
  const alert = await page.textContent('[role="alert"]');
  assert.match(alert, /Dateline could not start here .*this page reads as it is/);
  const view = await readingView(page);
  assert.deepEqual(view.paragraphs, seed.paragraphs);
  assert.deepEqual(view.mentions, expectedFromFile().mentions);
  await page.close();
});
