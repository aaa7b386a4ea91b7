import { expect, test, type Route } from '@playwright/test';
import { expectOutcome, lastRunEntries, run, typeInEditor, waitForFirstResult } from './helpers.ts';

test('ANSI colours in plugin output become styled text; markup in payloads and output stays text', async ({ page }) => {
  await page.goto('/');
  await waitForFirstResult(page);
  await typeInEditor(
    page,
    [
      'import sdk',
      '',
      'def run_e(payload, ident):',
      '    print("\\x1b[31mred alert\\x1b[0m plain " + payload)',
      '    sdk.return_result(payload, ident)',
      '',
    ].join('\n'),
  );
  const markup = '<img src=x onerror="document.title=\'pwned\'">';
  await page.getByTestId('payload').fill(markup);
  await run(page, 'result');
  await expect(page.getByTestId('result-value')).toHaveText(markup);
  const line = lastRunEntries(page).filter({ hasText: 'red alert' });
  await expect(line).toHaveCount(1);
  await expect(line).not.toContainText('[31m');
  await expect(line.locator('span', { hasText: 'red alert' })).toHaveCSS('color', /^rgb\(\d+, 0, 0\)$/);
  await expect(line).toContainText(`plain ${markup}`);
  await expect(page.locator('img')).toHaveCount(0);
  expect(await page.title()).not.toBe('pwned');
});

test('a missing guest shows a clear message instead of a result', async ({ page }) => {
  await page.route('**/guest/wrapper.wasm', (route) => route.fulfill({ status: 404, body: 'not here' }));
  await page.goto('/');
  await expect(page.getByTestId('load-error')).toContainText('wrapper.wasm');
  await expect(page.getByTestId('load-error')).toContainText('404');
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'failed');
  await expectOutcome(page, 'failed');
  await expect(page.getByTestId('run')).toBeDisabled();
});

test('with browser storage full the page says so and keeps working', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('quota exceeded', 'QuotaExceededError');
    };
  });
  await page.goto('/');
  await waitForFirstResult(page);
  await page.getByTestId('payload').fill('still works');
  await expect(page.getByTestId('storage-notice')).toContainText('full');
  await run(page, 'result');
  await expect(page.getByTestId('result-value')).toHaveText('llits skrow');
});

test('a plugin that kills the module shows the crash, and the next run gets a fresh instance', async ({ page }) => {
  await page.goto('/');
  await waitForFirstResult(page);
  await typeInEditor(
    page,
    [
      'import os',
      'import sdk',
      '',
      'def run_e(payload, ident):',
      '    if payload == "die":',
      '        os._exit(3)',
      '    sdk.return_result("alive " + payload, ident)',
      '',
    ].join('\n'),
  );
  await page.getByTestId('payload').fill('die');
  await run(page, 'crash');
  await expect(page.getByTestId('result-value')).toContainText('3');
  await page.getByTestId('payload').fill('again');
  await run(page, 'result');
  await expect(page.getByTestId('result-value')).toHaveText('alive again');
  await expect(lastRunEntries(page).filter({ hasText: 'Calling _start' })).toHaveCount(1);
});

test('a Worker whose script cannot load is retried with growing pauses, then the page says so and offers Retry', async ({ page }) => {
  test.setTimeout(60_000);
  // As after a redeploy that removed the hashed file: every attempt to start the Worker fails.
  let attempts = 0;
  const refuse = async (route: Route) => {
    attempts++;
    await route.fulfill({ status: 404, body: 'gone' });
  };
  await page.route('**/assets/relay-*.js', refuse);
  await page.goto('/');
  await expect(page.getByTestId('load-error')).toContainText('failed 6 times in a row', { timeout: 30_000 });
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'failed');
  expect(attempts).toBe(6);
  // No more attempts after the cap.
  await page.waitForTimeout(1500);
  expect(attempts).toBe(6);

  await page.unroute('**/assets/relay-*.js', refuse);
  await page.getByTestId('retry').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('load-error')).toHaveCount(0);
  await run(page, 'result');
});
