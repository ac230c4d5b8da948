// Shared by the end-to-end tests and the load benchmark: a static file server on 127.0.0.1 for
// the release build, and Debian's Chromium started headless with a fresh profile.
import http from 'node:http';
import fs from 'node:fs';
import zlib from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(process.env.DATELINE_DIST ?? path.join(here, '../../dist'));
export const ARTIFACTS = path.resolve(process.env.DATELINE_ARTIFACTS ?? path.join(here, 'artifacts'));
export const SEED_ID = 'putin-trump-g20-hamburg';

/** A short news text for the Analyze page: names of every type and dates relative to 2018-03-01. */
export const SAMPLE = [
  'Angela Merkel met Emmanuel Macron in Berlin on Tuesday.',
  'The two leaders discussed the budget of the European Union, which Germany will present in November.',
  'Macron said France would host a summit in Paris on 14 July 2018.',
].join('\n\n');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * An article's title and paragraphs as a plain static HTML page with the app's stylesheet `css`:
 * the baseline the benchmarks compare the app with. `#ready` is its last element. With `inParts`
 * the paragraphs are cut into parts of about 10,000 characters, as the app cuts its text
 * (body_text.rs, PART_CHARS), so that the stylesheet skips laying out the parts off screen for
 * this page too: the baseline with every advantage the app's text has.
 */
export function plainPage(article, css, { inParts = false } = {}) {
  if (!inParts) {
    return page(article, css, article.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n'));
  }
  const parts = [];
  let part = [];
  let chars = 0;
  for (const [i, paragraph] of article.paragraphs.entries()) {
    part.push(`<p>${escape(paragraph)}</p>`);
    chars += [...paragraph].length;
    if (chars >= 10_000 || i + 1 === article.paragraphs.length) {
      parts.push(`<div class="text-part">${part.join('\n')}</div>`);
      part = [];
      chars = 0;
    }
  }
  return page(article, css, parts.join('\n'));
}

function page(article, css, body) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<link rel="stylesheet" href="./${css}"><title>${escape(article.title)}</title></head><body><main>
<article class="reader"><h1>${escape(article.title)}</h1><p class="standfirst">${escape(article.standfirst)}</p>
<div class="article-body">${body}</div>
<footer id="ready">${escape(article.source)}</footer></article></main></body></html>`;
}

/**
 * A temporary copy of dist/ plus `plain.html`: the seed article's title and paragraphs as static
 * HTML with the app's CSS, the baseline the benchmarks measure the app against in the same run.
 */
export function distWithPlainSeed() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-'));
  fs.cpSync(DIST, root, { recursive: true });
  const article = JSON.parse(fs.readFileSync(path.join(DIST, `articles/${SEED_ID}.json`), 'utf8'));
  const css = fs.readdirSync(DIST).find((n) => n.endsWith('.css'));
  fs.writeFileSync(path.join(root, 'plain.html'), plainPage(article, css));
  return root;
}

/**
 * Serves `root` (like any static host would) on an ephemeral loopback port. With `gzip`, text
 * and wasm go out gzip-compressed to clients that accept it, as static hosts send them.
 */
export async function serve(root = DIST, { prefix = '', gzip = false } = {}) {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: run \`trunk build --release\` first`);
  }
  const compressed = new Map();
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    let pathname = decodeURIComponent(url.pathname);
    if (prefix) {
      if (!pathname.startsWith(prefix)) { response.writeHead(404).end('not found'); return; }
      pathname = pathname.slice(prefix.length) || '/';
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.resolve(root, '.' + pathname);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const compress = gzip && !type.startsWith('image/png')
      && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    response.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-store',
      ...(compress ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    if (!compress) {
      fs.createReadStream(file).pipe(response);
      return;
    }
    // Compressed once per file, as static hosts keep precompressed copies: compressing the wasm
    // on every request would time this server's CPU, not the page.
    const { mtimeMs } = fs.statSync(file);
    let zipped = compressed.get(file);
    if (zipped?.mtimeMs !== mtimeMs) {
      zipped = { mtimeMs, bytes: zlib.gzipSync(fs.readFileSync(file), { level: 9 }) };
      compressed.set(file, zipped);
    }
    response.end(zipped.bytes);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, url: origin + prefix + '/', close: () => new Promise((resolve) => {
      server.close(resolve);
      // Chromium keeps idle connections open; without this, close() waits for them to time out.
      server.closeAllConnections();
    }) };
}

/**
 * Debian's Chromium, headless, quiet on a closed network, with a throwaway profile.
 *
 * Service workers are blocked unless asked for (`serviceWorkers: 'allow'`): `page.route` cannot
 * see requests a service worker answers, and most tests look at what the page itself fetches.
 * offline.test.mjs runs with the service worker. `javaScriptEnabled: false` reads the prerendered
 * pages as a reader without JavaScript (or a crawler) does.
 */
export async function launch({ serviceWorkers = 'block', javaScriptEnabled = true } = {}) {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    serviceWorkers,
    javaScriptEnabled,
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Records every request a page makes and every console error or page error it reports. */
export function watch(page) {
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  return { requests, errors };
}

/**
 * A script for `page.addInitScript` that records, in the page, when `selector` first matches
 * (`window.__ready`): performance.now() counts from the start of navigation, so the numbers of
 * two pages compare. The load benchmarks use it.
 */
export function readyWhen(selector) {
  return `(() => {
    const check = () => { if (!window.__ready && document.querySelector(${JSON.stringify(selector)})) window.__ready = performance.now(); };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
    check();
  })();`;
}

/**
 * Opens `url` and waits until the app has taken over the page (`#app[data-app]`): a prerendered
 * page (the library, an article page) shows its content before the app responds to anything.
 */
export async function openApp(page, url) {
  const response = await page.goto(url);
  await page.waitForSelector('#app[data-app]');
  return response;
}

export function screenshotPath(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/**
 * Registers before/after hooks that serve dist/ and start Chromium for one test file; the
 * returned object holds `server` and `browser` once the hooks have run.
 */
export function useBrowser(options = {}) {
  const env = {};
  before(async () => {
    env.server = await serve();
    env.browser = await launch(options);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** A fresh page of `env`'s browser on the Analyze page, with storage cleared, and what it does. */
export async function analyzePage(env) {
  const page = await env.browser.context.newPage();
  const seen = watch(page);
  await page.goto(env.server.url + '#/analyze');
  await clearStorage(page);
  await page.waitForSelector('#analyze-text');
  return { page, seen };
}

/**
 * Empties the reader's articles: localStorage (the old layout) and the IndexedDB store the app
 * keeps them in (cleared, not deleted: the app holds the database open).
 */
export async function clearStorage(page) {
  await page.evaluate(() => new Promise((resolve, reject) => {
    localStorage.clear();
    const open = indexedDB.open('dateline');
    open.onerror = () => reject(open.error);
    open.onupgradeneeded = () => open.result.createObjectStore('articles');
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('articles', 'readwrite');
      tx.objectStore('articles').clear();
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
}

/** The JSON of every article kept in the page's IndexedDB, by id. */
export async function keptArticles(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('dateline');
    open.onerror = () => reject(open.error);
    open.onupgradeneeded = () => open.result.createObjectStore('articles');
    open.onsuccess = () => {
      const db = open.result;
      const store = db.transaction('articles').objectStore('articles');
      const keys = store.getAllKeys();
      const values = store.getAll();
      values.onsuccess = () => {
        db.close();
        resolve(Object.fromEntries(keys.result.map((k, i) => [k, values.result[i].json])));
      };
      values.onerror = () => reject(values.error);
    };
  }));
}

/** Submits the Analyze form and waits for the reading view of the kept article. */
export async function submitAnalysis(page) {
  await page.click('[data-action="analyze"]');
  await page.waitForURL((url) => /^#\/mine\//.test(url.hash));
  await page.waitForSelector('.reader .article-body');
}
