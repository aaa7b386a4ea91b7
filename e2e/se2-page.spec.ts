// The SE2 parts of the page (issue 12, point 5): the Request panel, the Fetch mocks table, the
// response headers and state in the result, and `sdk` completions in the editor.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readShareFragment, shareUrl, type Playground } from '../src/share/codec.ts';
import { expectOutcome, run, waitForFirstResult } from './helpers.ts';

const REQUEST = {
  method: 'POST',
  url: 'https://shop.example.com/orders?debug=1',
  headers: { 'X-Token': 'abc <b>1</b>' },
  params: { user: 'ann' },
  body: '{"item": "tea", "count": 2}',
  state: { visits: '3' },
};
const MOCK_URL = 'https://api.example.com/prices/tea';
const MOCK = { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"price": 4}' };

/** Fills one key/value row set (headers, params, state) with `pairs`, adding rows as needed. */
async function fillRows(rows: Locator, pairs: Record<string, string>) {
  for (const [key, value] of Object.entries(pairs)) {
    await rows.getByTestId('kv-add').click();
    await rows.getByTestId('kv-key').last().fill(key);
    await rows.getByTestId('kv-value').last().fill(value);
  }
}

async function fillRequest(page: Page) {
  await page.getByTestId('side-tab-request').click();
  await page.getByTestId('request-enabled').check();
  await page.getByTestId('request-method').selectOption(REQUEST.method);
  await page.getByTestId('request-url').fill(REQUEST.url);
  await fillRows(page.getByTestId('request-headers'), REQUEST.headers);
  await fillRows(page.getByTestId('request-params'), REQUEST.params);
  await page.getByTestId('request-body').fill(REQUEST.body);
  await fillRows(page.getByTestId('request-state'), REQUEST.state);
}

async function fillMock(page: Page) {
  await page.getByTestId('side-tab-fetch').click();
  // A row that is added, edited and deleted again leaves nothing behind.
  await page.getByTestId('mock-add').click();
  await page.getByTestId('mock-url').last().fill('https://gone.example.com/');
  await page.getByTestId('mock-delete').last().click();
  await page.getByTestId('mock-add').click();
  const row = page.getByTestId('mock-row').last();
  await row.getByTestId('mock-method').selectOption('GET');
  await row.getByTestId('mock-url').fill(MOCK_URL);
  await row.getByTestId('mock-status').fill('abc');
  await expect(row.getByTestId('mock-problem')).toContainText('the status is a number from 100 to 599');
  await row.getByTestId('mock-status').fill(String(MOCK.status));
  await expect(row.getByTestId('mock-problem')).toHaveCount(0);
  await row.getByTestId('mock-body').fill(MOCK.body);
}

/** The values of all inputs `inputs` finds. */
const valuesOf = (inputs: Locator) => inputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

/** What the panels show, read back from the page. */
async function expectPanels(page: Page) {
  await page.getByTestId('side-tab-request').click();
  await expect(page.getByTestId('request-enabled')).toBeChecked();
  await expect(page.getByTestId('request-method')).toHaveValue(REQUEST.method);
  await expect(page.getByTestId('request-url')).toHaveValue(REQUEST.url);
  await expect.poll(() => valuesOf(page.getByTestId('request-headers').getByTestId('kv-key'))).toEqual(['X-Token']);
  await expect.poll(() => valuesOf(page.getByTestId('request-headers').getByTestId('kv-value'))).toEqual([REQUEST.headers['X-Token']]);
  await expect.poll(() => valuesOf(page.getByTestId('request-params').getByTestId('kv-value'))).toEqual(['ann']);
  await expect(page.getByTestId('request-body')).toHaveValue(REQUEST.body);
  await expect.poll(() => valuesOf(page.getByTestId('request-state').getByTestId('kv-key'))).toEqual(['visits']);
  await page.getByTestId('side-tab-fetch').click();
  await expect(page.getByTestId('mock-row')).toHaveCount(1);
  await expect(page.getByTestId('mock-url')).toHaveValue(MOCK_URL);
  await expect(page.getByTestId('mock-status')).toHaveValue('200');
  await expect(page.getByTestId('mock-body')).toHaveValue(MOCK.body);
  await expect.poll(() => valuesOf(page.getByTestId('mock-headers').getByTestId('kv-value'))).toEqual(['application/json']);
}

test('the request and fetch mocks go with a run, survive a reload and travel in a share link', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await waitForFirstResult(page);
  await fillRequest(page);
  await fillMock(page);
  await expect(page.getByTestId('side-tab-request')).toContainText('on');
  await expect(page.getByTestId('side-tab-fetch')).toContainText('1');
  // The run message carries them; the Worker checks it and the article's plugin still runs.
  await run(page, 'result');
  await expect(page.getByTestId('result-value')).toHaveText("tI can't etib it's nwo tail. I'm enod laughing.");
  // A run brings the result tab forward.
  await expect(page.getByTestId('side-tab-result')).toHaveAttribute('aria-selected', 'true');

  await page.reload();
  await waitForFirstResult(page);
  await expectPanels(page);

  await page.getByTestId('share').click();
  const url = await page.getByTestId('share-url').inputValue();
  const shared = readShareFragment(new URL(url).hash);
  expect(shared.kind === 'share' && shared.result.ok && shared.result.value).toMatchObject({
    request: REQUEST,
    fetch: { [`GET ${MOCK_URL}`]: MOCK },
  });
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expectOutcome(other, 'result', 60_000);
  await expectPanels(other);
  // Untrusted header text stays text.
  await expect(other.locator('[data-testid=request-panel] b')).toHaveCount(0);
  await fresh.close();
});

test('turning the request off leaves it out of the run and the link; a mock row can be deleted', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await waitForFirstResult(page);
  await fillRequest(page);
  await page.getByTestId('request-enabled').uncheck();
  // Off, the fields keep what was typed (greyed), so turning it on again brings it back.
  await expect(page.getByTestId('request-url')).toBeDisabled();
  await expect(page.getByTestId('request-url')).toHaveValue(REQUEST.url);
  await expect(page.getByTestId('side-tab-request')).toContainText('off');
  await fillMock(page);
  await page.getByTestId('mock-delete').click();
  await expect(page.getByTestId('mock-row')).toHaveCount(0);
  await page.getByTestId('share').click();
  const url = await page.getByTestId('share-url').inputValue();
  const shared = readShareFragment(new URL(url).hash);
  if (shared.kind !== 'share' || !shared.result.ok) throw new Error('no link');
  expect(shared.result.value.request).toBeUndefined();
  expect(shared.result.value.fetch).toBeUndefined();
  await page.getByTestId('side-tab-request').click();
  await page.getByTestId('request-enabled').check();
  await expect(page.getByTestId('request-url')).toBeEnabled();
  await expect(page.getByTestId('request-url')).toHaveValue(REQUEST.url);
});

test('sdk completions come from the stub', async ({ page }) => {
  await page.goto('/');
  await waitForFirstResult(page);
  const lines = page.locator('[data-testid=editor] .monaco-editor .view-lines');
  await lines.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Home');
  // The real stub has more members than the widget shows at once: narrow it to the one checked.
  await page.keyboard.insertText('sdk.retur');
  await page.keyboard.press('Control+Space');
  const suggest = page.locator('.monaco-editor .suggest-widget');
  await expect(suggest).toBeVisible();
  await expect(suggest.locator('.monaco-list-row').filter({ hasText: 'return_result' })).toHaveCount(1);
  await page.keyboard.insertText('n_re');
  await expect(suggest.locator('.monaco-list-row').first()).toContainText('return_result');
  await page.keyboard.press('Enter');
  await expect(lines).toContainText('sdk.return_result');
  await page.keyboard.press('Escape');
  // Hover docs: the signature the stub declares.
  // Monaco may draw `sdk.return_result` as one span: hover near its end, over `return_result`.
  const token = lines.locator('span span', { hasText: /return_result$/ }).last();
  const box = (await token.boundingBox())!;
  await token.hover({ position: { x: box.width - 6, y: box.height / 2 } });
  await expect(page.locator('.monaco-hover').filter({ hasText: 'def return_result(' })).toBeVisible();
});

// --- the nine SE2 host functions through the page -------------------------------------------
// A plugin that uses the SE2 host functions through the real wrapper and host.

/** A plugin that reads every part of the request, calls the mocked API and answers with headers and state. */
const SE2_PLUGIN = `import sdk

META, BODY, HEADER, PARAMS, STATE = 0, 1, 2, 3, 4

def run_e(payload, ident):
    method = sdk.request_get_field(META, "method", ident).decode()
    url = sdk.request_get_field(META, "url", ident).decode()
    token = sdk.request_get_field(HEADER, "x-token", ident).decode()
    user = sdk.request_get_field(PARAMS, "user", ident).decode()
    visits = sdk.request_get_field(STATE, "visits", ident).decode()
    body = sdk.request_get_field(META, "body", ident).decode()
    price = sdk.fetch_url(sdk.HttpMethod.GET, "${MOCK_URL}", b"", ident).decode()
    sdk.resp_set_header("X-Answer", "42", ident)
    sdk.request_set_field(STATE, "visits", str(int(visits) + 1), ident)
    sdk.return_result(f"{method} {url} {token} {user} {visits} {body} {price}", ident)
`;

async function openSe2(page: Page, playground: Playground) {
  const url = shareUrl('http://localhost/', playground);
  if (!url.ok) throw new Error(url.error);
  await page.goto(`/${url.value.slice(url.value.indexOf('#'))}`);
  await expectOutcome(page, /^(result|error)$/, 60_000);
}

test('a plugin reads the Request panel and a fetch mock; the result shows its response headers and state', async ({ page }) => {
  await openSe2(page, { files: { 'plugin.py': SE2_PLUGIN }, payload: '', ident: 1 });
  await fillRequest(page);
  await fillMock(page);
  await run(page, 'result');
  await expect(page.getByTestId('result-value')).toHaveText(
    `POST ${REQUEST.url} ${REQUEST.headers['X-Token']} ann 3 ${REQUEST.body} ${MOCK.body}`,
  );
  await expect(page.getByTestId('response-headers').getByTestId('pair')).toHaveText(['X-Answer42']);
  await expect(page.getByTestId('response-state').getByTestId('pair').filter({ hasText: 'visits' })).toHaveText('visits4');
});

test('an unmocked URL is an error the plugin sees; with the request off every field reads empty', async ({ page }) => {
  await openSe2(page, { files: { 'plugin.py': SE2_PLUGIN }, payload: '', ident: 1 });
  await run(page, 'error');
  // The first field read works (empty), the fetch of an unmocked URL raises sdk.HostError.
  await expect(page.getByTestId('result-value')).toContainText('HostError');
  await expect(page.getByTestId('result-value')).toContainText(MOCK_URL);
});
