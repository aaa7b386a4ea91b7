// `se2 --trace` as a person runs it: a real process, the real wrapper module.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAYLOAD, DEFAULT_RESULT } from '../src/host/index.ts';

const script = fileURLToPath(new URL('./se2.ts', import.meta.url));

function se2(args: string[]): Promise<{ status: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } },
      (error, stdout) => {
        resolve({ status: error ? Number(error.code) : 0, stdout });
      },
    );
  });
}

describe('se2 --trace', () => {
  it('prints the same output, then one numbered line per crossing of the article run', async () => {
    const [plain, traced] = await Promise.all([se2([]), se2(['--trace'])]);
    expect(plain.status).toBe(0);
    expect(traced.status).toBe(0);
    // Without --trace the output is what it always was; with it, the trace only follows it.
    expect(traced.stdout.startsWith(plain.stdout)).toBe(true);
    const section = traced.stdout
      .slice(plain.stdout.length)
      .split('\n')
      .filter((l) => l !== '');
    expect(section[0]).toBe('trace (14 crossings):');
    const lines = section.slice(1);
    const shape = lines.map((l) => l.replace(/^\s*(\d+)\s+\+\d+\.\d{3} ms\s+(\S+ [→←] \S+)\s+(call|return)\s+([\w.]+).*$/, '$1 $2 $3 $4'));
    expect(shape).toEqual([
      '1 host → wasm call _start',
      '2 host ← wasm return _start',
      '3 host → wasm call allocate',
      '4 host ← wasm return allocate',
      '5 host → wasm call run_e',
      '6 C → Python call plugin.run_e',
      '7 Python → sdk call sdk.return_result',
      '8 wasm → host call return_result',
      '9 wasm ← host return return_result',
      '10 Python ← sdk return sdk.return_result',
      '11 C ← Python return plugin.run_e',
      '12 host ← wasm return run_e',
      '13 host → wasm call deallocate',
      '14 host ← wasm return deallocate',
    ]);
    // The bytes at the pointers, previewed: the payload at run_e, the result at return_result.
    expect(lines[4]).toMatch(/run_e\(payload=0x[0-9a-f]+\[47\] "It can't bite it's own tail\. I'm done la"…, ident=12345\)/);
    expect(lines[7]).toMatch(/return_result\(result=0x[0-9a-f]+\[47\] "tI can't etib/);
  });

  it('--json holds "trace" only with --trace, with the bytes as base64', async () => {
    const [plain, traced] = await Promise.all([se2(['--json']), se2(['--json', '--trace'])]);
    expect(JSON.parse(plain.stdout)).not.toHaveProperty('trace');
    const out = JSON.parse(traced.stdout) as {
      result: string;
      trace: { seq: number; name: string; direction: string; phase: string; values: { name: string; base64?: string; len?: number }[] }[];
    };
    expect(out.result).toBe(DEFAULT_RESULT);
    expect(out.trace.map((e) => e.seq)).toEqual(out.trace.map((_, i) => i + 1));
    const runE = out.trace.find((e) => e.name === 'run_e' && e.phase === 'call')!;
    const payload = runE.values.find((v) => v.name === 'payload')!;
    expect(Buffer.from(payload.base64!, 'base64').toString('utf8')).toBe(DEFAULT_PAYLOAD);
    const result = out.trace.find((e) => e.name === 'return_result' && e.phase === 'call')!.values.find((v) => v.name === 'result')!;
    expect(Buffer.from(result.base64!, 'base64').toString('utf8')).toBe(DEFAULT_RESULT);
  });
});
