// Tests of the committed guest (public/guest/wrapper.wasm, pre-initialised by Wizer, plus
// python311-core.zip, python311-rest.zip and python311-source.zip) under Node's own node:wasi. The same contract is
// tested on @bjorn3/browser_wasi_shim in src/host/. When guest/.build/wrapper-plain.wasm (the
// module before Wizer, left by guest/build.sh) is present, it is tested too.
// node:wasi on Node 20 misbehaves after many fresh instances in one process, so this file
// makes only a handful (vitest runs it with --no-turbo-fast-api-calls in its own fork).
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { WASI } from 'node:wasi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV_SIGNATURES } from '../src/host/abi.generated.ts';
import { createSe2Host } from '../src/host/se2.ts';
import { TraceFd, TraceRecorder } from '../src/host/trace.ts';
import type { LogEntry, RunContext, Se2Response } from '../src/host/types.ts';
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
} from '../src/host/testdata/se2_surface.ts';

const guestFile = (name: string) => new URL(`../public/guest/${name}`, import.meta.url);
const articlePlugin = readFileSync(new URL('./plugin/plugin.py', import.meta.url), 'utf8');
const plainFile = new URL('./.build/wrapper-plain.wasm', import.meta.url);
const hasPlain = existsSync(plainFile);
const ZIPS = ['python311-core.zip', 'python311-rest.zip', 'python311-source.zip'] as const;

type Outcome = { kind: 'result'; ident: number; text: string } | { kind: 'error'; ident: number; code: number; message: string };

interface Guest {
  /** Calls run_e with the payload (a string is sent as UTF-8) and returns what the module reported.
   * `context`: the SE2 request and fetch mocks, served by src/host/se2.ts. */
  run(payload: string | Uint8Array, ident: number, context?: RunContext): Outcome[];
  /** The response headers and state of the last run. */
  se2(): Se2Response;
  /** The host's lines of src/host/se2.ts and the plugin's log_msg entries, in order. */
  hostLog: LogEntry[];
  /** Calls run_e with exactly these arguments (a foreign host's mistakes). */
  runRaw(ptr: number, len: number, ident: number): Outcome[];
  stdout(): string;
  stderr(): string;
  startMs: number;
  /** Paths the module opened or stat-ed (path_open, path_filestat_get), as "fd:path". */
  paths: string[];
}

interface StartOptions {
  /** Which stdlib zips /lib holds: all three (the default), the core zip alone, or none. */
  lib?: 'all' | 'core' | 'none';
  module?: WebAssembly.Module;
  env?: Record<string, string>;
  /** Extra preopened folders with files (after /plugin, /lib, /tmp). */
  extraDirs?: Record<string, Record<string, string>>;
  /** Answer fd 4 as the host's trace channel (a character device) and hand what the wrapper
   * writes to it here (guest/README.md, "The trace (fd 4)"). */
  traceChannel?: (bytes: Uint8Array) => void;
}

let module: WebAssembly.Module;
let plainModule: WebAssembly.Module | undefined;
const tempDirs: string[] = [];

beforeAll(async () => {
  module = await WebAssembly.compile(readFileSync(guestFile('wrapper.wasm')));
  if (hasPlain) plainModule = await WebAssembly.compile(readFileSync(plainFile));
});

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guest-test-'));
  tempDirs.push(dir);
  return dir;
}

/** A fresh instance with one preopen "/" (fd 3, as the snapshot expects) holding /plugin (these
 * files), /lib (the stdlib zips) and an empty /tmp; `_start` run. */
function startGuest(
  pluginFiles: Record<string, string | Uint8Array>,
  { lib = 'all', module: wasmModule = module, env = { PYTHONPATH: '/plugin' }, extraDirs = {}, traceChannel }: StartOptions = {},
): Guest {
  const root = tempDir();
  const pluginDir = join(root, 'plugin');
  const libDir = join(root, 'lib');
  for (const dir of [pluginDir, libDir, join(root, 'tmp')]) mkdirSync(dir);
  for (const [name, content] of Object.entries(pluginFiles)) {
    mkdirSync(dirname(join(pluginDir, name)), { recursive: true });
    writeFileSync(join(pluginDir, name), content);
  }
  const zips = lib === 'all' ? ZIPS : lib === 'core' ? ZIPS.slice(0, 1) : [];
  for (const zip of zips) writeFileSync(join(libDir, zip), readFileSync(guestFile(zip)));
  const preopens: Record<string, string> = { '/': root };
  for (const [guestPath, files] of Object.entries(extraDirs)) {
    const dir = tempDir();
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    preopens[guestPath] = dir;
  }
  const outDir = tempDir();
  const stdoutPath = join(outDir, 'stdout');
  const stderrPath = join(outDir, 'stderr');
  const stdoutFd = openSync(stdoutPath, 'w');
  const stderrFd = openSync(stderrPath, 'w');

  const wasi = new WASI({
    version: 'preview1',
    args: ['wrapper'],
    env,
    preopens,
    stdout: stdoutFd,
    stderr: stderrFd,
    returnOnExit: true,
  });
  // Set once the module is instantiated; the imports above read it later.
  // eslint-disable-next-line prefer-const
  let memory: WebAssembly.Memory | undefined;
  let outcomes: Outcome[] = [];
  const text = (ptr: number, len: number) => new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(memory!.buffer, ptr, len));
  // Every path the module opens or stats is recorded (fd:path).
  const paths: string[] = [];
  const wasiImports = (wasi.getImportObject() as Record<string, unknown>).wasi_snapshot_preview1 as Record<
    string,
    (...args: number[]) => number
  >;
  const traced = { ...wasiImports };
  for (const [fn, pathArg] of [
    ['path_open', 2],
    ['path_filestat_get', 2],
  ] as const) {
    const original = wasiImports[fn]!;
    traced[fn] = (...args: number[]) => {
      paths.push(`${args[0]}:${text(args[pathArg]!, args[pathArg + 1]!)}`);
      return original(...args);
    };
  }
  if (traceChannel !== undefined) {
    // fd 4 as a write-only character device, in front of node:wasi (which has no such thing).
    const TRACE_FD = 4;
    traced.fd_fdstat_get = (fd: number, out: number) => {
      if (fd !== TRACE_FD) return wasiImports.fd_fdstat_get!(fd, out);
      const view = new DataView(memory!.buffer);
      for (let i = 0; i < 24; i++) view.setUint8(out + i, 0);
      view.setUint8(out, 2); // __WASI_FILETYPE_CHARACTER_DEVICE
      return 0;
    };
    traced.fd_write = (fd: number, iovs: number, count: number, written: number) => {
      if (fd !== TRACE_FD) return wasiImports.fd_write!(fd, iovs, count, written);
      const view = new DataView(memory!.buffer);
      let total = 0;
      for (let i = 0; i < count; i++) {
        const ptr = view.getUint32(iovs + i * 8, true);
        const len = view.getUint32(iovs + i * 8 + 4, true);
        traceChannel(new Uint8Array(memory!.buffer, ptr, len).slice());
        total += len;
      }
      view.setUint32(written, total, true);
      return 0;
    };
  }
  // The env imports beyond the outcome are src/host/se2.ts's, the same code the page and CLI run.
  const hostLog: LogEntry[] = [];
  const se2 = createSe2Host({
    memory: () => memory!,
    log: (text, ident) => hostLog.push({ level: 'host', file: 'se2.ts', ident, text, stream: 'stdout', time: 0 }),
    emit: (entry) => hostLog.push(entry),
    clock: () => 0,
  });
  let lastSe2: Se2Response = { response: { headers: {} }, state: {} };
  const instance = new WebAssembly.Instance(wasmModule, {
    wasi_snapshot_preview1: traced,
    env: {
      ...se2.env,
      return_result(ptr: number, len: number, ident: number) {
        outcomes.push({ kind: 'result', ident, text: text(ptr, len) });
      },
      return_error(code: number, ptr: number, len: number, ident: number) {
        outcomes.push({ kind: 'error', ident, code, message: text(ptr, len) });
      },
    },
  });
  const exports = instance.exports as {
    memory: WebAssembly.Memory;
    allocate(size: number): number;
    deallocate(ptr: number, size: number): void;
    run_e(ptr: number, len: number, ident: number): void;
  };
  memory = exports.memory;
  const t0 = performance.now();
  wasi.start(instance);
  const startMs = performance.now() - t0;

  return {
    startMs,
    paths,
    hostLog,
    se2: () => lastSe2,
    run(payload, ident, context) {
      const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
      const ptr = exports.allocate(bytes.length + 1);
      new Uint8Array(exports.memory.buffer, ptr, bytes.length).set(bytes);
      outcomes = [];
      se2.begin(ident, context);
      exports.run_e(ptr, bytes.length, ident);
      lastSe2 = se2.end();
      exports.deallocate(ptr, bytes.length + 1);
      return outcomes;
    },
    runRaw(ptr, len, ident) {
      outcomes = [];
      exports.run_e(ptr, len, ident);
      return outcomes;
    },
    stdout: () => readFileSync(stdoutPath, 'utf8'),
    stderr: () => readFileSync(stderrPath, 'utf8'),
  };
}

// Closing the temp-file descriptors is left to process exit: node:wasi may still hold them.
void closeSync;

describe('wrapper.wasm interface', () => {
  it('exports exactly the plugin ABI and imports only the env functions of se2.wit + WASI', () => {
    const exports = WebAssembly.Module.exports(module)
      .map((e) => `${e.name}:${e.kind}`)
      .sort();
    // Wizer drops wizer.initialize from the pre-initialised module.
    expect(exports).toEqual([
      '_start:function',
      'allocate:function',
      'deallocate:function',
      'memory:memory',
      'prepare:function',
      'run_e:function',
    ]);
    const imports = WebAssembly.Module.imports(module);
    const env = imports
      .filter((i) => i.module === 'env')
      .map((i) => `${i.name}:${i.kind}`)
      .sort();
    expect(env).toEqual(
      Object.keys(ENV_SIGNATURES)
        .map((name) => `${name}:function`)
        .sort(),
    );
    const others = imports.filter((i) => i.module !== 'env' && i.module !== 'wasi_snapshot_preview1');
    expect(others).toEqual([]);
  });
});

describe("the article's plugin", () => {
  let guest: Guest;
  beforeAll(() => {
    guest = startGuest({ 'plugin.py': articlePlugin });
  });

  it('reverses the words of the payload and logs every layer', () => {
    const payload = "It can't bite it's own tail. I'm done laughing.";
    const t0 = performance.now();
    const outcomes = guest.run(payload, 12345);
    const runMs = performance.now() - t0;
    console.info(`node:wasi: _start ${guest.startMs.toFixed(1)} ms, first run_e ${runMs.toFixed(2)} ms`);
    expect(outcomes).toEqual([{ kind: 'result', ident: 12345, text: "tI can't etib it's nwo tail. I'm enod laughing." }]);
    const out = guest.stdout();
    expect(out).toContain('\t\x1b[32m[wasm_shim.c]\x1b[0m | id=12345 | run_e received payload of 47 bytes at 0x');
    expect(out).toContain('\t\x1b[32m[embed.c]\x1b[0m | id=12345 | Calling plugin.run_e ...\n');
    expect(out).toContain(`\t\t\x1b[35m[plugin.py]\x1b[0m | id=12345 | Received payload: ${payload}\n`);
    expect(out).toContain('\t\x1b[32m[sdk_module.c]\x1b[0m | id=12345 | sdk.return_result called with 47 bytes\n');
    expect(out).toContain('\t\x1b[32m[embed.c]\x1b[0m | id=12345 | plugin.run_e returned\n');
    expect(out).toContain('\t\x1b[32m[embed.c]\x1b[0m | Python already initialised (snapshot)\n');
    // The plugin's line comes between the wrapper's call and return lines.
    const order = ['Calling plugin.run_e', '[plugin.py] | id=12345 | Received', 'sdk.return_result', 'plugin.run_e returned'];
    const positions = order.map((s) => out.lastIndexOf(s.replace('[plugin.py]', '[plugin.py]\x1b[0m')));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(guest.stderr()).toBe('');
  });

  it('runs three times on the same instance with different ids', () => {
    const times: number[] = [];
    for (const [ident, payload, want] of [
      [1, 'abc def', 'cba fed'],
      [2, 'héllo wörld', 'olléh dlröw'],
      [-7, "don't panic", "don't cinap"],
    ] as const) {
      const t0 = performance.now();
      expect(guest.run(payload, ident)).toEqual([{ kind: 'result', ident, text: want }]);
      times.push(performance.now() - t0);
    }
    console.info(`node:wasi: run_e on a warm instance ${times.map((t) => t.toFixed(2)).join(', ')} ms`);
    expect(guest.stdout()).toContain('| id=-7 | Calling plugin.run_e');
  });
});

describe('the SE2 surface of se2.wit under node:wasi (env from src/host/se2.ts)', () => {
  let guest: Guest;
  beforeAll(() => {
    guest = startGuest({ 'plugin.py': SURFACE_PLUGIN });
  });
  const result = (outcomes: Outcome[]) => {
    expect(outcomes).toHaveLength(1);
    const [outcome] = outcomes;
    if (outcome?.kind !== 'result') throw new Error(`no result: ${JSON.stringify(outcome)}`);
    return JSON.parse(outcome.text);
  };

  it('every function called directly: the same answers as on browser_wasi_shim', () => {
    expect(result(guest.run('raw', SURFACE_IDENT, SURFACE_CONTEXT))).toEqual(RAW_EXPECTED);
    expect(guest.se2()).toEqual(RAW_RESPONSE);
    expect(guest.hostLog.filter((e) => e.file === 'log_msg').map((e) => e.severity)).toEqual(RAW_SEVERITIES);
    expect(guest.stdout()).toContain(
      `\t\x1b[32m[sdk_module.c]\x1b[0m | id=${SURFACE_IDENT} | sdk.request_set_field called with field_type 4, key 4 bytes and value 1 bytes\n`,
    );
  });

  it('the helpers and the error paths', () => {
    expect(result(guest.run('helpers', SURFACE_IDENT, SURFACE_CONTEXT))).toEqual(HELPERS_EXPECTED);
    expect(guest.se2()).toEqual(HELPERS_RESPONSE);
    expect(result(guest.run('errors', SURFACE_IDENT, SURFACE_CONTEXT))).toEqual(ERRORS_EXPECTED);
    expect(guest.se2()).toEqual(ERRORS_RESPONSE);
    expect(guest.stderr()).toBe('');
  });
});

describe('the standard library inside the module', () => {
  it('zlib, bz2, lzma, sqlite3, uuid, json, re, decimal, hashlib and more do real work', () => {
    const plugin = `
import sdk, json

def run_e(payload, ident):
    import zlib, bz2, lzma, sqlite3, uuid, re, decimal, hashlib, datetime, unicodedata, csv, io
    import statistics, dataclasses, typing, sys
    import xml.etree.ElementTree as ET
    data = (payload * 50).encode()
    db = sqlite3.connect(":memory:")
    db.execute("create table t (k integer primary key, v text)")
    db.executemany("insert into t (v) values (?)", [("a",), ("b",), ("c",)])
    rows = db.execute("select k, v from t where v != 'b' order by k").fetchall()
    db.close()
    # A database file in the (writable) plugin folder: written, closed, opened again.
    with sqlite3.connect("/plugin/test.db") as fdb:
        fdb.execute("create table f (x)")
        fdb.executemany("insert into f values (?)", [(i,) for i in range(100)])
    fdb.close()
    fdb = sqlite3.connect("/plugin/test.db")
    file_sum = fdb.execute("select sum(x) from f").fetchone()[0]
    fdb.close()
    u4 = uuid.uuid4()
    @dataclasses.dataclass
    class Point:
        x: int
        y: int
    T = typing.TypeVar("T")
    def first(xs: typing.List[T]) -> T:
        return xs[0]
    buf = io.StringIO()
    csv.writer(buf).writerow(["a", "b,c", 'd"e'])
    root = ET.fromstring("<r><i n='1'/><i n='2'/></r>")
    summary = {
        "zlib": zlib.decompress(zlib.compress(data)) == data and len(zlib.compress(data)) < len(data),
        "bz2": bz2.decompress(bz2.compress(data)) == data,
        "lzma": lzma.decompress(lzma.compress(data)) == data,
        "sqlite3": [list(r) for r in rows],
        "sqlite_version": sqlite3.sqlite_version,
        "sqlite_file": file_sum,
        "uuid4": u4.version == 4 and len(str(u4)) == 36,
        "uuid5": str(uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")),
        "json": json.loads(json.dumps({"a": [1, 2.5, None]})),
        "re": re.sub(r"(\\w+)@(\\w+)", r"\\2 at \\1", "me@here"),
        "decimal": str(decimal.Decimal("1.1") + decimal.Decimal("2.2")),
        "sha256": hashlib.sha256(b"abc").hexdigest(),
        "md5": hashlib.md5(b"abc").hexdigest(),
        "datetime": datetime.datetime(2024, 2, 29, 12, 0, tzinfo=datetime.timezone.utc).isoformat(),
        "unicodedata": unicodedata.name("\\u03bb"),
        "xml": [i.get("n") for i in root.iter("i")],
        "csv": buf.getvalue(),
        "statistics": statistics.median([3, 1, 4, 1, 5]),
        "dataclasses": dataclasses.asdict(Point(1, 2)),
        "typing": first([7, 8]),
        "builtins": sorted(m for m in ("zlib", "_bz2", "_lzma", "_sqlite3", "_decimal", "pyexpat",
                                       "_sha256", "_md5", "unicodedata", "_json", "_csv", "_datetime", "math")
                           if m in sys.builtin_module_names),
    }
    sdk.return_result(json.dumps(summary), ident)
`;
    const guest = startGuest({ 'plugin.py': plugin });
    const outcomes = guest.run('stdlib', 7);
    expect(guest.stderr()).toBe('');
    expect(outcomes).toHaveLength(1);
    const outcome = outcomes[0]!;
    expect(outcome.kind).toBe('result');
    if (outcome.kind !== 'result') return;
    expect(JSON.parse(outcome.text)).toEqual({
      zlib: true,
      bz2: true,
      lzma: true,
      sqlite3: [
        [1, 'a'],
        [3, 'c'],
      ],
      sqlite_version: '3.40.1',
      sqlite_file: 4950,
      uuid4: true,
      uuid5: '886313e1-3b8a-5372-9b90-0c9aee199e5d',
      json: { a: [1, 2.5, null] },
      re: 'here at me',
      decimal: '3.3',
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      md5: '900150983cd24fb0d6963f7d28e17f72',
      datetime: '2024-02-29T12:00:00+00:00',
      unicodedata: 'GREEK SMALL LETTER LAMDA',
      xml: ['1', '2'],
      csv: 'a,"b,c","d""e"\r\n',
      statistics: 3,
      dataclasses: { x: 1, y: 2 },
      typing: 7,
      builtins: [
        '_bz2',
        '_csv',
        '_datetime',
        '_decimal',
        '_json',
        '_lzma',
        '_md5',
        '_sha256',
        '_sqlite3',
        'math',
        'pyexpat',
        'unicodedata',
        'zlib',
      ],
    });
  });
});

describe('failures reach the host through return_error', () => {
  it('no plugin module: code 2 on every run, traceback on stderr', () => {
    const guest = startGuest({});
    expect(guest.run('x', 1)).toEqual([
      { kind: 'error', ident: 1, code: 2, message: "cannot import plugin: ModuleNotFoundError: No module named 'plugin'" },
    ]);
    expect(guest.run('y', 2)).toMatchObject([{ kind: 'error', ident: 2, code: 2 }]);
    expect(guest.stderr()).toContain("ModuleNotFoundError: No module named 'plugin'");
  });

  it.runIf(hasPlain)('plain module: Python cannot start (no stdlib zip): code 6 on every run', () => {
    const guest = startGuest({ 'plugin.py': articlePlugin }, { lib: 'none', module: plainModule });
    const outcomes = guest.run('x', 3);
    expect(outcomes).toMatchObject([{ kind: 'error', ident: 3, code: 6 }]);
    if (outcomes[0]?.kind === 'error') expect(outcomes[0].message).toMatch(/^Python failed to initialise: /);
    expect(guest.run('y', 4)).toMatchObject([{ kind: 'error', ident: 4, code: 6 }]);
    expect(guest.stderr()).toContain('Python failed to initialise');
  });

  it('a plugin without run_e: code 3', () => {
    const guest = startGuest({ 'plugin.py': 'run_e = 42\n' });
    expect(guest.run('x', 5)).toEqual([
      { kind: 'error', ident: 5, code: 3, message: 'plugin has no callable run_e (plugin.run_e is a int)' },
    ]);
  });

  describe('on one instance', () => {
    let guest: Guest;
    beforeAll(() => {
      guest = startGuest({
        'plugin.py': `
import sdk, sys

def run_e(payload, ident):
    if payload == "raise":
        raise ValueError("boom now")
    if payload == "exit":
        sys.exit(3)
    if payload == "interrupt":
        raise KeyboardInterrupt
    if payload == "types":
        errors = []
        for call in (lambda: sdk.return_result(b"bytes", ident),
                     lambda: sdk.return_result("x", "not an int"),
                     lambda: sdk.return_error("1", "m", ident),
                     lambda: sdk.return_error(1, None, ident),
                     lambda: sdk.return_result("x")):
            try:
                call()
            except TypeError as e:
                errors.append("TypeError")
        try:
            sdk.return_result("\\udc80", ident)
        except UnicodeEncodeError:
            errors.append("UnicodeEncodeError")
        sdk.return_result(",".join(errors), ident)
        return
    if payload == "custom":
        sdk.return_error(42, "no: " + payload, ident)
        return
    if payload == "nul":
        raise ValueError("before\\0after")
    sdk.return_result("ok " + payload, ident)
`,
      });
    });

    it('an exception: code 1 with the last traceback line, full traceback on stderr', () => {
      expect(guest.run('raise', 10)).toEqual([{ kind: 'error', ident: 10, code: 1, message: 'ValueError: boom now' }]);
      const err = guest.stderr();
      expect(err).toContain('Traceback (most recent call last):');
      expect(err).toContain('line 6, in run_e');
      expect(guest.run('interrupt', 11)).toEqual([{ kind: 'error', ident: 11, code: 1, message: 'KeyboardInterrupt' }]);
    });

    it('SystemExit: code 5, and the instance keeps working', () => {
      expect(guest.run('exit', 12)).toEqual([{ kind: 'error', ident: 12, code: 5, message: 'SystemExit: 3' }]);
      expect(guest.run('fine', 13)).toEqual([{ kind: 'result', ident: 13, text: 'ok fine' }]);
    });

    it('a payload that is not UTF-8: code 4', () => {
      const outcomes = guest.run(new Uint8Array([0x61, 0xff, 0x62]), 14);
      expect(outcomes).toHaveLength(1);
      expect(outcomes[0]).toMatchObject({ kind: 'error', ident: 14, code: 4 });
      if (outcomes[0]?.kind === 'error') expect(outcomes[0].message).toMatch(/^payload is not valid UTF-8: .*0xff in position 1/);
      expect(guest.run('again', 15)).toEqual([{ kind: 'result', ident: 15, text: 'ok again' }]);
    });

    it('sdk functions reject wrong types with TypeError and lone surrogates with UnicodeEncodeError', () => {
      expect(guest.run('types', 16)).toEqual([
        { kind: 'result', ident: 16, text: 'TypeError,TypeError,TypeError,TypeError,TypeError,UnicodeEncodeError' },
      ]);
    });

    it('a message with a NUL character reaches the host whole', () => {
      expect(guest.run('nul', 18)).toEqual([{ kind: 'error', ident: 18, code: 1, message: 'ValueError: before\0after' }]);
    });

    it('a negative length or a NULL pointer: code 7, not the UTF-8 code 4', () => {
      const message = 'run_e: invalid payload pointer or length';
      expect(guest.runRaw(1024, -1, 19)).toEqual([{ kind: 'error', ident: 19, code: 7, message }]);
      expect(guest.runRaw(0, 5, 20)).toEqual([{ kind: 'error', ident: 20, code: 7, message }]);
      expect(guest.run('still fine', 21)).toEqual([{ kind: 'result', ident: 21, text: 'ok still fine' }]);
    });

    it("the plugin's own error code passes through", () => {
      expect(guest.run('custom', 17)).toEqual([{ kind: 'error', ident: 17, code: 42, message: 'no: custom' }]);
    });
  });
});

describe('memory cap (1 GiB, --max-memory)', () => {
  it('a plugin that allocates without end gets MemoryError (code 1), and the next run works', () => {
    const guest = startGuest({
      'plugin.py': `
import sdk

def run_e(payload, ident):
    if payload == "grow":
        l = []
        while True:
            l.append(bytearray(10**6))
    sdk.return_result("ok " + str(len(bytearray(50 * 10**6))), ident)
`,
    });
    const outcomes = guest.run('grow', 1);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ kind: 'error', ident: 1, code: 1 });
    if (outcomes[0]?.kind === 'error') expect(outcomes[0].message).toMatch(/^MemoryError/);
    expect(guest.stderr()).toContain('MemoryError');
    // The list died with run_e's frame: 50 MB more fit again.
    expect(guest.run('small', 2)).toEqual([{ kind: 'result', ident: 2, text: 'ok 50000000' }]);
  });
});

describe('split standard library (core + rest zips)', () => {
  it("start-up and the article's plugin never touch python311-rest.zip (/lib holds only the core zip)", () => {
    const guest = startGuest({ 'plugin.py': articlePlugin }, { lib: 'core' });
    expect(guest.run('abc def', 3)).toEqual([{ kind: 'result', ident: 3, text: 'cba fed' }]);
    expect(guest.stderr()).toBe('');
    expect(guest.paths.filter((p) => p.includes('rest'))).toEqual([]);
  });

  it('with every zip in /lib, start-up and the article plugin open neither the rest zip nor the sources', () => {
    const guest = startGuest({ 'plugin.py': articlePlugin });
    expect(guest.run('abc def', 3)).toEqual([{ kind: 'result', ident: 3, text: 'cba fed' }]);
    expect(guest.stderr()).toBe('');
    expect(guest.paths.filter((p) => p.includes('rest') || p.includes('source'))).toEqual([]);
  });

  it('a traceback through the standard library opens the source zip, and shows its lines', () => {
    const guest = startGuest({
      'plugin.py': `
import sdk, json, traceback

def run_e(payload, ident):
    try:
        json.loads(payload)
    except ValueError:
        sdk.return_result(traceback.format_exc(), ident)
`,
    });
    expect(guest.paths.filter((p) => p.includes('source'))).toEqual([]);
    const [outcome] = guest.run('nope', 4);
    expect(outcome).toMatchObject({ kind: 'result' });
    const lines = outcome?.kind === 'result' ? outcome.text.split('\n') : [];
    const at = lines.indexOf('  File "/lib/python311-core.zip/json/decoder.py", line 355, in raw_decode');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('    raise JSONDecodeError("Expecting value", s, err.value) from None');
    expect(guest.paths.some((p) => p.endsWith('lib/python311-source.zip'))).toBe(true);
  });

  it('a module from the rest zip is imported on demand (and only then is the rest zip opened)', () => {
    const guest = startGuest({
      'plugin.py': `
import sdk

def run_e(payload, ident):
    import decimal
    sdk.return_result(str(decimal.Decimal("0.1") * 3) + " " + decimal.__file__, ident)
`,
    });
    expect(guest.paths.filter((p) => p.includes('rest'))).toEqual([]);
    expect(guest.run('x', 4)).toEqual([{ kind: 'result', ident: 4, text: '0.3 /lib/python311-rest.zip/decimal.pyc' }]);
    expect(guest.paths.some((p) => p.endsWith('python311-rest.zip'))).toBe(true);
  });

  it('without the rest zip, a rest module is a clean ModuleNotFoundError', () => {
    const guest = startGuest({ 'plugin.py': 'import sdk\ndef run_e(p, i):\n    import sqlite3\n' }, { lib: 'core' });
    expect(guest.run('x', 5)).toEqual([{ kind: 'error', ident: 5, code: 1, message: "ModuleNotFoundError: No module named 'sqlite3'" }]);
  });
});

describe('the pre-initialised module after its snapshot', () => {
  it('sees this instance: PYTHONPATH folders, os.environ, fresh random state', () => {
    const plugin = `
import sdk, json, os, sys

def run_e(payload, ident):
    import helper, random
    sdk.return_result(json.dumps({
        "helper": helper.VALUE,
        "env": os.environ.get("GREETING"),
        "environb": os.environb.get(b"GREETING", b"").decode(),
        "path": sys.path,
        "random": random.random(),
        "hash": hash("abc"),
        "random_imported_at_start": payload,
    }), ident)
`;
    const env = { PYTHONPATH: '/plugin:/extra', GREETING: 'hello' };
    const results = [1, 2].map((n) => {
      const guest = startGuest({ 'plugin.py': plugin }, { env, extraDirs: { '/extra': { 'helper.py': 'VALUE = 42\n' } } });
      const outcomes = guest.run(String(n), n);
      expect(guest.stderr()).toBe('');
      expect(outcomes).toHaveLength(1);
      return JSON.parse((outcomes[0] as { text: string }).text);
    });
    for (const r of results) {
      expect(r).toMatchObject({
        helper: 42,
        env: 'hello',
        environb: 'hello',
        path: ['/plugin', '/extra', '/lib/python311-core.zip', '/lib/python311-rest.zip'],
      });
    }
    // random is seeded per instance (not in the snapshot); the hash seed is fixed (0) in all.
    expect(results[0].random).not.toBe(results[1].random);
    expect(results[0].hash).toBe(results[1].hash);
  });

  it('the article plugin runs even with an empty /lib: start-up needs no file of the stdlib', () => {
    const guest = startGuest({ 'plugin.py': articlePlugin }, { lib: 'none' });
    expect(guest.run('abc', 6)).toEqual([{ kind: 'result', ident: 6, text: 'cba' }]);
    expect(guest.paths.filter((p) => p.includes('lib/') || p.includes('.zip'))).toEqual([]);
  });
});

describe.runIf(hasPlain)('the plain module (before Wizer, guest/.build/wrapper-plain.wasm)', () => {
  it("initialises Python in _start and runs the article's plugin, without touching the rest zip", () => {
    const guest = startGuest({ 'plugin.py': articlePlugin }, { module: plainModule, lib: 'core' });
    expect(guest.run('abc def', 8)).toEqual([{ kind: 'result', ident: 8, text: 'cba fed' }]);
    expect(guest.stdout()).toContain('\t\x1b[32m[embed.c]\x1b[0m | Python initialised\n');
    expect(guest.stderr()).toBe('');
    expect(guest.paths.filter((p) => p.includes('rest'))).toEqual([]);
    console.info(`node:wasi: plain module _start ${guest.startMs.toFixed(1)} ms`);
  });

  it('imports from the rest zip', () => {
    const guest = startGuest(
      { 'plugin.py': 'import sdk\ndef run_e(p, i):\n    import sqlite3, lzma\n    sdk.return_result(sqlite3.sqlite_version, i)\n' },
      { module: plainModule },
    );
    expect(guest.run('x', 9)).toEqual([{ kind: 'result', ident: 9, text: '3.40.1' }]);
  });
});

describe('Python as people write it (one tree, time zones, asyncio) under node:wasi', () => {
  const resultOf = (guest: Guest, payload = 'x'): unknown => {
    const outcomes = guest.run(payload, 1);
    expect(guest.stderr()).toBe('');
    expect(outcomes).toMatchObject([{ kind: 'result' }]);
    return JSON.parse((outcomes[0] as { text: string }).text);
  };

  it('starts in /plugin: relative paths work, a missing path is FileNotFoundError, / lists the tree', () => {
    const guest = startGuest({
      'plugin.py': `
import sdk, json, os, pathlib, tempfile, shutil

def run_e(payload, ident):
    r = {"cwd": os.getcwd(), "data": open("data/notes.txt").read()}
    with open("out.txt", "w") as f:
        f.write("written")
    r["out"] = pathlib.Path("out.txt").read_text()
    r["out_size"] = os.stat("/plugin/out.txt").st_size
    missing = []
    for path in ("/etc/app.conf", "/nowhere/x", "missing.txt", "/tmp/none"):
        try:
            open(path)
        except FileNotFoundError:
            missing.append(path)
    r["missing"] = missing
    r["root"] = sorted(os.listdir("/"))
    with tempfile.TemporaryDirectory() as d:
        shutil.copy("out.txt", d)
        r["tmp"] = [d.startswith("/tmp/"), os.listdir(d)]
    sdk.return_result(json.dumps(r), ident)
`,
      'data/notes.txt': 'from the plugin folder',
    });
    expect(resultOf(guest)).toEqual({
      cwd: '/plugin',
      data: 'from the plugin folder',
      out: 'written',
      out_size: 7,
      missing: ['/etc/app.conf', '/nowhere/x', 'missing.txt', '/tmp/none'],
      root: ['lib', 'plugin', 'tmp'],
      tmp: [true, ['out.txt']],
    });
  });

  it('zoneinfo has the IANA database (the tzdata package in the rest zip)', () => {
    const guest = startGuest({
      'plugin.py': `
import sdk, json
from datetime import datetime, timedelta, timezone

def run_e(payload, ident):
    from zoneinfo import ZoneInfo, available_timezones
    import tzdata
    paris = ZoneInfo("Europe/Paris")
    before = datetime(2026, 3, 29, 0, 59, tzinfo=timezone.utc).astimezone(paris)
    after = (datetime(2026, 3, 29, 0, 59, tzinfo=timezone.utc) + timedelta(minutes=2)).astimezone(paris)
    zones = available_timezones()
    sdk.return_result(json.dumps({
        "before": before.isoformat(), "after": after.isoformat(),
        "names": [before.tzname(), after.tzname()],
        "ny": datetime(2026, 7, 1, 12, tzinfo=ZoneInfo("America/New_York")).utcoffset().total_seconds(),
        "count": len(zones) > 400, "has": ["Asia/Tokyo" in zones, "US/Eastern" in zones],
        "version": tzdata.IANA_VERSION,
    }), ident)
`,
    });
    expect(resultOf(guest)).toEqual({
      before: '2026-03-29T01:59:00+01:00',
      after: '2026-03-29T03:01:00+02:00',
      names: ['CET', 'CEST'],
      ny: -4 * 3600,
      count: true,
      has: [true, true],
      version: '2026b',
    });
  });

  it('asyncio runs: tasks, gather, sleep, wait_for time-outs, queues, locks; run_e may be async', () => {
    const guest = startGuest({
      'plugin.py': `
import sdk, json, asyncio, time

async def worker(q, out, lock):
    while True:
        item = await q.get()
        async with lock:
            out.append(item * 2)
        q.task_done()

async def run_e(payload, ident):
    t0 = time.monotonic()
    q, out, lock = asyncio.Queue(), [], asyncio.Lock()
    tasks = [asyncio.create_task(worker(q, out, lock)) for _ in range(3)]
    for i in range(6):
        q.put_nowait(i)
    await q.join()
    for t in tasks:
        t.cancel()
    gathered = await asyncio.gather(*(asyncio.sleep(0.01 * i, result=i) for i in range(4)))
    try:
        await asyncio.wait_for(asyncio.sleep(5), timeout=0.05)
        timed_out = False
    except asyncio.TimeoutError:
        timed_out = True
    errors = []
    try:
        await asyncio.open_connection("example.com", 80)
    except Exception as e:
        errors.append(type(e).__name__ + ": " + str(e))
    try:
        await asyncio.create_subprocess_exec("ls")
    except Exception as e:
        errors.append(type(e).__name__ + ": " + str(e))
    sdk.return_result(json.dumps({
        "out": sorted(out), "gathered": gathered, "timed_out": timed_out,
        "elapsed_ok": 0.05 <= time.monotonic() - t0 < 2, "errors": errors,
    }), ident)
`,
    });
    expect(resultOf(guest)).toEqual({
      out: [0, 2, 4, 6, 8, 10],
      gathered: [0, 1, 2, 3],
      timed_out: true,
      elapsed_ok: true,
      errors: [
        "OSError: [Errno 58] wasi has no network: cannot look up 'example.com'",
        'OSError: [Errno 58] wasi does not support processes.',
      ],
    });
    expect(guest.stdout()).toContain('plugin.run_e is a coroutine: running it with asyncio.run');
  });
});

describe('the trace channel (fd 4) under node:wasi', () => {
  it("writes the wrapper's crossings there, with the bytes at their pointers, and leaves stdout as it was", () => {
    const recorder = new TraceRecorder(
      () => 0,
      () => null,
      () => 0,
    );
    const channel = new TraceFd(recorder);
    const traced = startGuest({ 'plugin.py': articlePlugin }, { traceChannel: (bytes) => channel.fd_write(bytes) });
    const plain = startGuest({ 'plugin.py': articlePlugin });
    recorder.enabled = true;
    const payload = "It can't bite it's own tail. I'm done laughing.";
    const result = "tI can't etib it's nwo tail. I'm enod laughing.";
    expect(traced.run(payload, 12345)).toEqual(plain.run(payload, 12345));
    expect(traced.stdout()).toBe(plain.stdout());
    const { trace } = recorder.take();
    expect(trace.map((e) => `${e.direction} ${e.phase} ${e.name}`)).toEqual([
      'c-python call plugin.run_e',
      'python-sdk call sdk.return_result',
      'python-sdk return sdk.return_result',
      'c-python return plugin.run_e',
    ]);
    const bytesOf = (i: number, name: string) => {
      const v = trace[i]!.values.find((x) => x.name === name);
      if (v?.kind !== 'bytes') throw new Error(`no bytes ${name}`);
      return new TextDecoder().decode(v.bytes);
    };
    expect(bytesOf(0, 'payload')).toBe(payload);
    expect(trace[0]!.values.find((v) => v.name === 'ident')).toEqual({ name: 'ident', kind: 'int', value: 12345 });
    expect(bytesOf(1, 'result')).toBe(result);
  });

  it('takes no folder at fd 4 for the channel (a foreign host preopened one): the run works as before', () => {
    const guest = startGuest({ 'plugin.py': articlePlugin }, { extraDirs: { '/data': { 'keep.txt': 'untouched' } } });
    expect(guest.run('ab cd', 1)).toEqual([{ kind: 'result', ident: 1, text: 'ba dc' }]);
    expect(guest.stderr()).toBe('');
  });
});
