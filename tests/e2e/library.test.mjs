// The library across articles: search as you type (in the address, across reloads), entity pages
// listing every article that names a name, and the story timeline across articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { watch, useBrowser, clearStorage, screenshotPath, DIST, SEED_ID, SAMPLE, openApp } from './harness.mjs';

const env = useBrowser();
// The index writes each article, entity and event as an array of its fields
// (docs/article-format.md); named here.
const rawIndex = JSON.parse(fs.readFileSync(path.join(DIST, 'articles', 'index.json'), 'utf8'));
const index = {
  articles: rawIndex.articles.map(([id, title, standfirst, source, published, , , , , names]) =>
    ({ id, title, standfirst, source, published, names })),
  // An entity's id is not written; it is the type and the slug of the name (`loc-germany`).
  entities: rawIndex.entities.map(([name, type]) => ({ name, type })),
};
const bundledEvents = JSON.parse(fs.readFileSync(path.join(DIST, 'articles', 'events.json'), 'utf8')).events
  .map(([article, id, date, , , entities]) => ({ article, id, date, entities }));
let mineId;

/** One article of the reader's own (SAMPLE: Merkel, Macron, Germany, dates in 2018), once. */
async function keepOne() {
  if (mineId) return;
  const page = await env.browser.context.newPage();
  await page.goto(env.server.url + '#/analyze');
  await clearStorage(page);
  await page.fill('#analyze-text', SAMPLE);
  await page.fill('#analyze-title-input', 'Merkel and Macron plan a summit');
  await page.fill('#analyze-source', 'Test Wire');
  await page.fill('#analyze-date', '2018-03-01');
  await page.click('[data-action="analyze"]');
  await page.waitForURL(/#\/mine\/mine-[a-z0-9]+$/);
  mineId = new URL(page.url()).hash.split('/')[2];
  await page.close();
}

const cards = (page, scope = '') =>
  page.locator(`${scope} .article-card[data-article-id]`).evaluateAll((els) => els.map((e) => e.dataset.articleId));

/** The start of the calendar period a TIMEX3 value names, as `YYYY-MM-DD`, for ordering. */
function periodStart(value) {
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value))) return `${m[1]}-${m[2]}-${m[3]}`;
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return `${m[1]}-${m[2]}-01`;
  if ((m = /^(\d{4})-Q(\d)$/.exec(value))) return `${m[1]}-${String((m[2] - 1) * 3 + 1).padStart(2, '0')}-01`;
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) {
    const jan4 = new Date(Date.UTC(+m[1], 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400e3 + (m[2] - 1) * 7 * 86400e3);
    return monday.toISOString().slice(0, 10);
  }
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) return `${m[1]}-${{ SP: '03', SU: '06', FA: '09', WI: '12' }[m[2]]}-01`;
  if ((m = /^(\d{4})$/.exec(value))) return `${m[1]}-01-01`;
  if ((m = /^(\d{3})$/.exec(value))) return `${m[1]}0-01-01`;
  return null;
}

test('search as you type finds an article by a name in it, and the query survives a reload', async () => {
  await keepOne();
  const page = await env.browser.context.newPage();
  const seen = watch(page);
  await openApp(page, env.server.url + '#/');
  const box = page.locator('input[type="search"]');
  await box.waitFor();
  assert.equal(await page.locator('label[for="library-q"]').count(), 1, 'the search box has a label');
  // Peskov is named in the seed's text, not in its title or standfirst.
  const seed = index.articles.find((a) => a.id === SEED_ID);
  assert.ok(!/peskov/i.test(seed.title + seed.standfirst));
  await box.pressSequentially('Peskov', { delay: 20 });
  await page.waitForFunction(() => new URL(location.href).hash.includes('q=Peskov'));
  await page.waitForSelector(`.article-card[data-article-id="${SEED_ID}"] .matched-names mark`);
  assert.deepEqual(await cards(page), [SEED_ID]);
  assert.match(await page.textContent('.result-count'), new RegExp(`^1 of ${index.articles.length + 1} articles match`));

  await page.reload();
  // The prerendered library shows every article until the app applies the address's query.
  await page.waitForSelector('#app[data-app]');
  await page.waitForFunction(() => document.querySelector('#library-q').value === 'Peskov');
  await page.waitForFunction(() => document.querySelectorAll('.article-card').length === 1);
  assert.equal(await box.inputValue(), 'Peskov');
  assert.deepEqual(await cards(page), [SEED_ID]);

  // A name of the reader's own article finds it; accents and case do not matter.
  await box.fill('MÉRKEL');
  await page.waitForSelector(`.article-card[data-article-id="${mineId}"][data-own="true"]`);
  assert.deepEqual(await cards(page), [mineId]);
  // `&`, `=` and other scripts go through the address and back.
  await box.fill('Zoë & co = Москва');
  await page.waitForSelector('.library .empty');
  await page.reload();
  await page.waitForSelector('#app[data-app]');
  await page.waitForSelector('.library .empty');
  assert.equal(await box.inputValue(), 'Zoë & co = Москва');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('filters and sort live in the address: kind of name, year, date unknown, title order', async () => {
  await keepOne();
  const page = await env.browser.context.newPage();
  await openApp(page, env.server.url + '#/?year=2018');
  await page.waitForSelector('.article-card');
  const in2018 = index.articles.filter((a) => a.published?.startsWith('2018')).map((a) => a.id);
  assert.deepEqual((await cards(page)).sort(), [...in2018, mineId].sort());
  await page.selectOption('#library-year', '');
  await page.selectOption('#library-sort', 'title');
  await page.waitForFunction(() => location.hash.includes('sort=title'));
  const titles = await page.locator('.article-card h2').allTextContents();
  assert.equal(titles.length, Math.min(50, index.articles.length + 1));
  // The order search keys give: lower case, accents and dots dropped, words one space apart.
  const key = (t) => t.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[.'’‘]/g, '')
    .split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');
  for (let i = 1; i < titles.length; i++) {
    assert.ok(key(titles[i - 1]) <= key(titles[i]), `“${titles[i - 1]}” before “${titles[i]}”`);
  }
  const unknown = index.articles.filter((a) => !a.published).map((a) => a.id).sort();
  if (unknown.length > 0 && unknown.length <= 50) {
    await page.selectOption('#library-year', 'unknown');
    await page.waitForFunction(() => location.hash.includes('year=unknown'));
    await page.waitForFunction((n) => document.querySelectorAll('.article-card').length === n, unknown.length);
    assert.deepEqual((await cards(page)).sort(), unknown);
  }
  await page.close();
});

test('an entity page lists every article that mentions it, with counts and snippets', async () => {
  await keepOne();
  const page = await env.browser.context.newPage();
  const seen = watch(page);
  // Germany is named by the seed and by the reader's article: the two are joined.
  const germany = index.entities.findIndex((e) => e.name === 'Germany' && e.type === 'LOC');
  assert.ok(germany >= 0, 'the bundled index names Germany');
  const expected = index.articles.filter((a) => a.names.some(([e]) => e === germany)).map((a) => a.id);
  await page.goto(env.server.url + '#/entity/loc-germany');
  await page.waitForSelector('.entity-articles .article-card');
  while (await page.locator('.entity-articles .show-more button').count()) {
    await page.click('.entity-articles .show-more button');
  }
  assert.deepEqual((await cards(page, '.entity-articles')).sort(), [...expected, mineId].sort());
  assert.equal(await page.textContent('#entity-title'), 'PlaceGermany'.replace('Place', await page.textContent('.type-badge')));
  // Counts agree with the index; the snippet is the sentence of the first mention.
  const seedCount = index.articles.find((a) => a.id === SEED_ID).names.find(([e]) => e === germany)[1];
  assert.equal(await page.getAttribute(`.entity-articles [data-article-id="${SEED_ID}"]`, 'data-mentions'), String(seedCount));
  const snippet = page.locator(`.entity-articles [data-article-id="${mineId}"] blockquote.snippet`);
  await snippet.waitFor();
  assert.equal(await snippet.locator('mark').textContent(), 'Germany');
  assert.match(await snippet.textContent(), /European Union, which Germany will present in November\./);
  // Its companions link to their own pages; a link by a short form lands on the full name.
  assert.ok(await page.locator('.companions a[href^="#/entity/"]').count() > 0);
  await page.click(`.entity-articles [data-article-id="${mineId}"] h3 a`);
  await page.waitForURL(new RegExp(`#/mine/${mineId}/entity/`));
  await page.waitForSelector('.article-body [data-selected="true"]');
  await page.goto(env.server.url + '#/entity/per-putin');
  await page.waitForURL(/#\/entity\/per-vladimir-putin$/);
  await page.waitForSelector(`.entity-articles [data-article-id="${SEED_ID}"]`);
  assert.equal(await page.title(), 'Vladimir Putin — Dateline');
  await page.goto(env.server.url + '#/entity/per-nobody-at-all');
  await page.waitForSelector('.message-page');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('a name in the reader links to its page in the library', async () => {
  await keepOne();
  const page = await env.browser.context.newPage();
  await page.goto(env.server.url + `#/article/${SEED_ID}`);
  await page.waitForSelector('.entity-panel .in-library');
  const link = page.locator('.entity-panel [data-panel-entity-id] + a.in-library').first();
  const name = (await page.locator('.entity-panel [data-panel-entity-id] .entity-name').first().evaluate((n) => n.firstChild.textContent)).trim();
  await link.click();
  await page.waitForURL(/#\/entity\//);
  await page.waitForSelector('#entity-title');
  assert.ok((await page.textContent('#entity-title')).includes(name) || (await page.textContent('.aliases')).includes(name));
  await page.close();
});

test('the story timeline orders events from several articles and opens one at its sentence', async () => {
  await keepOne();
  const page = await env.browser.context.newPage();
  const seen = watch(page);
  await page.goto(env.server.url + '#/timeline');
  await page.waitForSelector('.story-list .story-event');
  assert.equal(await page.title(), 'Story timeline — Dateline');
  // The list shows 200 events at a time; the reader's 2018 events may come later.
  while (!(await page.locator(`.story-list [data-article-id="${mineId}"]`).count())
    && await page.locator('.story .show-more button').count()) {
    await page.click('.story .show-more button');
  }
  const events = await page.locator('.story-list .story-event').evaluateAll((els) =>
    els.map((e) => ({ id: e.dataset.eventId, date: e.dataset.date, article: e.dataset.articleId })));
  assert.ok(new Set(events.map((e) => e.article)).size >= 2, 'events of several articles');
  assert.ok(events.some((e) => e.article === mineId), 'the reader’s own article takes part');
  const starts = events.map((e) => periodStart(e.date));
  assert.ok(starts.every(Boolean), 'every listed event is placeable');
  for (let i = 1; i < starts.length; i++) assert.ok(starts[i - 1] <= starts[i], `${starts[i - 1]} before ${starts[i]}`);
  // Every bundled dated event of events.json is there (up to the first page of the list).
  const bundled = bundledEvents;
  assert.match(await page.textContent('.story .lede'), new RegExp(`^${bundled.length + events.filter((e) => e.article === mineId).length} dated events`));

  // Zoom by button and by keyboard.
  const pressed = () => page.getAttribute('.zoom [aria-pressed="true"]', 'data-zoom');
  await page.click('.zoom [data-zoom="days"]');
  assert.equal(await pressed(), 'days');
  await page.focus('.story-scroll');
  await page.keyboard.press('-');
  assert.equal(await pressed(), 'months');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  assert.equal(await pressed(), 'decades');
  assert.ok(await page.isDisabled('.zoom [aria-label="Zoom out"]'));

  // An event of the reader's article opens it with the event selected and its sentence shown.
  const target = events.find((e) => e.article === mineId);
  await page.click(`.story-list [data-article-id="${mineId}"][data-event-id="${target.id}"] a`);
  await page.waitForURL(new RegExp(`#/mine/${mineId}/event/${target.id}$`));
  await page.waitForSelector(`.timeline [data-event-id="${target.id}"][data-selected="true"]`);
  await page.waitForSelector('#selected-sentence');
  assert.ok(await page.locator('#selected-sentence').isVisible());
  // Filtered: one name's events only.
  await page.goto(env.server.url + '#/timeline?entity=per-vladimir-putin');
  await page.waitForSelector('.story-list .story-event');
  assert.match(await page.textContent('#story-title'), /Vladimir Putin/);
  const putin = index.entities.findIndex((e) => e.name === 'Vladimir Putin' && e.type === 'PER');
  const his = bundled.filter((e) => e.entities.includes(putin)).length;
  assert.equal(await page.locator('.story-list .story-event').count(), Math.min(200, his));
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('screenshots of the library with a query, an entity page and the story timeline', async () => {
  await keepOne();
  const page = await env.browser.context.newPage();
  for (const [width, height, suffix] of [[1280, 900, ''], [375, 812, '-phone']]) {
    await page.setViewportSize({ width, height });
    for (const [name, hash, ready] of [
      ['library-search', '#/?q=putin', '.article-card'],
      ['entity', '#/entity/loc-germany', '.entity-articles blockquote.snippet'],
      ['story-timeline', '#/timeline', '.story-list .story-event'],
    ]) {
      await openApp(page, env.server.url + hash);
      await page.waitForSelector(ready);
      await page.waitForTimeout(200);
      await page.screenshot({ path: screenshotPath(`${name}${suffix}.png`) });
    }
  }
  await page.close();
});
