// Offline and install: the first visit registers the service worker, which precaches the reading
// app (not the analysis engine: reading never pays for it); after that the library and the seed
// article work with the network off and the server gone, at the root and under a sub-path, and so
// does the Analyze page once the reader has used the engine online (it is cached on first use). The
// web app manifest is served and makes the app installable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, watch, DIST, SEED_ID, SAMPLE, useBrowser, openApp } from './harness.mjs';

const env = useBrowser({ serviceWorkers: 'allow' });

const isEngine = (file) => /^(dateline-worker|dateline-page-worker|models\/)/.test(file);

/** Every file of dist/ but sw.js itself, as paths relative to dist/. */
function bundleFiles(root = DIST) {
  return fs.readdirSync(root, { recursive: true })
    .map((name) => name.split(path.sep).join('/'))
    .filter((name) => name !== 'sw.js' && fs.statSync(path.join(root, name)).isFile())
    .sort();
}

/** Opens `url` and waits until the service worker has installed and controls the page. */
async function firstVisit(url) {
  const page = await env.browser.context.newPage();
  const seen = watch(page);
  await openApp(page, url);
  await page.waitForSelector('.article-card');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  return { page, seen };
}

/** The URLs in this page's origin's caches, relative to `base`, by cache name. */
function cached(page, base) {
  return page.evaluate(async (base) => {
    const result = {};
    for (const name of await caches.keys()) {
      const keys = await (await caches.open(name)).keys();
      result[name] = keys.map((request) => request.url.slice(base.length)).sort();
    }
    return result;
  }, base);
}

test('the first visit registers the service worker and precaches the reading app, not the engine', async () => {
  const { page, seen } = await firstVisit(env.server.url);
  const registration = await page.evaluate(async () => {
    const r = await navigator.serviceWorker.ready;
    return { scope: r.scope, script: r.active.scriptURL };
  });
  assert.equal(registration.scope, env.server.url);
  assert.equal(registration.script, env.server.url + 'sw.js');
  const caches = await cached(page, env.server.url);
  const names = Object.keys(caches);
  assert.equal(names.length, 1, `one cache: ${names}`);
  assert.match(names[0], new RegExp(`^dateline ${env.server.url} [0-9a-f]{16}$`));
  const files = bundleFiles();
  for (const required of ['index.html', 'dateline-worker_loader.js', 'dateline-worker.js', 'dateline-worker_bg.wasm',
    'dateline-page-worker_loader.js', 'dateline-page-worker.js', 'dateline-page-worker_bg.wasm', 'models/ner-news.bin', 'manifest.webmanifest', 'icons/icon-192.png', 'icons/icon-512.png',
    `articles/${SEED_ID}.json`, 'articles/index.json']) {
    assert.ok(files.includes(required), `${required} is in dist/`);
  }
  assert.ok(files.some((f) => /^dateline-app-[0-9a-f]+_bg\.wasm$/.test(f)) && files.some((f) => /\.css$/.test(f)));
  assert.deepEqual(caches[names[0]], files.filter((f) => !isEngine(f)), 'every file of the reading app is precached');
  // Neither the page nor the service worker fetched the engine or the page worker: reading never pays for them.
  assert.deepEqual(seen.requests.filter((u) => /dateline-worker|dateline-page-worker|ner-news/.test(u)), []);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

/** Analyzes the shared sample text on the Analyze page and waits for the reading view. */
async function analyzeSample(page, url, title) {
  await page.goto(url + '#/analyze');
  await page.waitForSelector('#analyze-text');
  await page.fill('#analyze-text', SAMPLE);
  await page.fill('#analyze-title-input', title);
  await page.fill('#analyze-date', '2018-03-01');
  await page.click('[data-action="analyze"]');
  await page.waitForURL(/#\/mine\/mine-[a-z0-9]+$/, { timeout: 30_000 });
  await page.waitForSelector('.reader [data-entity-id]');
  return page.$$eval('.article-body [data-entity-id]', (els) => els.map((e) => e.textContent));
}

test('offline after the first visit: library and seed article; Analyze once the engine was used', async () => {
  const server = await serve();
  const { page, seen } = await firstVisit(server.url);
  // Using the engine once online caches the worker and the model.
  assert.ok((await analyzeSample(page, server.url, 'Online')).includes('Angela Merkel'));
  const cachedFiles = Object.values(await cached(page, server.url)).flat();
  assert.ok(cachedFiles.includes('models/ner-news.bin') && cachedFiles.includes('dateline-worker_bg.wasm'),
    'the engine is cached once used');
  // Nothing is left to answer but the cache: the network is off and the server is gone.
  await env.browser.context.setOffline(true);
  await server.close();
  try {
    await openApp(page, server.url);
    await page.reload();
    // The card leads to the article's own page (prerendered, precached), which the app takes over.
    await page.waitForSelector(`a[href="article/${SEED_ID}/"]`);
    await page.click(`a[href="article/${SEED_ID}/"]`);
    await page.waitForURL(server.url + `article/${SEED_ID}/#/article/${SEED_ID}`);
    await page.waitForSelector('#app[data-app="hydrated"]');
    await page.click('.article-body mark[data-entity-id="vladimir-putin"]');
    await page.waitForSelector('.article-body mark[data-selected="true"]');
    await page.waitForSelector('[data-event-id]');
    assert.match(await page.textContent('h1'), /Putin and Trump meet/);
    const requestsBefore = seen.requests.length;
    assert.ok((await analyzeSample(page, server.url, 'Offline')).includes('Angela Merkel'));
    assert.ok(seen.requests.slice(requestsBefore).some((u) => u.endsWith('/models/ner-news.bin')),
      'the worker fetched the model (from the cache)');
    assert.deepEqual(seen.errors, []);
  } finally {
    await env.browser.context.setOffline(false);
    await page.close();
  }
});

test('under a sub-path the service worker is scoped to it and the app works offline', async () => {
  const server = await serve(undefined, { prefix: '/tools/dateline' });
  const { page, seen } = await firstVisit(server.url);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, server.url);
  await env.browser.context.setOffline(true);
  await server.close();
  try {
    await page.goto(server.url + `#/article/${SEED_ID}`);
    await page.waitForSelector('[data-entity-id]');
    assert.deepEqual(seen.errors, []);
  } finally {
    await env.browser.context.setOffline(false);
    await page.close();
  }
});

test('a new build replaces the cache and deletes the old one', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-sw-'));
  fs.cpSync(DIST, root, { recursive: true });
  const server = await serve(root);
  try {
    const { page } = await firstVisit(server.url);
    const [before] = Object.keys(await cached(page, server.url));
    // A rebuild with any change writes a sw.js with another version.
    const sw = path.join(root, 'sw.js');
    fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const VERSION = "[0-9a-f]+"/, 'const VERSION = "0123456789abcdef"'));
    // The new worker installs its cache, then on activating deletes the old one. The update check
    // is repeated: one that overlaps the browser's own check at page load can end without
    // installing anything (seen once in CI), and a further check is what a returning reader gets.
    const checkForUpdate = () => page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    await checkForUpdate();
    let after = {};
    for (let tries = 1; tries <= 150; tries += 1) {
      after = await cached(page, server.url);
      if (Object.keys(after).length === 1 && !(before in after)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
      if (tries % 25 === 0) await checkForUpdate().catch(() => {});
    }
    assert.deepEqual(Object.keys(after), [before.replace(/[0-9a-f]{16}$/, '0123456789abcdef')], 'only the new cache is left');
    assert.deepEqual(Object.values(after)[0], bundleFiles(root).filter((f) => !isEngine(f)));
    await page.close();
  } finally {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('the web app manifest is served, valid, and makes the app installable', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(env.server.url);
  await page.waitForSelector('.article-card');
  const href = await page.getAttribute('link[rel="manifest"]', 'href');
  const response = await page.request.get(new URL(href, env.server.url).href);
  assert.equal(response.status(), 200);
  const manifest = JSON.parse(await response.text());
  assert.equal(manifest.name, 'Dateline');
  assert.equal(manifest.short_name, 'Dateline');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.display, 'standalone');
  assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/);
  assert.match(manifest.background_color, /^#[0-9a-f]{6}$/);
  const css = fs.readFileSync(path.join(DIST, fs.readdirSync(DIST).find((n) => n.endsWith('.css'))), 'utf8');
  assert.ok(css.includes(manifest.theme_color) && css.includes(manifest.background_color), 'colours come from the CSS');
  const sizes = manifest.icons.map((icon) => icon.sizes).sort();
  assert.deepEqual(sizes, ['192x192', '512x512', 'any']);
  for (const icon of manifest.icons) {
    const file = await page.request.get(new URL(icon.src, env.server.url).href);
    assert.equal(file.status(), 200, icon.src);
    const body = await file.body();
    if (icon.type === 'image/png') {
      // The PNG header's width and height are the declared size.
      assert.equal(body.subarray(1, 4).toString(), 'PNG');
      assert.equal(`${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`, icon.sizes);
    } else {
      assert.equal(icon.type, 'image/svg+xml');
      assert.match(body.toString(), /^<svg /);
    }
  }
  // Chromium's own check: the manifest parses without errors and nothing stands in the way of installing.
  const cdp = await env.browser.context.newCDPSession(page);
  const parsed = await cdp.send('Page.getAppManifest');
  assert.deepEqual(parsed.errors, []);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  await page.close();
});
