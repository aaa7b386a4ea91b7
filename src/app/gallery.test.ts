// Every example of the gallery, as the page bundles it, run case by case on the real wrapper
// (each case on a fresh instance, as se2 test does): all must pass.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGuest } from '../../cli/guest.ts';
import { checkCase } from '../cases/check.ts';
import { createHost, DEFAULT_IDENT, type StdlibFiles } from '../host/index.ts';
import { EXAMPLES, loadExample } from './gallery.ts';

let module: WebAssembly.Module;
let stdlib: StdlibFiles;
beforeAll(async () => {
  ({ module, stdlib } = await compileGuest());
});

describe('the examples gallery', () => {
  it('has the examples the issue asks for, the article first', () => {
    const ids = EXAMPLES.map((e) => e.id);
    const functions = [
      'add_ffi_var',
      'fetch_url',
      'get_ffi_result',
      'log_msg',
      'request_get_field',
      'request_set_field',
      'resp_set_header',
      'return_error',
      'return_result',
    ];
    expect(new Set(ids)).toEqual(
      new Set([
        ...[
          'article',
          'helper-module',
          'errors',
          'json',
          'sqlite',
          'decimal-money',
          'package',
          'test-table',
          'se2-weather',
          'asyncio',
          'time-zones',
        ],
        // One example per SE2 host function (guest/abi/se2.wit), from examples/se2.
        ...functions.map((f) => `se2-${f}`),
      ]),
    );
    expect(ids[0]).toBe('article');
    expect(EXAMPLES.every((e) => e.title.length > 0 && e.description.length > 0)).toBe(true);
  });

  it('the SE2 example is the weather handler of examples/se2, which the CLI tests run', async () => {
    const weather = await loadExample('se2-weather');
    expect(weather.ok && weather.value.files['plugin.py']).toBe(
      readFileSync(new URL('../../examples/se2/weather/plugin.py', import.meta.url), 'utf8'),
    );
  });

  it("the article example is the article's plugin itself", async () => {
    const article = await loadExample('article');
    expect(article.ok && article.value.files['plugin.py']).toBe(
      readFileSync(new URL('../../guest/plugin/plugin.py', import.meta.url), 'utf8'),
    );
  });

  for (const example of EXAMPLES) {
    it(`${example.id}: every case passes, and its payload gives a result or an error`, async () => {
      const loaded = await loadExample(example.id);
      if (!loaded.ok) throw new Error(loaded.error);
      const { files, cases = [], payload, ident, request, fetch } = loaded.value;
      expect(cases.length).toBeGreaterThan(0);
      for (const c of cases) {
        const context = { ...(c.request && { request: c.request }), ...(c.fetch && { fetch: c.fetch }) };
        const { outcome } = (await createHost({ module, stdlib, files })).run(c.payload, c.ident ?? DEFAULT_IDENT, context);
        const verdict = checkCase(outcome, c.expect);
        expect(verdict, `${example.id}: ${c.name}`).toMatchObject({ passed: true });
      }
      const { outcome } = (await createHost({ module, stdlib, files })).run(payload, ident, {
        ...(request && { request }),
        ...(fetch && { fetch }),
      });
      expect(['result', 'error']).toContain(outcome.kind);
    });
  }
});
