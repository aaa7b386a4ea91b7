import { expect, test } from '@playwright/test';
import { expectOutcome, expectRunCount, lastRunEntries, run, typeInEditor, waitForFirstResult } from './helpers.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await waitForFirstResult(page);
});

test('editing plugin.py in Monaco and running again (button, then Ctrl+Enter in the editor)', async ({ page }) => {
  await typeInEditor(
    page,
    [
      'import sdk',
      '',
      'def run_e(payload, ident):',
      '    print(f"shouting for {ident}")',
      '    sdk.return_result(payload.upper() + "!", ident)',
      '',
    ].join('\n'),
  );
  await page.getByTestId('payload').fill('quiet words');
  await run(page, 'result');
  await expect(page.getByTestId('result-value')).toHaveText('QUIET WORDS!');
  // A plain print belongs to the Python level.
  await expect(lastRunEntries(page).and(page.locator('[data-level=python]')).filter({ hasText: 'shouting for 12345' })).toHaveCount(1);
  // Changed files mean a fresh instance.
  await expect(lastRunEntries(page).filter({ hasText: 'Calling _start' })).toHaveCount(1);

  await page.getByTestId('ident').fill('77');
  await page.locator('[data-testid=editor] .monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expectRunCount(page, 3);
  await expectOutcome(page, 'result');
  await expect(lastRunEntries(page).filter({ hasText: 'shouting for 77' })).toHaveCount(1);
  // Ctrl+Enter ran the plugin: it did not add a line to the source.
  await run(page, 'result');
  await expect(page.getByTestId('result-value')).toHaveText('QUIET WORDS!');
});

test('a helper module in a second tab, imported by plugin.py', async ({ page }) => {
  await page.getByTestId('file-add').click();
  // A bad name is refused with a reason.
  await page.getByTestId('file-name-input').fill('../evil.py');
  await page.getByTestId('file-name-ok').click();
  await expect(page.getByTestId('file-name-error')).toBeVisible();
  await page.getByTestId('file-name-input').fill('helpers.py');
  await page.getByTestId('file-name-ok').click();
  await expect(page.getByTestId('file-tab')).toHaveText(['plugin.py', 'helpers.py']);
  await expect(page.getByTestId('file-tab').nth(1)).toHaveAttribute('aria-selected', 'true');

  await typeInEditor(page, ['def shout(text):', '    return text.upper() + "!!"', ''].join('\n'));
  await page.getByTestId('file-tab').first().click();
  await typeInEditor(
    page,
    ['import sdk', 'import helpers', '', 'def run_e(payload, ident):', '    sdk.return_result(helpers.shout(payload), ident)', ''].join(
      '\n',
    ),
  );
  await page.getByTestId('payload').fill('from a helper');
  await run(page, 'result');
  await expect(page.getByTestId('result-value')).toHaveText('FROM A HELPER!!');

  // Renaming the helper breaks the import (proof the file is what Python reads); renaming back fixes it.
  await page.getByTestId('file-rename').click();
  await page.getByTestId('file-name-input').fill('tools.py');
  await page.getByTestId('file-name-ok').click();
  await expect(page.getByTestId('file-tab')).toHaveText(['plugin.py', 'tools.py']);
  await run(page, 'error');
  await expect(page.getByTestId('result-value')).toContainText("No module named 'helpers'");
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('file-delete').click();
  await expect(page.getByTestId('file-tab')).toHaveText(['plugin.py']);
});

test('an exception shows its traceback at the Python level and error code 1 in the result', async ({ page }) => {
  await typeInEditor(
    page,
    [
      'import sdk',
      '',
      'def fail(payload):',
      '    raise ValueError("bad payload: " + payload)',
      '',
      'def run_e(payload, ident):',
      '    fail(payload)',
      '',
    ].join('\n'),
  );
  await page.getByTestId('payload').fill('xyz');
  await run(page, 'error');
  await expect(page.getByTestId('result-error-code')).toHaveText('Error 1');
  await expect(page.getByTestId('result-value')).toContainText('ValueError');
  await expect(page.getByTestId('result-value')).toContainText('bad payload: xyz');
  const python = lastRunEntries(page).and(page.locator('[data-level=python]'));
  await expect(python.filter({ hasText: 'Traceback (most recent call last)' })).toHaveCount(1);
  await expect(python.filter({ hasText: 'ValueError: bad payload: xyz' })).toHaveCount(1);
  await expect(python.filter({ hasText: 'Traceback' })).toHaveAttribute('data-stream', 'stderr');
});

test('Stop ends a `while True: pass` plugin, the time limit ends another, and the next run works', async ({ page }) => {
  await typeInEditor(
    page,
    [
      'import sdk',
      '',
      'def run_e(payload, ident):',
      '    if payload == "loop":',
      '        while True:',
      '            pass',
      '    sdk.return_result("done " + payload, ident)',
      '',
    ].join('\n'),
  );
  await page.getByTestId('payload').fill('loop');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('stop')).toBeEnabled();
  await page.waitForTimeout(500);
  await expect(page.getByTestId('result')).toHaveAttribute('data-outcome', 'running');
  await page.getByTestId('stop').click();
  await expectOutcome(page, 'stopped', 5_000);
  await expect(page.getByTestId('result')).toContainText('Stopped');

  // The time limit does the same on its own.
  await page.getByTestId('time-limit').fill('1');
  const started = Date.now();
  await page.getByTestId('run').click();
  await expectOutcome(page, 'timeout', 8_000);
  expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  await expect(page.getByTestId('result')).toContainText('Timed out after 1 s');

  // A fresh Worker runs the same files.
  await page.getByTestId('payload').fill('again');
  await run(page, 'result');
  await expect(page.getByTestId('result-value')).toHaveText('done again');
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'ready');
});

// The editor carries the features the playground lists (src/app/monacoFeatures.ts), not all of Monaco's.
test('the editor finds, comments lines and moves them', async ({ page }) => {
  const lines = page.locator('[data-testid=editor] .monaco-editor .view-lines');
  await typeInEditor(page, ['import sdk', '', 'def run_e(payload, ident):', '    sdk.return_result(payload, ident)', ''].join('\n'));
  await lines.click();
  await page.keyboard.press('ControlOrMeta+Home');
  // Find: the widget opens and counts the matches.
  await page.keyboard.press('ControlOrMeta+F');
  await page.keyboard.insertText('ident');
  const find = page.locator('[data-testid=editor] .find-widget');
  await expect(find).toBeVisible();
  await expect(find.locator('.matchesCount')).toHaveText(/of 2/);
  await page.keyboard.press('Escape');
  // Toggle line comment on the first line, then move that line down past the blank one.
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ControlOrMeta+/');
  await expect(lines).toContainText('# import sdk');
  await page.keyboard.press('Alt+ArrowDown');
  // Monaco reuses line elements: their order on screen is their `top`, not their order in the DOM.
  const shown = () =>
    lines.evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>('.view-line')]
        .sort((x, y) => parseFloat(x.style.top) - parseFloat(y.style.top))
        .map((line) => line.textContent!.replace(/\u00a0/g, ' '))
        .slice(0, 3),
    );
  await expect.poll(shown).toEqual(['', '# import sdk', 'def run_e(payload, ident):']);
});
