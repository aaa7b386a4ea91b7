import { describe, expect, it } from 'vitest';
import { revalidating } from './revalidate.ts';

describe('revalidating', () => {
  it("turns Workbox's cache-skipping request into one that revalidates the HTTP cache's copy", () => {
    const request = new Request('http://localhost/guest/wrapper.wasm', { cache: 'reload', credentials: 'same-origin' });
    const sent = revalidating(request);
    expect(sent.cache).toBe('no-cache');
    expect(sent.url).toBe(request.url);
    expect(sent.credentials).toBe('same-origin');
  });

  it('leaves other requests as they are', () => {
    const request = new Request('http://localhost/assets/index-abc.js');
    expect(revalidating(request)).toBe(request);
  });
});
