// Dateline's service worker: the template that scripts/service_worker.py fills in at build time
// (dist/sw.js). It precaches the reading app on install and answers from the cache first, so the
// app and the bundled articles work offline after the first visit. The analysis engine (worker and
// model, ON_DEMAND) is cached the first time the reader analyzes a text — reading never pays for
// it — and works offline from then on. Paths are relative to this script; VERSION is a digest of
// every file's contents, so any change to the bundle is a new sw.js, a new cache, and the old
// one goes.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const ON_DEMAND = new Set(__ON_DEMAND__);

// Several copies of Dateline may live on one origin under different sub-paths, and they share
// the origin's caches: name this copy's caches by its scope and only ever delete those.
const PREFIX = `dateline ${self.registration.scope} `;
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // `reload` skips the HTTP cache, so a stale copy never lands in a new version's cache.
    await cache.addAll(PRECACHE.map((file) => new Request(file, { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  // Routes live in the hash, so a page is a directory's index.html: the scope's (the library and
  // every hash route) or a prerendered page's (`article/<id>/`, `timeline/`), all precached.
  const url = new URL(request.url);
  const key = request.mode === 'navigate' && url.pathname.endsWith('/')
    ? new URL(url.pathname + 'index.html', url.origin).href
    : request;
  const relative = request.url.slice(self.registration.scope.length).split(/[?#]/)[0];
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(key);
    if (hit) return hit;
    const response = await fetch(request);
    if (response.ok && ON_DEMAND.has(relative)) await cache.put(request, response.clone());
    return response;
  })());
});
