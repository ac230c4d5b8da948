// Saved web pages on the Analyze page: a page the reader opens (or HTML they paste) is read by the
// page worker, never by the document; the form is filled with its headline, site, date and
// paragraphs, each saying where it came from. Pages with no article, legacy character sets and
// scripts in the page are handled without losing the form or running anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowser, screenshotPath, analyzePage as openAnalyze, submitAnalysis } from './harness.mjs';

const env = useBrowser();

// Mozilla Readability's test pages, beside the repository; never copied into it.
const here = path.dirname(fileURLToPath(import.meta.url));
const PAGES = path.resolve(here, '../../../shared/data/readability-pages/dev');
const BBC = path.join(PAGES, 'bbc-1');
const noPages = fs.existsSync(path.join(BBC, 'source.html'))
  ? false
  : `Readability's test pages are not at ${PAGES}: skipped`;

const PARAGRAPH = 'The council met on Tuesday and voted to rebuild the old bridge over the river, '
  + 'after months of debate about its cost and about the traffic it would bring to the town centre.';

/** A small page with an article of three paragraphs; `head` goes into <head>, `first` opens the text. */
function articlePage({ head = '', first = PARAGRAPH, title = 'Bridge vote' } = {}) {
  return `<!doctype html><html lang="en"><head><title>${title}</title>${head}
    <script>window.ran = true</script></head><body><nav>Home | News</nav><article><h1>${title}</h1>
    <p>${first}</p><p>${PARAGRAPH}</p><img src="http://example.invalid/x.png" onerror="window.ran = true">
    <p>${PARAGRAPH}</p></article><script>window.ran = true</script></body></html>`;
}

const analyzePage = () => openAnalyze(env);

async function openPage(page, name, buffer) {
  await page.setInputFiles('#analyze-file', { name, mimeType: 'text/html', buffer });
}

/** The origin shown next to a field, as `data-origin`, once there is one. */
async function origin(page, field) {
  const note = await page.waitForSelector(`[data-value-source="${field}"]`);
  return note.getAttribute('data-origin');
}

function assertStayedHome(page, seen) {
  const origin = new URL(env.server.url).origin;
  assert.deepEqual(seen.requests.filter((u) => !u.startsWith(origin)), [], 'no request left the origin');
  return page.evaluate(() => window.ran).then((ran) => assert.equal(ran, undefined, 'no script from the page ran'));
}

test('a saved news page fills the form, says where each value came from, and analyzes', { skip: noPages }, async () => {
  const expected = JSON.parse(fs.readFileSync(path.join(BBC, 'expected-metadata.json'), 'utf8'));
  const { page, seen } = await analyzePage();
  await openPage(page, 'bbc.html', fs.readFileSync(path.join(BBC, 'source.html')));
  assert.equal(await origin(page, 'date'), 'metadata');
  assert.equal(await page.inputValue('#analyze-title-input'), expected.title);
  assert.equal(await page.inputValue('#analyze-source'), expected.siteName);
  assert.equal(await page.inputValue('#analyze-date'), expected.publishedTime.slice(0, 10));
  assert.equal(await origin(page, 'title'), 'page');
  assert.equal(await origin(page, 'source'), 'metadata');
  assert.match(await page.textContent('[data-value-source="date"]'), /metadata/);
  const text = await page.inputValue('#analyze-text');
  assert.ok(text.split('\n\n').length > 5 && !/[<>]/.test(text), 'paragraphs, no markup');
  assert.match(text, /gun/);
  await page.screenshot({ path: screenshotPath('page-form.png'), fullPage: true });
  await page.click('[data-action="analyze"]');
  await page.waitForURL(/#\/mine\/mine-[a-z0-9]+$/, { timeout: 60_000 });
  await page.waitForSelector('.article-body [data-entity-id]');
  const names = await page.$$eval('.article-body [data-entity-id]', (els) => els.map((e) => e.textContent));
  assert.ok(names.some((n) => /Obama/.test(n)), names.join(', '));
  await assertStayedHome(page, seen);
  await page.close();
});

test("without a date in the metadata, the text's dateline is used, else today, and the reader is told", async () => {
  const { page, seen } = await analyzePage();
  await openPage(page, 'dateline.html', Buffer.from(articlePage({ first: `WASHINGTON, Dec. 10, 2016 — ${PARAGRAPH}` })));
  assert.equal(await origin(page, 'date'), 'dateline');
  assert.equal(await page.inputValue('#analyze-date'), '2016-12-10');
  assert.equal(await page.inputValue('#analyze-title-input'), 'Bridge vote');
  assert.ok((await page.inputValue('#analyze-text')).startsWith('WASHINGTON, Dec. 10, 2016 — The council'));
  // The article says its date was read from the dateline.
  await submitAnalysis(page);
  assert.equal(await page.getAttribute('.article-header .published', 'data-inferred'), 'true');
  assert.equal(await page.getAttribute('.article-header time', 'datetime'), '2016-12-10');
  await page.goto(env.server.url + '#/analyze');
  await page.waitForSelector('#analyze-text');

  await openPage(page, 'undated.html', Buffer.from(articlePage({ title: 'Undated' })));
  await page.waitForFunction(() => document.querySelector('[data-value-source="date"]')?.dataset.origin === 'today');
  assert.match(await page.textContent('[data-value-source="date"]'), /today.*not in the page.*check it/);
  assert.equal(await page.inputValue('#analyze-title-input'), 'Undated');
  // The reader changes the date: the note goes.
  await page.fill('#analyze-date', '2016-12-09');
  await page.locator('#analyze-date').dispatchEvent('change');
  await page.waitForSelector('[data-value-source="date"]', { state: 'detached' });
  await assertStayedHome(page, seen);
  await page.close();
});

test('a rich paste is read like a page: paragraphs and headline, no markup', async () => {
  const { page, seen } = await analyzePage();
  const html = articlePage({ title: 'Pasted headline' }).replace('<p>', '<p><b>Bold</b> <a href="http://example.invalid/">link</a> ');
  await page.focus('#analyze-text');
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'plain text');
    const area = document.querySelector('#analyze-text');
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
  await page.waitForFunction(() => document.querySelector('#analyze-text').value.length > 0);
  const text = await page.inputValue('#analyze-text');
  assert.equal(text.split('\n\n').length, 3, text);
  assert.ok(text.startsWith('Bold link The council met'), text);
  assert.ok(!/[<>]/.test(text));
  assert.equal(await page.inputValue('#analyze-title-input'), 'Pasted headline');
  // A plain-text paste is left to the browser.
  await page.fill('#analyze-text', '');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'Just text.');
    document.querySelector('#analyze-text').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  assert.equal(await page.inputValue('#analyze-text'), '');
  await assertStayedHome(page, seen);
  await page.close();
});

test('a page with no article gets a message and the form keeps what was there', async () => {
  const { page, seen } = await analyzePage();
  await page.fill('#analyze-text', 'Kept text.');
  await page.fill('#analyze-title-input', 'Kept title');
  await openPage(page, 'empty.html', Buffer.from('<html><head><title>Empty</title><script>window.ran = true</script></head><body></body></html>'));
  await page.waitForSelector('[data-analyze-error]');
  assert.match(await page.textContent('[data-analyze-error]'), /empty\.html: No article text was found.*paste it instead/);
  assert.equal(await page.inputValue('#analyze-text'), 'Kept text.');
  assert.equal(await page.inputValue('#analyze-title-input'), 'Kept title');
  await assertStayedHome(page, seen);
  await page.close();
});

test('a windows-1252 page is decoded in the charset it declares', async () => {
  const { page, seen } = await analyzePage();
  const html = articlePage({ title: 'Caf\xe9 de l\x92\xc9lys\xe9e', head: '<meta charset="windows-1252">' })
    .replace('<p>The council', '<p>M\xfcller\x92s caf\xe9 \x96 The council');
  await openPage(page, 'latin.html', Buffer.from(html, 'latin1'));
  await page.waitForSelector('[data-value-source="title"]');
  assert.equal(await page.inputValue('#analyze-title-input'), 'Café de l’Élysée');
  assert.ok((await page.inputValue('#analyze-text')).startsWith('Müller’s café – The council'));
  await assertStayedHome(page, seen);
  await page.close();
});

test('a 10 MB page is read in the worker; its text, over the limit, is refused and the form kept', async () => {
  const { page, seen } = await analyzePage();
  await page.fill('#analyze-text', 'Kept text.');
  const paragraphs = `<p>${PARAGRAPH}</p>`.repeat(Math.floor((10 * 1024 * 1024 - 2000) / (PARAGRAPH.length + 7)));
  const html = `<html><head><title>Long</title></head><body><article>${paragraphs}</article></body></html>`;
  assert.ok(html.length <= 10 * 1024 * 1024);
  await openPage(page, 'long.html', Buffer.from(html));
  await page.waitForSelector('[data-analyze-error]', { timeout: 120_000 });
  assert.match(await page.textContent('[data-analyze-error]'), /long\.html: This text has [\d,]+ characters; Dateline analyzes up to 1,000,000/);
  assert.equal(await page.inputValue('#analyze-text'), 'Kept text.');
  await assertStayedHome(page, seen);
  await page.close();
});
