// The plugin author's workbench (issue 13): the playground in and out as a zip, examples, the Tests
// panel, errors in the editor, the theme.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { shareUrl } from '../src/share/codec.ts';
import type { Playground } from '../src/playground/document.ts';
import { expectOutcome, run, typeInEditor, waitForFirstResult } from './helpers.ts';

async function openShared(page: Page, playground: Playground, outcome = 'result'): Promise<void> {
  const url = shareUrl('http://localhost/', playground);
  if (!url.ok) throw new Error(url.error);
  await page.goto(`/${url.value.slice(url.value.indexOf('#'))}`);
  await expectOutcome(page, outcome, 60_000);
}

const DATA = new Uint8Array([0, 1, 2, 250, 255]);
const ZIPPED: Playground = {
  files: {
    'plugin.py':
      'import sdk\nfrom pkg.words import tag\n\ndef run_e(payload, ident):\n    data = open("/plugin/data.bin", "rb").read()\n    sdk.return_result(tag(payload) + " " + data.hex(), ident)\n',
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
  expect(Object.keys(entries).sort()).toEqual([
    'cases.json',
    'playground.json',
    'plugin/data.bin',
    'plugin/pkg/__init__.py',
    'plugin/pkg/words.py',
    'plugin/plugin.py',
  ]);
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

test('dropping plugin files adds them; dropping a broken zip changes nothing and says why', async ({ page }) => {
  await page.goto('/');
  await waitForFirstResult(page);
  const text = (s: string) => [...new TextEncoder().encode(s)];
  await drop(page, [{ name: 'broken.zip', bytes: text('not a zip') }]);
  await expect(page.getByTestId('share-error')).toHaveText(
    /broken\.zip could not be opened: it is not a zip file \(or a damaged one\)\. Nothing was changed\./,
  );
  await expect(page.getByTestId('file-tab')).toHaveText(['plugin.py']);

  await drop(page, [
    { name: 'plugin.py', bytes: text('import sdk, helper\ndef run_e(p, i):\n    sdk.return_result(helper.f(p), i)\n') },
    { name: 'helper.py', bytes: text('def f(p):\n    return "dropped:" + p\n') },
  ]);
  await expect(page.getByTestId('add-files-report')).toContainText('helper.py');
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

// Counts its runs in a module global: a case sees run=1 only on a fresh instance.
const COUNTER = `import sdk
runs = 0
def run_e(payload, ident):
    global runs
    runs += 1
    if payload == "boom":
        raise ValueError("bad payload")
    sdk.return_result(f"{payload.upper()} run={runs}", ident)
`;

test('the Tests panel: add, run all, see a failure, edit, run one, duplicate, delete, export, import, keep', async ({ page, context }) => {
  await openShared(page, { files: { 'plugin.py': COUNTER }, payload: 'abc', ident: 12345 });
  await run(page, 'result');
  await expect(page.getByTestId('result-value')).toHaveText('ABC run=2');
  await page.getByTestId('side-tab-tests').click();
  await expect(page.getByTestId('tests')).toContainText('No test cases yet');

  // A new case starts from the payload and the last result.
  await page.getByTestId('tests-add').click();
  await expect(page.getByTestId('case-payload')).toHaveValue('abc');
  await expect(page.getByTestId('case-value')).toHaveValue('ABC run=2');
  await page.getByTestId('case-name').fill('shouts, fresh');
  await page.getByTestId('case-value').fill('ABC run=1');
  await page.getByTestId('case-save').click();

  await page.getByTestId('tests-add').click();
  await page.getByTestId('case-name').fill('<b>contains</b>');
  await page.getByTestId('case-payload').fill('xyz');
  await page.getByTestId('case-kind').selectOption('result_contains');
  await page.getByTestId('case-value').fill('nope');
  await page.getByTestId('case-save').click();

  await page.getByTestId('tests-add').click();
  await page.getByTestId('case-name').fill('raises');
  await page.getByTestId('case-payload').fill('boom');
  await page.getByTestId('case-ident').fill('abc');
  await page.getByTestId('case-kind').selectOption('error');
  await page.getByTestId('case-error-code').fill('1');
  await page.getByTestId('case-error-message').fill('ValueError');
  await page.getByTestId('case-save').click();
  await expect(page.getByTestId('case-form-error')).toHaveText(/^id: /);
  await page.getByTestId('case-ident').fill('-4');
  await page.getByTestId('case-save').click();
  await expect(page.getByTestId('case-title')).toHaveText(['shouts, fresh', '<b>contains</b>', 'raises']);
  await expect(page.getByTestId('side-tab-tests')).toHaveText('Tests (3)');

  await page.getByTestId('tests-run-all').click();
  await expect(page.getByTestId('tests-summary')).toHaveText('2 passed, 1 failed');
  const rows = page.getByTestId('case-row');
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'passed');
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'failed');
  await expect(rows.nth(2)).toHaveAttribute('data-status', 'passed');
  await expect(rows.nth(1).getByTestId('case-expected')).toHaveText('a result containing "nope"');
  await expect(rows.nth(1).getByTestId('case-got')).toHaveText('result "XYZ run=1"');
  // Names are text, never markup.
  await expect(rows.nth(1).locator('b')).toHaveCount(0);

  // An edited case has not run as it is; running it alone gives the new verdict.
  await rows.nth(1).getByTestId('case-edit').click();
  await page.getByTestId('case-value').fill('XYZ');
  await page.getByTestId('case-save').click();
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'not-run');
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'passed');
  await rows.nth(1).getByTestId('case-run').click();
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'passed');
  await expect(page.getByTestId('tests-summary')).toHaveText('3 passed, 0 failed');

  // A case expecting a result gets the error and the traceback instead.
  await rows.nth(2).getByTestId('case-duplicate').click();
  await expect(page.getByTestId('case-title')).toHaveText(['shouts, fresh', '<b>contains</b>', 'raises', 'raises (copy)']);
  await rows.nth(3).getByTestId('case-edit').click();
  await page.getByTestId('case-kind').selectOption('result');
  await page.getByTestId('case-value').fill('BOOM');
  await page.getByTestId('case-save').click();
  await rows.nth(3).getByTestId('case-run').click();
  await expect(rows.nth(3)).toHaveAttribute('data-status', 'failed');
  await expect(rows.nth(3).getByTestId('case-got')).toHaveText('error 1: "ValueError: bad payload"');
  await expect(rows.nth(3).getByTestId('case-trace')).toContainText('File "/plugin/plugin.py", line 7, in run_e');
  await rows.nth(3).getByTestId('case-delete').click();
  await expect(rows).toHaveCount(3);

  // Export writes the se2 test cases file.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('tests-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('cases.json');
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(exported).toEqual({
    cases: [
      { name: 'shouts, fresh', payload: 'abc', expect: { result: 'ABC run=1' } },
      { name: '<b>contains</b>', payload: 'xyz', expect: { result_contains: 'XYZ' } },
      { name: 'raises', payload: 'boom', ident: -4, expect: { error: { code: 1, message_contains: 'ValueError' } } },
    ],
  });

  // The cases are saved with the draft and travel in share links.
  await page.reload();
  await page.getByTestId('side-tab-tests').click();
  await expect(page.getByTestId('case-title')).toHaveText(['shouts, fresh', '<b>contains</b>', 'raises']);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('share').click();
  const url = await page.getByTestId('share-url').inputValue();
  const other = await context.newPage();
  await other.goto(url.replace(/^[^#]*/, '/'));
  await other.getByTestId('side-tab-tests').click();
  await expect(other.getByTestId('case-title')).toHaveText(['shouts, fresh', '<b>contains</b>', 'raises']);
  await other.getByTestId('tests-run-all').click();
  await expect(other.getByTestId('tests-summary')).toHaveText('3 passed, 0 failed');
  await other.close();

  // Import: a bad file says where it is wrong and changes nothing; a good one replaces the cases.
  await page.getByTestId('tests-import').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"cases": [{"name": "x", "payload": "", "expect": {"error": {"code": "one"}}}]}'),
  });
  await expect(page.getByTestId('tests-error')).toHaveText(/^bad\.json: "cases\.0\.expect\.error\.code" /);
  await expect(rows).toHaveCount(3);
  await page.getByTestId('tests-import').setInputFiles({
    name: 'good.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ cases: [{ name: 'imported', payload: 'q', expect: { no_result: true } }] })),
  });
  await expect(page.getByTestId('case-title')).toHaveText(['imported']);
  await expect(page.getByTestId('tests-error')).toHaveCount(0);
  await page.getByTestId('tests-run-all').click();
  await expect(page.getByTestId('tests-summary')).toHaveText('0 passed, 1 failed');
  await expect(rows.nth(0).getByTestId('case-got')).toHaveText('result "Q run=1"');
  // An edit of the plugin leaves the verdicts standing, marked as from before it.
  await typeInEditor(page, COUNTER.replace('upper()', 'lower()'));
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'stale');
  await expect(page.getByTestId('tests-summary')).toHaveCount(0);
  await rows.nth(0).getByTestId('case-run').click();
  await expect(rows.nth(0).getByTestId('case-got')).toHaveText('result "q run=1"');
});

/** The line number beside the first `selector` in the editor (-1: none), read in one step: Monaco re-renders lines. */
const lineOf = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector(`[data-testid=editor] ${sel}`);
    if (el === null) return -1;
    const r = el.getBoundingClientRect();
    const y = r.top + r.height / 2;
    for (const n of document.querySelectorAll('[data-testid=editor] .line-numbers')) {
      const b = n.getBoundingClientRect();
      if (y >= b.top && y < b.bottom) return Number(n.textContent);
    }
    return -1;
  }, selector);
const squiggleLine = (page: Page) => expect.poll(() => lineOf(page, '.squiggly-error'));
const cursorLine = (page: Page) => expect.poll(() => lineOf(page, '.cursor'));

test('a syntax error in plugin.py is marked at its line, and the next good run clears it', async ({ page }) => {
  await openShared(
    page,
    { files: { 'plugin.py': 'import sdk\ndef run_e(p, i):\n    x = (1,\n    sdk.return_result(p, i)\n' }, payload: 'x', ident: 1 },
    'error',
  );
  await expect(page.getByTestId('editor-problem')).toHaveAttribute('data-path', 'plugin.py');
  await expect(page.getByTestId('editor-problem')).toHaveAttribute('data-line', '3');
  await expect(page.getByTestId('editor-problem')).toContainText("SyntaxError: '(' was never closed");
  await expect(page.locator('[data-testid=editor] .monaco-editor')).toBeVisible({ timeout: 30_000 });
  await squiggleLine(page).toBe(3);
  // Hovering the marker shows the exception. Monaco shows a hover only for a mouse move it sees
  // after its layout settles, so the move is made again until the hover shows.
  await expect(async () => {
    await page.mouse.move(0, 0);
    await page.locator('[data-testid=editor] .squiggly-error').first().hover({ force: true });
    await expect(page.locator('.monaco-hover').filter({ hasText: "SyntaxError: '(' was never closed" }).first()).toBeVisible({
      timeout: 2000,
    });
  }).toPass({ timeout: 20_000 });

  await typeInEditor(page, 'import sdk\ndef run_e(p, i):\n    sdk.return_result(p, i)\n');
  await run(page, 'result');
  await expect(page.getByTestId('editor-problem')).toHaveCount(0);
  await expect(page.locator('[data-testid=editor] .squiggly-error')).toHaveCount(0);
});

test('a traceback through a helper module: marked in the helper, and its log line opens the file at that line', async ({ page }) => {
  await openShared(
    page,
    {
      files: {
        'plugin.py': 'import sdk\nimport helper\n\ndef run_e(p, i):\n    sdk.return_result(helper.f(p), i)\n',
        'helper.py': 'def g(p):\n    return 1 / 0\n\n\ndef f(p):\n    return g(p)\n',
      },
      payload: 'x',
      ident: 1,
    },
    'error',
  );
  await expect(page.getByTestId('editor-problem')).toHaveText('helper.py, line 2: ZeroDivisionError: division by zero');
  await expect(page.locator('[data-testid=editor] .monaco-editor')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('file-tab').first()).toHaveAttribute('aria-selected', 'true');
  // The log's frames link to their lines: the middle one, helper.py line 6.
  const frames = page.getByTestId('log-frame');
  await expect(frames).toHaveText([/plugin\.py", line 5/, /helper\.py", line 6/, /helper\.py", line 2/]);
  await frames.nth(1).click();
  await expect(page.getByTestId('file-tab').nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-testid=editor] .view-lines')).toContainText('return g(p)');
  await cursorLine(page).toBe(6);
  // The marker is at the innermost frame in the plugin's files.
  await squiggleLine(page).toBe(2);
  await page.getByTestId('file-tab').first().click();
  await expect(page.locator('[data-testid=editor] .squiggly-error')).toHaveCount(0);
  await page.getByTestId('editor-problem').click();
  await expect(page.getByTestId('file-tab').nth(1)).toHaveAttribute('aria-selected', 'true');
  await cursorLine(page).toBe(2);
});

test('theme: system, light or dark, chosen in the header, remembered, and Monaco follows', async ({ page }) => {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const monaco = page.locator('[data-testid=editor] .monaco-editor');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await waitForFirstResult(page);
  await expect(page.getByTestId('theme')).toHaveValue('system');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(monaco).toHaveClass(/\bvs\b/, { timeout: 30_000 });

  // The system's scheme changes: the page and the editor follow.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe('rgb(13, 17, 23)');
  await expect(monaco).toHaveClass(/\bvs-dark\b/);

  // A choice overrides the system, and survives a reload.
  await page.getByTestId('theme').selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await background()).toBe('rgb(255, 255, 255)');
  await expect(monaco).toHaveClass(/\bvs\b/);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByTestId('theme').selectOption('dark');
  await expect(monaco).toHaveClass(/\bvs-dark\b/);
  await page.reload();
  await expect(page.getByTestId('theme')).toHaveValue('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe('rgb(13, 17, 23)');
  await expect(monaco).toHaveClass(/\bvs-dark\b/, { timeout: 30_000 });

  // Back to the system's: forgotten, and light again here.
  await page.getByTestId('theme').selectOption('system');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.getByTestId('theme')).toHaveValue('system');
  expect(await page.evaluate(() => localStorage.getItem('pywasm-playground-theme'))).toBeNull();
});

test('a case that never ends fails on the time limit, and the page runs on', async ({ page }) => {
  const spin = `import sdk\ndef run_e(payload, ident):\n    while payload == "spin":\n        pass\n    sdk.return_result("done " + payload, ident)\n`;
  await openShared(page, {
    files: { 'plugin.py': spin },
    payload: 'x',
    ident: 1,
    cases: [
      { name: 'quick', payload: 'y', expect: { result: 'done y' } },
      { name: 'spins', payload: 'spin', expect: { result: 'done spin' } },
    ],
  });
  await page.getByTestId('time-limit').fill('1');
  await page.getByTestId('side-tab-tests').click();
  await page.getByTestId('tests-run-all').click();
  await expect(page.getByTestId('tests-summary')).toHaveText('1 passed, 1 failed', { timeout: 30_000 });
  await expect(page.getByTestId('case-row').nth(1).getByTestId('case-got')).toHaveText('timed out after 1 s');
  // The Worker was replaced: the next run gets a fresh one (with time to start on a busy machine).
  await page.getByTestId('time-limit').fill('10');
  await page.getByTestId('side-tab-result').click();
  await run(page, 'result');
  await expect(page.getByTestId('result-value')).toHaveText('done x');
});

test('Open folder… loads a plugin folder from disk, binary files included', async ({ page }) => {
  const root = mkdtempSync(join(tmpdir(), 'wb-folder-'));
  const folder = join(root, 'my-plugin');
  mkdirSync(join(folder, 'pkg'), { recursive: true });
  writeFileSync(
    join(folder, 'plugin.py'),
    'import sdk\nfrom pkg import VALUE\ndef run_e(p, i):\n    sdk.return_result(VALUE + open("/plugin/blob.bin", "rb").read().hex(), i)\n',
  );
  writeFileSync(join(folder, 'pkg', '__init__.py'), 'VALUE = "folder:"\n');
  writeFileSync(join(folder, 'blob.bin'), Buffer.from([0, 255]));
  await page.goto('/');
  await waitForFirstResult(page);
  await page.getByTestId('open-folder-input').setInputFiles(folder);
  await expect(page.getByTestId('share-applied')).toContainText('Opened my-plugin.');
  await expect(page.getByTestId('file-tab')).toHaveText(['plugin.py', 'blob.bin', 'pkg/__init__.py']);
  await run(page, 'result');
  await expect(page.getByTestId('result-value')).toHaveText('folder:00ff');
});

test("the test-table example's cases all pass in the page", async ({ page }) => {
  await page.goto('/');
  await waitForFirstResult(page);
  await page.getByTestId('examples').locator('summary').click();
  await page.getByTestId('example-test-table').click();
  await expectOutcome(page, 'result');
  await expect(page.getByTestId('result-value')).toHaveText('MCMXCIV');
  await page.getByTestId('side-tab-tests').click();
  await expect(page.getByTestId('side-tab-tests')).toHaveText('Tests (9)');
  await page.getByTestId('tests-run-all').click();
  await expect(page.getByTestId('tests-summary')).toHaveText('9 passed, 0 failed', { timeout: 60_000 });
});
