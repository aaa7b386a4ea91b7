import { WASI, WASIProcExit } from '@bjorn3/browser_wasi_shim';
import { moduleFilesystem, PLUGIN_DIR, type StdlibFiles } from './fs.ts';
import { LineSink } from './lines.ts';
import { isExecutionId } from './ident.ts';
import { parseModuleLine } from './log.ts';
import { clocks, pollOneoff } from './clock.ts';
import { createSe2Host } from './se2.ts';
import type { Se2Env } from './abi.generated.ts';
import { hex, readGuestString, withGuestString, type GuestExports } from './mem.ts';
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
}

export interface HostOptions extends InstanceOptions {
  files: PluginFiles;
}

/** An instance made ahead of need: instantiated, not started; `start` gives it its plugin. */
export interface SpareInstance {
  /** Puts the files in `/plugin` and calls `_start` (which imports `plugin`). Once only. */
  start(files: PluginFiles): Host;
}

export interface Host {
  /** Runs the plugin once on this instance. Synchronous: the module runs to the end.
   * `context` is the request the run serves and the fetch mocks (see se2.ts). */
  run(payload: string, ident: number, context?: RunContext): RunReport;
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

  const env = {
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
  } satisfies Se2Env;

  const fs = moduleFilesystem(options.stdlib, stdout.fd, stderr.fd, options.quotaBytes);
  const wasi = new WASI(['wrapper.wasm'], [`PYTHONPATH=${PLUGIN_DIR}`], fs.fds, { debug: false });
  Object.assign(wasi.wasiImport, clocks(() => exports!.memory), { poll_oneoff: pollOneoff(() => exports!.memory) });

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
  const instance = await WebAssembly.instantiate(module, { env, wasi_snapshot_preview1: wasi.wasiImport });
  pendingTimings.instantiate = performance.now() - t;
  exports = instance.exports as unknown as WrapperExports;

  let startCrash: string | null = null;
  const startModule = (files: PluginFiles) => {
    fs.setPluginFiles(files);
    log('Calling _start...');
    const t = performance.now();
    try {
      wasi.initialize(instance as unknown as Parameters<WASI['initialize']>[0]);
      exports!._start();
      log('_start returned: the module is ready');
    } catch (e) {
      alive = false;
      startCrash = crashMessage(e);
      log(`_start failed: ${startCrash}`);
    }
    pendingTimings.start = performance.now() - t;
    flushOutput();
  };

  const takeReport = (outcome: Outcome, extra: Partial<RunReport> = {}): RunReport => {
    const report = { outcome, log: pendingLog, timings: pendingTimings, ...extra };
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
    run(payload: string, ident: number, context?: RunContext): RunReport {
      if (!isExecutionId(ident)) throw new RangeError(`execution id must be a 32-bit integer, got ${ident}`);
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
            wrapper.run_e(ptr, len, ident);
            log('run_e returned', ident);
          },
        );
      } catch (e) {
        alive = false;
        crash = crashMessage(e);
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
