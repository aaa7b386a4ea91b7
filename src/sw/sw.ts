// The Service Worker (built by vite-plugin-pwa from this file, injectManifest): it precaches the
// built page and the guest (public/guest: the module, the stdlib zips, manifest.json, sdk.pyi) and
// answers from that cache first. A returning visit then downloads nothing (V8 may also keep the
// module's compiled code beside its Cache Storage entry, once enough of it was optimised), and the
// page works offline. A new build's worker waits until the page asks it to take over (the "new version"
// notice, src/app/offline.ts): a page never runs with half its files from another build.
import { addPlugins, cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { revalidatePlugin } from './revalidate.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

addPlugins([revalidatePlugin]);
// `/` is answered with index.html (Workbox's directoryIndex); nothing outside the list is touched.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
