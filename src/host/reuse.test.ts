// Which instances serve another run, and what a dying instance is still asked to do. These run
// the committed wrapper module under Node.
import { compileGuest } from '../../cli/guest.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHost, type StdlibFiles } from './index.ts';
import { MAX_REUSED_MEMORY_BYTES } from './runtime.ts';

let module: WebAssembly.Module;
let stdlib: StdlibFiles;

beforeAll(async () => {
  ({ module, stdlib } = await compileGuest());
});

const plugin = (body: string) => ({ 'plugin.py': `import sdk, os\n${body}` });

describe('instance reuse', () => {
  it('an instance whose memory grew past the threshold is not reused, and the run says why', async () => {
    // A module global keeps 300 MiB alive after the run: the memory stays grown.
    const host = await createHost({
      module,
      stdlib,
      files: plugin(
        'hog = []\ndef run_e(p, i):\n    if p == "grow":\n        hog.append(bytearray(300 << 20))\n    sdk.return_result("ok", i)\n',
      ),
    });
    expect(host.run('small', 1).outcome).toEqual({ kind: 'result', value: 'ok' });
    expect(host.reusable).toBe(true);
    const grown = host.run('grow', 2);
    expect(grown.outcome).toEqual({ kind: 'result', value: 'ok' });
    expect(host.alive).toBe(true);
    expect(host.reusable).toBe(false);
    expect(grown.log.some((e) => e.level === 'host' && /memory grew to \d+ MiB: the next run gets a fresh instance/.test(e.text))).toBe(
      true,
    );
    expect(MAX_REUSED_MEMORY_BYTES).toBe(256 << 20);
  });

  it('a dead instance is not asked to deallocate: the crash keeps its own message', async () => {
    const host = await createHost({ module, stdlib, files: plugin('def run_e(p, i):\n    os._exit(4)\n') });
    const report = host.run('x', 3);
    expect(report.outcome).toEqual({ kind: 'crash', message: 'the module exited (proc_exit 4)' });
    const mem = report.log.filter((e) => e.file === 'mem.ts').map((e) => e.text);
    expect(mem.some((t) => t.startsWith('allocate('))).toBe(true);
    expect(mem.some((t) => t.startsWith('deallocate('))).toBe(false);
    expect(host.reusable).toBe(false);
  });
});
