// `se2 test`: runs a table of cases against a plugin, each case in a fresh instance, and says which
// pass. Exit 0 all pass, 1 any fails, 2 the inputs cannot be read (one line saying why).
import { parseArgs } from 'node:util';
import { checkCase, type CaseOutcome, type Verdict } from '../src/cases/check.ts';
import { DEFAULT_IDENT, DEFAULT_QUOTA_BYTES, type LogEntry, type PluginFiles } from '../src/host/index.ts';
import { parseCasesFile, type TestCase } from '../src/playground/document.ts';
import { COMMITTED_WRAPPER, readGuest } from './guest.ts';
import { parseTimeoutMs, wantsColor } from './options.ts';
import { InputError, readText } from './inputs.ts';
import { readPluginInput } from './plugin-input.ts';
import { runInWorker, type Ending } from './run.ts';

export const TEST_USAGE = `Usage: se2 test --plugin-root DIR --cases FILE [options]
       se2 test --plugin-root PLAYGROUND.zip [options]
Runs every case of a cases file ({"cases": [...]}, see the README) against the plugin, each in a
fresh instance, and prints one line per case.

  --plugin-root DIR     folder holding plugin.py and its helper modules, or a playground .zip
  --cases FILE          the cases file (JSON); default for a .zip: the cases.json inside it
  --wrapper PATH        the wrapper module (default: public/guest/wrapper.wasm)
  --timeout SECONDS     time limit of each case (default: 10)
  --json                print one JSON object with each case's outcome
  --no-color            no ANSI colours
  -h, --help            this text

Exit status: 0 every case passed, 1 a case failed, 2 bad arguments or a bad cases file.`;

interface TestOptions {
  pluginRoot: string;
  /** Null: the cases of the --plugin-root zip. */
  casesFile: string | null;
  wrapper: string;
  timeoutMs: number;
  json: boolean;
  color: boolean;
}

function parseTestOptions(
  argv: string[],
  isTty: boolean,
): { kind: 'run'; options: TestOptions } | { kind: 'help' } | { kind: 'bad'; reason: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'plugin-root': { type: 'string' },
        cases: { type: 'string' },
        wrapper: { type: 'string' },
        timeout: { type: 'string' },
        json: { type: 'boolean', default: false },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    return { kind: 'bad', reason: (e as Error).message };
  }
  if (values.help) return { kind: 'help' };
  if (values['plugin-root'] === undefined) return { kind: 'bad', reason: 'give --plugin-root DIR' };
  if (values.cases === undefined && !values['plugin-root'].toLowerCase().endsWith('.zip')) {
    return { kind: 'bad', reason: 'give --cases FILE (or a playground .zip holding cases.json as --plugin-root)' };
  }
  const timeoutMs = parseTimeoutMs(values.timeout);
  if (timeoutMs === null) return { kind: 'bad', reason: `--timeout must be a number of seconds above 0, got "${values.timeout}"` };
  return {
    kind: 'run',
    options: {
      pluginRoot: values['plugin-root'],
      casesFile: values.cases ?? null,
      wrapper: values.wrapper ?? COMMITTED_WRAPPER,
      timeoutMs,
      json: values.json,
      color: wantsColor(values['no-color'], isTty),
    },
  };
}

/** Reads and checks a cases file; every problem is an InputError naming the file and the place. */
export async function readCasesFile(path: string): Promise<TestCase[]> {
  const text = await readText(path, 'cases file');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError(`cases file ${path} is not JSON: ${(e as Error).message}`);
  }
  const parsed = parseCasesFile(value);
  if (!parsed.ok) throw new InputError(`cases file ${path}: ${parsed.error}`);
  return parsed.value;
}

export interface CaseReport {
  name: string;
  verdict: Verdict;
  outcome: CaseOutcome;
  /** The run's log: kept for the JSON report of a failed case, and for its traceback. */
  log: LogEntry[];
  ms: number;
}

const toOutcome = (ending: Ending, timeoutMs: number): CaseOutcome =>
  ending.kind === 'outcome'
    ? ending.outcome
    : ending.kind === 'timeout'
      ? { kind: 'timeout', limitSec: timeoutMs / 1000 }
      : { kind: 'failed', message: ending.message };

/** What Python wrote to stderr in a run (its traceback, when it raised): the lines a failure needs. */
const stderrLines = (log: LogEntry[]) => log.filter((e) => e.level === 'python' && e.stream === 'stderr').map((e) => e.text);

const MAX_TRACE_LINES = 20;

function caseLines(report: CaseReport, color: boolean): string[] {
  const paint = (code: string, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const { verdict } = report;
  if (verdict.passed) return [`${paint('32', 'ok')}   ${report.name}`];
  const lines = [`${paint('31', 'FAIL')} ${report.name}`, `     expected: ${verdict.expected}`, `     got:      ${verdict.got}`];
  if (verdict.diff !== null) {
    lines.push('     diff (- expected, + got):');
    for (const d of verdict.diff) lines.push(`       ${d.op === ' ' ? ' ' : paint(d.op === '-' ? '31' : '32', d.op)} ${d.text}`);
  }
  const trace = stderrLines(report.log);
  if (trace.length > 0) {
    if (trace.length > MAX_TRACE_LINES) lines.push(`     … ${trace.length - MAX_TRACE_LINES} earlier lines of stderr`);
    for (const line of trace.slice(-MAX_TRACE_LINES)) lines.push(`     | ${line}`);
  }
  return lines;
}

export async function runTests(argv: string[], isTty: boolean): Promise<number> {
  const parsed = parseTestOptions(argv, isTty);
  if (parsed.kind === 'help') {
    process.stdout.write(`${TEST_USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'bad') {
    process.stderr.write(`se2 test: ${parsed.reason} (see se2 test --help)\n`);
    return 2;
  }
  const { options } = parsed;
  let files: PluginFiles;
  let cases: TestCase[];
  let module: WebAssembly.Module;
  let stdlib;
  try {
    const [plugin, caseList, guest] = await Promise.all([
      readPluginInput(options.pluginRoot),
      options.casesFile === null ? null : readCasesFile(options.casesFile),
      readGuest(options.wrapper),
    ]);
    files = plugin.files;
    if (caseList === null && (plugin.cases === null || plugin.cases.length === 0)) {
      throw new InputError(`plugin zip ${options.pluginRoot} holds no cases.json: give --cases FILE`);
    }
    cases = caseList ?? plugin.cases ?? [];
    stdlib = guest.stdlib;
    // Compiled once: each case's worker thread instantiates it afresh.
    module = await WebAssembly.compile(guest.wrapper).catch((e: unknown) => {
      throw new InputError(`wrapper module ${options.wrapper} does not compile: ${(e as Error).message}`);
    });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    process.stderr.write(`se2 test: ${e.message}\n`);
    return 2;
  }

  const reports: CaseReport[] = [];
  for (const testCase of cases) {
    const log: LogEntry[] = [];
    const started = performance.now();
    const context = { ...(testCase.request && { request: testCase.request }), ...(testCase.fetch && { fetch: testCase.fetch }) };
    const ending = await runInWorker(
      {
        wrapper: module,
        stdlib,
        files,
        payload: testCase.payload,
        ident: testCase.ident ?? DEFAULT_IDENT,
        quotaBytes: DEFAULT_QUOTA_BYTES,
        ...(Object.keys(context).length > 0 && { context }),
      },
      options.timeoutMs,
      (entry) => log.push(entry),
    );
    const outcome = toOutcome(ending, options.timeoutMs);
    const report: CaseReport = {
      name: testCase.name,
      verdict: checkCase(outcome, testCase.expect),
      outcome,
      log,
      ms: performance.now() - started,
    };
    reports.push(report);
    if (!options.json) process.stdout.write(`${caseLines(report, options.color).join('\n')}\n`);
  }

  const failed = reports.filter((r) => !r.verdict.passed).length;
  const passed = reports.length - failed;
  if (options.json) {
    const out = {
      passed,
      failed,
      cases: reports.map(({ name, verdict, outcome, log, ms }) => ({
        name,
        ...verdict,
        outcome,
        ms,
        // A passing case's log says nothing a reader needs; a failing one's holds the traceback.
        ...(verdict.passed ? {} : { log }),
      })),
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else {
    process.stdout.write(`${passed} passed, ${failed} failed\n`);
  }
  return failed === 0 ? 0 : 1;
}
