import { expect, test } from '@playwright/test';
import { ARTICLE_RESULT, expectOutcome, run, typeInEditor, waitForFirstResult } from './helpers.ts';

test('a reload keeps the draft: files, payload and id', async ({ page }) => {
  await page.goto('/');
  await waitForFirstResult(page);
  await typeInEditor(
    page,
    ['import sdk', '', 'def run_e(payload, ident):', '    sdk.return_result(f"{ident}:{payload[::-1]}", ident)', ''].join('\n'),
  );
  await page.getByTestId('payload').fill('draft payload');
  await page.getByTestId('ident').fill('4242');
  await page.reload();
  await expect(page.getByTestId('payload')).toHaveValue('draft payload');
  await expect(page.getByTestId('ident')).toHaveValue('4242');
  // The reload ran the saved draft, not the article.
  await expectOutcome(page, 'result', 60_000);
  await expect(page.getByTestId('result-value')).toHaveText('4242:daolyap tfard');
  await expect(page.locator('[data-testid=editor] .view-lines')).toContainText('payload[::-1]');
});

test('share: a link opened in a fresh context restores everything and runs; the draft stays one click away', async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await waitForFirstResult(page);
  await page.getByTestId('file-add').click();
  await page.getByTestId('file-name-input').fill('pkg/words.py');
  await page.getByTestId('file-name-ok').click();
  await typeInEditor(page, 'SUFFIX = " — shared ✓"\n');
  await page.getByTestId('file-tab').first().click();
  await typeInEditor(
    page,
    [
      'import sdk',
      'from pkg import words',
      '',
      'def run_e(payload, ident):',
      '    sdk.return_result(payload + words.SUFFIX + f" #{ident}", ident)',
      '',
    ].join('\n'),
  );
  await page.getByTestId('payload').fill('Привет <b>&amp;</b>\nline two');
  await page.getByTestId('ident').fill('-7');
  await run(page, 'result');
  const expected = 'Привет <b>&amp;</b>\nline two — shared ✓ #-7';
  await expect(page.getByTestId('result-value')).toHaveText(expected);

  await page.getByTestId('share').click();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toMatch(/#share=v2\.[A-Za-z0-9_-]+$/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expectOutcome(other, 'result', 60_000);
  await expect(other.getByTestId('result-value')).toHaveText(expected);
  await expect(other.getByTestId('file-tab')).toHaveText(['plugin.py', 'pkg/words.py']);
  await expect(other.getByTestId('payload')).toHaveValue('Привет <b>&amp;</b>\nline two');
  await expect(other.getByTestId('ident')).toHaveValue('-7');
  // Untrusted text stays text.
  await expect(other.locator('[data-testid=result] b')).toHaveCount(0);
  // The address bar no longer holds the link, so a reload keeps later edits.
  expect(new URL(other.url()).hash).toBe('');
  // The fresh context had only the default draft; it is one click away.
  await other.getByTestId('restore-draft').click();
  await expect(other.getByTestId('file-tab')).toHaveText(['plugin.py']);
  await expect(other.getByTestId('payload')).toHaveValue("It can't bite it's own tail. I'm done laughing.");
  await run(other, 'result');
  await expect(other.getByTestId('result-value')).toHaveText(ARTICLE_RESULT);
  await fresh.close();
});

test('a malformed share link shows a clear message and changes nothing', async ({ page }) => {
  await page.goto('/');
  await waitForFirstResult(page);
  await page.getByTestId('payload').fill('my own payload');
  await page.goto('/#share=v1.not*base64');
  await expect(page.getByTestId('share-error')).toContainText('could not be opened');
  await expect(page.getByTestId('payload')).toHaveValue('my own payload');
  await page.goto('/#share=v9.AAAA');
  await page.reload();
  await expect(page.getByTestId('share-error')).toContainText('v9');
  await expect(page.getByTestId('payload')).toHaveValue('my own payload');
  await expect(page.getByTestId('file-tab')).toHaveText(['plugin.py']);
});
