// npm run bench [-- --json] [-- --quick] [-- --node] [-- --n N] [-- --side ours|pyodide]
//
// Our playground (dist/, the production build) against Pyodide (bench/pyodide/, the npm package)
// in headless Chromium, served by one loopback server; or, with --node, our CLI path under Node.
// See bench/README.md for what each metric means and how it is taken.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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
  visit,
  workerLoop,
  type Visit,
} from './browser.ts';
import { runNode } from './node.ts';
import { IDENT, PAYLOAD, RESULT, wideResult, wideSource } from './plugins.ts';
import { ROOT, startServer } from './server.ts';
import { transfer } from './sizes.ts';
import { round, summarize, table, type Summary } from './stats.ts';

type SideName = 'ours' | 'pyodide';

interface Side {
  name: SideName;
  articleUrl: string;
  wideUrl: string;
  /** URL path prefix of the interpreter's own files (module, stdlib, loader). */
  runtimePrefix: string;
}

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const nArg = args.indexOf('--n');
const QUICK = flag('--quick');
const JSON_OUT = flag('--json');
const sideArg = args.indexOf('--side');
/** `--side ours|pyodide` measures one side only (for development). */
const SIDES: SideName[] = sideArg >= 0 ? [args[sideArg + 1] as SideName] : ['ours', 'pyodide'];
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
  samples: Record<SideName, Record<string, number[]>> = { ours: {}, pyodide: {} };
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

/** The two sides in alternating order, so neither always goes first. */
const order = (round: number): SideName[] => (round % 2 === 0 ? SIDES : [...SIDES].reverse());

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
    ours: { name: 'ours', articleUrl: `${origin}/`, wideUrl: link.value, runtimePrefix: '/guest/' },
    pyodide: {
      name: 'pyodide',
      articleUrl: `${origin}/bench/pyodide/`,
      wideUrl: `${origin}/bench/pyodide/?plugin=wide`,
      runtimePrefix: '/pyodide/',
    },
  };
  const WIDE_RESULT = wideResult(PAYLOAD);
  const R = new Results();
  const rounds = N + 1; // round 0 is discarded
  let chromiumVersion = '';
  const transfers: Record<string, unknown> = {};

  say(`bench: ${origin}, ${N} measured rounds (+1 discarded), sides interleaved`);

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
    // Two untimed first visits fill the HTTP cache and V8's code caches; round 0 is discarded too.
    for (let r = -2; r < rounds; r++) {
      for (const name of order(r)) {
        await R.take(name, 'warm_start_ms', async () => {
          const context = await launchPersistent(dirs[name]);
          try {
            const v = await visit(`${name}: warm_start_ms`, context, sides[name].articleUrl, RESULT);
            if (r > 0) R.add(name, 'warm_start_ms', v.resultMs);
            // A person stays on the page after the result; Chromium writes a module's wasm code
            // cache only once enough of it has tiered up (about 2 s), so a visit closed at once
            // would leave the next one nothing to reuse. Untimed, the same for both sides.
            await new Promise((resolve) => setTimeout(resolve, WARM_DWELL_MS));
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
    'runtime = files under /guest/ (ours) or /pyodide/ (the npm package: loader, Emscripten glue, wasm, stdlib zip, lock file); page = every file the cold start fetched',
    'both sides served with COOP/COEP (cross-origin isolated) and Cache-Control: no-cache + ETag (a warm visit revalidates)',
  );
  return report(R, transfers, chromiumVersion);
}

async function recordTransfer(R: Results, transfers: Record<string, unknown>, side: Side, v: Visit) {
  const { bodies, fromDisk } = await fetchedBodies(v);
  if (fromDisk.length > 0)
    R.notes.push(`${side.name}: sizes of ${fromDisk.join(', ')} read from disk (the browser no longer held the body)`);
  const page = transfer(bodies);
  const runtime = transfer(new Map([...bodies].filter(([p]) => p.startsWith(side.runtimePrefix))));
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

function report(R: Results, transfers: Record<string, unknown>, chromium: string): number {
  const out: Record<SideName, Record<string, Summary>> = { ours: {}, pyodide: {} };
  for (const s of SIDES) for (const [m, xs] of Object.entries(R.samples[s])) if (xs.length > 0) out[s][m] = summarize(xs);
  const ratio: Record<string, number> = {};
  for (const m of METRICS) {
    const a = out.ours[m]?.median;
    const b = out.pyodide[m]?.median;
    if (a !== undefined && b !== undefined && b !== 0) ratio[m] = round(a / b);
  }
  const metrics = METRICS.filter((m) => out.ours[m] || out.pyodide[m]);
  process.stdout.write(`\n${table(metrics, out.ours, out.pyodide, ratio)}\n\n`);
  for (const n of new Set(R.notes)) process.stdout.write(`note: ${n}\n`);
  for (const f of R.failures) process.stdout.write(`FAILED: ${f}\n`);
  const json = {
    ours: out.ours,
    pyodide: out.pyodide,
    ratio,
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
