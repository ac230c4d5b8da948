// The seed article end to end: library -> article, highlighted mentions, timeline, selecting an
// entity and an event, deep links that survive a reload, keyboard use, and nothing leaving the
// origin. Runs against the release build in dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, watch, screenshotPath, SEED_ID, useBrowser, openApp } from './harness.mjs';

const env = useBrowser();

async function openSeed(page) {
  await page.goto(env.server.url + `#/article/${SEED_ID}`);
  await page.waitForSelector('[data-entity-id]');
}

/** Mentions as {id, type, text, selected}. */
function mentions(page) {
  return page.$$eval('[data-entity-id]', (elements) => elements.map((e) => ({
    id: e.dataset.entityId, type: e.dataset.entityType, text: e.textContent, selected: e.dataset.selected === 'true',
  })));
}

function events(page) {
  return page.$$eval('[data-event-id]', (elements) => elements.map((e) => ({
    id: e.dataset.eventId, date: e.dataset.date, selected: e.dataset.selected === 'true', text: e.textContent,
  })));
}

test('the library links the seed article and opens it', async () => {
  const page = await env.browser.context.newPage();
  const seen = watch(page);
  await openApp(page, env.server.url);
  const link = page.locator(`a[href="article/${SEED_ID}/"]`);
  await link.waitFor();
  assert.match(await link.textContent(), /Putin and Trump meet/);
  await link.click();
  await page.waitForSelector('#app[data-app="hydrated"]');
  await page.waitForSelector('[data-entity-id]');
  assert.equal(page.url(), env.server.url + `article/${SEED_ID}/#/article/${SEED_ID}`);
  assert.match(await page.textContent('h1'), /Putin and Trump meet for the first time/);
  assert.match(await page.textContent('.article-header .meta'), /RT.*7 July 2017.*min read/s);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('every person, place and organisation the seed names is highlighted with its type', async () => {
  const page = await env.browser.context.newPage();
  await openSeed(page);
  const found = await mentions(page);
  const typeOf = (text) => new Set(found.filter((m) => m.text === text).map((m) => m.type));
  const expected = {
    PER: ['Vladimir Putin', 'Donald Trump', 'Dmitry Peskov', 'Hillary Clinton'],
    LOC: ['Germany', 'Hamburg', 'Syria', 'Ukraine', 'North Korea', 'Russia', 'Moscow', 'Washington', 'Pyongyang'],
    ORG: ['Kremlin', 'Twitter'],
  };
  for (const [type, names] of Object.entries(expected)) {
    for (const name of names) {
      assert.deepEqual([...typeOf(name)], [type], `${name} should be highlighted as ${type}`);
    }
  }
  for (const name of ['Russian', 'Syrian', 'G20']) {
    assert.ok(typeOf(name).size > 0, `${name} should be highlighted`);
  }
  for (const mention of found) {
    assert.ok(['PER', 'ORG', 'LOC', 'MISC'].includes(mention.type));
    assert.ok(mention.text.trim().length > 0 && mention.text === mention.text.trim(), `mention text ${JSON.stringify(mention.text)}`);
  }
  // Short forms are the same entity as the full name.
  const idOf = (text) => new Set(found.filter((m) => m.text === text).map((m) => m.id));
  for (const [full, short] of [['Vladimir Putin', 'Putin'], ['Donald Trump', 'Trump'], ['Dmitry Peskov', 'Peskov']]) {
    assert.deepEqual([...idOf(short)], [...idOf(full)], `${short} and ${full} are one entity`);
  }
  // The legend counts every mention of its type.
  const perCount = Number(await page.textContent('[data-legend-type="PER"] .count'));
  assert.equal(perCount, found.filter((m) => m.type === 'PER').length);
  await page.close();
});

test('the timeline places the dated events in order with their granularity', async () => {
  const page = await env.browser.context.newPage();
  await openSeed(page);
  const timeline = await events(page);
  const dates = timeline.map((e) => e.date);
  for (const date of ['2016-11', '2017-01', '2017-06-18', '2017-07-07']) {
    assert.ok(dates.includes(date), `an event dated ${date} (got ${dates.join(', ')})`);
  }
  const placed = dates.filter((d) => /^\d{4}/.test(d));
  assert.deepEqual(placed, [...placed].sort(), 'events are in date order');
  const month = page.locator('[data-event-id][data-date="2016-11"]').first();
  assert.match(await month.getAttribute('class'), /\bband\b/);
  assert.match(await month.textContent(), /November 2016/);
  const day = page.locator('[data-event-id][data-date="2017-06-18"]').first();
  assert.match(await day.getAttribute('class'), /\bpoint\b/);
  assert.match(await page.textContent('.published-item'), /Published 7 July 2017/);
  assert.equal(await page.locator('.timeline-strip .published').count(), 1);
  await page.close();
});

test('selecting an entity marks all its mentions and survives a reload', async () => {
  const page = await env.browser.context.newPage();
  await openSeed(page);
  await page.locator('[data-entity-id]', { hasText: /^Putin$/ }).first().click();
  await page.waitForSelector('[data-entity-id][data-selected="true"]');
  const hash = new URL(page.url()).hash;
  assert.match(hash, new RegExp(`^#/article/${SEED_ID}/entity/[a-z0-9-]+$`));
  const check = async () => {
    const found = await mentions(page);
    const putin = found.filter((m) => m.text === 'Putin' || m.text === 'Vladimir Putin');
    assert.ok(putin.length >= 5);
    assert.ok(putin.every((m) => m.selected), 'every Putin mention is selected');
    assert.ok(found.filter((m) => m.selected).every((m) => m.id === putin[0].id), 'nothing else is selected');
    assert.ok(await page.locator('[data-event-id][data-related="true"]').count() >= 1, 'his events stand out');
  };
  await check();
  await page.reload();
  await page.waitForSelector('[data-entity-id][data-selected="true"]');
  await check();
  // Selecting it again clears the selection.
  await page.locator('[data-entity-id][data-selected="true"]').first().click();
  await page.waitForFunction(() => !document.querySelector('[data-selected="true"]'));
  assert.equal(new URL(page.url()).hash, `#/article/${SEED_ID}`);
  await page.close();
});

test('selecting an event marks it and its sentence, from a click or a deep link', async () => {
  const page = await env.browser.context.newPage();
  await openSeed(page);
  const event = page.locator('[data-event-id][data-date="2017-06-18"]').first();
  await event.click();
  await page.waitForSelector('[data-event-id][data-selected="true"]');
  assert.equal(await event.getAttribute('data-selected'), 'true');
  const sentence = await page.textContent('#selected-sentence');
  assert.match(sentence, /June 18th/);
  const id = await event.getAttribute('data-event-id');
  assert.equal(new URL(page.url()).hash, `#/article/${SEED_ID}/event/${id}`);
  await page.reload();
  await page.waitForSelector('#selected-sentence');
  assert.equal(await page.getAttribute(`[data-event-id="${id}"]`, 'data-selected'), 'true');
  // Scrolling is smooth unless the reader prefers reduced motion: wait for it to arrive.
  await page.waitForFunction(() => {
    const box = document.querySelector('#selected-sentence').getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  }, null, { timeout: 5000 });
  await page.close();
});

test('the reader works from the keyboard', async () => {
  const page = await env.browser.context.newPage();
  await openSeed(page);
  // Roving tabindex: the text is one tab stop; arrows, Home and End move between names.
  const stops = () => page.$$eval('mark[data-entity-id]', (marks) => marks.filter((m) => m.tabIndex === 0).length);
  assert.equal(await stops(), 1, 'the text is one tab stop');
  await page.focus('mark[data-entity-id][tabindex="0"]');
  const focused = () => page.evaluate(() => {
    const marks = [...document.querySelectorAll('.article-body mark[data-entity-id]')];
    return marks.indexOf(document.activeElement);
  });
  assert.equal(await focused(), 0);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), 2);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(), 1);
  await page.keyboard.press('End');
  const last = await page.$$eval('.article-body mark[data-entity-id]', (marks) => marks.length - 1);
  assert.equal(await focused(), last);
  await page.keyboard.press('Home');
  assert.equal(await focused(), 0);
  await page.keyboard.press('ArrowRight');
  assert.equal(await stops(), 1, 'still one tab stop, now on the name last focused');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), -1, 'Tab leaves the text instead of visiting every name');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(), 1, 'Shift+Tab comes back to the name last focused');
  const focusedId = await page.evaluate(() => document.activeElement.dataset.entityId);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`[data-entity-id="${focusedId}"][data-selected="true"]`);
  await page.focus('[data-event-id]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-event-id][data-selected="true"]');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  await page.close();
});

test('names in the headline and standfirst are highlighted and select like the text\'s', async () => {
  const page = await env.browser.context.newPage();
  await openSeed(page);
  const names = (where) => page.$$eval(`${where} mark[data-name-id]`, (marks) => marks.map((m) => `${m.dataset.nameId}:${m.dataset.entityType}:${m.textContent}`));
  assert.deepEqual(await names('h1'), ['vladimir-putin:PER:Putin', 'donald-trump:PER:Trump', 'g20:MISC:G20', 'germany:LOC:Germany']);
  assert.deepEqual(await names('.standfirst'), ['russian:MISC:Russian', 'us:LOC:U.S.', 'hamburg:LOC:Hamburg', 'germany:LOC:Germany']);
  assert.equal(await page.textContent('h1'), 'Putin and Trump meet for the first time at G20 summit in Germany', 'the words are unchanged');
  // Not mentions of the analysis: the DOM contract's [data-entity-id] stays the body's.
  assert.equal(await page.locator('.article-header [data-entity-id]').count(), 0);
  await page.click('h1 mark[data-name-id="vladimir-putin"]');
  await page.waitForSelector('.article-body [data-entity-id="vladimir-putin"][data-selected="true"]');
  assert.equal(await page.getAttribute('h1 mark[data-name-id="vladimir-putin"]', 'aria-pressed'), 'true');
  assert.equal(await page.getAttribute('h1 mark[data-name-id="donald-trump"]', 'aria-pressed'), 'false');
  assert.match(page.url(), /\/entity\/vladimir-putin$/);
  // From the keyboard: the header's names are one tab stop, like the text's; the arrow keys move
  // between them and Enter selects.
  const headerStops = () => page.$$eval('.article-header mark[data-name-id]', (marks) => marks.filter((m) => m.tabIndex === 0).length);
  assert.equal(await headerStops(), 1);
  await page.focus('.article-header mark[data-name-id][tabindex="0"]');
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.nameId), 'germany');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.nameId), 'hamburg');
  assert.equal(await headerStops(), 1, 'the tab stop moved with the focus');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.article-body [data-entity-id="hamburg"][data-selected="true"]');
  assert.equal(await page.locator('h1 mark[data-selected="true"]').count(), 0, 'Putin is no longer selected');
  // The legend hides them with the text's: plain words, no button.
  await page.click('[data-legend-type="LOC"]');
  assert.equal(await page.locator('.article-header mark[data-entity-type="LOC"][role="button"]').count(), 0);
  assert.equal(await page.locator('.article-header mark[data-entity-type="LOC"][data-off]').count(), 4);
  await page.close();
});

test('the legend hides and shows a type', async () => {
  const page = await env.browser.context.newPage();
  await openSeed(page);
  const toggle = page.locator('[data-legend-type="LOC"]');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  // Hidden: plain text again, neither highlighted nor a button, but the text is still there.
  assert.equal(await page.locator('[data-entity-type="LOC"][role="button"]').count(), 0);
  assert.ok(await page.locator('[data-entity-type="LOC"]').count() > 0, 'the text is still there');
  const backgrounds = await page.$$eval('[data-entity-type="LOC"]', (marks) => [...new Set(marks.map((m) => getComputedStyle(m).backgroundColor))]);
  assert.deepEqual(backgrounds, ['rgba(0, 0, 0, 0)'], 'no highlight');
  await toggle.click();
  assert.ok(await page.locator('mark[data-entity-type="LOC"][role="button"]').count() > 0);
  await page.close();
});

test('the About page, linked from every page, credits the training data with its licences', async () => {
  const page = await env.browser.context.newPage();
  const seen = watch(page);
  await openSeed(page);
  await page.click('footer [data-nav="about"]');
  await page.waitForSelector('#about-title');
  assert.equal(new URL(page.url()).hash, '#/about');
  const credits = await page.$$eval('[data-credit]', (items) => items.map((li) => [li.dataset.credit, li.textContent]));
  const credit = Object.fromEntries(credits);
  assert.match(credit.gum, /Amir Zeldes.*CC BY 4\.0.*Wikinews contributors \(CC BY 2\.5\)/s);
  assert.match(credit.wikigold, /Balasuriya.*Nothman.*CC BY 4\.0/s);
  assert.match(credit.conll, /none of its names or text/);
  const licences = await page.$$eval('a[rel~="license"]', (links) => links.map((a) => a.href));
  assert.ok(licences.includes('https://creativecommons.org/licenses/by/4.0/'));
  await page.reload();
  await page.waitForSelector('#about-title');
  assert.deepEqual(seen.errors, []);
  await page.screenshot({ path: screenshotPath('about.png'), fullPage: true });
  await page.close();
});

test('an unknown article or route shows a clear not-found page', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(env.server.url + '#/article/no-such-article');
  await page.waitForSelector('.not-found');
  assert.match(await page.textContent('.not-found h1'), /No such article/);
  await page.goto(env.server.url + '#/nowhere/at/all');
  await page.waitForSelector('.not-found');
  assert.match(await page.textContent('.not-found h1'), /No such page/);
  await page.close();
});

test('nothing leaves the origin, the CSP holds, and the page fits a phone', async () => {
  const page = await env.browser.context.newPage();
  const seen = watch(page);
  await openApp(page, env.server.url);
  await page.waitForSelector('.article-card');
  await page.screenshot({ path: screenshotPath('library-desktop.png'), fullPage: true });
  await openSeed(page);
  await page.locator('[data-entity-id]', { hasText: /^Putin$/ }).first().click();
  await page.waitForSelector('[data-selected="true"]');
  await page.screenshot({ path: screenshotPath('reader-desktop.png') });
  await page.screenshot({ path: screenshotPath('reader-desktop-full.png'), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.reload();
  await page.waitForSelector('[data-entity-id]');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at 375 px (overflow ${overflow} px)`);
  await page.screenshot({ path: screenshotPath('reader-375.png'), fullPage: true });
  // A tooltip stays on screen even for the mention nearest the right edge.
  const rightmost = await page.$$eval('[data-tip]', (marks) => {
    const right = (m) => m.getBoundingClientRect().right;
    const mark = marks.reduce((a, b) => (right(b) > right(a) ? b : a));
    mark.id = 'rightmost-mention';
    return right(mark);
  });
  assert.ok(rightmost > 300, `a mention near the right edge (${rightmost} px)`);
  await page.focus('#rightmost-mention');
  await page.keyboard.press('Shift');
  const tip = await page.$eval('#rightmost-mention', (m) => {
    const after = getComputedStyle(m, '::after');
    return { content: after.content, position: after.position, left: parseFloat(after.left), right: parseFloat(after.right) };
  });
  assert.notEqual(tip.content, 'none', 'the focused mention shows its tooltip');
  assert.equal(tip.position, 'fixed');
  assert.ok(tip.left >= 0 && tip.right >= 0, `the tooltip fits the screen (${JSON.stringify(tip)})`);
  await page.screenshot({ path: screenshotPath('reader-375-tooltip.png') });
  const origin = new URL(env.server.url).origin;
  const foreign = seen.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no request left the origin');
  assert.deepEqual(seen.errors, [], 'no console errors (CSP violations would show here)');
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(csp, /unsafe-inline|inline-script-hashes/);
  await page.close();
});

test('dark mode follows the system', async () => {
  const page = await env.browser.context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await openSeed(page);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(background, 'rgb(20, 22, 25)');
  await page.screenshot({ path: screenshotPath('reader-dark.png') });
  await page.close();
});

test('the app works when hosted under a sub-path', async () => {
  const hosted = await serve(undefined, { prefix: '/tools/dateline' });
  try {
    const page = await env.browser.context.newPage();
    const seen = watch(page);
    await page.goto(hosted.url + `#/article/${SEED_ID}`);
    await page.waitForSelector('[data-entity-id]');
    assert.deepEqual(seen.errors, []);
    await page.close();
  } finally {
    await hosted.close();
  }
});
