// npm run bench [-- --json] [-- --quick] [-- --node] [-- --n N] [-- --side ours|pyodide|pyodide_snapshot]
//
// Our playground (dist/, the production build) against Pyodide (bench/pyodide/, the npm package),
// both as it loads by default and restored from its memory snapshot, in headless Chromium, served
// by one loopback server; or, with --node, our CLI path under Node.
// See bench/README.md for what each metric means and how it is taken.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from '@playwright/test';
import { shareUrl } from '../src/share/codec.ts';
import {
  BenchError,
  clickRun,
  editPlugin,
  fetchedBodies,
  lastRunSource,
  launch,
  launchPersistent,
  peakRendererMb,
  settleServiceWorker,
  visit,
  workerLoop,
  type Visit,
} from './browser.ts';
import { runNode } from './node.ts';
import { IDENT, PAYLOAD, RESULT, wideResult, wideSource } from './plugins.ts';
import { fileFor, ROOT, startServer } from './server.ts';
import { transfer } from './sizes.ts';
import { round, summarize, table, type Summary } from './stats.ts';

/** `pyodide_snapshot`: the same Pyodide page restored from a memory snapshot (its fastest start). */
const SIDE_NAMES = ['ours', 'pyodide', 'pyodide_snapshot'] as const;
type SideName = (typeof SIDE_NAMES)[number];

interface Side {
  name: SideName;
  articleUrl: string;
  wideUrl: string;
  /** URL path prefixes of the interpreter's own files (module, stdlib, loader, snapshot). */
  runtimePrefixes: string[];
}

/** Where the Pyodide page posts the snapshot it makes and loads it from (bench/server.ts). */
const SNAPSHOT_PATH = '/bench/snapshot/pyodide.snapshot';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const nArg = args.indexOf('--n');
const QUICK = flag('--quick');
const JSON_OUT = flag('--json');
const sideArg = args.indexOf('--side');
/** `--side ours|pyodide|pyodide_snapshot` measures one side only (for development). */
const SIDES: SideName[] = sideArg >= 0 ? [args[sideArg + 1] as SideName] : [...SIDE_NAMES];
for (const s of SIDES)
  if (!SIDE_NAMES.includes(s)) {
    process.stderr.write(`bench: --side takes one of ${SIDE_NAMES.join(', ')}, not ${s}\n`);
    process.exit(2);
  }
const N = nArg >= 0 ? Number(args[nArg + 1]) : QUICK ? 2 : 9;
const RERUN_LOOP = QUICK ? 20 : 200;
const EDIT_LOOP = QUICK ? 3 : 20;
/** A person's pause between editing and pressing Run: the page may prepare in the background. */
const EDIT_PAUSE_MS = 1000;

const METRICS = [
  'cold_start_ms',
  'ready_ms',
  'warm_start_ms',
  'cold_start_wide_ms',
  'rerun_ms',
  'rerun_worker_ms',
  'edit_rerun_ms',
  'edit_rerun_worker_ms',
  'runtime_transfer_brotli_bytes',
  'runtime_transfer_gzip_bytes',
  'runtime_transfer_raw_bytes',
  'page_transfer_brotli_bytes',
  'page_transfer_gzip_bytes',
  'page_transfer_raw_bytes',
  'peak_memory_mb',
];

const say = (line: string) => process.stderr.write(`${line}\n`);

class Results {
  samples: Record<SideName, Record<string, number[]>> = { ours: {}, pyodide: {}, pyodide_snapshot: {} };
  failures: string[] = [];
  notes: string[] = [];
  private failed = new Map<string, number>();

  add(side: SideName, metric: string, value: number | null) {
    if (value === null) return;
    (this.samples[side][metric] ??= []).push(value);
  }

  /** Runs one measurement; after two failures of the same one, the rest of its rounds are skipped. */
  async take<T>(side: SideName, metric: string, f: () => Promise<T>): Promise<T | undefined> {
    const key = `${side}:${metric}`;
    const failures = this.failed.get(key) ?? 0;
    if (failures >= 2) return undefined;
    try {
      return await f();
    } catch (e) {
      this.failed.set(key, failures + 1);
      const message = `${side}: ${metric}: ${e instanceof BenchError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
      this.failures.push(message);
      say(`FAILED ${message}`);
      return undefined;
    }
  }
}

/** The sides rotated by one each round, so none always goes first (or last). */
const order = (round: number): SideName[] => {
  const k = ((round % SIDES.length) + SIDES.length) % SIDES.length; // the warm starts' first rounds are negative
  return [...SIDES.slice(k), ...SIDES.slice(0, k)];
};

async function browserBench(): Promise<number> {
  if (SIDES.includes('ours') && !existsSync(join(ROOT, 'dist/index.html'))) {
    say('bench: dist/ is missing: run `npx vite build` first (the bench measures the production build and builds nothing itself)');
    return 2;
  }
  const server = await startServer();
  const origin = server.origin;
  const wide = { files: { 'plugin.py': wideSource() }, payload: PAYLOAD, ident: IDENT };
  const link = shareUrl(`${origin}/`, wide);
  if (!link.ok) throw new Error(`cannot make the share link: ${link.error}`);
  const sides: Record<SideName, Side> = {
    ours: { name: 'ours', articleUrl: `${origin}/`, wideUrl: link.value, runtimePrefixes: ['/guest/'] },
    pyodide: {
      name: 'pyodide',
      articleUrl: `${origin}/bench/pyodide/`,
      wideUrl: `${origin}/bench/pyodide/?plugin=wide`,
      runtimePrefixes: ['/pyodide/'],
    },
    pyodide_snapshot: {
      name: 'pyodide_snapshot',
      articleUrl: `${origin}/bench/pyodide/?snapshot=1`,
      wideUrl: `${origin}/bench/pyodide/?snapshot=1&plugin=wide`,
      runtimePrefixes: ['/pyodide/', '/bench/snapshot/'],
    },
  };
  const WIDE_RESULT = wideResult(PAYLOAD);
  const R = new Results();
  const rounds = N + 1; // round 0 is discarded
  let chromiumVersion = '';
  const transfers: Record<string, unknown> = {};

  say(`bench: ${origin}, ${N} measured rounds (+1 discarded), sides interleaved`);

  // --- setup: the Pyodide memory snapshot, made once in this Chromium before anything is timed ---
  if (SIDES.includes('pyodide_snapshot')) {
    const made = await R.take('pyodide_snapshot', 'snapshot', () => makeSnapshot(`${origin}/bench/pyodide/?make-snapshot=1`));
    if (made === undefined) SIDES.splice(SIDES.indexOf('pyodide_snapshot'), 1);
    else {
      transfers['pyodide_snapshot_file'] = made;
      say(`  pyodide snapshot: ${made.raw} bytes (brotli ${made.brotli}), made in ${Math.round(made.ms)} ms`);
    }
  }

  // --- cold starts: a fresh browser and context per visit (empty cache, one renderer to read) ---
  for (const kind of ['article', 'wide'] as const) {
    const metric = kind === 'article' ? 'cold_start_ms' : 'cold_start_wide_ms';
    for (let r = 0; r < rounds; r++) {
      for (const name of order(r)) {
        const side = sides[name];
        await R.take(name, metric, async () => {
          const browser = await launch();
          chromiumVersion = browser.version();
          try {
            const context = await browser.newContext();
            const v = await visit(
              `${name}: ${metric}`,
              context,
              kind === 'article' ? side.articleUrl : side.wideUrl,
              kind === 'article' ? RESULT : WIDE_RESULT,
            );
            if (!v.isolated) R.notes.push(`${name}: the page was not cross-origin isolated`);
            if (v.foreign.length > 0) throw new BenchError(`fetched from outside the bench server: ${v.foreign.join(', ')}`);
            if (r === 0) return;
            R.add(name, metric, v.resultMs);
            if (kind === 'article') {
              R.add(name, 'ready_ms', v.readyMs);
              R.add(name, 'peak_memory_mb', await peakRendererMb(browser));
              if (r === 1) await recordTransfer(R, transfers, side, v);
            } else if (r === 1) {
              transfers[`${name}_wide_files`] = [...new Set(v.paths)];
            }
          } finally {
            await browser.close();
          }
        });
      }
      say(`  ${metric}: round ${r}/${N}`);
    }
  }

  // --- warm starts: an on-disk profile per side, relaunched for every visit ---
  const WARM_DWELL_MS = 3000;
  const dirs = Object.fromEntries(SIDES.map((s) => [s, mkdtempSync(join(tmpdir(), `bench-warm-${s}-`))])) as Record<SideName, string>;
  try {
    // Two untimed first visits fill the HTTP cache and V8's code caches (and install a Service
    // Worker, when the page registers one); round 0 is discarded too.
    for (let r = -2; r < rounds; r++) {
      for (const name of order(r)) {
        await R.take(name, 'warm_start_ms', async () => {
          const context = await launchPersistent(dirs[name]);
          try {
            const v = await visit(`${name}: warm_start_ms`, context, sides[name].articleUrl, RESULT);
            if (r > 0) R.add(name, 'warm_start_ms', v.resultMs);
            // A person stays on the page after the result; Chromium writes a module's wasm code
            // cache only once enough of it has tiered up (about 2 s), so a visit closed at once
            // would leave the next one nothing to reuse. Untimed, the same for every side.
            await new Promise((resolve) => setTimeout(resolve, WARM_DWELL_MS));
            // A returning visit is one the page's Service Worker (if any) controls: no visit
            // closes while it still installs (precaches). Untimed; nothing to wait for without one.
            const sw = await settleServiceWorker(v.page);
            if (sw !== 'none') R.notes.push(`${name}: warm_start_ms: the page registers a Service Worker; after each visit it was ${sw}`);
          } finally {
            await context.close();
          }
        });
      }
      if (r >= 0) say(`  warm_start_ms: round ${r}/${N}`);
    }
  } finally {
    for (const d of Object.values(dirs)) rmSync(d, { recursive: true, force: true });
  }

  // --- on one started page per side: reruns and edits, through the UI and straight to the Worker ---
  const browser: Browser = await launch();
  const contexts: BrowserContext[] = [];
  try {
    const pages: Partial<Record<SideName, Visit>> = {};
    for (const name of SIDES) {
      const context = await browser.newContext();
      contexts.push(context);
      pages[name] = await R.take(name, 'rerun_ms', () => visit(`${name}: page for reruns`, context, sides[name].articleUrl, RESULT));
    }
    const noteLoop = (name: SideName, viaHook: boolean) =>
      R.notes.push(
        viaHook
          ? `${name}: the *_worker figures time the page's window.__bench hook (runWorker / editRunWorker); one untimed request per sample checks the reply`
          : `${name}: the page has no window.__bench hook; the *_worker figures post the page's own 'run' request to its Worker and wait for the 'done' reply with that id`,
      );
    let seq = 0;
    for (let r = 0; r < rounds; r++) {
      for (const name of order(r)) {
        const page = pages[name]?.page;
        if (page === undefined) continue;
        // A palindrome between z's: whether the plugin reverses that word or not, the result ends in
        // it, and no tag is inside another, so each run's result is told apart from the last.
        const tag = () => {
          const n = String(++seq);
          return ` z${n}${[...n].reverse().join('')}z`;
        };
        // The previous round's edit_rerun_worker_ms ran other files on the page's Worker: one
        // untimed run of the page's own files first, so the timed one is a rerun on the same
        // instance (otherwise ours would time starting a fresh instance and call it a rerun).
        let t = tag();
        await R.take(name, 'rerun_ms', () => clickRun(`${name}: rerun_ms (untimed)`, page, PAYLOAD + t, RESULT + t));
        t = tag();
        const rerun = await R.take(name, 'rerun_ms', () => clickRun(`${name}: rerun_ms`, page, PAYLOAD + t, RESULT + t));
        const rerunWorker = await R.take(name, 'rerun_worker_ms', async () => {
          const { ms, viaHook } = await workerLoop(`${name}: rerun_worker_ms`, page, RERUN_LOOP, false, PAYLOAD, IDENT, RESULT);
          noteLoop(name, viaHook);
          return ms;
        });
        t = tag();
        const edit = await R.take(name, 'edit_rerun_ms', async () => {
          await editPlugin(page, `bench edit ${seq}`);
          await page.waitForTimeout(EDIT_PAUSE_MS);
          const ms = await clickRun(`${name}: edit_rerun_ms`, page, PAYLOAD + t, RESULT + t);
          if (!(await lastRunSource(page))?.includes(`# bench edit ${seq}`)) throw new BenchError('the edit did not reach the run request');
          return ms;
        });
        const editWorker = await R.take(
          name,
          'edit_rerun_worker_ms',
          async () => (await workerLoop(`${name}: edit_rerun_worker_ms`, page, EDIT_LOOP, true, PAYLOAD, IDENT, RESULT)).ms,
        );
        if (r === 0) continue;
        R.add(name, 'rerun_ms', rerun ?? null);
        R.add(name, 'rerun_worker_ms', rerunWorker ?? null);
        R.add(name, 'edit_rerun_ms', edit ?? null);
        R.add(name, 'edit_rerun_worker_ms', editWorker ?? null);
      }
      say(`  reruns and edits: round ${r}/${N}`);
    }
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser.close();
    await server.close();
  }

  R.notes.push(
    'peak_memory_mb: VmHWM (peak resident set) of the largest Chromium renderer process after a cold start, read from /proc via the PIDs CDP SystemInfo.getProcessInfo reports; the Worker lives in that process. performance.measureUserAgentSpecificMemory was not used (it reports at the next GC, not the peak).',
    `rerun_worker_ms: average of ${RERUN_LOOP} requests per sample; edit_rerun_worker_ms: average of ${EDIT_LOOP}, each timed alone after an untimed 100 ms pause, each with a new plugin source (ours: a fresh instance; Pyodide: the code run again with runPython in a fresh namespace)`,
    `edit_rerun_ms: the editor gets a comment line, then a ${EDIT_PAUSE_MS} ms pause (untimed, as a person's), then Run → result`,
    'runtime = files under /guest/ (ours) or /pyodide/ (the npm package: loader, Emscripten glue, wasm, stdlib zip, lock file; pyodide_snapshot adds its snapshot, /bench/snapshot/); page = every file the cold start fetched',
    'all sides served with COOP/COEP (cross-origin isolated) and Cache-Control: no-cache + ETag (a warm visit revalidates)',
    "pyodide_snapshot: the Pyodide page with loadPyodide({_loadSnapshot}); the snapshot (bootstrapped interpreter + the article plugin's imports) is made once per bench run in this Chromium with loadPyodide({_makeSnapshot: true}) and pyodide.makeMemorySnapshot(), before anything is timed",
  );
  return report(R, transfers, chromiumVersion);
}

async function recordTransfer(R: Results, transfers: Record<string, unknown>, side: Side, v: Visit) {
  const { bodies, fromDisk } = await fetchedBodies(v);
  if (fromDisk.length > 0)
    R.notes.push(`${side.name}: sizes of ${fromDisk.join(', ')} read from disk (the browser no longer held the body)`);
  const page = transfer(bodies);
  const runtime = transfer(new Map([...bodies].filter(([p]) => side.runtimePrefixes.some((prefix) => p.startsWith(prefix)))));
  for (const [scope, t] of [
    ['page', page],
    ['runtime', runtime],
  ] as const) {
    R.add(side.name, `${scope}_transfer_brotli_bytes`, t.brotli);
    R.add(side.name, `${scope}_transfer_gzip_bytes`, t.gzip);
    R.add(side.name, `${scope}_transfer_raw_bytes`, t.raw);
  }
  transfers[`${side.name}_files`] = page.files;
  transfers[`${side.name}_fetched_after_result`] = [...new Set(v.later)];
  const { beforeResult, afterResult } = v.serviceWorker;
  if (beforeResult.length + afterResult.length > 0) {
    transfers[`${side.name}_service_worker_fetched`] = {
      before_result: [...new Set(beforeResult)],
      after_result: [...new Set(afterResult)],
    };
    R.notes.push(
      `${side.name}: its Service Worker fetched ${new Set(beforeResult).size} files before the result and ${new Set(afterResult).size} after it (not in *_transfer_*: listed in transfers.${side.name}_service_worker_fetched)`,
    );
  }
}

/** The 1-minute load average when the bench started: others' builds on the same cores skew figures. */
const LOAD_AT_START = loadavg()[0]!;

function machine(chromium: string) {
  return {
    load_1min: { start: round(LOAD_AT_START), end: round(loadavg()[0]!) },
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    chromium,
    date: new Date().toISOString(),
  };
}

/**
 * Makes the Pyodide memory snapshot: a setup visit to the Pyodide page with ?make-snapshot=1, whose
 * Worker posts the snapshot to the bench server. Resolves with its size (as a page would fetch it).
 */
async function makeSnapshot(url: string): Promise<{ raw: number; gzip: number; brotli: number; ms: number }> {
  const browser = await launch();
  try {
    const page = await (await browser.newContext()).newPage();
    const t0 = performance.now();
    await page.goto(url);
    const status = page.locator('[data-testid="status"]');
    await status.filter({ hasText: /^(snapshot saved|failed)/ }).waitFor({ timeout: 60_000 });
    const text = (await status.textContent()) ?? '';
    if (!text.startsWith('snapshot saved')) throw new BenchError(`making the snapshot: ${text}`);
    const ms = performance.now() - t0;
    const file = fileFor(SNAPSHOT_PATH);
    if (file === null || !existsSync(file)) throw new BenchError('making the snapshot: the server holds no snapshot');
    const { raw, gzip, brotli } = transfer(new Map([[SNAPSHOT_PATH, readFileSync(file)]]));
    return { raw, gzip, brotli, ms: round(ms) };
  } finally {
    await browser.close();
  }
}

function report(R: Results, transfers: Record<string, unknown>, chromium: string): number {
  const out: Record<SideName, Record<string, Summary>> = { ours: {}, pyodide: {}, pyodide_snapshot: {} };
  for (const s of SIDES) for (const [m, xs] of Object.entries(R.samples[s])) if (xs.length > 0) out[s][m] = summarize(xs);
  /** ours / the other side, per metric, where both have a median. */
  const ratioTo = (other: SideName) => {
    const ratio: Record<string, number> = {};
    for (const m of METRICS) {
      const a = out.ours[m]?.median;
      const b = out[other][m]?.median;
      if (a !== undefined && b !== undefined && b !== 0) ratio[m] = round(a / b);
    }
    return ratio;
  };
  const ratio = ratioTo('pyodide');
  const ratioSnapshot = ratioTo('pyodide_snapshot');
  const metrics = METRICS.filter((m) => SIDE_NAMES.some((s) => out[s][m]));
  const columns = [
    { title: 'ours', summaries: out.ours },
    { title: 'pyodide', summaries: out.pyodide },
    { title: 'pyodide+snapshot', summaries: out.pyodide_snapshot },
  ];
  const ratios = [
    { title: 'ours/pyodide', values: ratio },
    { title: 'ours/snapshot', values: ratioSnapshot },
  ];
  process.stdout.write(`\n${table(metrics, columns, ratios)}\n\n`);
  for (const n of new Set(R.notes)) process.stdout.write(`note: ${n}\n`);
  for (const f of R.failures) process.stdout.write(`FAILED: ${f}\n`);
  const json = {
    ours: out.ours,
    pyodide: out.pyodide,
    pyodide_snapshot: out.pyodide_snapshot,
    ratio,
    ratio_snapshot: ratioSnapshot,
    machine: machine(chromium),
    failures: R.failures,
    notes: [...new Set(R.notes)],
    transfers,
  };
  if (JSON_OUT) process.stdout.write(`${JSON.stringify(json)}\n`);
  return R.failures.length > 0 ? 1 : 0;
}

const code = flag('--node') ? await runNode({ n: nArg >= 0 ? N : QUICK ? 2 : 20, json: JSON_OUT, machine }) : await browserBench();
process.exit(code);
