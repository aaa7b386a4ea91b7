import { describe, expect, it } from 'vitest';
import { cacheNameOf, isStaleCache, precacheUrls, storable, type ManifestEntry } from './precache.ts';

const MANIFEST: ManifestEntry[] = [
  { url: 'index.html', revision: 'aaa' },
  { url: 'assets/index-Bkb_fg6U.js', revision: null },
  { url: 'guest/wrapper.wasm', revision: 'bbb' },
];

describe('cacheNameOf', () => {
  it('names a build by its whole manifest: the same files, the same cache; any new revision, a new one', () => {
    const name = cacheNameOf(MANIFEST);
    expect(name).toMatch(/^playground-[0-9a-f]{8}$/);
    expect(cacheNameOf(structuredClone(MANIFEST))).toBe(name);
    expect(cacheNameOf([MANIFEST[0]!, MANIFEST[1]!, { url: 'guest/wrapper.wasm', revision: 'ccc' }])).not.toBe(name);
    expect(cacheNameOf(MANIFEST.slice(0, 2))).not.toBe(name);
  });
});

describe('precacheUrls', () => {
  it('stores each file under its plain URL in the scope, and the page once more under the scope itself', () => {
    expect(precacheUrls(MANIFEST, 'https://example.org/play/')).toEqual([
      'https://example.org/play/index.html',
      'https://example.org/play/assets/index-Bkb_fg6U.js',
      'https://example.org/play/guest/wrapper.wasm',
      'https://example.org/play/',
    ]);
  });

  it('adds no page of its own when the build has no index.html', () => {
    expect(precacheUrls(['guest/sdk.pyi'], 'https://example.org/')).toEqual(['https://example.org/guest/sdk.pyi']);
  });
});

describe('isStaleCache', () => {
  it("deletes older builds' caches, ours and Workbox's, and nothing else of the origin", () => {
    expect(isStaleCache('playground-00000001', 'playground-00000002')).toBe(true);
    expect(isStaleCache('workbox-precache-v2-https://example.org/', 'playground-00000002')).toBe(true);
    expect(isStaleCache('playground-00000002', 'playground-00000002')).toBe(false);
    expect(isStaleCache('someone-elses-cache', 'playground-00000002')).toBe(false);
  });
});

describe('storable', () => {
  it('drops Vary and keeps the status, the other headers and the body', async () => {
    const stored = storable(
      new Response('abc', { status: 200, headers: { Vary: 'Origin', 'Content-Type': 'application/wasm', ETag: '"1"' } }),
    );
    expect(stored.headers.has('vary')).toBe(false);
    expect(stored.headers.get('content-type')).toBe('application/wasm');
    expect(stored.headers.get('etag')).toBe('"1"');
    expect(stored.status).toBe(200);
    expect(await stored.text()).toBe('abc');
  });

  it('stores a redirected response as a plain one', async () => {
    const redirected = new Response('page', { headers: { 'Content-Type': 'text/html' } });
    Object.defineProperty(redirected, 'redirected', { value: true });
    const stored = storable(redirected);
    expect(stored.redirected).toBe(false);
    expect(stored.headers.get('content-type')).toBe('text/html');
    expect(await stored.text()).toBe('page');
  });

  it('stores a response without Vary as it came', () => {
    const response = new Response('abc', { headers: { 'Content-Type': 'text/html' } });
    expect(storable(response)).toBe(response);
  });
});
