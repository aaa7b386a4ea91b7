// The Worker half of the Pyodide side: loads Pyodide from the npm package (served by the bench
// server under /pyodide/), gives Python an `sdk` module like our wrapper's, and runs the plugin.
//
// With a memory snapshot (the `pyodide_snapshot` side), loadPyodide restores the heap saved by a
// `make` visit instead of bootstrapping the interpreter. Pyodide's snapshot API (314.0.7, private:
// `_makeSnapshot`, `makeMemorySnapshot()`, `_loadSnapshot`) saves the whole wasm heap plus the
// table of JS objects Python holds; an object it cannot name by a path from `globalThis` makes
// makeMemorySnapshot throw ("Can't serialize object at index …"), so the `sdk` JS module is
// registered after loading in every mode, never before a snapshot.
import { loadPyodide } from '/pyodide/pyodide.mjs';

/** Where the bench server keeps the snapshot a `make` visit posted (see bench/server.ts). */
const SNAPSHOT_URL = '/bench/snapshot/pyodide.snapshot';

let lines = [];
let outcome = null;
const sdk = {
  return_result: (value, ident) => {
    outcome = { kind: 'result', value, ident };
  },
  return_error: (code, message, ident) => {
    outcome = { kind: 'error', code, message, ident };
  },
};

let pyodide = null;
let currentCode = null;
let runE = null;

/** A fresh namespace with the plugin's code in it: the analogue of our fresh interpreter on an edit. */
function define(code) {
  runE?.destroy();
  const globals = pyodide.globals.get('dict')();
  pyodide.runPython(code, { globals, filename: 'plugin.py' });
  runE = globals.get('run_e');
  globals.destroy();
  currentCode = code;
}

const fetchPlugin = (plugin) =>
  fetch(`/bench/plugins/${plugin}.py`).then((r) => {
    if (!r.ok) throw new Error(`plugin ${plugin}: HTTP ${r.status}`);
    return r.text();
  });

const fetchSnapshot = () =>
  fetch(SNAPSHOT_URL).then((r) => {
    if (!r.ok) throw new Error(`snapshot: HTTP ${r.status} (the bench makes it first, with ?make-snapshot=1)`);
    return r.arrayBuffer();
  });

/** mode 'default': a plain loadPyodide; 'snapshot': loadPyodide from the saved snapshot. */
async function load(plugin, mode) {
  const [py, code] = await Promise.all([
    loadPyodide({
      indexURL: '/pyodide/',
      stdout: (l) => lines.push(l),
      stderr: (l) => lines.push(l),
      // A promise: loadPyodide awaits it only once its own script is in, so both fetches overlap.
      ...(mode === 'snapshot' ? { _loadSnapshot: fetchSnapshot() } : {}),
    }),
    fetchPlugin(plugin),
  ]);
  pyodide = py;
  pyodide.registerJsModule('sdk', sdk);
  define(code);
  return code;
}

/**
 * The snapshot a Pyodide app would ship: the interpreter bootstrapped and the plugin's own imports
 * (all but `sdk`) done, nothing else. Posted to the bench server; resolves with its size.
 */
async function makeSnapshot(plugin) {
  const [py, code] = await Promise.all([loadPyodide({ indexURL: '/pyodide/', _makeSnapshot: true }), fetchPlugin(plugin)]);
  py.runPython(`
import importlib
from pyodide.code import find_imports
for _name in find_imports(${JSON.stringify(code)}):
    if _name != 'sdk':
        importlib.import_module(_name)
del importlib, find_imports, _name
`);
  const bytes = py.makeMemorySnapshot();
  const r = await fetch(SNAPSHOT_URL, { method: 'POST', body: bytes });
  if (!r.ok) throw new Error(`posting the snapshot: HTTP ${r.status}`);
  return bytes.length;
}

self.onmessage = async ({ data }) => {
  if (data.type === 'load') {
    try {
      if (data.mode === 'make') {
        self.postMessage({ type: 'snapshot', bytes: await makeSnapshot(data.plugin) });
        return;
      }
      const code = await load(data.plugin, data.mode);
      self.postMessage({ type: 'ready', code, log: lines.splice(0) });
    } catch (e) {
      self.postMessage({ type: 'failed', message: String(e?.message ?? e) });
    }
  } else if (data.type === 'run') {
    outcome = null;
    try {
      if (data.code !== currentCode) define(data.code);
      runE(data.payload, data.ident);
    } catch (e) {
      outcome = { kind: 'crash', message: String(e?.message ?? e) };
    }
    self.postMessage({ type: 'done', id: data.id, outcome: outcome ?? { kind: 'none' }, log: lines.splice(0) });
  }
};
