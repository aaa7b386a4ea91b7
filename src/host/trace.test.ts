// The trace of a run, against the committed wrapper (public/guest/) under Node: the host's
// crossings and the wrapper's own records on fd 4, in one sequence.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGuest } from '../../cli/guest.ts';
import {
  createHost,
  DEFAULT_IDENT,
  DEFAULT_PAYLOAD,
  DEFAULT_RESULT,
  type PluginFiles,
  type StdlibFiles,
  type TraceEvent,
  type TraceValue,
} from './index.ts';
import { TRACE_COPY_MAX } from './trace.ts';

const articlePlugin = readFileSync(new URL('../../guest/plugin/plugin.py', import.meta.url), 'utf8');
let module: WebAssembly.Module;
let stdlib: StdlibFiles;

beforeAll(async () => {
  ({ module, stdlib } = await compileGuest());
});

const utf8 = new TextEncoder();
const text = new TextDecoder();
const line = (e: TraceEvent) => `${e.direction} ${e.phase} ${e.name}`;
const value = (e: TraceEvent | undefined, name: string): TraceValue => {
  const found = e?.values.find((x) => x.name === name);
  if (found === undefined) throw new Error(`no value ${name} in ${e === undefined ? 'no event' : line(e)}`);
  return found;
};
const bytesOf = (v: TraceValue) => {
  if (v.kind !== 'bytes') throw new Error(`${v.name} is not bytes`);
  return v;
};
const find = (trace: TraceEvent[], direction: string, phase: string, name: string) =>
  trace.find((e) => e.direction === direction && e.phase === phase && e.name === name);

/** The article's flow (guest/README.md, "The trace"): what the page and `se2 --trace` draw. */
const ARTICLE_SEQUENCE = [
  'host-wasm call _start',
  'host-wasm return _start',
  'host-wasm call allocate',
  'host-wasm return allocate',
  'host-wasm call run_e',
  'c-python call plugin.run_e',
  'python-sdk call sdk.return_result',
  'wasm-host call return_result',
  'wasm-host return return_result',
  'python-sdk return sdk.return_result',
  'c-python return plugin.run_e',
  'host-wasm return run_e',
  'host-wasm call deallocate',
  'host-wasm return deallocate',
];

describe('a traced run', () => {
  it("records the article's sequence with the payload and the result bytes at their pointers", async () => {
    const host = await createHost({ module, stdlib, files: { 'plugin.py': articlePlugin }, trace: true });
    const report = host.run(DEFAULT_PAYLOAD, DEFAULT_IDENT);
    expect(report.outcome).toEqual({ kind: 'result', value: DEFAULT_RESULT });
    const trace = report.trace!;
    expect(trace.map(line)).toEqual(ARTICLE_SEQUENCE);
    expect(trace.map((e) => e.seq)).toEqual(trace.map((_, i) => i + 1));
    for (let i = 1; i < trace.length; i++) expect(trace[i]!.time).toBeGreaterThanOrEqual(trace[i - 1]!.time);

    // allocate's answer is where the payload is; run_e and plugin.run_e see its bytes there.
    const size = utf8.encode(DEFAULT_PAYLOAD).length;
    expect(value(find(trace, 'host-wasm', 'call', 'allocate'), 'size')).toEqual({ name: 'size', kind: 'int', value: size + 1 });
    const ptr = value(find(trace, 'host-wasm', 'return', 'allocate'), 'ptr');
    const payload = bytesOf(value(find(trace, 'host-wasm', 'call', 'run_e'), 'payload'));
    expect(ptr.kind === 'int' && ptr.value).toBe(payload.ptr);
    expect(payload.len).toBe(size);
    expect(text.decode(payload.bytes)).toBe(DEFAULT_PAYLOAD);
    expect(value(find(trace, 'host-wasm', 'call', 'run_e'), 'ident')).toMatchObject({ value: DEFAULT_IDENT });
    const inPython = bytesOf(value(find(trace, 'c-python', 'call', 'plugin.run_e'), 'payload'));
    expect(inPython.ptr).toBe(payload.ptr);
    expect(text.decode(inPython.bytes)).toBe(DEFAULT_PAYLOAD);

    // The result: the same bytes at the same pointer on both sides of the import.
    const fromPython = bytesOf(value(find(trace, 'python-sdk', 'call', 'sdk.return_result'), 'result'));
    const atHost = bytesOf(value(find(trace, 'wasm-host', 'call', 'return_result'), 'result'));
    expect(text.decode(atHost.bytes)).toBe(DEFAULT_RESULT);
    expect(atHost.len).toBe(utf8.encode(DEFAULT_RESULT).length);
    expect(fromPython.ptr).toBe(atHost.ptr);
    expect(fromPython.bytes).toEqual(atHost.bytes);
    expect(value(find(trace, 'wasm-host', 'call', 'return_result'), 'ident')).toMatchObject({ value: DEFAULT_IDENT });

    // The host's events carry the memory size; deallocate gives back what allocate gave.
    expect(trace.filter((e) => e.direction === 'host-wasm').every((e) => (e.memory ?? 0) > 0)).toBe(true);
    expect(bytesOf(value(find(trace, 'host-wasm', 'call', 'deallocate'), 'ptr')).ptr).toBe(payload.ptr);

    // Each event counts the log lines before it: Python's own lines fall inside plugin.run_e's call.
    const call = find(trace, 'c-python', 'call', 'plugin.run_e')!;
    const during = report.log.slice(call.logIndex, trace[call.seq]!.logIndex);
    expect(during.some((e) => e.level === 'python' && e.file === 'plugin.py' && e.text.startsWith('Received payload'))).toBe(true);
    expect(during.some((e) => e.level === 'host')).toBe(false);

    // A second run on the instance: no _start, the same flow.
    const again = host.run('ab cd', 1);
    expect(again.trace!.map(line)).toEqual(ARTICLE_SEQUENCE.slice(2));
  });

  it('records an exception as the return of plugin.run_e and the return_error crossing with its message', async () => {
    const files: PluginFiles = { 'plugin.py': 'def run_e(payload, ident):\n    raise ValueError("no " + payload)\n' };
    const report = (await createHost({ module, stdlib, files, trace: true })).run('way', 3);
    expect(report.outcome).toEqual({ kind: 'error', code: 1, message: 'ValueError: no way' });
    const trace = report.trace!;
    const raised = find(trace, 'c-python', 'return', 'plugin.run_e');
    expect(text.decode(bytesOf(value(raised, 'raised')).bytes)).toBe('ValueError');
    const error = find(trace, 'wasm-host', 'call', 'return_error')!;
    expect(error.seq).toBeGreaterThan(raised!.seq);
    expect(value(error, 'code')).toMatchObject({ value: 1 });
    const message = bytesOf(value(error, 'message'));
    expect(text.decode(message.bytes)).toBe('ValueError: no way');
    expect(message.len).toBe(message.bytes.length);
  });

  it('records the sdk calls of an SE2 plugin with their answers', async () => {
    const files: PluginFiles = {
      'plugin.py':
        'import sdk\ndef run_e(payload, ident):\n    m = sdk.request_get_field(sdk.FieldType.META, "method", ident)\n    sdk.return_result(m.decode(), ident)\n',
    };
    const request = { method: 'PATCH', url: '/x', headers: {}, params: {}, body: '', state: {} };
    const report = (await createHost({ module, stdlib, files, trace: true })).run('', 4, { request });
    expect(report.outcome).toEqual({ kind: 'result', value: 'PATCH' });
    const names = report.trace!.map(line);
    const at = names.indexOf('python-sdk call sdk.request_get_field');
    expect(names.slice(at, at + 7)).toEqual([
      'python-sdk call sdk.request_get_field',
      'wasm-host call request_get_field',
      'wasm-host return request_get_field',
      'wasm-host call get_ffi_result',
      'wasm-host return get_ffi_result',
      'python-sdk return sdk.request_get_field',
      'python-sdk call sdk.return_result',
    ]);
    const trace = report.trace!;
    expect(text.decode(bytesOf(value(find(trace, 'wasm-host', 'call', 'request_get_field'), 'key')).bytes)).toBe('method');
    expect(value(find(trace, 'wasm-host', 'return', 'request_get_field'), 'result')).toMatchObject({ value: 5 });
    expect(text.decode(bytesOf(value(find(trace, 'wasm-host', 'return', 'get_ffi_result'), 'ptr')).bytes)).toBe('PATCH');
    expect(text.decode(bytesOf(value(find(trace, 'python-sdk', 'return', 'sdk.request_get_field'), 'answer')).bytes)).toBe('PATCH');
  });

  it('copies at most 4 KiB of a value and states its full length', async () => {
    const big = 'x'.repeat(10_000);
    const files: PluginFiles = { 'plugin.py': 'import sdk\ndef run_e(payload, ident):\n    sdk.return_result(payload, ident)\n' };
    const report = (await createHost({ module, stdlib, files, trace: true })).run(big, 5);
    const result = bytesOf(value(find(report.trace!, 'wasm-host', 'call', 'return_result'), 'result'));
    expect(result.len).toBe(10_000);
    expect(result.bytes.length).toBe(TRACE_COPY_MAX);
    const inPython = bytesOf(value(find(report.trace!, 'python-sdk', 'call', 'sdk.return_result'), 'result'));
    expect(inPython.len).toBe(10_000);
    expect(inPython.bytes.length).toBe(TRACE_COPY_MAX);
  });

  it('ends a crashed run with the call that did not return and the reason', async () => {
    const files: PluginFiles = { 'plugin.py': 'import os\ndef run_e(payload, ident):\n    os._exit(3)\n' };
    const report = (await createHost({ module, stdlib, files, trace: true })).run('', 6);
    expect(report.outcome.kind).toBe('crash');
    const last = report.trace!.at(-1)!;
    expect(line(last)).toBe('host-wasm return run_e');
    expect(last.error).toBe('the module exited (proc_exit 3)');
    expect(report.trace!.map(line)).toContain('c-python call plugin.run_e');
  });
});

describe('tracing off', () => {
  const logOf = (entries: { level: string; file: string; text: string; stream: string; ident: number | null }[]) =>
    entries.map((e) => `${e.level}|${e.file}|${e.stream}|${e.ident}|${e.text}`);

  it('adds nothing to the report and leaves the log as it was', async () => {
    const files = { 'plugin.py': articlePlugin };
    const plain = (await createHost({ module, stdlib, files })).run(DEFAULT_PAYLOAD, DEFAULT_IDENT);
    expect(plain.trace).toBeUndefined();
    expect(plain.traceDropped).toBeUndefined();
    const traced = (await createHost({ module, stdlib, files, trace: true })).run(DEFAULT_PAYLOAD, DEFAULT_IDENT);
    expect(traced.trace!.length).toBe(ARTICLE_SEQUENCE.length);
    // The wrapper's records go to their own descriptor: not one byte of the log differs.
    expect(logOf(traced.log)).toEqual(logOf(plain.log));
    expect(traced.outcome).toEqual(plain.outcome);
  });

  it('can be switched off for one run of a tracing instance', async () => {
    const host = await createHost({ module, stdlib, files: { 'plugin.py': articlePlugin }, trace: true });
    expect(host.run('a b', 1, undefined, { trace: false }).trace).toBeUndefined();
    expect(host.run('a b', 2).trace!.map(line)).toEqual(ARTICLE_SEQUENCE.slice(2));
  });
});
