// The plugin author's workbench (issue 13): the playground in and out as a zip, examples, the Tests
// panel, errors in the editor, the theme.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { shareUrl } from '../src/share/codec.ts';
import type { Playground } from '../src/playground/document.ts';
import { expectOutcome, run, waitForFirstResult } from './helpers.ts';

async function openShared(page: Page, playground: Playground, outcome = 'result'): Promise<void> {
  const url = shareUrl('http://localhost/', playground);
  if (!url.ok) throw new Error(url.error);
  await page.goto(`/${url.value.slice(url.value.indexOf('#'))}`);
  await expectOutcome(page, outcome, 60_000);
}

const DATA = new Uint8Array([0, 1, 2, 250, 255]);
const ZIPPED: Playground = {
  files: {
    'plugin.py': 'import sdk\nfrom pkg.words import tag\n\ndef run_e(payload, ident):\n    data = open("/plugin/data.bin", "rb").read()\n    sdk.return_result(tag(payload) + " " + data.hex(), ident)\n',
    'pkg/__init__.py': '',
    'pkg/words.py': 'def tag(s):\n    return f"<{s}>"\n',
    'data.bin': DATA,
  },
  payload: 'zip me',
  ident: 9,
  cases: [{ name: 'tags', payload: 'a', expect: { result: '<a> 000102faff' } }],
};

test('download → open: the zip holds the playground, and opening it restores it with the draft one click away', async ({ page }) => {
  await openShared(page, ZIPPED);
  await expect(page.getByTestId('result-value')).toHaveText('<zip me> 000102faff');

  const downloading = page.waitForEvent('download');
  await page.getByTestId('download').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('playground.zip');
  const path = await download.path();
  const entries = unzipSync(new Uint8Array(readFileSync(path)));
  expect(Object.keys(entries).sort()).toEqual(['cases.json', 'playground.json', 'plugin/data.bin', 'plugin/pkg/__init__.py', 'plugin/pkg/words.py', 'plugin/plugin.py']);
  expect(entries['plugin/data.bin']).toEqual(DATA);
  expect(JSON.parse(strFromU8(entries['playground.json']!))).toEqual({ version: 2, payload: 'zip me', ident: 9 });
  expect(JSON.parse(strFromU8(entries['cases.json']!))).toEqual({ cases: ZIPPED.cases });

  // Another playground takes its place; opening the zip brings it back.
  await page.goto('/');
  await page.getByTestId('restore-draft').click();
  await page.getByTestId('payload').fill('changed meanwhile');
  await page.getByTestId('open-input').setInputFiles(path);
  await expect(page.getByTestId('share-applied')).toContainText(/Opened .+\./);
  await expect(page.getByTestId('payload')).toHaveValue('zip me');
  await expect(page.getByTestId('ident')).toHaveValue('9');
  await expect(page.getByTestId('file-tab')).toHaveText(['plugin.py', 'data.bin', 'pkg/__init__.py', 'pkg/words.py']);
  await run(page, 'result');
  await expect(page.getByTestId('result-value')).toHaveText('<zip me> 000102faff');
  await page.getByTestId('restore-draft').click();
  await expect(page.getByTestId('payload')).toHaveValue('changed meanwhile');
});

/** Drops files on the page as a person dragging them from a file manager would. */
async function drop(page: Page, files: { name: string; bytes: number[] }[]): Promise<void> {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
  }, files);
}

test('dropping plugin files opens them; dropping a broken zip changes nothing and says why', async ({ page }) => {
  await page.goto('/');
  await waitForFirstResult(page);
  const text = (s: string) => [...new TextEncoder().encode(s)];
  await drop(page, [{ name: 'broken.zip', bytes: text('not a zip') }]);
  await expect(page.getByTestId('share-error')).toHaveText(/broken\.zip could not be opened: it is not a zip file \(or a damaged one\)\. Nothing was changed\./);
  await expect(page.getByTestId('file-tab')).toHaveText(['plugin.py']);

  await drop(page, [
    { name: 'plugin.py', bytes: text('import sdk, helper\ndef run_e(p, i):\n    sdk.return_result(helper.f(p), i)\n') },
    { name: 'helper.py', bytes: text('def f(p):\n    return "dropped:" + p\n') },
  ]);
  await expect(page.getByTestId('share-applied')).toContainText('Opened 2 dropped files.');
  await expect(page.getByTestId('file-tab')).toHaveText(['plugin.py', 'helper.py']);
  await page.getByTestId('payload').fill('x');
  await run(page, 'result');
  await expect(page.getByTestId('result-value')).toHaveText('dropped:x');
});

test('an example opens from the Examples menu, runs, and the draft stays one click away', async ({ page }) => {
  await page.goto('/');
  await waitForFirstResult(page);
  await page.getByTestId('payload').fill('my own payload');
  await page.getByTestId('examples').locator('summary').click();
  await expect(page.getByTestId('example-article')).toBeVisible();
  await page.getByTestId('example-package').click();
  await expect(page.getByTestId('share-applied')).toContainText('Opened the example “A package with __init__”.');
  await expect(page.getByTestId('example-package')).toBeHidden();
  await expect(page.getByTestId('file-tab')).toHaveText(['plugin.py', 'textkit/__init__.py', 'textkit/slug.py', 'textkit/stats.py']);
  await expect(page.getByTestId('payload')).toHaveValue('Crème Brûlée: a Recipe!');
  await expectOutcome(page, 'result');
  await expect(page.getByTestId('result-value')).toHaveText('creme-brulee-a-recipe (4 words, 23 characters)');
  await page.getByTestId('restore-draft').click();
  await expect(page.getByTestId('payload')).toHaveValue('my own payload');
  await expect(page.getByTestId('file-tab')).toHaveText(['plugin.py']);
});
