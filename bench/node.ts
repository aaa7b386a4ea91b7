// npm run bench -- --node: the CLI path under Node, with src/host directly (no Worker thread, no
// log printing): compile the wrapper, createHost (instantiate + _start), one run, and a fresh
// instance from the compiled module. Pyodide's Node build beside it, from the same npm package.
import { join } from 'node:path';
import { loadPyodide } from 'pyodide';
import { readGuest } from '../cli/guest.ts';
import { createHost, type StdlibFiles } from '../src/host/index.ts';
import { articleSource, IDENT, PAYLOAD, RESULT } from './plugins.ts';
import { ROOT } from './server.ts';
import { round, summarize, table, type Summary } from './stats.ts';

const RERUN_LOOP = 200;
const EDIT_LOOP = 20;

interface Options {
  n: number;
  json: boolean;
  machine: (chromium: string) => object;
}

const ms = (t0: number) => performance.now() - t0;

function expectResult(side: string, value: string | undefined) {
  if (value !== RESULT) throw new Error(`${side}: expected ${JSON.stringify(RESULT)}, got ${JSON.stringify(value)}`);
}

async function oursOnce(wrapper: Uint8Array, stdlib: StdlibFiles, source: string): Promise<Record<string, number>> {
  const files = { 'plugin.py': source };
  let t = performance.now();
  const module = await WebAssembly.compile(wrapper as Uint8Array<ArrayBuffer>);
  const compile = ms(t);
  t = performance.now();
  const host = await createHost({ module, stdlib, files });
  const start = ms(t);
  t = performance.now();
  const first = host.run(PAYLOAD, IDENT);
  const firstRun = ms(t);
  expectResult('ours', first.outcome.kind === 'result' ? first.outcome.value : JSON.stringify(first.outcome));
  t = performance.now();
  for (let i = 0; i < RERUN_LOOP; i++) host.run(PAYLOAD, IDENT);
  const rerun = ms(t) / RERUN_LOOP;
  t = performance.now();
  for (let i = 0; i < EDIT_LOOP; i++) {
    const fresh = await createHost({ module, stdlib, files: { 'plugin.py': `# edit ${i}\n${source}` } });
    const o = fresh.run(PAYLOAD, IDENT).outcome;
    expectResult('ours (fresh instance)', o.kind === 'result' ? o.value : JSON.stringify(o));
  }
  const fresh = ms(t) / EDIT_LOOP;
  return {
    cold_ms: compile + start + firstRun,
    compile_ms: compile,
    start_ms: start,
    first_run_ms: firstRun,
    rerun_ms: rerun,
    edit_rerun_ms: fresh,
  };
}

async function pyodideOnce(source: string): Promise<Record<string, number>> {
  let result: string | undefined;
  const sdk = {
    return_result: (value: string) => void (result = value),
    return_error: (code: number, message: string) => void (result = `error ${code}: ${message}`),
  };
  let t = performance.now();
  const py = await loadPyodide({ stdout: () => undefined, stderr: () => undefined });
  const load = ms(t);
  py.registerJsModule('sdk', sdk);
  const define = (code: string) => {
    const globals = py.globals.get('dict')();
    py.runPython(code, { globals, filename: 'plugin.py' });
    const f = globals.get('run_e');
    globals.destroy();
    return f as ((payload: string, ident: number) => void) & { destroy(): void };
  };
  t = performance.now();
  let runE = define(source);
  runE(PAYLOAD, IDENT);
  const firstRun = ms(t);
  expectResult('pyodide', result);
  t = performance.now();
  for (let i = 0; i < RERUN_LOOP; i++) runE(PAYLOAD, IDENT);
  const rerun = ms(t) / RERUN_LOOP;
  t = performance.now();
  for (let i = 0; i < EDIT_LOOP; i++) {
    runE.destroy();
    result = undefined;
    runE = define(`# edit ${i}\n${source}`);
    runE(PAYLOAD, IDENT);
    expectResult('pyodide (edit)', result);
  }
  const edit = ms(t) / EDIT_LOOP;
  runE.destroy();
  return { cold_ms: load + firstRun, start_ms: load, first_run_ms: firstRun, rerun_ms: rerun, edit_rerun_ms: edit };
}

export async function runNode(options: Options): Promise<number> {
  let wrapper: Uint8Array;
  let stdlib: StdlibFiles;
  try {
    ({ wrapper, stdlib } = await readGuest(join(ROOT, 'public/guest/wrapper.wasm')));
  } catch (e) {
    process.stderr.write(`bench --node: cannot read the guest (${(e as Error).message}); build it with npm run build:guest\n`);
    return 2;
  }
  const source = articleSource();
  const samples: Record<'ours' | 'pyodide', Record<string, number[]>> = { ours: {}, pyodide: {} };
  const add = (side: 'ours' | 'pyodide', r: Record<string, number>) => {
    for (const [k, v] of Object.entries(r)) (samples[side][k] ??= []).push(v);
  };
  process.stderr.write(`bench --node: ${options.n} measured rounds (+1 discarded), sides interleaved\n`);
  for (let r = 0; r <= options.n; r++) {
    const ours = await oursOnce(wrapper, stdlib, source);
    const pyodide = await pyodideOnce(source);
    if (r > 0) {
      add('ours', ours);
      add('pyodide', pyodide);
    }
    process.stderr.write(`  round ${r}/${options.n}\n`);
  }
  const out = { ours: {} as Record<string, Summary>, pyodide: {} as Record<string, Summary> };
  for (const side of ['ours', 'pyodide'] as const) for (const [k, xs] of Object.entries(samples[side])) out[side][k] = summarize(xs);
  const metrics = ['cold_ms', 'compile_ms', 'start_ms', 'first_run_ms', 'rerun_ms', 'edit_rerun_ms'];
  const ratio: Record<string, number> = {};
  for (const m of metrics) {
    const a = out.ours[m]?.median;
    const b = out.pyodide[m]?.median;
    if (a !== undefined && b !== undefined && b !== 0) ratio[m] = round(a / b);
  }
  process.stdout.write(
    `\n${table(
      metrics,
      [
        { title: 'ours', summaries: out.ours },
        { title: 'pyodide', summaries: out.pyodide },
      ],
      [{ title: 'ours/pyodide', values: ratio }],
    )}\n\n`,
  );
  const notes = [
    'ours: compile = WebAssembly.compile of wrapper.wasm; start = createHost (instantiate + _start); first_run = host.run; edit_rerun = createHost from the compiled module with an edited plugin + run (a fresh instance)',
    'pyodide: start = loadPyodide (Node build from node_modules/pyodide, compile included); first_run = runPython of the plugin + call; edit_rerun = runPython in a fresh namespace + call',
    `rerun_ms: average of ${RERUN_LOOP} runs on one instance; edit_rerun_ms: average of ${EDIT_LOOP}`,
  ];
  for (const n of notes) process.stdout.write(`note: ${n}\n`);
  if (options.json) process.stdout.write(`${JSON.stringify({ ...out, ratio, machine: options.machine('(not used)'), notes })}\n`);
  return 0;
}
