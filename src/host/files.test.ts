// Python as people write it, through the host (the page's path: @bjorn3/browser_wasi_shim with
// our filesystem and poll_oneoff) and the committed wrapper: files, quota, binary files, wheels,
// sleeping. guest/wrapper.test.ts checks the same guest under node:wasi.
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGuest } from '../../cli/guest.ts';
import { createHost, type PluginFiles, type StdlibFiles } from './index.ts';
import type { Outcome } from './types.ts';

let module: WebAssembly.Module;
let stdlib: StdlibFiles;
beforeAll(async () => {
  ({ module, stdlib } = await compileGuest());
});

async function run(files: PluginFiles, payload = 'x', quotaBytes?: number): Promise<Outcome> {
  const host = await createHost({ module, stdlib, files, quotaBytes });
  return host.run(payload, 1).outcome;
}

/** The plugin's JSON result, parsed (fails the test on any other outcome). */
async function resultOf(files: PluginFiles, payload = 'x', quotaBytes?: number): Promise<unknown> {
  const outcome = await run(files, payload, quotaBytes);
  expect(outcome).toMatchObject({ kind: 'result' });
  return JSON.parse((outcome as { value: string }).value);
}

const py = (body: string) => `import sdk, json, os\n${body}`;

describe('one tree, as natively', () => {
  it('open/os/pathlib/shutil/tempfile: ENOENT for missing paths, EROFS for read-only parts', async () => {
    const plugin = py(`
import pathlib, shutil, tempfile, errno, time

def attempt(f):
    try:
        f()
        return "ok"
    except OSError as e:
        return f"{type(e).__name__} {errno.errorcode[e.errno]} {e.strerror}"

def run_e(payload, ident):
    r = {"cwd": os.getcwd()}
    pathlib.Path("notes/today.txt").parent.mkdir()
    pathlib.Path("notes/today.txt").write_text("hello")
    r["relative"] = open("notes/today.txt").read()
    r["missing"] = [attempt(lambda: open("/etc/app.conf")), attempt(lambda: os.stat("/nope")),
                    attempt(lambda: os.listdir("/usr/share/zoneinfo")),
                    attempt(lambda: pathlib.Path("/home/x").read_text())]
    r["readonly"] = [attempt(lambda: open("/lib/python311-core.zip", "wb")),
                     attempt(lambda: open("/app.conf", "w")), attempt(lambda: os.mkdir("/etc")),
                     attempt(lambda: os.remove("/lib/python311-core.zip"))]
    r["root"] = sorted(os.listdir("/"))
    with tempfile.NamedTemporaryFile("w+", suffix=".txt") as t:
        t.write("temp"); t.flush(); t.seek(0)
        r["tempfile"] = [t.name.startswith("/tmp/"), t.read()]
    d = tempfile.mkdtemp()
    shutil.copytree("notes", d + "/copy")
    shutil.copy2("notes/today.txt", d + "/copy/again.txt")
    os.rename(d + "/copy/again.txt", d + "/copy/moved.txt")
    r["copied"] = sorted(os.listdir(d + "/copy"))
    r["mtime"] = abs(os.stat(d + "/copy/moved.txt").st_mtime - os.stat("notes/today.txt").st_mtime) < 1
    shutil.rmtree(d)
    r["removed"] = os.path.exists(d)
    r["glob"] = sorted(str(p) for p in pathlib.Path("/plugin").glob("**/*.txt"))
    os.utime("notes/today.txt", (0, 0))
    old = os.stat("notes/today.txt").st_mtime
    pathlib.Path("notes/today.txt").touch()  # os.utime(path, None): "now"
    r["touched"] = [old, abs(os.stat("notes/today.txt").st_mtime - time.time()) < 5]
    fd = os.open("notes/today.txt", os.O_RDONLY)
    os.set_blocking(fd, False)
    r["blocking"] = os.get_blocking(fd)
    os.close(fd)
    sdk.return_result(json.dumps(r), ident)
`);
    expect(await resultOf({ 'plugin.py': plugin })).toEqual({
      cwd: '/plugin',
      relative: 'hello',
      missing: Array(4).fill('FileNotFoundError ENOENT No such file or directory'),
      readonly: Array(4).fill('OSError EROFS Read-only file system'),
      root: ['lib', 'plugin', 'tmp'],
      tempfile: [true, 'temp'],
      copied: ['moved.txt', 'today.txt'],
      mtime: true,
      removed: false,
      glob: ['/plugin/notes/today.txt'],
      blocking: false,
      touched: [0, true],
    });
  });
});

describe('the writable space has a quota', () => {
  it('past it, a write fails with OSError ENOSPC "No space left on device"; freeing makes room', async () => {
    const plugin = py(`
def run_e(payload, ident):
    r = []
    try:
        with open("/tmp/big", "wb") as f:
            for _ in range(40):
                f.write(b"x" * 65536)
    except OSError as e:
        r.append(f"{type(e).__name__}: [Errno {e.errno}] {e.strerror}")
    r.append(os.path.getsize("/tmp/big") <= 1024 * 1024)
    os.remove("/tmp/big")
    with open("again.bin", "wb") as f:
        f.write(b"y" * 1000000)
    r.append(os.path.getsize("again.bin"))
    sdk.return_result(json.dumps(r), ident)
`);
    expect(await resultOf({ 'plugin.py': plugin }, 'x', 1024 * 1024)).toEqual([
      'OSError: [Errno 51] No space left on device',
      true,
      1000000,
    ]);
  });

  it('64 MiB written in 4 KiB chunks from Python takes time linear in the bytes', async () => {
    const plugin = py(`
import time
def run_e(payload, ident):
    chunk = b"z" * 4096
    t0 = time.perf_counter()
    with open("/tmp/stream.bin", "wb") as f:
        for _ in range(64 * 256):
            f.write(chunk)
    sdk.return_result(json.dumps([os.path.getsize("/tmp/stream.bin"), time.perf_counter() - t0]), ident)
`);
    const [size, seconds] = (await resultOf({ 'plugin.py': plugin })) as [number, number];
    console.info(`Python wrote 64 MiB in 4 KiB chunks in ${(seconds * 1000).toFixed(0)} ms`);
    expect(size).toBe(64 * 1024 * 1024);
    expect(seconds).toBeLessThan(10);
  });
});

/** A 1x1 PNG's first chunk (the signature, IHDR), followed by every byte value once. */
function pngBytes(): Uint8Array {
  const head = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 3, 0, 0, 0, 2, 8, 6, 0, 0, 0];
  return new Uint8Array([...head, ...Array.from({ length: 256 }, (_, i) => i)]);
}

describe('binary files in the plugin folder', () => {
  it('a PNG and a SQLite database travel as bytes and read back exactly', async () => {
    // The database is made by the module itself, then handed to a new instance as a plugin file.
    const maker = py(`
import sqlite3, base64
def run_e(payload, ident):
    db = sqlite3.connect("/tmp/made.db")
    db.execute("create table fruit (name text, n int)")
    db.executemany("insert into fruit values (?, ?)", [("apple", 3), ("pear", 5)])
    db.commit(); db.close()
    sdk.return_result(base64.b64encode(open("/tmp/made.db", "rb").read()).decode(), ident)
`);
    const made = await run({ 'plugin.py': maker });
    expect(made.kind).toBe('result');
    const db = Uint8Array.from(atob((made as { value: string }).value), (c) => c.charCodeAt(0));
    expect(new TextDecoder().decode(db.subarray(0, 15))).toBe('SQLite format 3');

    const reader = py(`
import sqlite3, struct, pathlib
HERE = pathlib.Path(__file__).parent
def run_e(payload, ident):
    png = (HERE / "img" / "dot.png").read_bytes()
    width, height = struct.unpack(">II", png[16:24])
    db = sqlite3.connect(HERE / "data.db")
    rows = db.execute("select name, n from fruit order by n").fetchall()
    db.close()
    sdk.return_result(json.dumps({"png": [png[:4].hex(), width, height, list(png[29:]) == list(range(256))],
                                  "rows": rows}), ident)
`);
    expect(await resultOf({ 'plugin.py': reader, 'img/dot.png': pngBytes(), 'data.db': db })).toEqual({
      png: ['89504e47', 3, 2, true],
      rows: [
        ['apple', 3],
        ['pear', 5],
      ],
    });
  });
});

/** A wheel as pip would install it: the package, its dist-info with WHEEL and RECORD. */
function wheel(name: string, files: Record<string, string>, tag = 'py3-none-any'): Uint8Array {
  const enc = (s: string) => new TextEncoder().encode(s);
  const distInfo = `${name}-1.0.dist-info`;
  const entries: Record<string, Uint8Array> = {};
  for (const [path, text] of Object.entries(files)) entries[path] = enc(text);
  entries[`${distInfo}/METADATA`] = enc(`Metadata-Version: 2.1\nName: ${name}\nVersion: 1.0\n`);
  entries[`${distInfo}/WHEEL`] = enc(`Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: ${tag.endsWith('none-any')}\nTag: ${tag}\n`);
  entries[`${distInfo}/RECORD`] = enc(
    Object.keys(entries)
      .map((p) => `${p},,\n`)
      .join('') + `${distInfo}/RECORD,,\n`,
  );
  return zipSync(entries);
}

describe('wheels at the top of the plugin folder', () => {
  it('are importable as if installed, in name order after the plugin folder', async () => {
    const plugin = py(`
import sys
import greet, shared
def run_e(payload, ident):
    sdk.return_result(json.dumps([greet.hello(payload), shared.WHO, greet.__file__,
                                  [p for p in sys.path if p.startswith("/plugin")]]), ident)
`);
    const files: PluginFiles = {
      'plugin.py': plugin,
      'b_pkg-1.0-py3-none-any.whl': wheel('b_pkg', { 'shared.py': 'WHO = "b"\n' }),
      'a_pkg-1.0-py3-none-any.whl': wheel('a_pkg', {
        'greet/__init__.py': 'def hello(x):\n    return "hello " + x\n',
        'shared.py': 'WHO = "a"\n',
      }),
    };
    expect(await resultOf(files, 'you')).toEqual([
      'hello you',
      'a',
      '/plugin/a_pkg-1.0-py3-none-any.whl/greet/__init__.py',
      ['/plugin', '/plugin/a_pkg-1.0-py3-none-any.whl', '/plugin/b_pkg-1.0-py3-none-any.whl'],
    ]);
  });

  it('a wheel with compiled code is refused with a message naming the file', async () => {
    const files: PluginFiles = {
      'plugin.py': py('def run_e(p, i):\n    sdk.return_result("ran", i)\n'),
      'fast-2.0-cp311-cp311-manylinux_2_17_x86_64.whl': wheel(
        'fast',
        { 'fast/__init__.py': '', 'fast/_speed.cpython-311-x86_64-linux-gnu.so': '\x7fELF' },
        'cp311-cp311-manylinux_2_17_x86_64',
      ),
    };
    expect(await run(files)).toEqual({
      kind: 'error',
      code: 2,
      message:
        'cannot import plugin: ImportError: wheel fast-2.0-cp311-cp311-manylinux_2_17_x86_64.whl holds compiled code (fast/_speed.cpython-311-x86_64-linux-gnu.so): only pure-Python wheels (tag py3-none-any) can run in the module',
    });
  });
});

describe('clocks and sleeping under the host (its own poll_oneoff and clocks)', () => {
  it('time.sleep and asyncio.sleep wait as long as asked, process_time runs, and async run_e runs', async () => {
    const plugin = py(`
import time, asyncio
async def run_e(payload, ident):
    t0, p0 = time.monotonic(), time.process_time()
    time.sleep(0.2)
    t1 = time.monotonic()
    await asyncio.gather(asyncio.sleep(0.2), asyncio.sleep(0.1))
    t2 = time.monotonic()
    sdk.return_result(json.dumps([t1 - t0, t2 - t1, time.process_time() > p0 > 0,
                                  time.get_clock_info("process_time").resolution > 0]), ident)
`);
    const [slept, gathered, processTime, resolution] = (await resultOf({ 'plugin.py': plugin })) as [number, number, boolean, boolean];
    expect([processTime, resolution]).toEqual([true, true]);
    expect(slept).toBeGreaterThanOrEqual(0.2);
    expect(slept).toBeLessThan(0.6);
    expect(gathered).toBeGreaterThanOrEqual(0.2);
    expect(gathered).toBeLessThan(0.6);
  });
});
