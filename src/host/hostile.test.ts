// Plugins that misbehave: each ends in a defined outcome, and the next run works.
import { compileGuest } from '../../cli/guest.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHost, type Outcome, type StdlibFiles } from './index.ts';

let module: WebAssembly.Module;
let stdlib: StdlibFiles;

beforeAll(async () => {
  ({ module, stdlib } = await compileGuest());
});

/** Runs `body` as run_e's body for payload 'bad', then a normal run ('ok') on the same host if it lives. */
async function misbehave(body: string, prelude = ''): Promise<{ outcome: Outcome; log: string[]; next: Outcome }> {
  const source = `import sdk, sys, os, json\n${prelude}\ndef run_e(payload, ident):\n    if payload == "ok":\n        sdk.return_result("fine", ident)\n        return\n${body
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\n`;
  const host = await createHost({ module, stdlib, files: { 'plugin.py': source } });
  const first = host.run('bad', 9);
  const fresh = host.alive ? host : await createHost({ module, stdlib, files: { 'plugin.py': source } });
  return { outcome: first.outcome, log: first.log.map((e) => e.text), next: fresh.run('ok', 10).outcome };
}

const fine: Outcome = { kind: 'result', value: 'fine' };

describe('leaving early', () => {
  it('sys.exit(3) and raise SystemExit are error 5', async () => {
    for (const body of ['sys.exit(3)', 'raise SystemExit(3)']) {
      const r = await misbehave(body);
      expect(r.outcome).toEqual({ kind: 'error', code: 5, message: 'SystemExit: 3' });
      expect(r.next).toEqual(fine);
    }
    expect((await misbehave('raise SystemExit')).outcome).toEqual({ kind: 'error', code: 5, message: 'SystemExit: None' });
  });

  it('os._exit(1) ends the instance: a crash, and a fresh instance runs next', async () => {
    const r = await misbehave('os._exit(1)');
    expect(r.outcome).toEqual({ kind: 'crash', message: 'the module exited (proc_exit 1)' });
    expect(r.next).toEqual(fine);
  });

  it('KeyboardInterrupt is an exception like any other: error 1', async () => {
    const r = await misbehave('raise KeyboardInterrupt("stop")');
    expect(r.outcome).toEqual({ kind: 'error', code: 1, message: 'KeyboardInterrupt: stop' });
    expect(r.next).toEqual(fine);
  });

  it('return_result twice: the later call wins, and the host says so', async () => {
    const r = await misbehave('sdk.return_result("one", ident)\nsdk.return_result("two", ident)');
    expect(r.outcome).toEqual({ kind: 'result', value: 'two' });
    expect(r.log).toContain('return_result called again: it replaces the earlier outcome');
  });

  it('a result for another id is ignored and said in the log', async () => {
    const r = await misbehave('sdk.return_result("stray", ident + 1)');
    expect(r.outcome).toEqual({ kind: 'none' });
    expect(r.log).toContain('return_result for id=10 ignored: no run with that id is in progress');
  });

  it('return_error passes negative codes through and refuses codes beyond 32 bits', async () => {
    expect((await misbehave('sdk.return_error(-7, "neg", ident)')).outcome).toEqual({ kind: 'error', code: -7, message: 'neg' });
    const huge = await misbehave('sdk.return_error(2**40, "huge", ident)');
    expect(huge.outcome).toMatchObject({ kind: 'error', code: 1, message: expect.stringMatching(/^OverflowError/) });
    expect(huge.next).toEqual(fine);
  });

  it('sdk functions called with wrong types raise TypeError in Python (error 1)', async () => {
    for (const call of [
      'sdk.return_result(42, ident)',
      'sdk.return_result("x", "id")',
      'sdk.return_error("7", "m", ident)',
      'sdk.return_result()',
    ]) {
      const r = await misbehave(call);
      expect(r.outcome, call).toMatchObject({ kind: 'error', code: 1, message: expect.stringMatching(/^TypeError/) });
    }
  });
});

describe('memory and stack', () => {
  it('endless recursion is a RecursionError (error 1)', async () => {
    const r = await misbehave('f()', 'def f():\n    return f()\n');
    expect(r.outcome).toMatchObject({ kind: 'error', code: 1, message: expect.stringMatching(/^RecursionError/) });
    expect(r.next).toEqual(fine);
  });

  it('deep recursion in C (json.dumps of a 100 000-deep list) is a RecursionError', async () => {
    const r = await misbehave('x = []\nfor _ in range(100000):\n    x = [x]\njson.dumps(x)');
    expect(r.outcome).toMatchObject({ kind: 'error', code: 1, message: expect.stringMatching(/^RecursionError/) });
    expect(r.next).toEqual(fine);
  });

  it('a list that grows without end is a MemoryError at the 1 GiB cap, and the memory comes back', async () => {
    const r = await misbehave('l = []\nwhile True:\n    l.append(bytearray(10**6))');
    expect(r.outcome).toMatchObject({ kind: 'error', code: 1, message: expect.stringMatching(/^MemoryError/) });
    expect(r.next).toEqual(fine);
  });

  it("'x' * 10**10 is refused: sizes are 32-bit on wasm32 (OverflowError)", async () => {
    const r = await misbehave("s = 'x' * 10**10");
    expect(r.outcome).toEqual({ kind: 'error', code: 1, message: "OverflowError: cannot fit 'int' into an index-sized integer" });
    expect(r.next).toEqual(fine);
  });
});
