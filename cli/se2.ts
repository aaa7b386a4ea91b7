// se2: the command-line runner. Runs a plugin folder inside the wrapper module with the same host
// code as the page (src/host), prints the three-level log and the outcome.
import { Worker } from 'node:worker_threads';
import { formatEntry, type LogEntry, type Outcome, type Timings } from '../src/host/index.ts';
import { readGuest } from './guest.ts';
import { readRunContext } from './context.ts';
import { InputError, readPluginFolder, readText } from './inputs.ts';
import { parseOptions, USAGE, type Options } from './options.ts';
import { parse, type RunResponseWire } from '../src/worker/protocol.ts';
import { FromWorkerSchema } from './protocol.ts';
import type { RunJob } from './run-worker.ts';

type Ending =
  | { kind: 'outcome'; outcome: Outcome; timings: Timings; response?: RunResponseWire }
  | { kind: 'timeout' }
  | { kind: 'failed'; message: string };

async function loadJob(options: Options): Promise<RunJob> {
  const [files, { wrapper, stdlib }, payload, context] = await Promise.all([
    readPluginFolder(options.pluginRoot),
    readGuest(options.wrapper),
    'file' in options.payload ? readText(options.payload.file, 'payload file') : Promise.resolve(options.payload.text),
    readRunContext(options.requestFile, options.fetchFile),
  ]);
  return { files, wrapper, stdlib, payload, ident: options.ident, quotaBytes: options.quotaBytes, ...(context !== null && { context }) };
}

/** Set by cli/build.mjs in the bundled command; from the sources, the tsx entry beside this file. */
declare const __SE2_RUNNER__: string | undefined;
const RUNNER = typeof __SE2_RUNNER__ === 'string' ? __SE2_RUNNER__ : './run-worker.mjs';

function runInWorker(job: RunJob, timeoutMs: number, onLog: (entry: LogEntry) => void): Promise<Ending> {
  const worker = new Worker(new URL(RUNNER, import.meta.url), { workerData: job });
  return new Promise<Ending>((resolve) => {
    const finish = (ending: Ending) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(ending);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
    worker.on('message', (data: unknown) => {
      const parsed = parse(FromWorkerSchema, data);
      if (!parsed.ok) finish({ kind: 'failed', message: `the runner sent a malformed message (${parsed.problem})` });
      else if (parsed.value.type === 'log') onLog(parsed.value.entry);
      else {
        const { outcome, timings, response } = parsed.value;
        finish({ kind: 'outcome', outcome, timings, ...(response !== undefined && { response }) });
      }
    });
    worker.on('error', (e) => finish({ kind: 'failed', message: e.message }));
    worker.on('exit', (code) => finish({ kind: 'failed', message: `the runner stopped early (exit ${code})` }));
  });
}

/** The outcome as `[exit status, line]`. */
function verdict(ending: Ending, timeoutMs: number): [number, string] {
  if (ending.kind === 'timeout') return [2, `timed out after ${timeoutMs / 1000} s`];
  if (ending.kind === 'failed') return [2, `cannot run the wrapper: ${ending.message}`];
  const o = ending.outcome;
  switch (o.kind) {
    case 'result':
      return [0, `result: ${o.value}`];
    case 'error':
      return [1, `error ${o.code}: ${o.message}`];
    case 'none':
      return [1, 'no result: the plugin returned neither a result nor an error'];
    case 'crash':
      return [2, `crash: ${o.message}`];
  }
}

async function main(): Promise<number> {
  const parsed = parseOptions(process.argv.slice(2), process.stdout.isTTY === true);
  if (parsed.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'bad') {
    process.stderr.write(`se2: ${parsed.reason} (see --help)\n`);
    return 2;
  }
  const { options } = parsed;
  let job: RunJob;
  try {
    job = await loadJob(options);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    process.stderr.write(`se2: ${e.message}\n`);
    return 2;
  }

  const log: LogEntry[] = [];
  const started = performance.now();
  const ending = await runInWorker(job, options.timeoutMs, (entry) => {
    if (options.json) log.push(entry);
    else process.stdout.write(`${formatEntry(entry, options.color)}\n`);
  });
  const [status, line] = verdict(ending, options.timeoutMs);

  if (options.json) {
    const outcome = ending.kind === 'outcome' ? ending.outcome : null;
    const report = {
      outcome: outcome?.kind ?? ending.kind,
      result: outcome?.kind === 'result' ? outcome.value : null,
      error: outcome?.kind === 'error' ? { code: outcome.code, message: outcome.message } : null,
      crash: outcome?.kind === 'crash' ? outcome.message : ending.kind === 'failed' ? line : null,
      timeout: ending.kind === 'timeout' ? options.timeoutMs / 1000 : null,
      log,
      timings: { ...(ending.kind === 'outcome' ? ending.timings : {}), total: performance.now() - started },
      // Only a run given an SE2 context reports these, so the plain run's object stays as it was.
      ...(job.context !== undefined && {
        response: { headers: (ending.kind === 'outcome' && ending.response?.headers) || {} },
        state: (ending.kind === 'outcome' && ending.response?.state) || job.context.request?.state || {},
      }),
    };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    process.stdout.write(`\n${line}\n`);
    if (job.context !== undefined && ending.kind === 'outcome') {
      process.stdout.write(`response headers: ${JSON.stringify(ending.response?.headers ?? {})}\nstate: ${JSON.stringify(ending.response?.state ?? {})}\n`);
    }
  }
  if (status !== 0) process.stderr.write(`se2: ${line}\n`);
  return status;
}

process.exitCode = await main();
