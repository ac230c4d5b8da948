// The analysis engine in the browser: a web worker with its own WebAssembly module, which fetches
// the NER model from the same origin on first use. Reading never loads either, and analyzing the
// seed text in the browser gives exactly the bundled article, which the native CLI produced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { watch, DIST, SEED_ID, useBrowser, openApp } from './harness.mjs';

const env = useBrowser();

// The analysis worker, its model, and the page worker (saved pages): reading loads none of them.
const engineFiles = (urls) => urls.filter((u) => /dateline-worker|dateline-page-worker|ner-news\.bin/.test(u));

/** Runs one request through a fresh worker in `page`; resolves with every reply until the last. */
function analyzeInPage(page, request) {
  return page.evaluate((request) => new Promise((resolve) => {
    const worker = new Worker('dateline-worker_loader.js');
    const replies = [];
    worker.onmessage = (event) => {
      // Messages posted before the worker says it is ready would be lost.
      if (event.data.status === 'ready') { worker.postMessage(request); return; }
      replies.push(event.data);
      if (!['loading', 'analyzing'].includes(event.data.status)) { worker.terminate(); resolve(replies); }
    };
    worker.onerror = (event) => resolve([...replies, { status: 'error', message: String(event.message) }]);
  }), request);
}

test('reading a bundled article never loads the engine, the model or the page worker', async () => {
  const page = await env.browser.context.newPage();
  const seen = watch(page);
  await page.goto(env.server.url + `#/article/${SEED_ID}`);
  await page.waitForSelector('[data-event-id]');
  await openApp(page, env.server.url);
  await page.waitForSelector('.article-card');
  assert.deepEqual(engineFiles(seen.requests), []);
  await page.close();
});

test("the reading app's wasm carries no time zone code", () => {
  // jiff's general date parser and its panicking span constructors pull in its time zone
  // database reader and error messages (about 36 KB gzipped); the app reads dates without them.
  const name = fs.readdirSync(DIST).find((n) => /^dateline-app-.*_bg\.wasm$/.test(n));
  const wasm = fs.readFileSync(path.join(DIST, name)).toString('latin1');
  for (const marker of ['TZif', 'tzdb', 'POSIX time zone']) {
    assert.ok(!wasm.includes(marker), `${marker} in ${name}`);
  }
});

test('the seed text analyzed in the browser equals the bundled article built by the CLI', async () => {
  const bundled = JSON.parse(fs.readFileSync(path.join(DIST, `articles/${SEED_ID}.json`), 'utf8'));
  const page = await env.browser.context.newPage();
  const seen = watch(page);
  await openApp(page, env.server.url);
  await page.waitForSelector('.article-card');
  const replies = await analyzeInPage(page, {
    request: 7, id: bundled.id, title: bundled.title, standfirst: bundled.standfirst,
    source: bundled.source, published: bundled.published, paragraphs: bundled.paragraphs,
  });
  assert.deepEqual(replies.map((r) => r.status), ['loading', 'analyzing', 'done']);
  const done = replies.at(-1);
  assert.equal(done.request, 7);
  assert.deepEqual(done.article, bundled);
  assert.ok(done.analysis_ms >= 0);
  const origin = new URL(env.server.url).origin;
  assert.ok(engineFiles(seen.requests).some((u) => u.endsWith('/models/ner-news.bin')), 'the model came from the same origin');
  assert.deepEqual(seen.requests.filter((u) => !u.startsWith(origin)), []);
  await page.close();
});

test('bad requests and a missing model give messages, not a dead worker', async () => {
  const page = await env.browser.context.newPage();
  await openApp(page, env.server.url);
  await page.waitForSelector('.article-card');
  const malformed = await analyzeInPage(page, { request: 'one' });
  assert.equal(malformed.at(-1).status, 'failed');
  assert.match(malformed.at(-1).message, /malformed request/);
  const badDate = await analyzeInPage(page, {
    request: 2, id: 'x', title: 'T', standfirst: '', source: '', published: '7 July', paragraphs: ['Text.'],
  });
  assert.equal(badDate.at(-1).status, 'failed');
  assert.match(badDate.at(-1).message, /not a date/);
  await page.route('**/models/ner-news.bin', (route) => route.fulfill({ status: 404, body: 'gone' }));
  const noModel = await analyzeInPage(page, {
    request: 3, id: 'x', title: 'T', standfirst: '', source: '', published: '2020-01-01', paragraphs: ['Text.'],
  });
  assert.equal(noModel.at(-1).status, 'failed');
  assert.match(noModel.at(-1).message, /model could not be downloaded \(HTTP 404\)/);
  await page.unroute('**/models/ner-news.bin');
  await page.route('**/models/ner-news.bin', (route) => route.fulfill({ status: 200, body: 'DLNERMDL garbage' }));
  const corrupt = await analyzeInPage(page, {
    request: 4, id: 'x', title: 'T', standfirst: '', source: '', published: '2020-01-01', paragraphs: ['Text.'],
  });
  assert.equal(corrupt.at(-1).status, 'failed');
  assert.match(corrupt.at(-1).message, /model is damaged/);
  await page.close();
});

/** Sends one request to a fresh page worker in `page`; resolves with its reply. */
function extractInPage(page, request) {
  return page.evaluate((request) => new Promise((resolve) => {
    const worker = new Worker('dateline-page-worker_loader.js');
    worker.onmessage = (event) => {
      if (event.data.status === 'ready') { worker.postMessage(request); return; }
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => resolve({ status: 'error', message: String(event.message) });
  }), request);
}

test('the page worker extracts a saved page; the analysis worker carries no extractor', async () => {
  const page = await env.browser.context.newPage();
  const seen = watch(page);
  await openApp(page, env.server.url);
  await page.waitForSelector('.article-card');
  const paragraph = 'The council met on Tuesday and voted to rebuild the old bridge over the river. '.repeat(4);
  const html = `<html><head><title>Bridge vote</title><meta property="og:site_name" content="The Courier">
    <meta property="article:published_time" content="2016-12-10T09:00:00Z"></head>
    <body><article><h1>Bridge vote</h1><p>${paragraph}</p><p>${paragraph}</p><p>${paragraph}</p></article>
    <script>window.parent.postMessage('ran', '*')</script></body></html>`;
  const reply = await extractInPage(page, { request: 3, html });
  assert.equal(reply.status, 'extracted', JSON.stringify(reply));
  assert.equal(reply.request, 3);
  assert.equal(reply.page.paragraphs.length, 3);
  assert.ok(reply.page.paragraphs.every((p) => !p.includes('<') && !p.includes('postMessage')));
  assert.equal((await extractInPage(page, { request: 4, html: '<html><head><title>Empty</title></head><body></body></html>' })).status,
    'extract_failed');
  assert.deepEqual(seen.requests.filter((u) => /dateline-worker|ner-news/.test(u)), [], 'the analysis engine was not loaded');
  const gz = (name) => zlib.gzipSync(fs.readFileSync(path.join(DIST, name)), { level: 9 }).length;
  assert.ok(gz('dateline-worker_bg.wasm') <= 500_000, `analysis worker ${gz('dateline-worker_bg.wasm')} B gzipped`);
  const origin = new URL(env.server.url).origin;
  assert.deepEqual(seen.requests.filter((u) => !u.startsWith(origin)), []);
  await page.close();
});
