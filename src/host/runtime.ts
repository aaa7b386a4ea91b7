import { WASI, WASIProcExit } from '@bjorn3/browser_wasi_shim';
import { moduleFilesystem, PLUGIN_DIR, type StdlibFiles } from './fs.ts';
import { consoleFdWrite, LineSink } from './lines.ts';
import { isExecutionId } from './ident.ts';
import { parseModuleLine } from './log.ts';
import { clocks, pollOneoff } from './clock.ts';
import { createSe2Host } from './se2.ts';
import type { Se2Env } from './abi.generated.ts';
import { hex, readGuestString, withGuestString, type GuestExports } from './mem.ts';
import { TraceFd, TraceRecorder, tracedEnv } from './trace.ts';
import type { LogEntry, Outcome, PluginFiles, RunContext, RunReport, Timings } from './types.ts';

export interface InstanceOptions {
  /** The wrapper: compiled already (the page compiles while it loads), or its bytes. */
  module: WebAssembly.Module | Uint8Array;
  /** The files of `/lib`: the standard-library zips, as bytes or loaded on first read. */
  stdlib: StdlibFiles;
  /** Called with every log line as it is produced, before the run's report is returned. */
  onLog?: (entry: LogEntry) => void;
  /** Bytes the module may write to /plugin and /tmp together (default DEFAULT_QUOTA_BYTES, 256 MiB). */
  quotaBytes?: number;
  /**
   * Trace the crossings of the boundary (trace.ts): the instance gets the wrapper's trace
   * descriptor (fd 4) and the env imports record themselves. Runs are traced by default then;
   * `run(..., { trace: false })` leaves one out. Off (the default), nothing is recorded or added.
   */
  trace?: boolean;
}

export interface RunOptions {
  /** Trace this run (default: the instance's `trace`). On an instance made without `trace`,
   * only the exports the host calls are recorded: its imports are not wrapped and the wrapper has
   * no descriptor to write to. */
  trace?: boolean;
}

export interface HostOptions extends InstanceOptions {
  files: PluginFiles;
}

/**
 * An instance made ahead of need: instantiated and prepared (the wrapper's `prepare`: everything of
 * `_start` that needs no plugin file), not started; `start` gives it its plugin.
 */
export interface SpareInstance {
  /** Puts the files in `/plugin` and calls `_start` (which imports `plugin`). Once only. */
  start(files: PluginFiles): Host;
}

export interface Host {
  /** Runs the plugin once on this instance. Synchronous: the module runs to the end.
   * `context` is the request the run serves and the fetch mocks (see se2.ts). */
  run(payload: string, ident: number, context?: RunContext, options?: RunOptions): RunReport;
  /** False once the instance trapped or exited; make a new host then. */
  readonly alive: boolean;
  /** Alive and its memory no larger than MAX_REUSED_MEMORY_BYTES: fit to serve another run. */
  readonly reusable: boolean;
}

/**
 * Linear memory never shrinks: an instance that once grew past this (a plugin that built a large
 * value, or hit the 1 GiB cap) would keep that much for every later run, so it is not reused.
 */
export const MAX_REUSED_MEMORY_BYTES = 256 * 1024 * 1024;

interface WrapperExports extends GuestExports {
  _start(): void;
  /** Optional (a wrapper built before it has none): the part of `_start` that needs no plugin file. */
  prepare?(): void;
  run_e(ptr: number, len: number, ident: number): void;
}

/** What a thrown value from inside the module means for a person reading the result. */
function crashMessage(e: unknown): string {
  if (e instanceof WASIProcExit) return `the module exited (proc_exit ${e.code})`;
  if (e instanceof WebAssembly.RuntimeError) return `the module trapped: ${e.message}`;
  if (e instanceof RangeError && /call stack/i.test(e.message)) return `the module ran out of stack: ${e.message}`;
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/** A started host for these files: `prepareInstance` and `start` in one step. */
export async function createHost(options: HostOptions): Promise<Host> {
  return (await prepareInstance(options)).start(options.files);
}

export async function prepareInstance(options: InstanceOptions): Promise<SpareInstance> {
  const origin = performance.now();
  const clock = () => performance.now() - origin;
  let pendingLog: LogEntry[] = [];
  let pendingTimings: Timings = {};

  const emit = (entry: LogEntry) => {
    pendingLog.push(entry);
    options.onLog?.(entry);
  };
  const hostLog = (file: string, text: string, ident: number | null = null) =>
    emit({ level: 'host', file, ident, text, stream: 'stdout', time: clock() });
  const log = (text: string, ident: number | null = null) => hostLog('runtime.ts', text, ident);

  const stdout = new LineSink((line) => emit(parseModuleLine(line, 'stdout', clock())));
  const stderr = new LineSink((line) => emit(parseModuleLine(line, 'stderr', clock())));
  const flushOutput = () => {
    stdout.flush();
    stderr.flush();
  };

  // The outcome of the run in progress, filled in by the env imports.
  let running: { ident: number; outcome: Outcome | null } | null = null;
  let exports: WrapperExports | null = null;
  let alive = true;

  const record = (what: string, ident: number, outcome: () => Outcome) => {
    if (running === null || running.ident !== ident) {
      log(`${what} for id=${ident} ignored: no run with that id is in progress`, ident);
      return;
    }
    const value = outcome();
    if (running.outcome !== null) log(`${what} called again: it replaces the earlier outcome`, ident);
    running.outcome = value;
  };

  // Every env import but the outcome functions: request, response, log_msg, fetch mocks, FFI.
  const se2 = createSe2Host({
    memory: () => exports!.memory,
    log: (text, ident) => hostLog('se2.ts', text, ident),
    emit,
    clock,
  });

  const recorder = new TraceRecorder(
    clock,
    () => exports?.memory ?? null,
    () => pendingLog.length,
  );
  const env: Se2Env = {
    ...se2.env,
    return_result(ptr: number, len: number, ident: number): void {
      record('return_result', ident, () => {
        const value = readGuestString(exports!.memory, ptr, len);
        log(`Received result (${len} bytes at ${hex(ptr)})`, ident);
        return { kind: 'result', value };
      });
    },
    return_error(code: number, ptr: number, len: number, ident: number): void {
      record('return_error', ident, () => {
        const message = readGuestString(exports!.memory, ptr, len);
        log(`Received error ${code} (${len} bytes at ${hex(ptr)})`, ident);
        return { kind: 'error', code, message };
      });
    },
  };

  const fs = moduleFilesystem(options.stdlib, stdout.fd, stderr.fd, options.quotaBytes);
  if (options.trace === true) fs.fds[4] = new TraceFd(recorder);
  const wasi = new WASI(['wrapper.wasm'], [`PYTHONPATH=${PLUGIN_DIR}`], fs.fds, { debug: false });
  Object.assign(
    wasi.wasiImport,
    clocks(() => exports!.memory),
    { poll_oneoff: pollOneoff(() => exports!.memory) },
    { fd_write: consoleFdWrite(() => exports!.memory, fs.fds, [stdout, stderr], wasi.wasiImport.fd_write) },
  );

  let module: WebAssembly.Module;
  if (options.module instanceof WebAssembly.Module) module = options.module;
  else {
    log(`Compiling wasm module (${options.module.byteLength} bytes)...`);
    const t = performance.now();
    module = await WebAssembly.compile(options.module as Uint8Array<ArrayBuffer>);
    pendingTimings.compile = performance.now() - t;
  }

  log('Instantiating wasm module...');
  const t = performance.now();
  // Untraced instances get the env as it is: tracing off adds no call in between.
  const imports = options.trace === true ? tracedEnv(env, recorder, se2.answerLength) : env;
  const instance = await WebAssembly.instantiate(module, { env: { ...imports }, wasi_snapshot_preview1: wasi.wasiImport });
  pendingTimings.instantiate = performance.now() - t;
  exports = instance.exports as unknown as WrapperExports;

  let startCrash: string | null = null;
  // While the instance waits for its plugin: Python sees this instance's environment, preopens and
  // search path, enters /plugin and makes the folder's finder. `_start` then only imports the plugin.
  try {
    wasi.initialize(instance as unknown as Parameters<WASI['initialize']>[0]);
    exports.prepare?.();
  } catch (e) {
    alive = false;
    startCrash = crashMessage(e);
    log(`prepare failed: ${startCrash}`);
  }
  flushOutput();

  const startModule = (files: PluginFiles) => {
    if (!alive) return;
    fs.setPluginFiles(files);
    log('Calling _start...');
    const t = performance.now();
    recorder.enabled = options.trace === true;
    recorder.add('host-wasm', 'call', '_start', []);
    try {
      exports!._start();
      recorder.add('host-wasm', 'return', '_start', []);
      log('_start returned: the module is ready');
    } catch (e) {
      alive = false;
      startCrash = crashMessage(e);
      recorder.add('host-wasm', 'return', '_start', [], startCrash);
      log(`_start failed: ${startCrash}`);
    }
    recorder.enabled = false;
    pendingTimings.start = performance.now() - t;
    flushOutput();
  };

  const takeReport = (outcome: Outcome, extra: Partial<RunReport> = {}): RunReport => {
    // Events of an untraced run (only _start's, before it) are dropped with the recorder's take.
    const trace = recorder.take();
    const traced = recorder.enabled ? trace : {};
    recorder.enabled = false;
    const report = { outcome, log: pendingLog, timings: pendingTimings, ...extra, ...traced };
    pendingLog = [];
    pendingTimings = {};
    return report;
  };

  const memoryBytes = () => exports!.memory.buffer.byteLength;
  const host: Host = {
    get alive() {
      return alive;
    },
    get reusable() {
      return alive && memoryBytes() <= MAX_REUSED_MEMORY_BYTES;
    },
    run(payload: string, ident: number, context?: RunContext, runOptions: RunOptions = {}): RunReport {
      if (!isExecutionId(ident)) throw new RangeError(`execution id must be a 32-bit integer, got ${ident}`);
      recorder.enabled = runOptions.trace ?? options.trace === true;
      if (!alive) {
        return takeReport({ kind: 'crash', message: startCrash ?? 'the module is no longer running: start a new host' });
      }
      const wrapper = exports!;
      running = { ident, outcome: null };
      se2.begin(ident, context);
      const runStarted = performance.now();
      let crash: string | null = null;
      try {
        withGuestString(
          wrapper,
          payload,
          (msg) => hostLog('mem.ts', msg, ident),
          (ptr, len) => {
            log(`Calling run_e(${hex(ptr)}, ${len}, ${ident})`, ident);
            recorder.add('host-wasm', 'call', 'run_e', [recorder.bytes('payload', ptr, len), { name: 'ident', kind: 'int', value: ident }]);
            wrapper.run_e(ptr, len, ident);
            recorder.add('host-wasm', 'return', 'run_e', []);
            log('run_e returned', ident);
          },
          recorder,
        );
      } catch (e) {
        alive = false;
        crash = crashMessage(e);
        // The call that did not return: the export the host was in (run_e, or allocate).
        recorder.add('host-wasm', 'return', recorder.open() ?? 'run_e', [], crash);
        log(`run_e failed: ${crash}`, ident);
      }
      pendingTimings.run = performance.now() - runStarted;
      flushOutput();
      const outcome: Outcome = crash !== null ? { kind: 'crash', message: crash } : (running.outcome ?? { kind: 'none' });
      if (outcome.kind === 'none') log('run_e returned no result', ident);
      if (alive && memoryBytes() > MAX_REUSED_MEMORY_BYTES) {
        log(`the instance's memory grew to ${Math.round(memoryBytes() / 2 ** 20)} MiB: the next run gets a fresh instance`, ident);
      }
      running = null;
      return takeReport(outcome, se2.end());
    },
  };

  let started = false;
  return {
    start(files: PluginFiles): Host {
      if (started) throw new Error('this instance was started already: prepare another');
      started = true;
      startModule(files);
      return host;
    },
  };
}
