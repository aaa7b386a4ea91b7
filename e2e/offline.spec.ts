// Returning visits and offline use (src/app/offline.ts, src/sw/sw.ts): after one visit the Service
// Worker has precached the page and the guest; the next visit works with no network at all, and a
// new build waits behind a notice until the person reloads onto it.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { waitForFirstResult } from './helpers.ts';

/** Waits until a Service Worker is active for the page: it activates only once every precache entry is stored. */
async function waitForPrecache(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? 'none'), { timeout: 30_000 })
    .toBe('activated');
}

/** Cache Storage entries whose URL ends with `suffix`, over every cache of the origin. */
const cachedCount = (page: Page, suffix: string) =>
  page.evaluate(async (suffix) => {
    let n = 0;
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) if (new URL(request.url).pathname.endsWith(suffix)) n++;
    }
    return n;
  }, suffix);

test('after one visit the page starts and runs plugins with no network', async ({ page, context }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await waitForFirstResult(page);
  await waitForPrecache(page);
  for (const file of ['/index.html', '/guest/wrapper.wasm', '/guest/python311-core.zip', '/guest/python311-rest.zip', '/guest/sdk.pyi']) {
    expect(await cachedCount(page, file), file).toBe(1);
  }

  await context.setOffline(true);
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // The page runs the article's plugin by itself on load.
  await waitForFirstResult(page);
  await page.getByTestId('payload').fill('abc def');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('result-value')).toHaveText('cba fed');
  // A module from the rest of the standard library (read on first use, not at start) comes from the cache too.
  const end = await page.evaluate(() =>
    window.__bench!.request({
      files: {
        'plugin.py':
          'import sdk, statistics\ndef run_e(payload, ident):\n    sdk.return_result(str(statistics.mean([1, 2, 3, 4])), ident)\n',
      },
      payload: '',
      ident: 1,
    }),
  );
  expect(end.outcome).toEqual({ kind: 'result', value: '2.5' });
});

test('a new build waits behind a notice; Reload hands the page over to it', async ({ page }) => {
  test.setTimeout(90_000);
  // A server of our own for dist/, whose worker script changes on demand, as a deploy changes it.
  let build = 1;
  const server = await serveDist((path, body) => (path === '/sw.js' ? Buffer.concat([body, Buffer.from(`\n// build ${build}\n`)]) : body));
  try {
    await page.goto(server.url);
    await waitForFirstResult(page);
    await waitForPrecache(page);
    await expect(page.getByTestId('update-notice')).toHaveCount(0);

    build = 2;
    await page.reload();
    await waitForFirstResult(page);
    await expect(page.getByTestId('update-notice')).toContainText('A new version of the playground is ready', { timeout: 30_000 });
    // The old worker still serves this page until the person says so.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting !== null)).toBe(true);

    await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
    await waitForFirstResult(page);
    await expect(page.getByTestId('update-notice')).toHaveCount(0);
    const after = await page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.getRegistration())!;
      return { waiting: registration.waiting !== null, controlled: navigator.serviceWorker.controller !== null };
    });
    expect(after).toEqual({ waiting: false, controlled: true });
    // The worker now in charge is build 2's.
    const script = await page.evaluate(async () => (await fetch('sw.js', { cache: 'no-store' })).text());
    expect(script).toContain('// build 2');
  } finally {
    await server.close();
  }
});

/** Serves dist/ on loopback, each body passed through `change`. */
async function serveDist(change: (path: string, body: Buffer) => Buffer): Promise<{ url: string; close: () => Promise<void> }> {
  const root = resolve(import.meta.dirname, '../dist');
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.wasm': 'application/wasm',
    '.json': 'application/json',
  };
  const server = createServer((req, res) => {
    let path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    res.end(change(path, readFileSync(file)));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
