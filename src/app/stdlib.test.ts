// Why no stdlib zip is fetched before the first run (vite.config.ts, stdlibLayout): the article's
// start and run, on the committed wrapper, read none of them. If a rebuilt snapshot starts reading
// one, the first run would fetch it synchronously: this test says so first.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileGuest } from '../../cli/guest.ts';
import { createHost, DEFAULT_IDENT, DEFAULT_PAYLOAD, DEFAULT_RESULT, type StdlibFiles } from '../host/index.ts';
import { prefetchOrder } from './guest.ts';

describe('the stdlib on the first run', () => {
  it("is not read by the article's start and run", async () => {
    const { module, stdlib } = await compileGuest();
    const read: string[] = [];
    const lazy: StdlibFiles = Object.fromEntries(
      Object.entries(stdlib).map(([name, bytes]) => [
        name,
        () => {
          read.push(name);
          return typeof bytes === 'function' ? bytes() : bytes;
        },
      ]),
    );
    const plugin = readFileSync(new URL('../../guest/plugin/plugin.py', import.meta.url), 'utf8');
    const host = await createHost({ module, stdlib: lazy, files: { 'plugin.py': plugin } });
    expect(host.run(DEFAULT_PAYLOAD, DEFAULT_IDENT).outcome).toEqual({ kind: 'result', value: DEFAULT_RESULT });
    expect(read).toEqual([]);
    // Every module the snapshot did not import reads a zip: encodings.cp1252 is in the core zip.
    const cp1252 = await createHost({
      module,
      stdlib: lazy,
      files: {
        'plugin.py':
          'import sdk, encodings.cp1252\ndef run_e(payload, ident):\n    sdk.return_result(bytes.fromhex(payload).decode("cp1252"), ident)\n',
      },
    });
    expect(cp1252.run('80', 1).outcome).toEqual({ kind: 'result', value: '€' });
    expect(read).toEqual(['python311-core.zip']);
  });

  it('prefetches the core zip, then the rest, never the sources', () => {
    expect(prefetchOrder(['python311-core.zip', 'python311-rest.zip', 'python311-source.zip'].reverse())).toEqual([
      'python311-core.zip',
      'python311-rest.zip',
    ]);
  });
});
