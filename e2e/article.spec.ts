import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  ARTICLE_PAYLOAD,
  LEVEL_RGB,
  expectRunCount,
  lastRunEntries,
  openPlayground,
  run,
  runEntries,
  runWith,
  waitForFirstResult,
} from './helpers.ts';

test("the article's run on first load: result, three levels, colours, indentation", async ({ page, context, baseURL }) => {
  const foreign: string[] = [];
  context.on('request', (r) => {
    if (!r.url().startsWith(baseURL!) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url());
  });

  await page.goto('/');
  await waitForFirstResult(page);

  await expect(page.getByTestId('payload')).toHaveValue(ARTICLE_PAYLOAD);
  await expect(page.getByTestId('ident')).toHaveValue('12345');
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'ready');

  const entries = page.getByTestId('log-entry');
  for (const level of ['host', 'wrapper', 'python'] as const) {
    const first = entries.and(page.locator(`[data-level=${level}]`)).first();
    await expect(first).toBeVisible();
    await expect(first.locator('.entry-file')).toHaveCSS('color', LEVEL_RGB[level]);
  }
  // The plugin's own lines, with the ANSI colour of its prefix parsed away, not shown raw.
  const python = entries.and(page.locator('[data-level=python]'));
  await expect(python.filter({ hasText: `Received payload: ${ARTICLE_PAYLOAD}` })).toHaveCount(1);
  await expect(python.first()).not.toContainText('\x1b');
  await expect(python.first()).not.toContainText('[35m');
  await expect(entries.and(page.locator('[data-level=host]')).filter({ hasText: 'Calling run_e' })).toHaveCount(1);

  // Column 0, one tab, two tabs.
  const indent = async (level: string) =>
    parseFloat(
      await entries
        .and(page.locator(`[data-level=${level}]`))
        .first()
        .evaluate((el) => getComputedStyle(el).paddingLeft),
    );
  const [host, wrapper, py] = [await indent('host'), await indent('wrapper'), await indent('python')];
  expect(wrapper).toBeGreaterThan(host + 10);
  expect(py - wrapper).toBeCloseTo(wrapper - host, 0);

  const phases = page.getByTestId('timings');
  await expect(phases).toContainText('run_e');
  // With the snapshot, Python is initialised before the page loads: `_start` imports the plugin.
  await expect(phases).toContainText('_start (imports the plugin)');
  await expect(phases).not.toContainText('Python init');

  // Monaco loads after the first result; the screenshot shows the page as it then settles.
  // UPDATE_SCREENSHOT=1 writes it over the README's picture; otherwise it stays with the results.
  await expect(page.locator('[data-testid=editor] .monaco-editor .view-lines')).toContainText('def run_e');
  const shot = process.env.UPDATE_SCREENSHOT ? 'docs/screenshot.png' : test.info().outputPath('article.png');
  mkdirSync(dirname(shot), { recursive: true });
  await page.screenshot({ path: shot });

  // A rerun with unchanged files calls into the same instance: no new instantiation.
  await run(page, 'result');
  await expectRunCount(page, 2);
  await expect(lastRunEntries(page).filter({ hasText: 'Calling run_e' })).toHaveCount(1);
  await expect(lastRunEntries(page).filter({ hasText: 'Instantiating' })).toHaveCount(0);
  await page.getByTestId('log').evaluate((el) => (el.scrollTop = 0));
  await expect((await runEntries(page, 1)).filter({ hasText: 'Instantiating' })).toHaveCount(1);

  // Level filters hide and show a layer.
  await page.getByTestId('filter-wrapper').uncheck();
  await expect(entries.and(page.locator('[data-level=wrapper]'))).toHaveCount(0);
  await page.getByTestId('filter-wrapper').check();
  await expect(entries.and(page.locator('[data-level=wrapper]')).first()).toBeVisible();

  expect(foreign, 'requests to other origins').toEqual([]);
});

test('copy all puts every run of the log on the clipboard as plain text', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await waitForFirstResult(page);
  await page.getByTestId('copy-log').click();
  await expect(page.getByTestId('copy-log')).toHaveText('Copied');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toContain('--- run id=12345');
  expect(text).toMatch(/^\t\[wasm_shim\.c\] \| /m);
  expect(text).toMatch(/^\t\t\[plugin\.py\] \| id=12345 \| Received payload/m);
  expect(text).not.toContain('\x1b');
});

test('the log follows each run to its last line, lines that wrap included', async ({ page }) => {
  // Every tenth line wraps over several rows: taller than the log's estimate until it is measured.
  const plugin = [
    'import sdk',
    'def run_e(payload, ident):',
    '    for i in range(120):',
    "        print(f'row {i} ' + ('wrapped ' * 150 if i % 10 == 0 else ''))",
    "    print(f'the very end of {payload}')",
    '    sdk.return_result(payload, ident)',
  ].join('\n');
  await openPlayground(page, plugin);
  const log = page.getByTestId('log');
  for (const payload of ['one', 'two', 'three']) {
    await runWith(page, payload, 'result');
    await expect(lastRunEntries(page).filter({ hasText: `the very end of ${payload}` })).toBeInViewport();
    await expect.poll(() => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(2);
  }
});
