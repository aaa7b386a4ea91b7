// The contract of the SE2 host runtime, shared by the Worker, the CLI and the tests.
// Plain types only: no DOM, no Node.

/** Which layer wrote a log line (see DESIGN.md, "The log"). */
export type LogLevel = 'host' | 'wrapper' | 'python';

export interface LogEntry {
  level: LogLevel;
  /** The `[file]` prefix of the line (`runtime.ts`, `wasm_shim.c`, `plugin.py`), or '' for bare output. */
  file: string;
  /** The `id=N` of the line, when it names one. */
  ident: number | null;
  /** The message, without indentation, prefix or id. ANSI sequences inside plugin output are kept. */
  text: string;
  stream: 'stdout' | 'stderr';
  /** Milliseconds since the host was created. */
  time: number;
}

/** How one run ended. */
export type Outcome =
  | { kind: 'result'; value: string }
  | { kind: 'error'; code: number; message: string }
  | { kind: 'none' }
  | { kind: 'crash'; message: string };

/** Milliseconds spent in each phase; a phase that did not happen in this call is absent. */
export interface Timings {
  compile?: number;
  instantiate?: number;
  start?: number;
  run?: number;
}

export interface RunReport {
  outcome: Outcome;
  /** The log lines of this run only (for the first run, also those of loading and `_start`). */
  log: LogEntry[];
  timings: Timings;
}

/** The plugin folder: relative POSIX paths (`plugin.py`, `pkg/util.py`) to text (UTF-8) or bytes. */
export type PluginFiles = Record<string, string | Uint8Array>;
