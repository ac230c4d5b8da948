// Texts from elsewhere and dates told honestly: a Wikinews article shows its source and licence
// with the credit line; an article with no publication date says so and lists its relative dates
// apart; a date read from the text's own dateline is marked as such. Screenshots at 1280 and
// 375 px. Runs against the release build in dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watch, useBrowser, screenshotPath, analyzePage, submitAnalysis } from './harness.mjs';

const env = useBrowser();
const WIKINEWS = 'wikinews-news-iodine';
const UNDATED = 'centcom-6646f63f';

/** Screenshots of `page` at desktop and phone width, scrolled to `selector`. */
async function shoot(page, name, selector) {
  for (const [width, height] of [[1280, 900], [375, 812]]) {
    await page.setViewportSize({ width, height });
    await page.locator(selector).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath(`${name}-${width}.png`) });
  }
}

async function open(page, id) {
  await page.goto(env.server.url + `#/article/${id}`);
  await page.waitForSelector('.reader .article-body');
}

test('a Wikinews article credits its source and licence, with links', async () => {
  const page = await env.browser.context.newPage();
  const seen = watch(page);
  await open(page, WIKINEWS);
  const credit = page.locator('section.credit');
  assert.equal(await credit.locator('h2').textContent(), 'Source and licence');
  assert.equal(await credit.getAttribute('aria-labelledby'), 'credit-title');
  const original = credit.locator('a.credit-original');
  assert.equal(await original.getAttribute('href'), 'https://en.wikinews.org/wiki/Australian_children_suffering_from_iodine_deficiency');
  assert.match(await original.textContent(), /en\.wikinews\.org/);
  const licence = credit.locator('a.credit-licence');
  assert.equal(await licence.textContent(), 'CC BY 2.5');
  assert.equal(await licence.getAttribute('href'), 'https://creativecommons.org/licenses/by/2.5/');
  // The attribution carries the note of changes the licence asks for.
  assert.match(await credit.locator('.attribution').textContent(), /Wikinews, 2006-02-23.*formatting removed\./);
  assert.match(await page.textContent('.article-header .meta'), /Wikinews.*23 February 2006/s);
  // Nothing is fetched from the original's site: the links are for the reader to follow.
  assert.ok(seen.requests.every((url) => url.startsWith(env.server.origin)), seen.requests.join('\n'));
  assert.deepEqual(seen.errors, []);
  await shoot(page, 'credit-wikinews', 'section.credit');
  await page.close();
});

test('the seed article, which has no credit, shows no credit block', async () => {
  const page = await env.browser.context.newPage();
  await open(page, 'putin-trump-g20-hamburg');
  assert.equal(await page.locator('section.credit').count(), 0);
  await page.close();
});

test('an article without a publication date says so and lists its relative dates apart', async () => {
  const page = await env.browser.context.newPage();
  const seen = watch(page);
  await open(page, UNDATED);
  assert.match(await page.textContent('.article-header .meta'), /US CENTCOM.*date unknown/s);
  assert.equal(await page.locator('.article-header time').count(), 0, 'no date is claimed');
  // "today" and "Saturday" have no calendar date: listed apart, by the text's own words, with why.
  const undated = await page.$$eval('.undated-list [data-event-id]', (els) => els.map((e) => e.textContent));
  assert.ok(undated.some((text) => text.includes('“today”')), undated.join('\n'));
  assert.ok(undated.some((text) => text.includes('“Saturday”')), undated.join('\n'));
  assert.match(await page.textContent('.undated-reason'), /publication date is unknown/);
  assert.equal(await page.locator('.event-list:not(.undated-list) [data-event-id]').count(), 0, 'nothing placed at a guessed date');
  assert.equal(await page.locator('.published-item').count(), 0);
  // Selecting an undated event still shows its sentence in the text.
  await page.locator('.undated-list [data-event-id]').first().click();
  await page.waitForSelector('.article-body [data-selected="true"], .article-body .selected');
  assert.deepEqual(seen.errors, []);
  await shoot(page, 'date-unknown', '.undated-list');
  await page.close();
});

test('a month-only date reads as the month', async () => {
  const page = await env.browser.context.newPage();
  await open(page, 'state-9dfbd0b6');
  assert.match(await page.textContent('.article-header .meta'), /January 2017/);
  assert.equal(await page.getAttribute('.article-header time', 'datetime'), '2017-01');
  assert.match(await page.textContent('.undated-reason'), /Only the month of publication is known/);
  await page.close();
});

test('a text analyzed without a date takes its dateline, marked as inferred', async () => {
  const { page, seen } = await analyzePage(env);
  await page.fill('#analyze-text', [
    'WASHINGTON, Dec. 10, 2016 — Secretary of State John Kerry met Sergey Lavrov in Geneva today.',
    'The two ministers will meet again on Tuesday.',
  ].join('\n\n'));
  await page.fill('#analyze-title-input', 'Kerry meets Lavrov');
  await page.fill('#analyze-date', '');
  await submitAnalysis(page);
  const published = page.locator('.article-header .published');
  assert.equal(await published.getAttribute('data-inferred'), 'true');
  assert.match(await published.textContent(), /10 December 2016 \(from the article's dateline\)/);
  assert.equal(await published.locator('time').getAttribute('datetime'), '2016-12-10');
  // "today" counts from the inferred day.
  const dates = await page.$$eval('[data-event-id]', (els) => els.map((e) => e.dataset.date));
  assert.ok(dates.includes('2016-12-10'), dates.join(', '));
  assert.deepEqual(seen.errors, []);
  await shoot(page, 'date-inferred', '.article-header');
  await page.close();
});

test('a text analyzed without a date or a dateline keeps its date unknown', async () => {
  const { page } = await analyzePage(env);
  await page.fill('#analyze-text', 'Officials met in Geneva today.\n\nThey will meet again next week.');
  await page.fill('#analyze-title-input', 'Officials meet');
  await page.fill('#analyze-date', '');
  await submitAnalysis(page);
  assert.match(await page.textContent('.article-header .meta'), /date unknown/);
  const undated = await page.$$eval('.undated-list [data-event-id]', (els) => els.map((e) => e.textContent));
  assert.ok(undated.some((text) => text.includes('“today”')), undated.join('\n'));
  await page.close();
});

test('an article the reader kept in format version 1 still opens, with its date', async () => {
  const page = await env.browser.context.newPage();
  const seen = watch(page);
  // Only for the origin: the storage below must be in place before the app starts and moves it.
  await page.goto(env.server.url);
  // Storage as Dateline left it before format version 2: the article as its version 1 JSON.
  const kept = {
    schema_version: 1, id: 'mine-kept1', title: 'Kept before version 2', standfirst: '', source: 'Me',
    published: '2017-07-07', language: 'en', paragraphs: ['Putin met Trump in Hamburg today.'],
    entities: [], timexes: [], events: [],
  };
  await page.evaluate((kept) => {
    localStorage.setItem('dateline.index', JSON.stringify([kept.id]));
    localStorage.setItem(`dateline.article.${kept.id}`, JSON.stringify(kept));
  }, kept);
  await page.goto(env.server.url + '#/mine/mine-kept1');
  await page.waitForSelector('.reader .article-body');
  assert.equal(await page.textContent('h1'), 'Kept before version 2');
  assert.match(await page.textContent('.article-header .meta'), /7 July 2017/);
  assert.equal(await page.locator('section.credit').count(), 0);
  assert.deepEqual(seen.errors, []);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test('a dateline wins over the date the Analyze page guessed (today), not over one the reader set', async () => {
  const text = 'WASHINGTON, Dec. 10, 2016 — Secretary of State John Kerry met Sergey Lavrov today.';
  const { page } = await analyzePage(env);
  await page.fill('#analyze-text', text);
  await page.fill('#analyze-title-input', 'Kerry meets Lavrov');
  await submitAnalysis(page);
  assert.equal(await page.getAttribute('.article-header .published', 'data-inferred'), 'true');
  assert.equal(await page.getAttribute('.article-header time', 'datetime'), '2016-12-10');

  await page.goto(env.server.url + '#/analyze');
  await page.waitForSelector('#analyze-text');
  await page.fill('#analyze-text', text);
  await page.fill('#analyze-title-input', 'Kerry meets Lavrov');
  await page.fill('#analyze-date', '2016-12-11');
  await page.dispatchEvent('#analyze-date', 'change');
  await submitAnalysis(page);
  assert.equal(await page.getAttribute('.article-header time', 'datetime'), '2016-12-11');
  assert.equal(await page.locator('.article-header .published[data-inferred]').count(), 0);
  await page.close();
});
