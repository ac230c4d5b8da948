// The reader's articles live in IndexedDB: articles kept in localStorage by earlier versions move
// there intact on the first start (damaged ones too), and several files import at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { watch, useBrowser, clearStorage, keptArticles, DIST, SEED_ID, SAMPLE, openApp } from './harness.mjs';

const env = useBrowser();

const seed = () => JSON.parse(fs.readFileSync(path.join(DIST, 'articles', `${SEED_ID}.json`), 'utf8'));

/** The seed article as one of the reader's, under another id and title (compact JSON). */
function ownCopy(id, title) {
  return JSON.stringify({ ...seed(), id, title });
}

/** A page on the app's origin whose app has not run yet, with storage emptied. */
async function blankOrigin() {
  const page = await env.browser.context.newPage();
  await page.goto(env.server.url + 'manifest.webmanifest');
  await clearStorage(page);
  return page;
}

test('articles kept in localStorage move to IndexedDB intact, damaged ones too, and the keys go', async () => {
  const page = await blankOrigin();
  const seen = watch(page);
  const older = ownCopy('mine-older', 'An older article of mine');
  const newer = ownCopy('mine-newer', 'A newer article — “Ünïcode” kept');
  const damaged = '{"schema_version": 1, "id": "mine-broken", "title": "Cut off';
  const unlisted = ownCopy('mine-unlisted', 'Kept but not in the index');
  await page.evaluate(({ older, newer, damaged, unlisted }) => {
    localStorage.setItem('dateline.index', JSON.stringify(['mine-newer', 'mine-older', 'mine-broken']));
    localStorage.setItem('dateline.article.mine-older', older);
    localStorage.setItem('dateline.article.mine-newer', newer);
    localStorage.setItem('dateline.article.mine-broken', damaged);
    localStorage.setItem('dateline.article.mine-unlisted', unlisted);
    localStorage.setItem('unrelated', 'stays');
  }, { older, newer, damaged, unlisted });

  await openApp(page, env.server.url + '#/');
  const own = page.locator('.article-card[data-own="true"]');
  await page.waitForSelector('.article-card[data-own="true"][data-article-id="mine-unlisted"]');
  // Newest first as the old index had them, then the one it did not list.
  assert.deepEqual(await own.evaluateAll((cards) => cards.map((c) => c.dataset.articleId)),
    ['mine-newer', 'mine-older', 'mine-unlisted']);
  // The damaged one is not dropped: the library says so and links to it.
  const broken = page.locator('[data-damaged-id="mine-broken"]');
  await broken.waitFor();
  assert.match(await broken.textContent(), /could not be read/);

  // Written byte for byte, and localStorage holds nothing of the old layout.
  const kept = await keptArticles(page);
  assert.equal(kept['mine-older'], older);
  assert.equal(kept['mine-newer'], newer);
  assert.equal(kept['mine-broken'], damaged);
  assert.equal(kept['mine-unlisted'], unlisted);
  const left = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(left, ['unrelated']);

  // It opens, and survives a reload from IndexedDB alone.
  await page.click('a[href="#/mine/mine-newer"]');
  await page.waitForSelector('.reader .article-body [data-entity-id]');
  assert.equal(await page.textContent('.reader h1'), 'A newer article — “Ünïcode” kept');
  await page.reload();
  await page.waitForSelector('.reader .article-body [data-entity-id]');
  await page.goto(env.server.url + '#/mine/mine-broken');
  await page.waitForSelector('.message-page');
  assert.match(await page.textContent('.message-page'), /could not be opened/);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('several files import at once, each with its state; a bad file does not block the others', async () => {
  const page = await env.browser.context.newPage();
  const seen = watch(page);
  await page.goto(env.server.url + '#/analyze');
  await clearStorage(page);
  await page.waitForSelector('#analyze-text');
  await page.fill('#analyze-date', '2018-03-01');
  await page.setInputFiles('#analyze-file', [
    { name: 'merkel-macron.txt', mimeType: 'text/plain', buffer: Buffer.from(SAMPLE) },
    { name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') },
    { name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(ownCopy('mine-exported', 'An exported article')) },
    { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x43, 0xe9, 0x0a]) },
  ]);
  const state = (name) => page.getAttribute(`[data-file-name="${name}"]`, 'data-file-state');
  await page.waitForFunction(() => {
    const states = [...document.querySelectorAll('[data-file-state]')].map((li) => li.dataset.fileState);
    return states.length === 4 && states.every((s) => s === 'saved' || s === 'failed');
  }, null, { timeout: 60_000 });
  assert.equal(await state('merkel-macron.txt'), 'saved');
  assert.equal(await state('report.pdf'), 'failed');
  assert.match(await page.textContent('[data-file-name="report.pdf"]'), /reads \.txt, \.md, \.html/);
  assert.equal(await state('export.json'), 'saved');
  assert.equal(await state('latin1.txt'), 'failed');
  assert.match(await page.textContent('[data-file-name="latin1.txt"]'), /not UTF-8/);
  // The form kept nothing from the batch and is free again.
  assert.equal(await page.inputValue('#analyze-text'), '');
  assert.ok(!(await page.isDisabled('[data-action="analyze"]')));

  const kept = await keptArticles(page);
  assert.equal(Object.keys(kept).length, 2);
  const analyzed = Object.values(kept).map((json) => JSON.parse(json)).find((a) => a.id !== 'mine-exported');
  assert.equal(analyzed.title, 'merkel macron');
  assert.equal(analyzed.published, '2018-03-01');
  assert.ok(analyzed.entities.some((e) => e.name === 'Angela Merkel'));
  await page.click(`[data-file-name="merkel-macron.txt"] a`);
  await page.waitForSelector('.reader .article-body [data-entity-id]');
  assert.deepEqual(seen.errors, []);
  await page.close();
});
