// What the Service Worker keeps, and under which keys: pure, so it is tested without a worker.
//
// Every file is stored under its own URL (no revision in the key, unlike Workbox's precache) in a
// cache whose name is made from the whole build manifest: a new build fills a cache of its own
// while the old worker keeps serving from the old one. Plain keys are what lets the browser answer
// from the cache by itself (the static routing API, `source: {cacheName}`), without starting the
// worker's script for each request.

/** One entry of the manifest vite-plugin-pwa injects (`self.__WB_MANIFEST`). */
export type ManifestEntry = string | { url: string; revision: string | null };

/** The prefix of every cache this worker makes; caches with it and another name are old builds'. */
export const CACHE_PREFIX = 'playground-';

/** The cache name of this build: the same manifest, the same name (FNV-1a over its JSON). */
export function cacheNameOf(manifest: ManifestEntry[]): string {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(manifest)) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${CACHE_PREFIX}${hash.toString(16).padStart(8, '0')}`;
}

/** The absolute URLs to store, resolved against the worker's scope; the scope itself (`./`) stands for index.html. */
export function precacheUrls(manifest: ManifestEntry[], scope: string): string[] {
  const urls = manifest.map((entry) => new URL(typeof entry === 'string' ? entry : entry.url, scope).href);
  const index = new URL('index.html', scope).href;
  return urls.includes(index) ? [...urls, new URL(scope).href] : urls;
}

/**
 * The response as stored. Without `Vary` (a server may send `Vary: Origin`), which would make the
 * cache miss a request whose headers differ from the worker's own fetch, such as the page's CORS
 * preload of the module; the files are the same for every request. And not marked as redirected
 * (a host may redirect `index.html` to `./`): a navigation refuses a redirected response from a
 * worker. Any other response is stored as it came.
 */
export function storable(response: Response): Response {
  if (!response.headers.has('vary') && !response.redirected) return response;
  const headers = new Headers(response.headers);
  headers.delete('vary');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** Whether a cache is an older build's (ours or Workbox's, which this worker replaced), to be deleted. */
export const isStaleCache = (name: string, current: string): boolean =>
  name !== current && (name.startsWith(CACHE_PREFIX) || name.startsWith('workbox-precache'));
