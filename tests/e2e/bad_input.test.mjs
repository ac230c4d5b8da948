// Bad input in the browser: each gets a readable result or message; the page never goes blank.
// Article files are served through request interception, as a broken static host would serve them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watch, useBrowser, openApp } from './harness.mjs';

const env = useBrowser();

/** A valid v1 article; `names` are [text, type] pairs located by code point in the body. */
function article(id, paragraphs, names = []) {
  const body = Array.from(paragraphs.join('\n\n'));
  const entities = names.map(([text, type], i) => {
    const needle = Array.from(text);
    const mentions = [];
    for (let at = 0; at + needle.length <= body.length; at++) {
      if (needle.every((c, j) => body[at + j] === c)) { mentions.push({ start: at, end: at + needle.length }); at += needle.length - 1; }
    }
    return { id: `e${i}`, name: text, type, aliases: [], mentions };
  });
  return {
    schema_version: 1, id, title: `Test ${id}`, standfirst: '', source: 'Test', published: '2020-02-29',
    language: 'und', paragraphs, entities, timexes: [], events: [],
  };
}

async function openWith(id, body) {
  const page = await env.browser.context.newPage();
  const seen = watch(page);
  await page.route(`**/articles/${id}.json`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: typeof body === 'string' ? body : JSON.stringify(body) }));
  await page.goto(env.server.url + `#/article/${id}`);
  await page.waitForSelector('.reader, .message-page');
  return { page, seen };
}

async function assertMessage(page, pattern) {
  const text = await page.textContent('.message-page');
  assert.match(text, pattern);
  assert.ok(await page.locator('a[href="#/"]').count() > 0, 'offers the way back to the library');
}

test('a malformed article file gets a readable message', async () => {
  const { page, seen } = await openWith('broken', '{"schema_version": 1, "id": ');
  await assertMessage(page, /could not be opened[\s\S]*not a Dateline article/);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('an article of another schema version says which version it is', async () => {
  const { page } = await openWith('future', { ...article('future', ['Text.']), schema_version: 99 });
  await assertMessage(page, /version 99.*reads version 2/);
  await page.close();
});

test('an article whose spans point outside the text is refused, not half-drawn', async () => {
  const bad = article('spans', ['Short.']);
  bad.entities = [{ id: 'x', name: 'X', type: 'PER', aliases: [], mentions: [{ start: 3, end: 400 }] }];
  const { page } = await openWith('spans', bad);
  await assertMessage(page, /breaks the format.*outside the text/);
  await page.close();
});

test('a file that is not JSON at all (an HTML error page) gets a message', async () => {
  const { page } = await openWith('html', '<!DOCTYPE html><title>Oops</title>');
  await assertMessage(page, /not a Dateline article/);
  await page.close();
});

test('an empty body shows the header and says there is no text', async () => {
  const { page, seen } = await openWith('empty', article('empty', []));
  assert.match(await page.textContent('h1'), /Test empty/);
  assert.match(await page.textContent('.reader'), /no body text/);
  assert.match(await page.textContent('.timeline'), /no dates/);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('markup inside the text is shown as text and never runs', async () => {
  const hostile = 'Officials said <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> Smith left.';
  const { page } = await openWith('markup', { ...article('markup', [hostile], [['Smith', 'PER']]), title: '<b>Bold</b> claim' });
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('.article-body script, .article-body img, h1 b').count(), 0);
  assert.equal(await page.textContent('.article-body p'), hostile);
  assert.equal(await page.textContent('h1'), '<b>Bold</b> claim');
  assert.equal(await page.textContent('[data-entity-id="e0"]'), 'Smith');
  await page.close();
});

test('non-Latin scripts, emoji and combining marks keep mentions on the right characters', async () => {
  const paragraphs = [
    'Президент 😀👩‍👩‍👧 Владимир Путин встретился с Trump в 東京.',
    'مرحبا بكم في القاهرة — Zoë Saldaña and e\u0301mile met 🇩🇪 Angela Merkel.',
  ];
  const names = [['Владимир Путин', 'PER'], ['Trump', 'PER'], ['東京', 'LOC'], ['القاهرة', 'LOC'], ['Zoë Saldaña', 'PER'], ['Angela Merkel', 'PER']];
  const { page } = await openWith('unicode', article('unicode', paragraphs, names));
  for (const [i, [text]] of names.entries()) {
    assert.equal(await page.textContent(`[data-entity-id="e${i}"]`), text);
  }
  assert.deepEqual(await page.$$eval('.article-body p', (ps) => ps.map((p) => p.textContent)), paragraphs);
  await page.close();
});

test('a very long paragraph renders completely with every mention', async () => {
  const sentence = 'The committee in Geneva heard evidence for many hours without a break. ';
  const long = sentence.repeat(4000);
  const { page } = await openWith('long', article('long', [long.trim(), 'End.'], [['Geneva', 'LOC']]));
  assert.equal(await page.locator('[data-entity-id="e0"]').count(), 4000);
  const width = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(width <= 0, 'no horizontal overflow');
  await page.close();
});

test('a broken library index gets a message, not a blank page', async () => {
  const page = await env.browser.context.newPage();
  await page.route('**/articles/index.json', (route) => route.fulfill({ status: 500, body: 'boom' }));
  await openApp(page, env.server.url);
  await page.waitForSelector('.message-page');
  assert.match(await page.textContent('.message-page'), /library could not be opened[\s\S]*HTTP 500/);
  await page.close();
});
