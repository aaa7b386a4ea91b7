// The Sequence and Memory views (issue 14) in Chromium: the article's run drawn from its own trace,
// with the payload's bytes at run_e's pointer; a failed run shows where it failed.
import { expect, test } from '@playwright/test';
import { ARTICLE_PAYLOAD, openPlayground, run, waitForFirstResult } from './helpers.ts';

/** The article's flow on an instance that already ran once (so no _start). */
const RERUN = [
  'call allocate',
  'return allocate',
  'call run_e',
  'call plugin.run_e',
  'call sdk.return_result',
  'call return_result',
  'return return_result',
  'return sdk.return_result',
  'return plugin.run_e',
  'return run_e',
  'call deallocate',
  'return deallocate',
];

test("the Sequence view draws the article's crossings and the Memory view shows the payload's bytes", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await waitForFirstResult(page);

  // The first run was not traced: opening the view turns tracing on for the next.
  await page.getByTestId('side-tab-sequence').click();
  await expect(page.getByTestId('trace-empty')).toBeVisible();
  await run(page, 'result');
  // The view stays open after the run.
  await expect(page.getByTestId('sequence-view')).toBeVisible();
  const arrows = page.getByTestId('seq-arrow');
  await expect(arrows).toHaveCount(RERUN.length);
  const shapes = await arrows.evaluateAll((els) => els.map((el) => `${el.getAttribute('data-phase')} ${el.getAttribute('data-name')}`));
  expect(shapes).toEqual(RERUN);
  await expect(arrows.first()).toHaveAttribute('data-seq', '1');
  await expect(arrows.last()).toHaveAttribute('data-seq', String(RERUN.length));

  // Hovering plugin.run_e's call: its values, and the log lines Python wrote meanwhile light up.
  const pluginCall = page.locator('[data-testid=seq-arrow][data-name="plugin.run_e"][data-phase=call]');
  await pluginCall.hover();
  await expect(page.getByTestId('seq-detail')).toContainText('C → Python call plugin.run_e');
  await expect(page.getByTestId('seq-detail')).toContainText(`payload=0x`);
  await expect(page.getByTestId('seq-detail')).toContainText("It can't bite it's own tail.");
  const lit = page.locator('[data-testid=log-entry][data-trace-lit]');
  await expect(lit.first()).toBeVisible();
  await expect(lit.filter({ hasText: 'Received payload' })).toHaveCount(1);
  await expect(page.locator('[data-testid=log-entry][data-trace-lit][data-level=host]')).toHaveCount(0);

  // run_e's call → its bytes in the Memory view: hex and text side by side, pointer and length.
  const runE = page.locator('[data-testid=seq-arrow][data-name=run_e][data-phase=call]');
  await runE.click();
  await runE.hover();
  await page.getByTestId('seq-show-memory').click();
  await expect(page.getByTestId('memory-view')).toBeVisible();
  await expect(page.getByTestId('mem-event')).toHaveText(/host → wasm call run_e/);
  const value = page.locator('[data-testid=mem-value][data-name=payload]');
  await expect(value).toContainText('length 47');
  await expect(value.getByTestId('mem-text')).toHaveText(ARTICLE_PAYLOAD);
  // "It can't" in hex: 49 74 20 63 61 6e 27 74.
  await expect(value.getByTestId('mem-hex').locator('tr').first()).toContainText('49 74 20 63 61 6e 27 74');
  const ptr = await value.getByTestId('mem-ptr').textContent();
  await expect(page.getByTestId('mem-allocate')).toHaveText(`allocate(48) → ${ptr}`);
  await expect(page.getByTestId('mem-summary')).toContainText('Memory before');
});

test('a failed run shows its last crossing and the error; the message bytes are at return_error', async ({ page }) => {
  await openPlayground(
    page,
    'import sdk\ndef run_e(payload, ident):\n    if payload == "boom":\n        raise ValueError("no " + payload)\n    sdk.return_result(payload, ident)\n',
  );
  await page.getByTestId('side-tab-sequence').click();
  await page.getByTestId('payload').fill('boom');
  await run(page, 'error');
  await expect(page.getByTestId('seq-error')).toContainText('Ended with error 1: ValueError: no boom');
  await expect(page.getByTestId('seq-error')).toContainText(/at #\d+ wasm → host call return_error/);
  const raised = page.locator('[data-testid=seq-arrow][data-name="plugin.run_e"][data-phase=return]');
  await raised.hover();
  await expect(page.getByTestId('seq-detail')).toContainText('raised=0x');
  await expect(page.getByTestId('seq-detail')).toContainText('"ValueError"');
  const error = page.locator('[data-testid=seq-arrow][data-name=return_error][data-phase=call]');
  await error.click();
  await page.getByTestId('side-tab-memory').click();
  await expect(page.locator('[data-testid=mem-value][data-name=message]').getByTestId('mem-text')).toHaveText('ValueError: no boom');
});

test('a plugin that logs in a loop folds its repeated crossings into one row with a count', async ({ page }) => {
  await openPlayground(
    page,
    'import sdk\ndef run_e(payload, ident):\n    for i in range(200):\n        sdk.log.info(f"line {i}")\n    sdk.return_result("done", ident)\n',
  );
  await page.getByTestId('side-tab-sequence').click();
  await run(page, 'result');
  await expect(page.getByTestId('seq-fold')).toHaveCount(1);
  await expect(page.getByTestId('seq-fold')).toContainText('×200');
  const before = await page.getByTestId('seq-arrow').count();
  expect(before).toBeLessThan(30);
  await page.getByTestId('seq-fold').getByRole('button').click();
  await expect(page.getByTestId('seq-arrow')).toHaveCount(before + 199 * 4);
});
