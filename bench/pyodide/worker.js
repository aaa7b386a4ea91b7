// The Worker half of the Pyodide side: loads Pyodide from the npm package (served by the bench
// server under /pyodide/), gives Python an `sdk` module like our wrapper's, and runs the plugin.
import { loadPyodide } from '/pyodide/pyodide.mjs';

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

async function load(plugin) {
  const [py, code] = await Promise.all([
    loadPyodide({ indexURL: '/pyodide/', stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) }),
    fetch(`/bench/plugins/${plugin}.py`).then((r) => {
      if (!r.ok) throw new Error(`plugin ${plugin}: HTTP ${r.status}`);
      return r.text();
    }),
  ]);
  pyodide = py;
  pyodide.registerJsModule('sdk', sdk);
  define(code);
  return code;
}

self.onmessage = async ({ data }) => {
  if (data.type === 'load') {
    try {
      const code = await load(data.plugin);
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
