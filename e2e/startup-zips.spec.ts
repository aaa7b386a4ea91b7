// The first run reads no stdlib zip (the Wizer snapshot holds the start-up imports): the page
// fetches only the module before it, and the core and rest zips right after the first result.
// A plugin that imports from a zip before that prefetch has landed gets it on first read.
import { expect, test, type Page } from '@playwright/test';
import { openPlayground, waitForFirstResult } from './helpers.ts';

/** Start times of the zips the page fetched, and of its first outcome, in ms since navigation start. */
const zipStarts = (page: Page) =>
  page.evaluate(() => ({
    firstOutcome: performance.getEntriesByName('playground:first-outcome')[0]?.startTime ?? NaN,
    zips: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => new URL(r.name).pathname.endsWith('.zip'))
      .map((r) => ({ name: new URL(r.name).pathname.split('/').pop()!, start: r.startTime })),
  }));

test('the first visit fetches no stdlib zip before the first result, and prefetches the core and rest zips after it', async ({ page }) => {
  await page.goto('/');
  await waitForFirstResult(page);
  await expect
    .poll(async () => (await zipStarts(page)).zips.map((z) => z.name).sort())
    .toEqual(['python311-core.zip', 'python311-rest.zip']);
  const { firstOutcome, zips } = await zipStarts(page);
  for (const zip of zips) expect(zip.start, zip.name).toBeGreaterThanOrEqual(firstOutcome);
});

test('a first run that imports from the core zip reads it on demand', async ({ page }) => {
  // The snapshot has not imported this codec: its module is read from the core zip.
  await openPlayground(
    page,
    'import sdk, encodings.cp1252\n\ndef run_e(payload, ident):\n    sdk.return_result(bytes.fromhex(payload).decode("cp1252"), ident)\n',
    '80',
  );
  await expect(page.getByTestId('result-value')).toHaveText('€');
  // It was the first run, before any prefetch: the Worker read the zip itself.
  const { firstOutcome, zips } = await zipStarts(page);
  expect(zips.filter((z) => z.start < firstOutcome)).toEqual([]);
});
