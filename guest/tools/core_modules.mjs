// Measures which standard-library modules belong in python311-core.zip: runs a plain
// (not pre-initialised) wrapper the way Wizer does at build time (wizer.initialize: Python's
// start-up plus the warm imports of guest/src/embed.c), then _start with the article's plugin,
// and lists every module in sys.modules that came from a stdlib zip.
//
// Usage: node --no-turbo-fast-api-calls guest/tools/core_modules.mjs WRAPPER_PLAIN_WASM LIB_DIR [OUT]
//   WRAPPER_PLAIN_WASM  e.g. guest/.build/wrapper/wrapper-plain.wasm
//   LIB_DIR             a folder with python311-core.zip and/or python311-rest.zip (any split:
//                       the modules are found in either)
//   OUT                 default guest/core_modules.txt
// Then rebuild (bash guest/build.sh): build.sh takes the snapshot with only the core zip in
// /lib, so a list that misses a module fails the build.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WASI } from 'node:wasi';

const [wasmPath, libDir, out = new URL('../core_modules.txt', import.meta.url).pathname] = process.argv.slice(2);
if (!wasmPath || !libDir) {
  console.error('usage: core_modules.mjs WRAPPER_PLAIN_WASM LIB_DIR [OUT]');
  process.exit(2);
}

const pluginDir = mkdtempSync(join(tmpdir(), 'core-modules-'));
const tmpDir = mkdtempSync(join(tmpdir(), 'core-modules-tmp-'));
writeFileSync(join(pluginDir, 'article.py'), readFileSync(new URL('../plugin/plugin.py', import.meta.url)));
writeFileSync(
  join(pluginDir, 'plugin.py'),
  `import json, sys
import sdk
import article  # the article's plugin: its imports belong to start-up too
# Common in plugins but left out of the snapshot (guest/src/embed.c): the core zip still holds them.
import dataclasses, typing

def run_e(payload, ident):
    files = set()
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None) or ""
        loader = getattr(getattr(module, "__spec__", None), "loader", None)
        # Frozen modules (importlib._bootstrap, ...) may carry a zip path in __file__.
        if type(loader).__name__ == "zipimporter" and ".zip/" in path:
            entry = path.split(".zip/", 1)[1]
            files.add(entry if entry.endswith(".pyc") else entry + "c")
    sdk.return_result(json.dumps({"files": sorted(files), "modules": sorted(sys.modules)}), ident)
`,
);

const wasi = new WASI({
  version: 'preview1',
  args: ['wrapper'],
  env: {},
  preopens: { '/plugin': pluginDir, '/lib': libDir, '/tmp': tmpDir },
  returnOnExit: true,
});
let memory;
let result = null;
const text = (ptr, len) => new TextDecoder().decode(new Uint8Array(memory.buffer, ptr, len));
const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), {
  ...wasi.getImportObject(),
  env: {
    return_result: (ptr, len) => (result = text(ptr, len)),
    return_error: (code, ptr, len) => {
      throw new Error(`return_error ${code}: ${text(ptr, len)}`);
    },
  },
});
const ex = instance.exports;
memory = ex.memory;
if (typeof ex['wizer.initialize'] !== 'function') throw new Error('not a plain module (no wizer.initialize)');
// node:wasi only starts a module through its _start: hand it wizer.initialize under that name.
wasi.start({ exports: { memory: ex.memory, _start: () => ex['wizer.initialize']() } });
ex._start();
const ptr = ex.allocate(1);
ex.run_e(ptr, 0, 1);
rmSync(pluginDir, { recursive: true, force: true });
rmSync(tmpDir, { recursive: true, force: true });
if (result === null) throw new Error('the plugin returned nothing');
const { files, modules } = JSON.parse(result);
for (const bad of ['random', '_random', 'tempfile', 'secrets']) {
  if (modules.includes(bad)) throw new Error(`start-up imports ${bad}: its state would be in the snapshot`);
}
const core = files.filter((f) => f !== 'article.pyc');
writeFileSync(
  out,
  "# python311-core.zip: what the wrapper's start-up, its warm imports (guest/src/embed.c) and the\n" +
    "# article's plugin load. Written by guest/tools/core_modules.mjs; build.sh checks it.\n" +
    core.join('\n') +
    '\n',
);
console.log(`${core.length} modules -> ${out} (${modules.length} in sys.modules, built-in and frozen included)`);
