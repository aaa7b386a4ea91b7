// Workbox fetches every precache entry that carries a revision with `cache: 'reload'`, which skips
// the HTTP cache: right when a long-lived cached copy could hold an old version under a new
// revision, but our guest files are not hashed in their names, so every new install would
// download the 8.5 MB module and the stdlib zips again although the browser just fetched them for
// the page. Our server sends `no-cache` + a validator: asking with `cache: 'no-cache'` revalidates
// instead, and an unchanged file costs a 304.
import type { WorkboxPlugin } from 'workbox-core/types.js';

/** The request as sent, except that it revalidates the HTTP cache's copy rather than skipping it. */
export function revalidating(request: Request): Request {
  return request.cache === 'reload' ? new Request(request, { cache: 'no-cache' }) : request;
}

export const revalidatePlugin: WorkboxPlugin = {
  requestWillFetch: async ({ request }) => revalidating(request),
};
