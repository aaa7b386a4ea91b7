// Visits and measurements in headless Chromium, the same for both sides.
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from '@playwright/test';
import { join } from 'node:path';
import { fileFor, ROOT } from './server.ts';

export const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
};

/** How long a page may take to show a result before the bench gives up on that figure. */
export const RESULT_TIMEOUT_MS = 30_000;

const PROBE = readFileSync(join(ROOT, 'bench/probe.js'), 'utf8');

/** A measurement that did not come out; the message names the side and the metric. */
export class BenchError extends Error {}

export interface Visit {
  /** Navigation start → result shown, Run clicked as soon as it was enabled. */
  resultMs: number;
  /** Navigation start → Run enabled. */
  readyMs: number;
  isolated: boolean;
  /** Same-origin URL paths the page fetched, and any URL fetched from elsewhere (page or Service Worker). */
  paths: string[];
  foreign: string[];
  /** The same-origin responses with a body (200) to requests the page sent before the result showed. */
  responses: Response[];
  /** Same-origin paths the page requested after the result showed (prefetches). */
  later: string[];
  /** Same-origin paths the page's Service Worker fetched over the network (its precache, say). */
  serviceWorker: { beforeResult: string[]; afterResult: string[] };
  page: Page;
}

/**
 * The bytes each response carried, by URL path. Taken from the browser (CDP keeps the bodies), so
 * a rebuild of dist/ during the run cannot skew them; the file on disk only when the browser let
 * a body go.
 */
export async function fetchedBodies(v: Visit): Promise<{ bodies: Map<string, Uint8Array>; fromDisk: string[] }> {
  const bodies = new Map<string, Uint8Array>();
  const fromDisk: string[] = [];
  for (const r of v.responses) {
    const path = new URL(r.url()).pathname;
    if (bodies.has(path)) continue;
    let body: Uint8Array | null = await r.body().catch(() => null);
    if (body === null) {
      const file = fileFor(path);
      if (file === null) continue;
      body = readFileSync(file);
      fromDisk.push(path);
    }
    bodies.set(path, body);
  }
  return { bodies, fromDisk };
}

async function within<T>(what: string, page: Page, promise: Promise<T>, ms = RESULT_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(async () => {
      const text = async (id: string) =>
        (
          await page
            .locator(`[data-testid="${id}"]`)
            .first()
            .textContent({ timeout: 1000 })
            .catch(() => null)
        )?.slice(0, 200) ?? '(none)';
      reject(
        new BenchError(
          `${what}: the page did not show the expected result within ${ms / 1000} s (status: ${await text('status')}; result: ${await text('result')})`,
        ),
      );
    }, ms);
  });
  // A failure inside the page (an error outcome, a wrong reply) becomes one line naming the figure.
  const failure = promise.catch((e: unknown) => {
    const message = (e instanceof Error ? e.message : String(e)).replace(/^page\.evaluate: (Error: )?/, '').split('\n')[0];
    throw new BenchError(`${what}: ${message}`);
  });
  failure.catch(() => undefined); // a late failure after the time-out is not news
  try {
    return await Promise.race([failure, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Opens `url` in a fresh page of `context` with the probe armed, and waits for `expected`. */
export async function visit(what: string, context: BrowserContext, url: string, expected: string): Promise<Visit> {
  await context.addInitScript({ content: `${PROBE}\n;window.__benchProbe.arm(${JSON.stringify(expected)});` });
  const page = context.pages()[0] ?? (await context.newPage());
  const origin = new URL(url).origin;
  const paths: string[] = [];
  const foreign: string[] = [];
  const responses: Response[] = [];
  const workerResponses: Response[] = [];
  const pageErrors: string[] = [];
  // In Chromium a context also reports its Service Workers' own requests (request.serviceWorker()).
  // Transfers count what the page fetched; a worker's fetches (a precache) are listed apart, and a
  // response the page got out of a Service Worker is no transfer of its own.
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol === 'data:' || u.protocol === 'blob:') return;
    if (u.origin !== origin) foreign.push(r.url());
    else if (r.serviceWorker() === null) paths.push(u.pathname);
  });
  context.on('response', (r) => {
    if (new URL(r.url()).origin !== origin || r.status() !== 200 || r.fromServiceWorker()) return;
    (r.request().serviceWorker() === null ? responses : workerResponses).push(r);
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(url, { waitUntil: 'commit' });
  let marks: { enabled: number; result: number; isolated: boolean; timeOrigin: number };
  try {
    marks = await within(what, page, page.evaluate('window.__benchProbe.cold') as Promise<typeof marks>);
  } catch (e) {
    if (e instanceof BenchError && pageErrors.length > 0)
      throw new BenchError(`${e.message}; page errors: ${pageErrors.join(' | ').slice(0, 300)}`);
    throw e;
  }
  // Request.timing().startTime is in ms since the epoch, like timeOrigin + performance.now().
  const resultAt = marks.timeOrigin + marks.result;
  const sentBefore = (r: Response) => r.request().timing().startTime <= resultAt;
  const pathOf = (r: Response) => new URL(r.url()).pathname;
  const before = responses.filter(sentBefore);
  const later = responses.filter((r) => !sentBefore(r)).map(pathOf);
  const serviceWorker = {
    beforeResult: workerResponses.filter(sentBefore).map(pathOf),
    afterResult: workerResponses.filter((r) => !sentBefore(r)).map(pathOf),
  };
  return {
    resultMs: marks.result,
    readyMs: marks.enabled,
    isolated: marks.isolated,
    paths,
    foreign,
    responses: before,
    later,
    serviceWorker,
    page,
  };
}

/** How long a visit waits, untimed, for the page's Service Worker to finish installing. */
const SERVICE_WORKER_WAIT_MS = 15_000;

/**
 * Waits (bounded) until the Service Worker the page registered, if any, is active with nothing
 * installing, so the next visit in the same profile is one it controls. 'none' when the page has
 * registered none: nothing to wait for.
 */
export async function settleServiceWorker(page: Page): Promise<'none' | 'active' | 'still installing'> {
  return page.evaluate(async (ms) => {
    const registration = await navigator.serviceWorker?.getRegistration();
    if (registration === undefined) return 'none';
    const deadline = performance.now() + ms;
    while (registration.installing !== null || registration.active === null) {
      if (performance.now() > deadline) return 'still installing';
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return 'active';
  }, SERVICE_WORKER_WAIT_MS);
}

/** Peak resident memory (VmHWM) of the browser's largest renderer process, in MB. */
export async function peakRendererMb(browser: Browser): Promise<number | null> {
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await session.detach();
  let peak: number | null = null;
  for (const p of processInfo.filter((p) => p.type === 'renderer')) {
    try {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'))?.[1];
      if (kb !== undefined) peak = Math.max(peak ?? 0, Number(kb) / 1024);
    } catch {
      // The process ended meanwhile.
    }
  }
  return peak;
}

export const launch = (): Promise<Browser> => chromium.launch(LAUNCH);
export const launchPersistent = (dir: string): Promise<BrowserContext> => chromium.launchPersistentContext(dir, LAUNCH);

/** Sets the payload field, clicks Run and returns the milliseconds until `expected` shows. */
export async function clickRun(what: string, page: Page, payload: string, expected: string): Promise<number> {
  await page.locator('[data-testid="payload"]').first().fill(payload);
  return within(what, page, page.evaluate(`window.__benchProbe.click(${JSON.stringify(expected)})`) as Promise<number>);
}

/** Puts a comment line on top of the plugin in the editor (Monaco or a textarea alike). */
export async function editPlugin(page: Page, mark: string): Promise<void> {
  await page.locator('[data-testid="editor"]').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.type(`# ${mark}`);
  await page.keyboard.press('Escape'); // close any suggestion widget
}

/** The plugin source the page last sent to its Worker (ours) or holds in its editor (Pyodide). */
export async function lastRunSource(page: Page): Promise<string | undefined> {
  return page.evaluate(`window.__benchProbe.files()['plugin.py']`) as Promise<string | undefined>;
}

/** Average milliseconds of page → Worker → reply over `n` requests (no UI), and whether the page's hook was used. */
export async function workerLoop(
  what: string,
  page: Page,
  n: number,
  edit: boolean,
  payload: string,
  ident: number,
  expected: string,
): Promise<{ ms: number; viaHook: boolean }> {
  const args = [n, edit, payload, ident, expected].map((a) => JSON.stringify(a)).join(', ');
  return within(
    what,
    page,
    page.evaluate(`window.__benchProbe.loop(${args})`) as Promise<{ ms: number; viaHook: boolean }>,
    RESULT_TIMEOUT_MS * 4,
  );
}
