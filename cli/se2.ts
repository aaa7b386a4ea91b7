// se2: the command-line runner. Runs a plugin folder inside the wrapper module with the same host
// code as the page (src/host), prints the three-level log and the outcome.
import { formatEntry, type LogEntry } from '../src/host/index.ts';
import { readGuest } from './guest.ts';
import { readRunContext } from './context.ts';
import { InputError, readText } from './inputs.ts';
import { readPluginInput } from './plugin-input.ts';
import { parseOptions, USAGE, type Options } from './options.ts';
import { runInWorker, type Ending } from './run.ts';
import { runTests } from './test.ts';
import type { RunJob } from './run-worker.ts';

async function loadJob(options: Options): Promise<RunJob> {
  const [files, { wrapper, stdlib }, payload, context] = await Promise.all([
    readPluginInput(options.pluginRoot).then((input) => input.files),
    readGuest(options.wrapper),
    'file' in options.payload ? readText(options.payload.file, 'payload file') : Promise.resolve(options.payload.text),
    readRunContext(options.requestFile, options.fetchFile),
  ]);
  return { files, wrapper, stdlib, payload, ident: options.ident, quotaBytes: options.quotaBytes, ...(context !== null && { context }) };
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
  // `se2 test …` runs a table of cases (cli/test.ts).
  if (process.argv[2] === 'test') return runTests(process.argv.slice(3), process.stdout.isTTY === true);
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
