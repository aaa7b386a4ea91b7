// The Service Worker (built by vite-plugin-pwa from this file, injectManifest): it precaches the
// built page and the guest (public/guest: the module, the stdlib zips, manifest.json, sdk.pyi) and
// answers from that cache first. A returning visit then downloads nothing, and the page works
// offline. A new build's worker waits until the page asks it to take over (the "new version"
// notice, src/app/offline.ts): a page never runs with half its files from another build.
//
// Where the browser has the static routing API (Chromium 123+), the cache answers by itself: no
// request of a returning visit waits for this script to start (README, "Returning visits and
// offline", has the numbers). Elsewhere the fetch handler below does the same job.
import { cacheNameOf, isStaleCache, precacheUrls, storable, type ManifestEntry } from './precache.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: ManifestEntry[] };

/** InstallEvent.addRoutes (the static routing API), not yet in TypeScript's lib. */
interface RoutingInstallEvent extends ExtendableEvent {
  addRoutes?: (rules: { condition: { urlPattern: string; requestMethod: string }; source: { cacheName: string } }[]) => Promise<void>;
}

const MANIFEST = self.__WB_MANIFEST;
const CACHE = cacheNameOf(MANIFEST);
const URLS = new Set(precacheUrls(MANIFEST, self.registration.scope));

/**
 * Stores every file of the build. `cache: 'no-cache'` revalidates the HTTP cache's copy (the page
 * has just fetched most of them): an unchanged file costs a 304, not a second download of the
 * 8.5 MB module. Any failure fails the install, so no build is ever half cached.
 */
async function precache(): Promise<void> {
  const cache = await caches.open(CACHE);
  await Promise.all(
    [...URLS].map(async (url) => {
      if (await cache.match(url)) return;
      const response = await fetch(new Request(url, { cache: 'no-cache', credentials: 'same-origin' }));
      if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
      await cache.put(url, storable(response));
    }),
  );
}

self.addEventListener('install', (event: RoutingInstallEvent) => {
  event.waitUntil(
    Promise.all([
      precache(),
      // Every GET in scope is looked up in this build's cache; what it lacks goes to the network.
      event.addRoutes?.([{ condition: { urlPattern: `${self.registration.scope}*`, requestMethod: 'GET' }, source: { cacheName: CACHE } }]),
    ]),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((names) => Promise.all(names.filter((name) => isStaleCache(name, CACHE)).map((name) => caches.delete(name)))),
  );
});

// Where there is no static routing (or for a request the routes let through to the worker).
self.addEventListener('fetch', (event) => {
  const url = event.request.url.split('#')[0]!;
  if (event.request.method !== 'GET' || !URLS.has(url)) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(url))
      .then((cached) => cached ?? fetch(event.request)),
  );
});

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
