import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The stdlib zips of the guest, read from public/guest/manifest.json at build time. None is on the
 * first run's path: the Wizer snapshot already holds Python's start-up imports, and a plugin that
 * imports nothing from the stdlib (the article's) reads no zip at all (src/app/stdlib.test.ts). So
 * the Worker reads a zip by a synchronous request when Python first opens it, and the page
 * prefetches the core zip (the common modules) and the rest right after the first result; the
 * source zip (the lines tracebacks show) only ever on demand. The page gets the names as
 * `__STDLIB_ZIPS__` (src/app/guest.ts).
 */
function stdlibZips(): string[] {
  const manifest = JSON.parse(readFileSync(new URL('./public/guest/manifest.json', import.meta.url), 'utf8')) as {
    artifacts: Record<string, unknown>;
  };
  return Object.keys(manifest.artifacts)
    .filter((name) => name.endsWith('.zip'))
    .sort();
}

/**
 * Content-Security-Policy: nothing from other origins, no inline script, WebAssembly allowed.
 * Monaco sets inline styles (hence 'unsafe-inline' for styles only) and its codicon font is a file
 * of ours. The built index.html carries it as a <meta>; `vite preview` also sends it as a header
 * (plus what only a header can say: frame-ancestors). The dev server sends none: React's fast
 * refresh needs an inline script there.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Cross-origin isolation: the page gets SharedArrayBuffer, which the Python Worker writes its log
 * lines into (src/worker/ring.ts) instead of posting one message per line. Nothing the page loads
 * comes from another origin. A host that sends neither header gets the page without it, which
 * posts lines as messages.
 */
const CROSS_ORIGIN_ISOLATED = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

function productionHtml(): Plugin {
  return {
    name: 'playground-html',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

/**
 * The Service Worker (src/sw/sw.ts): precaches the built page and everything under public/guest
 * (the 8.5 MB module among them, hence the size limit) and answers from that cache first. The page
 * registers it itself after its first result (src/app/offline.ts); in dev there is none.
 */
function serviceWorker(): Plugin[] {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src/sw',
    filename: 'sw.ts',
    injectRegister: false,
    registerType: 'prompt',
    manifest: false,
    injectManifest: {
      globPatterns: ['**/*.{html,js,css,wasm,zip,json,pyi,ttf,woff,woff2,svg,png}'],
      maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
    },
    devOptions: { enabled: false },
  });
}

export default defineConfig({
  // Relative asset URLs: the built page works from any folder (and from a share link's origin).
  base: './',
  plugins: [react(), productionHtml(), serviceWorker()],
  define: { __STDLIB_ZIPS__: JSON.stringify(stdlibZips()) },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // Monaco is one large lazy chunk by design; the page itself stays small.
    chunkSizeWarningLimit: 4096,
  },
  preview: {
    port: 4173,
    strictPort: true,
    headers: {
      'Content-Security-Policy': `${CSP}; frame-ancestors 'none'`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      ...CROSS_ORIGIN_ISOLATED,
    },
  },
  server: { port: 5173, headers: CROSS_ORIGIN_ISOLATED },
});
