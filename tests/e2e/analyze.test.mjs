// Bring your own article: analyze pasted text or a file in the browser, keep it, rename, delete,
// export and re-import it; every bad input gets a message and the form keeps what was typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { watch, useBrowser, launch, SAMPLE, analyzePage as openAnalyze, openApp } from './harness.mjs';

const env = useBrowser();


/** A fresh page on the Analyze page, with storage cleared. */
const analyzePage = () => openAnalyze(env);

/** Pastes SAMPLE, analyzes it, and waits for the reading view of the kept article. */
async function analyzeSample(page, { title = 'Merkel and Macron', date = '2018-03-01' } = {}) {
  await page.fill('#analyze-text', SAMPLE);
  await page.fill('#analyze-title-input', title);
  await page.fill('#analyze-source', 'Test Wire');
  await page.fill('#analyze-date', date);
  await page.click('[data-action="analyze"]');
  await page.waitForURL(/#\/mine\/mine-[a-z0-9]+$/);
  await page.waitForSelector('.reader [data-entity-id]');
  return new URL(page.url()).hash.split('/')[2];
}

async function errorText(page) {
  await page.waitForSelector('[data-analyze-error]');
  return page.textContent('[data-analyze-error]');
}

async function download(page, format) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${format}"]`)]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

test('the header and the library link to the Analyze page, which defaults the date to today', async () => {
  const page = await env.browser.context.newPage();
  await openApp(page, env.server.url);
  await page.waitForSelector('.article-card');
  assert.ok(await page.locator('.site-header a[href="#/analyze"]').count() === 1);
  await page.click('.mine-articles a[href="#/analyze"]');
  await page.waitForSelector('#analyze-date');
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  assert.equal(await page.inputValue('#analyze-date'), today);
  assert.match(await page.textContent('#date-note'), /Relative dates/);
  await page.close();
});

test('a pasted text is analyzed in the worker, kept, and found in the library after a reload', async () => {
  const { page, seen } = await analyzePage();
  const id = await analyzeSample(page);
  const names = await page.$$eval('.article-body [data-entity-id]', (els) => els.map((e) => [e.textContent, e.dataset.entityType]));
  assert.ok(names.some(([text, type]) => text === 'Angela Merkel' && type === 'PER'), JSON.stringify(names));
  assert.ok(names.some(([text, type]) => text === 'Berlin' && type === 'LOC'), JSON.stringify(names));
  const dates = await page.$$eval('[data-event-id]', (els) => els.map((e) => e.dataset.date));
  assert.ok(dates.includes('2018-07-14'), `events: ${dates}`);
  assert.ok(dates.includes('2018-11'), `"in November" hangs on the publication date: ${dates}`);
  assert.equal(await page.textContent('#article-title'), 'Merkel and Macron');
  assert.ok(seen.requests.some((u) => u.endsWith('/models/ner-news.bin')), 'the engine ran');

  // Selection lives in the route, as for bundled articles.
  await page.click('.article-body [data-entity-id]');
  await page.waitForURL(new RegExp(`#/mine/${id}/entity/`));
  assert.ok(await page.locator('.article-body [data-selected="true"]').count() > 0);

  await openApp(page, env.server.url);
  await page.reload();
  const own = page.locator(`.article-card[data-own="true"] a[href="#/mine/${id}"]`);
  await own.waitFor();
  assert.equal(await own.textContent(), 'Merkel and Macron');
  assert.ok(await page.locator('.article-card:not([data-own]) a[href^="article/"]').count() > 0, 'bundled ones are still listed');
  await own.click();
  await page.waitForSelector('.article-body [data-entity-id]');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('analyses in one page session share one worker, so the model is downloaded once', async () => {
  const { page, seen } = await analyzePage();
  const first = await analyzeSample(page);
  await page.click('a[href="#/analyze"]');
  await page.waitForSelector('#analyze-text');
  const second = await analyzeSample(page, { title: 'Again' });
  assert.notEqual(second, first);
  assert.equal(await page.textContent('#article-title'), 'Again');
  const count = (suffix) => seen.requests.filter((u) => u.endsWith(suffix)).length;
  assert.equal(count('/dateline-worker_loader.js'), 1, 'one worker');
  assert.equal(count('/models/ner-news.bin'), 1, 'one model download');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('a kept article can be renamed and deleted after confirmation', async () => {
  const { page } = await analyzePage();
  const id = await analyzeSample(page);
  await page.click('[data-action="rename"]');
  await page.fill('#rename-title', 'A better title');
  await page.click('[data-action="rename-save"]');
  await page.waitForSelector('#article-title:text("A better title")');
  await page.reload();
  await page.waitForSelector('#article-title:text("A better title")');

  await page.click('[data-action="delete"]');
  await page.click('[data-action="delete-cancel"]');
  assert.equal(await page.textContent('#article-title'), 'A better title');
  await page.click('[data-action="delete"]');
  await page.click('[data-action="delete-confirm"]');
  await page.waitForSelector('.library .article-card');
  assert.equal(await page.locator(`a[href="#/mine/${id}"]`).count(), 0);
  await page.goto(env.server.url + `#/mine/${id}`);
  await page.waitForSelector('.message-page');
  assert.match(await page.textContent('.message-page'), /No such article/);
  await page.close();
});

test('Dateline JSON export re-imports with identical content; TimelineJS and HTML exports', async () => {
  const { page } = await analyzePage();
  const id = await analyzeSample(page);
  const exported = await download(page, 'dateline');
  assert.equal(exported.name, `${id}.json`);
  const article = JSON.parse(exported.text);
  assert.equal(article.schema_version, 2);
  assert.equal(article.title, 'Merkel and Macron');

  const timeline = JSON.parse((await download(page, 'timelinejs')).text);
  const november = timeline.events.find((e) => e.display_date === 'November 2018');
  assert.deepEqual(november.start_date, { year: '2018', month: '11' });
  const july = timeline.events.find((e) => e.display_date === '14 July 2018');
  assert.deepEqual(july.start_date, { year: '2018', month: '7', day: '14' });
  // Slides are grouped by who takes part (a name), never by granularity.
  assert.ok(timeline.events.every((e) => e.group === undefined || !/^(day|month|year|week)$/.test(e.group)));
  assert.ok(timeline.events.some((e) => typeof e.group === 'string' && /[A-Z]/.test(e.group)), 'some slide grouped by a name');
  assert.equal(timeline.title.text.headline, 'Merkel and Macron');

  const html = (await download(page, 'html')).text;
  assert.doesNotMatch(html, /<script/i);
  assert.match(html, /<mark class="per" data-entity-id="[a-z0-9-]+" data-entity-type="PER" title="Angela Merkel">Angela Merkel<\/mark>/);
  // The standalone page opens on its own: no requests, names highlighted.
  const standalone = await env.browser.context.newPage();
  const seen = watch(standalone);
  await standalone.setContent(html);
  assert.ok(await standalone.locator('mark[data-entity-type="LOC"]').count() > 0);
  assert.deepEqual(seen.requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:')), []);
  await standalone.close();

  // Delete it, then bring the export back through the file input.
  await page.click('[data-action="delete"]');
  await page.click('[data-action="delete-confirm"]');
  await page.waitForSelector('.library');
  await page.goto(env.server.url + '#/analyze');
  await page.setInputFiles('#analyze-file', { name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
  await page.waitForURL(new RegExp(`#/mine/${id}$`));
  await page.waitForSelector('.article-body [data-entity-id]');
  const again = await download(page, 'dateline');
  assert.equal(again.text, exported.text);
  await page.close();
});

test('text and HTML files fill the form; HTML is parsed, never run', async () => {
  const { page, seen } = await analyzePage();
  await page.setInputFiles('#analyze-file', { name: 'story.txt', mimeType: 'text/plain', buffer: Buffer.from(SAMPLE) });
  await page.waitForFunction(() => document.querySelector('#analyze-text').value.length > 0);
  assert.equal(await page.inputValue('#analyze-text'), SAMPLE);

  const html = `<!doctype html><html><head><title>Summit in Paris</title><script>window.ran = true</script>
    <style>p { color: red }</style></head><body><nav>Home | World</nav><article><h1>Summit in Paris</h1>
    <p>Angela Merkel met <b>Emmanuel Macron</b> in Berlin.</p><img src="http://example.invalid/x.png" onerror="window.ran = true">
    <p>They will meet again in November.</p></article></body></html>`;
  await page.fill('#analyze-text', '');
  await page.setInputFiles('#analyze-file', { name: 'story.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await page.waitForFunction(() => document.querySelector('#analyze-text').value.length > 0);
  assert.equal(await page.inputValue('#analyze-text'), 'Angela Merkel met Emmanuel Macron in Berlin.\n\nThey will meet again in November.');
  assert.equal(await page.inputValue('#analyze-title-input'), 'Summit in Paris');
  assert.equal(await page.evaluate(() => window.ran), undefined);
  assert.deepEqual(seen.requests.filter((u) => u.includes('example.invalid')), []);

  await page.setInputFiles('#analyze-file', { name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Heading\n\nSee [the report](http://x) by **Reuters**.') });
  await page.waitForFunction(() => document.querySelector('#analyze-text').value.startsWith('Heading'));
  assert.equal(await page.inputValue('#analyze-text'), 'Heading\n\nSee the report by Reuters.\n');
  await page.close();
});

test('each bad input gets a clear message and the form keeps what was typed', async () => {
  const { page } = await analyzePage();
  await page.fill('#analyze-title-input', 'Kept title');
  await page.fill('#analyze-source', 'Kept source');

  await page.click('[data-action="analyze"]');
  assert.match(await errorText(page), /no text to analyze/);

  await page.fill('#analyze-text', SAMPLE);
  const cases = [
    ['binary file', { name: 'scan.pdf.txt', mimeType: 'text/plain', buffer: Buffer.from('%PDF-1.7\n\0\0\0\x01\x02 stream') }, /not text/],
    ['invalid UTF-8', { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x61]) }, /not UTF-8 text.*offset 3/],
    ['malformed .json', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"schema_version": 1, "id": ') }, /not a Dateline article/],
    ['wrong-version .json', { name: 'future.json', mimeType: 'application/json', buffer: Buffer.from('{"schema_version": 99, "id": "x"}') }, /version 99.*reads version 2/],
    ['unknown type', { name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF') }, /reads \.txt, \.md, \.html/],
  ];
  for (const [what, file, pattern] of cases) {
    await page.setInputFiles('#analyze-file', file);
    await page.waitForFunction((name) => document.querySelector('[data-analyze-error]')?.textContent.includes(name), file.name);
    assert.match(await errorText(page), pattern, what);
    assert.equal(await page.inputValue('#analyze-text'), SAMPLE, `${what}: the text is kept`);
  }

  // A 10 MB paste is refused with the limit, and stays in the box for the reader to split.
  await page.evaluate(() => { document.querySelector('#analyze-text').value = 'word '.repeat(2 * 1024 * 1024); });
  await page.click('[data-action="analyze"]');
  assert.match(await errorText(page), /10,485,760 characters.*up to 1,000,000/);
  assert.equal(await page.evaluate(() => document.querySelector('#analyze-text').value.length), 10 * 1024 * 1024);
  assert.equal(await page.inputValue('#analyze-title-input'), 'Kept title');
  assert.equal(await page.inputValue('#analyze-source'), 'Kept source');
  assert.match(page.url(), /#\/analyze$/);
  await page.close();
});

test('the analysis shows its progress and can be cancelled', async () => {
  const { page, seen } = await analyzePage();
  // Hold the model download so the analysis stays in progress.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/models/ner-news.bin', async (route) => { await held; await route.continue().catch(() => {}); });
  await page.fill('#analyze-text', SAMPLE);
  await page.click('[data-action="analyze"]');
  await page.waitForSelector('.progress[data-progress="1"]');
  assert.match(await page.textContent('.progress'), /Loading the analysis model/);
  assert.ok(await page.isDisabled('[data-action="analyze"]'));
  await page.click('[data-action="cancel"]');
  assert.match(await errorText(page), /cancelled/);
  assert.equal(await page.inputValue('#analyze-text'), SAMPLE);
  release();
  await page.unroute('**/models/ner-news.bin');
  // Cancelling stopped the worker: a new one starts and downloads the model.
  await page.click('[data-action="analyze"]');
  await page.waitForURL(/#\/mine\//);
  await page.waitForSelector('.article-body [data-entity-id]');
  assert.equal(seen.requests.filter((u) => u.endsWith('/dateline-worker_loader.js')).length, 2);
  await page.close();
});

test('a full storage quota is reported and the analyzed article is still shown', async () => {
  // A browser of its own: Chromium applies a quota override to an origin whose storage this
  // browser has not used yet.
  const browser = await launch();
  const page = await browser.context.newPage();
  // A quota far smaller than one analyzed article, as a nearly full disk would leave.
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(env.server.url).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  await page.goto(env.server.url + '#/analyze');
  await page.waitForSelector('#analyze-text');
  await page.fill('#analyze-text', SAMPLE);
  await page.click('[data-action="analyze"]');
  assert.match(await errorText(page), /analyzed but not kept.*storage for Dateline is full/);
  await page.waitForSelector('.reader .article-body [data-entity-id]');
  assert.equal(await page.inputValue('#analyze-text'), SAMPLE);
  assert.match(page.url(), /#\/analyze$/);
  await browser.close();
});
