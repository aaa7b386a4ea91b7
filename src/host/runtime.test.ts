// These tests run the committed wrapper module (public/guest/) through the host, under Node.
import { readFileSync } from 'node:fs';
import { compileGuest } from '../../cli/guest.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createHost,
  prepareInstance,
  DEFAULT_IDENT,
  DEFAULT_PAYLOAD,
  DEFAULT_RESULT,
  type PluginFiles,
  type RunReport,
  type StdlibFiles,
} from './index.ts';

const articlePlugin = readFileSync(new URL('../../guest/plugin/plugin.py', import.meta.url), 'utf8');
let module: WebAssembly.Module;
let stdlib: StdlibFiles;

beforeAll(async () => {
  ({ module, stdlib } = await compileGuest());
});

const host = (files: PluginFiles) => createHost({ module, stdlib, files });
const runOnce = async (files: PluginFiles, payload = 'x', ident = 7): Promise<RunReport> => (await host(files)).run(payload, ident);
const plugin = (body: string): PluginFiles => ({ 'plugin.py': `import sdk\n${body}` });
/** A plugin whose run_e prints and returns the traceback of json.loads(payload) failing. */
const JSON_TRACEBACK = plugin(`import json, traceback
def run_e(payload, ident):
    try:
        json.loads(payload)
    except ValueError:
        traceback.print_exc()
        sdk.return_result(traceback.format_exc(), ident)
`);
const ECHO = plugin('def run_e(payload, ident):\n    sdk.return_result(payload, ident)\n');

describe('the article run', () => {
  it('returns the reversed words and logs every layer in order', async () => {
    const report = await runOnce({ 'plugin.py': articlePlugin }, DEFAULT_PAYLOAD, DEFAULT_IDENT);
    expect(report.outcome).toEqual({ kind: 'result', value: DEFAULT_RESULT });

    const levels = report.log.map((e) => e.level);
    expect(new Set(levels)).toEqual(new Set(['host', 'wrapper', 'python']));
    // The host starts and ends; the wrapper speaks before Python does; Python before run_e returns.
    expect(levels[0]).toBe('host');
    const firstWrapper = levels.indexOf('wrapper');
    const firstPython = levels.indexOf('python');
    const returned = report.log.findIndex((e) => e.level === 'host' && e.text === 'run_e returned');
    expect(firstWrapper).toBeGreaterThan(0);
    expect(firstPython).toBeGreaterThan(firstWrapper);
    expect(returned).toBeGreaterThan(firstPython);

    const files = new Set(report.log.map((e) => `${e.level}:${e.file}`));
    for (const f of ['host:runtime.ts', 'host:mem.ts', 'wrapper:wasm_shim.c', 'python:plugin.py']) expect(files).toContain(f);
    // Every line of the run itself names its execution id.
    const runLines = report.log.filter((e) => e.level === 'python' || e.file === 'mem.ts');
    expect(runLines.every((e) => e.ident === DEFAULT_IDENT)).toBe(true);
    expect(report.log.some((e) => e.level === 'python' && e.text.includes(DEFAULT_PAYLOAD))).toBe(true);
    // Memory is handed back after the run.
    expect(report.log.some((e) => e.file === 'mem.ts' && e.text.startsWith('deallocate('))).toBe(true);
    expect(report.timings.instantiate).toBeGreaterThan(0);
    expect(report.timings.start).toBeGreaterThan(0);
    expect(report.timings.run).toBeGreaterThan(0);
  });

  it('serves ten runs on one instance, each with its own id', async () => {
    const h = await host({ 'plugin.py': articlePlugin });
    for (let i = 0; i < 10; i++) {
      const report = h.run(`abc${i} def`, 1000 + i);
      expect(report.outcome).toEqual({ kind: 'result', value: `${i}cba fed` });
      const ids = new Set(report.log.filter((e) => e.level === 'python').map((e) => e.ident));
      expect(ids).toEqual(new Set([1000 + i]));
      if (i > 0) expect(report.timings.start).toBeUndefined();
    }
    expect(h.alive).toBe(true);
  });
});

describe('payloads', () => {
  const cases: Record<string, string> = {
    empty: '',
    '1 MiB': 'ab\ncd'.repeat((1024 * 1024) / 5) + 'x'.repeat((1024 * 1024) % 5),
    'Cyrillic, CJK, combining marks, emoji': 'Съешь же ещё этих мягких булок 中文字符 漢字 é (e\u0301) Z̤͔ͧ̑̓ 👍🏽👩🏿‍🚀🏳️‍🌈 \u0000 tab\tend',
  };
  for (const [name, payload] of Object.entries(cases)) {
    it(`${name} round-trips byte for byte`, async () => {
      const report = await runOnce(ECHO, payload, 1);
      expect(report.outcome).toEqual({ kind: 'result', value: payload });
    });
  }
});

describe('plugin folders', () => {
  it('imports helper modules and packages from the plugin root', async () => {
    const report = await runOnce(
      {
        'plugin.py': 'import sdk, helper\nfrom pkg.util import shout\ndef run_e(p, i):\n    sdk.return_result(shout(helper.twice(p)), i)\n',
        'helper.py': 'def twice(s):\n    return s + s\n',
        'pkg/__init__.py': '',
        'pkg/util.py': 'def shout(s):\n    return s.upper() + "!"\n',
      },
      'ab',
    );
    expect(report.outcome).toEqual({ kind: 'result', value: 'ABAB!' });
  });

  it('a spare instance made before the files are known starts with them, once', async () => {
    const spare = await prepareInstance({ module, stdlib });
    const h = spare.start({
      'plugin.py': 'import sdk\nfrom pkg.m import V\ndef run_e(p, i):\n    sdk.return_result(V, i)\n',
      'pkg/m.py': 'V = "late files"\n',
    });
    const report = h.run('', 3);
    expect(report.outcome).toEqual({ kind: 'result', value: 'late files' });
    expect(report.log[0]).toMatchObject({ level: 'host', text: 'Instantiating wasm module...' });
    expect(() => spare.start(ECHO)).toThrow(/started already/);
  });

  it('a spare is prepared ahead (Python refreshed, in /plugin) and still sees exactly the files it is started with', async () => {
    const spare = await prepareInstance({ module, stdlib });
    // Files put in place after prepare, a moment later: the plugin folder's finder lists them then.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const h = spare.start({
      'plugin.py': `import os, sys, sdk
import helper
from pkg.sub import NAME
def run_e(p, i):
    sdk.return_result(" ".join([os.getcwd(), ",".join(sorted(os.listdir("."))), helper.WORD, NAME, str(sys.path[0])]), i)
`,
      'helper.py': 'WORD = "helper"\n',
      'pkg/__init__.py': '',
      'pkg/sub.py': 'NAME = "sub"\n',
    });
    const report = h.run('', 4);
    expect(report.outcome).toEqual({ kind: 'result', value: '/plugin helper.py,pkg,plugin.py helper sub /plugin' });
    // The wrapper's refresh after the snapshot ran before `_start` was called, not during it.
    const texts = report.log.map((e) => e.text);
    const refreshed = texts.indexOf('Python already initialised (snapshot)');
    expect(refreshed).toBeGreaterThan(-1);
    expect(refreshed).toBeLessThan(texts.indexOf('Calling _start...'));
  });

  it("two spares prepared alike run each its own files: nothing of one plugin's module reaches the next", async () => {
    const counter = (name: string) =>
      plugin(`import sys
RUNS = []
def run_e(p, i):
    RUNS.append(p)
    sdk.return_result(f"${name} {len(RUNS)} {sorted(m for m in sys.modules if m in ('plugin', 'extra'))}", i)
`);
    const first = (await prepareInstance({ module, stdlib })).start({ ...counter('one'), 'extra.py': '' });
    expect(first.run('a', 1).outcome).toEqual({ kind: 'result', value: "one 1 ['plugin']" });
    expect(first.run('b', 2).outcome).toEqual({ kind: 'result', value: "one 2 ['plugin']" });
    // The edit: a fresh spare, the new source; the module-level list starts empty again.
    const second = (await prepareInstance({ module, stdlib })).start(counter('two'));
    expect(second.run('c', 3).outcome).toEqual({ kind: 'result', value: "two 1 ['plugin']" });
  });

  it('never reads the rest of the stdlib or its sources for the article plugin, and reads each when needed', async () => {
    const names = Object.keys(stdlib).sort();
    expect(names).toEqual(['python311-core.zip', 'python311-rest.zip', 'python311-source.zip']);
    const loads = { 'python311-rest.zip': 0, 'python311-source.zip': 0 };
    const lazy: StdlibFiles = { ...stdlib };
    for (const name of Object.keys(loads) as (keyof typeof loads)[]) {
      lazy[name] = () => (loads[name]++, stdlib[name] as Uint8Array);
    }
    const article = await createHost({ module, stdlib: lazy, files: { 'plugin.py': articlePlugin } });
    expect(article.run(DEFAULT_PAYLOAD, DEFAULT_IDENT).outcome).toEqual({ kind: 'result', value: DEFAULT_RESULT });
    expect(loads).toEqual({ 'python311-rest.zip': 0, 'python311-source.zip': 0 });
    // Submodules of packages that start-up imports (encodings, importlib, json) must be found too.
    const wide = await createHost({
      module,
      stdlib: lazy,
      files: plugin(`
import sqlite3, codecs, json.tool, importlib.metadata
import xml.etree.ElementTree as ET
def run_e(p, i):
    parts = [sqlite3.sqlite_version, codecs.lookup("us-ascii").name, "é".encode("cp1252").hex(), ET.tostring(ET.fromstring("<a/>")).decode()]
    sdk.return_result(" ".join(parts), i)
`),
    });
    expect(wide.run('', 1).outcome).toEqual({ kind: 'result', value: '3.40.1 ascii e9 <a />' });
    expect(loads).toEqual({ 'python311-rest.zip': 1, 'python311-source.zip': 0 });
    // A plugin's own exception: its traceback's lines are the plugin's, the sources stay unread.
    const failing = await createHost({ module, stdlib: lazy, files: plugin('def run_e(p, i):\n    raise ValueError("own")\n') });
    expect(failing.run('', 2).outcome).toMatchObject({ kind: 'error', code: 1, message: 'ValueError: own' });
    expect(loads['python311-source.zip']).toBe(0);
    // A traceback through the standard library reads the source zip, once per instance.
    const traced = await createHost({ module, stdlib: lazy, files: JSON_TRACEBACK });
    expect(traced.run('nope', 3).outcome).toMatchObject({ kind: 'result' });
    expect(loads['python311-source.zip']).toBe(1);
  });

  it("shows the standard library's source lines in tracebacks, as native Python does", async () => {
    const h = await host(JSON_TRACEBACK);
    const report = h.run('nope', 4);
    expect(report.outcome.kind).toBe('result');
    // traceback.print_exc() writes to stderr, that is to the host's log at the Python level.
    const printed = report.log.filter((e) => e.stream === 'stderr');
    expect(printed.every((e) => e.level === 'python')).toBe(true);
    const formatted = report.outcome.kind === 'result' ? report.outcome.value.split('\n') : [];
    for (const lines of [printed.map((e) => e.text), formatted]) {
      const at = lines.findIndex((l) => l.includes('/lib/python311-core.zip/json/decoder.py", line 355, in raw_decode'));
      expect(at).toBeGreaterThan(0);
      expect(lines[at + 1]?.trim()).toBe('raise JSONDecodeError("Expecting value", s, err.value) from None');
      expect(lines.map((l) => l.trim())).toContain('json.loads(payload)');
    }
    // The traceback the wrapper prints for an exception that escapes run_e shows them too.
    const escaped = await runOnce(plugin('import json\ndef run_e(p, i):\n    json.loads(p)\n'), 'nope');
    expect(escaped.outcome).toMatchObject({
      kind: 'error',
      code: 1,
      message: 'json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)',
    });
    const wrapperLines = escaped.log.filter((e) => e.level === 'python' && e.stream === 'stderr').map((e) => e.text);
    const frame = wrapperLines.findIndex((l) => l.includes('/lib/python311-core.zip/json/decoder.py", line 355, in raw_decode'));
    expect(frame).toBeGreaterThan(0);
    expect(wrapperLines[frame + 1]?.trim()).toBe('raise JSONDecodeError("Expecting value", s, err.value) from None');
    // inspect reads the same lines.
    const source = await runOnce(
      plugin('import inspect, json\ndef run_e(p, i):\n    sdk.return_result(inspect.getsource(json.dumps).splitlines()[0], i)\n'),
    );
    expect(source.outcome).toEqual({ kind: 'result', value: 'def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,' });
  });

  it('gives each instance of the pre-initialised module its own random state', async () => {
    const draw = plugin('import random, os\ndef run_e(p, i):\n    sdk.return_result(f"{random.random()} {os.urandom(8).hex()}", i)\n');
    const draws = async () => {
      const { outcome } = await runOnce(draw);
      expect(outcome.kind).toBe('result');
      return outcome.kind === 'result' ? outcome.value.split(' ') : [];
    };
    const [randomA, urandomA] = await draws();
    const [randomB, urandomB] = await draws();
    expect(randomA).not.toBe(randomB);
    expect(urandomA).not.toBe(urandomB);
  });

  it('makes a fresh interpreter for new files: nothing of the old plugin survives', async () => {
    const first = await runOnce(plugin('import builtins\nbuiltins.leak = 1\ndef run_e(p, i):\n    sdk.return_result("set", i)\n'));
    expect(first.outcome).toEqual({ kind: 'result', value: 'set' });
    const second = await runOnce(plugin('import builtins\ndef run_e(p, i):\n    sdk.return_result(str(hasattr(builtins, "leak")), i)\n'));
    expect(second.outcome).toEqual({ kind: 'result', value: 'False' });
  });

  it('holds the ast node types in the snapshot: a plugin that compiles nothing at run time finds them', async () => {
    // The plugin comes from bytecode made by another instance (an unchecked hash-based .pyc), so
    // nothing in this instance calls compile() before the check: the types can only come from
    // the snapshot (embed.c, warm_compile), which spares every fresh instance making them.
    const made = await runOnce(
      plugin(`import base64, importlib.util, marshal
SOURCE = """import gc, sdk
def run_e(p, i):
    found = any(isinstance(o, type) and o.__module__ == "ast" and o.__name__ == "FunctionDef" for o in gc.get_objects())
    sdk.return_result(str(found), i)
"""
def run_e(p, i):
    code = compile(SOURCE, "/plugin/plugin.py", "exec")
    header = importlib.util.MAGIC_NUMBER + (1).to_bytes(4, "little") + bytes(8)
    sdk.return_result(base64.b64encode(header + marshal.dumps(code)).decode(), i)
`),
    );
    expect(made.outcome.kind).toBe('result');
    const pyc = made.outcome.kind === 'result' ? new Uint8Array(Buffer.from(made.outcome.value, 'base64')) : new Uint8Array();
    const report = await runOnce({ 'plugin.py': '# stands for the bytecode\n', '__pycache__/plugin.cpython-311.pyc': pyc });
    expect(report.outcome).toEqual({ kind: 'result', value: 'True' });
  });

  it('runs the standard library modules plugins reach for (with @bjorn3/browser_wasi_shim)', async () => {
    const report = await runOnce(
      plugin(`
import json, zlib, bz2, lzma, sqlite3, uuid, re, decimal, hashlib, datetime, unicodedata, csv, io, statistics, dataclasses, typing
import xml.etree.ElementTree as ET
def run_e(p, i):
    data = b"hello " * 100
    db = sqlite3.connect(":memory:")
    db.execute("create table t (x)")
    db.executemany("insert into t values (?)", [(1,), (2,), (3,)])
    rows = io.StringIO()
    csv.writer(rows).writerow(["a", "b,c"])
    @dataclasses.dataclass
    class P:
        x: int
    out = {
        "zlib": zlib.decompress(zlib.compress(data)) == data,
        "bz2": bz2.decompress(bz2.compress(data)) == data,
        "lzma": lzma.decompress(lzma.compress(data)) == data,
        "sqlite": db.execute("select sum(x) from t").fetchone()[0],
        "uuid": str(uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")),
        "re": re.findall(r"\\d+", "a1b22"),
        "decimal": str(decimal.Decimal("0.1") + decimal.Decimal("0.2")),
        "sha256": hashlib.sha256(b"abc").hexdigest(),
        "md5": hashlib.md5(b"abc").hexdigest(),
        "date": datetime.date(2024, 2, 29).isoformat(),
        "unicode": unicodedata.name("λ"),
        "xml": ET.fromstring("<a><b>t</b></a>").find("b").text,
        "csv": rows.getvalue(),
        "mean": statistics.mean([1, 2, 3, 4]),
        "dataclass": repr(P(1)),
        "typing": typing.get_type_hints(P)["x"].__name__,
    }
    sdk.return_result(json.dumps(out), i)
`),
    );
    expect(report.outcome.kind).toBe('result');
    const out = JSON.parse((report.outcome as { value: string }).value);
    expect(out).toEqual({
      zlib: true,
      bz2: true,
      lzma: true,
      sqlite: 6,
      uuid: '886313e1-3b8a-5372-9b90-0c9aee199e5d',
      re: ['1', '22'],
      decimal: '0.3',
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      md5: '900150983cd24fb0d6963f7d28e17f72',
      date: '2024-02-29',
      unicode: 'GREEK SMALL LETTER LAMDA',
      xml: 't',
      csv: 'a,"b,c"\r\n',
      mean: 2.5,
      dataclass: 'run_e.<locals>.P(x=1)',
      typing: 'int',
    });
  });
});

describe('outcomes', () => {
  it('return_error gives its code and message', async () => {
    const report = await runOnce(plugin('def run_e(p, i):\n    sdk.return_error(42, "no: " + p, i)\n'), 'bad input');
    expect(report.outcome).toEqual({ kind: 'error', code: 42, message: 'no: bad input' });
  });

  it('an exception is error 1 with its traceback at the Python level', async () => {
    const report = await runOnce(plugin('def run_e(p, i):\n    raise ValueError("boom " + p)\n'), 'now');
    expect(report.outcome).toEqual({ kind: 'error', code: 1, message: 'ValueError: boom now' });
    const python = report.log.filter((e) => e.level === 'python').map((e) => e.text);
    expect(python).toContain('Traceback (most recent call last):');
    expect(python.some((t) => t.includes('line 3, in run_e'))).toBe(true);
  });

  it('a syntax error in the plugin is error 2 on every run, and says where', async () => {
    const h = await host({ 'plugin.py': 'def run_e(p, i)\n    pass\n' });
    for (const ident of [1, 2]) {
      const { outcome } = h.run('x', ident);
      expect(outcome.kind).toBe('error');
      if (outcome.kind !== 'error') return;
      expect(outcome.code).toBe(2);
      expect(outcome.message).toMatch(/SyntaxError/);
    }
  });

  it('a plugin without run_e is error 3', async () => {
    const { outcome } = await runOnce({ 'plugin.py': 'x = 1\n' });
    expect(outcome).toMatchObject({ kind: 'error', code: 3 });
  });

  it('a plugin that returns nothing gives the "none" outcome', async () => {
    const { outcome } = await runOnce(plugin('def run_e(p, i):\n    print("did nothing")\n'));
    expect(outcome).toEqual({ kind: 'none' });
  });

  it('sys.exit() inside run_e is error 5, and the instance serves the next run', async () => {
    const h = await host(
      plugin('import sys\ndef run_e(p, i):\n    if p == "exit":\n        sys.exit(3)\n    sdk.return_result("alive", i)\n'),
    );
    expect(h.run('exit', 1).outcome).toEqual({ kind: 'error', code: 5, message: 'SystemExit: 3' });
    expect(h.alive).toBe(true);
    expect(h.run('again', 2).outcome).toEqual({ kind: 'result', value: 'alive' });
  });

  it('plain print output and stderr belong to the Python level', async () => {
    const report = await runOnce(
      plugin(
        'import sys\ndef run_e(p, i):\n    print("hello out")\n    print("hello err", file=sys.stderr)\n    sdk.return_result("", i)\n',
      ),
    );
    const hello = report.log.filter((e) => e.text.startsWith('hello'));
    expect(hello.map((e) => [e.level, e.stream, e.text])).toEqual([
      ['python', 'stdout', 'hello out'],
      ['python', 'stderr', 'hello err'],
    ]);
  });
});
