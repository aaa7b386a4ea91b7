// The SE2 host surface (guest/abi/se2.wit) through the real wrapper on browser_wasi_shim (the
// page's and the CLI's host), plus the host's own bookkeeping on a bare memory.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGuest } from '../../cli/guest.ts';
import { MAX_VALUE_BYTES } from './abi.generated.ts';
import { createHost, formatEntry, type Host, type LogEntry, type StdlibFiles } from './index.ts';
import { createSe2Host, findMock } from './se2.ts';
import {
  ERRORS_EXPECTED,
  ERRORS_RESPONSE,
  HELPERS_EXPECTED,
  HELPERS_RESPONSE,
  RAW_EXPECTED,
  RAW_RESPONSE,
  RAW_SEVERITIES,
  SURFACE_CONTEXT,
  SURFACE_IDENT,
  SURFACE_PLUGIN,
} from './testdata/se2_surface.ts';

let module: WebAssembly.Module;
let stdlib: StdlibFiles;
let host: Host;

beforeAll(async () => {
  ({ module, stdlib } = await compileGuest());
  host = await createHost({ module, stdlib, files: { 'plugin.py': SURFACE_PLUGIN } });
});

const resultOf = (report: ReturnType<Host['run']>): unknown => {
  if (report.outcome.kind !== 'result') throw new Error(`no result: ${JSON.stringify(report.outcome)}`);
  return JSON.parse(report.outcome.value);
};

describe('every function of se2.wit through the wrapper (browser_wasi_shim)', () => {
  it('the .wit functions called directly: request fields, set fields, headers, fetch, log_msg, add_ffi_var', () => {
    const report = host.run('raw', SURFACE_IDENT, SURFACE_CONTEXT);
    expect(resultOf(report)).toEqual(RAW_EXPECTED);
    expect({ response: report.response, state: report.state }).toEqual(RAW_RESPONSE);

    // log_msg lines are the Python level's, with their severity; E2Core logs unknown levels at info.
    const logged = report.log.filter((e) => e.file === 'log_msg');
    expect(logged.map((e) => e.severity)).toEqual(RAW_SEVERITIES);
    expect(logged.map((e) => [e.level, e.ident, e.text])).toEqual([1, 2, 3, 4, 0, 9].map((n) => ['python', SURFACE_IDENT, `level ${n}`]));
    // The wrapper says each call; the host says what the mocks answered.
    const text = report.log.map((e) => formatEntry(e, false)).join('\n');
    expect(text).toContain(`\t[sdk_module.c] | id=${SURFACE_IDENT} | sdk.request_get_field called with field_type 2 and 7 bytes`);
    expect(text).toContain(`\t[sdk_module.c] | id=${SURFACE_IDENT} | sdk.fetch_url called with method 3, url 29 bytes and body 14 bytes`);
    expect(text).toContain(
      `[se2.ts] | id=${SURFACE_IDENT} | fetch_url GET https://api.example.com/users/1 (headers: 1, body: 0 bytes) -> mocked 200, 24 bytes`,
    );
    expect(text).toContain(`\t\t[log_msg] | id=${SURFACE_IDENT} | [error] level 1`);
  });

  it('the helpers (sdk.req, sdk.resp, sdk.http, sdk.log, sdk.ffi) use the current id', () => {
    const report = host.run('helpers', SURFACE_IDENT, SURFACE_CONTEXT);
    expect(resultOf(report)).toEqual(HELPERS_EXPECTED);
    expect({ response: report.response, state: report.state }).toEqual(HELPERS_RESPONSE);
    expect(report.log.filter((e) => e.severity !== undefined).map((e) => `${e.severity}:${e.text}`)).toEqual([
      'error:e',
      'warn:w',
      'info:i',
      'debug:d',
    ]);
  });

  it('error paths: HostError with the host message, TypeError, ValueError over the limit, and the surface still works', () => {
    const report = host.run('errors', SURFACE_IDENT, SURFACE_CONTEXT);
    expect(resultOf(report)).toEqual(ERRORS_EXPECTED);
    expect({ response: report.response, state: report.state }).toEqual(ERRORS_RESPONSE);
    const hostLines = report.log.filter((e) => e.file === 'se2.ts').map((e) => e.text);
    expect(hostLines).toContain('request_get_field failed: invalid field type: the module asked for field type 9');
    expect(hostLines).toContain(`request_get_field for id=${SURFACE_IDENT + 1} refused: no run with that id is in progress`);
    // Nothing the plugin did reached the network: the unmocked URL was refused by the host.
    expect(hostLines).toContain('fetch_url failed: no fetch mock for GET https://unmocked.example.com/ (this host makes no real requests)');
  });

  it("a run's changes stay in that run: the caller's request is not touched and the next run starts afresh", () => {
    const before = JSON.stringify(SURFACE_CONTEXT);
    host.run('raw', SURFACE_IDENT, SURFACE_CONTEXT);
    expect(JSON.stringify(SURFACE_CONTEXT)).toBe(before);
    const again = host.run('raw', SURFACE_IDENT, SURFACE_CONTEXT);
    expect(resultOf(again)).toEqual(RAW_EXPECTED);
  });

  it('without a context every field reads as empty, fetch fails and the report is empty', async () => {
    const fresh = await createHost({
      module,
      stdlib,
      files: {
        'plugin.py':
          'import sdk\ndef run_e(p, i):\n    try:\n        sdk.http.get("https://api.example.com/")\n        f = "fetched"\n' +
          '    except sdk.HostError as e:\n        f = str(e)\n' +
          '    sdk.return_result("|".join([sdk.req.method(), sdk.req.url(), sdk.req.header("a"), sdk.req.state("s"), f]), i)\n',
      },
    });
    const report = fresh.run('x', 1);
    expect(report.outcome).toEqual({
      kind: 'result',
      value: '||||no fetch mock for GET https://api.example.com/ (this host makes no real requests)',
    });
    expect(report.response).toEqual({ headers: {} });
    expect(report.state).toEqual({});
  });
});

describe('public/guest/sdk.pyi', () => {
  it('names exactly what the real sdk module holds, with the same members in each helper class', async () => {
    const pyi = readFileSync(new URL('../../public/guest/sdk.pyi', import.meta.url), 'utf8');
    const stub: Record<string, string[]> = {};
    let current: string | null = null;
    for (const line of pyi.split('\n')) {
      const top = /^(?:def|class) (\w+)|^(\w+):/.exec(line);
      if (top) {
        current = top[1] ?? top[2]!;
        stub[current] = [];
      } else if (current !== null) {
        const member = /^ {4}(?:def (\w+)|([A-Z_]+) = )/.exec(line);
        if (member) stub[current]!.push(member[1] ?? member[2]!);
      }
    }
    const probe = await createHost({
      module,
      stdlib,
      files: {
        'plugin.py':
          'import json, sdk\ndef run_e(p, i):\n    names = {}\n    for n in dir(sdk):\n        if n.startswith("_") or n == "IntEnum":\n            continue\n' +
          '        v = getattr(sdk, n)\n        names[n] = [m for m in (v.__members__ if hasattr(v, "__members__") else vars(v)) if not m.startswith("_")] if isinstance(v, type) and v.__module__ != "builtins" and not issubclass(v, Exception) else []\n' +
          '    sdk.return_result(json.dumps(names), i)\n',
      },
    });
    const report = probe.run('x', 1);
    const real = resultOf(report) as Record<string, string[]>;
    const sorted = (o: Record<string, string[]>) =>
      Object.fromEntries(
        Object.entries(o)
          .map(([k, v]) => [k, [...v].sort()])
          .sort(),
      );
    expect(sorted(real)).toEqual(sorted(stub));
    expect(Object.keys(real)).toEqual(
      expect.arrayContaining(['request_get_field', 'fetch_url', 'HostError', 'FieldType', 'req', 'http', 'log']),
    );
  });
});

describe('the host bookkeeping (createSe2Host on a bare memory)', () => {
  const setup = () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const lines: string[] = [];
    const entries: LogEntry[] = [];
    const se2 = createSe2Host({ memory: () => memory, log: (text) => lines.push(text), emit: (e) => entries.push(e), clock: () => 0 });
    const put = (at: number, text: string) => {
      const bytes = new TextEncoder().encode(text);
      new Uint8Array(memory.buffer, at, bytes.length).set(bytes);
      return [at, bytes.length] as const;
    };
    const read = (at: number, len: number) => new TextDecoder().decode(new Uint8Array(memory.buffer, at, len));
    return { se2, lines, entries, put, read };
  };

  it('answers with a size, hands the bytes over once, and refuses a call while an answer waits', () => {
    const { se2, lines, put, read } = setup();
    se2.begin(5, { request: { method: 'GET', url: '/', headers: {}, params: {}, body: '', state: {} } });
    const [kp, kl] = put(0, 'method');
    expect(se2.env.request_get_field(0, kp, kl, 5)).toBe(3);
    expect(se2.env.request_get_field(0, kp, kl, 5)).toBe(-1);
    expect(lines.at(-1)).toBe('request_get_field refused: the answer of the previous call was not collected with get_ffi_result');
    expect(se2.env.get_ffi_result(100, 5)).toBe(0);
    expect(read(100, 3)).toBe('GET');
    expect(se2.env.get_ffi_result(100, 5)).toBe(-1);
    expect(lines.at(-1)).toBe('get_ffi_result: no answer is waiting');
    // An error answers with minus the size of its message, which get_ffi_result hands over.
    const size = se2.env.request_get_field(7, kp, kl, 5);
    expect(size).toBeLessThan(-1);
    expect(se2.env.get_ffi_result(200, 5)).toBe(0);
    expect(read(200, -size)).toBe('invalid field type: the module asked for field type 7');
  });

  it('refuses calls for another id or outside a run, with -1 and a host line', () => {
    const { se2, lines, entries, put } = setup();
    const [kp, kl] = put(0, 'method');
    expect(se2.env.request_get_field(0, kp, kl, 1)).toBe(-1);
    se2.begin(2);
    expect(se2.env.add_ffi_var(kp, kl, kp, kl, 3)).toBe(-1);
    se2.env.log_msg(kp, kl, 3, 3);
    expect(entries).toEqual([]);
    expect(lines).toEqual([
      'request_get_field for id=1 refused: no run with that id is in progress',
      'add_ffi_var for id=3 refused: no run with that id is in progress',
      'log_msg for id=3 refused: no run with that id is in progress',
    ]);
    expect(se2.end()).toEqual({ response: { headers: {} }, state: {} });
  });

  it('a value over the limit is an error answer, a header over it is ignored', () => {
    const { se2, lines, put } = setup();
    se2.begin(1);
    const [kp, kl] = put(0, 'k');
    expect(se2.env.request_set_field(4, kp, kl, 0, MAX_VALUE_BYTES + 1, 1)).toBeLessThan(-1);
    expect(lines.at(-1)).toBe(
      `request_set_field failed: a value of ${MAX_VALUE_BYTES + 1} bytes is over the limit of ${MAX_VALUE_BYTES} bytes`,
    );
    se2.env.resp_set_header(kp, kl, 0, MAX_VALUE_BYTES + 1, 1);
    expect(lines.at(-1)).toBe(`resp_set_header ignored: a value is over the limit of ${MAX_VALUE_BYTES} bytes`);
    expect(se2.env.get_ffi_result(64, 1)).toBe(0);
    expect(se2.end().response.headers).toEqual({});
  });

  it('finds a mock by "METHOD URL", also when the URL differs only in normal form', () => {
    const mocks = { 'GET https://api.example.com/': { status: 200, headers: {}, body: 'root' } };
    expect(findMock(mocks, 'GET', 'https://api.example.com/')?.body).toBe('root');
    expect(findMock(mocks, 'GET', 'https://API.example.com')?.body).toBe('root');
    expect(findMock(mocks, 'POST', 'https://api.example.com/')).toBeUndefined();
    expect(findMock(mocks, 'GET', 'https://api.example.com/other')).toBeUndefined();
    expect(findMock({}, 'GET', 'constructor')).toBeUndefined();
  });

  it('a log_msg entry prints with its level in a terminal', () => {
    const entry: LogEntry = { level: 'python', file: 'log_msg', ident: 3, text: 'hi', stream: 'stdout', time: 0, severity: 'warn' };
    expect(formatEntry(entry, false)).toBe('\t\t[log_msg] | id=3 | [warn] hi');
  });
});
