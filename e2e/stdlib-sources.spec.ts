// The standard library's source lines in the page: python311-source.zip is not part of start-up
// and is not prefetched; the Worker fetches it when a traceback first goes through the standard
// library, and the traceback then shows the line as native Python does.
import { expect, test } from '@playwright/test';
import { openPlayground, runWith } from './helpers.ts';

const plugin = [
  'import sdk, json, traceback',
  '',
  'def run_e(payload, ident):',
  '    if payload == "trace":',
  '        try:',
  '            json.loads("nope")',
  '        except ValueError:',
  '            sdk.return_result(traceback.format_exc(), ident)',
  '            return',
  '    sdk.return_result("echo " + payload, ident)',
  '',
].join('\n');

test('the source zip is fetched only when a traceback needs a standard-library line', async ({ page }) => {
  // Requests of the page and of its Worker (the Worker's synchronous request included).
  const zips: string[] = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop() ?? '';
    if (name.endsWith('.zip')) zips.push(name);
  });
  await openPlayground(page, plugin);
  await expect(page.getByTestId('result-value')).toHaveText('echo ok');
  // The rest zip is prefetched after the first result; the sources are not.
  await expect.poll(() => zips.includes('python311-rest.zip')).toBe(true);
  expect(zips).not.toContain('python311-source.zip');

  await runWith(page, 'trace', 'result');
  const traceback = (await page.getByTestId('result-value').textContent()) ?? '';
  expect(traceback).toContain('File "/lib/python311-core.zip/json/decoder.py", line 355, in raw_decode');
  expect(traceback).toContain('raise JSONDecodeError("Expecting value", s, err.value) from None');
  expect(zips.filter((name) => name === 'python311-source.zip')).toHaveLength(1);
});
