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
  /** The level a plugin gave a `log_msg` line (`sdk.log.info(...)`); absent on other lines. */
  severity?: Severity;
}

/** The levels of `log_msg` (guest/abi/se2.wit, enum log-level). */
export type Severity = 'error' | 'warn' | 'info' | 'debug';

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
  /** The headers the plugin set on the response (`resp_set_header`); set on every run. */
  response?: { headers: Record<string, string> };
  /** The request's state after the run (given state plus the plugin's changes); set on every run. */
  state?: Record<string, string>;
}

/** The request a run serves (SE2's request capability). Header names are case-insensitive. */
export interface Se2Request {
  method: string;
  /** The URL as the server saw it, with its query (`/hello?name=x` or a full URL). */
  url: string;
  headers: Record<string, string>;
  /** URL parameters of the route (`/users/:id` gives `id`). */
  params: Record<string, string>;
  body: string;
  state: Record<string, string>;
}

/** A mocked answer to `fetch_url`. */
export interface FetchMock {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Mocked answers keyed "METHOD URL" (`GET https://api.example.com/x`). */
export type FetchMocks = Record<string, FetchMock>;

/** What a run of an SE2 plugin is given besides its payload. */
export interface RunContext {
  /** Absent: an empty request (every field reads as ''). */
  request?: Se2Request;
  /** Absent: no mocks, so every fetch_url fails. */
  fetch?: FetchMocks;
}

/** What a run leaves besides its outcome. */
export interface Se2Response {
  response: { headers: Record<string, string> };
  state: Record<string, string>;
}

/** The plugin folder: relative POSIX paths (`plugin.py`, `pkg/util.py`, `data/logo.png`) to text
 * (stored as UTF-8) or bytes (any file: images, SQLite databases, wheels). */
export type PluginFiles = Record<string, string | Uint8Array>;
