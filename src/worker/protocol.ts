// The one message protocol between the page and the Worker, as valibot schemas; the TypeScript
// types are inferred from them, so a check can never drift from the type it checks. Every message
// carries the `id` of the request it belongs to. Both sides validate what they receive: a message
// is data from another realm, not a promise.
import * as v from 'valibot';
import type { LogEntry, Outcome, PluginFiles, RunReport, Timings, TraceEvent } from '../host/types.ts';
import { FetchMocksSchema, HttpRequestSchema } from '../playground/document.ts';

/** Log lines past this many in one run are counted, not kept: the newest lines are kept. */
export const LOG_LINES_PER_RUN = 5000;

const Id = v.pipe(v.number(), v.safeInteger());
const Finite = v.pipe(v.number(), v.finite());
// `Bytes` would narrow to Uint8Array<ArrayBuffer>; any view of bytes will do.
const Bytes = v.custom<Uint8Array>((x) => x instanceof Uint8Array, 'expected bytes (a Uint8Array)');

export const LogEntrySchema = v.object({
  level: v.picklist(['host', 'wrapper', 'python']),
  file: v.string(),
  ident: v.nullable(Finite),
  text: v.string(),
  stream: v.picklist(['stdout', 'stderr']),
  time: Finite,
  severity: v.optional(v.picklist(['error', 'warn', 'info', 'debug'])),
});

/** One crossing of a traced run (src/host/types.ts, TraceEvent). */
export const TraceValueSchema = v.variant('kind', [
  v.object({ name: v.string(), kind: v.literal('int'), value: Finite }),
  v.object({ name: v.string(), kind: v.literal('bytes'), ptr: Finite, len: Finite, bytes: Bytes }),
]);
export const TraceEventSchema = v.object({
  seq: Finite,
  time: Finite,
  direction: v.picklist(['host-wasm', 'wasm-host', 'c-python', 'python-sdk']),
  phase: v.picklist(['call', 'return']),
  name: v.string(),
  values: v.array(TraceValueSchema),
  memory: v.optional(Finite),
  error: v.optional(v.string()),
  logIndex: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
});

export const OutcomeSchema = v.variant('kind', [
  v.object({ kind: v.literal('result'), value: v.string() }),
  v.object({ kind: v.literal('error'), code: Finite, message: v.string() }),
  v.object({ kind: v.literal('none') }),
  v.object({ kind: v.literal('crash'), message: v.string() }),
]);

export const TimingsSchema = v.object({
  compile: v.optional(Finite),
  instantiate: v.optional(Finite),
  start: v.optional(Finite),
  run: v.optional(Finite),
});

// A file is text (UTF-8 source) or bytes (data files the plugin reads).
export const FilesSchema = v.record(v.string(), v.union([v.string(), Bytes]));

/**
 * The files of `/lib`: zips the page has fetched already, and zips the Worker fetches itself (by a
 * synchronous request, allowed in workers) the first time Python reads them (name → absolute URL).
 */
const StdlibSpecSchema = v.object({
  bytes: v.record(v.string(), Bytes),
  lazy: v.record(v.string(), v.string()),
});
export type StdlibSpec = v.InferOutput<typeof StdlibSpecSchema>;

/** Page → Worker. */
export const WorkerRequestSchema = v.variant('type', [
  /** Once per Worker: the compiled wrapper and the stdlib; the Worker readies a spare instance. */
  v.object({ type: v.literal('init'), id: Id, module: v.instance(WebAssembly.Module), stdlib: StdlibSpecSchema }),
  /** A lazily loaded zip that the page has fetched in the background: no instance waits for it later. */
  v.object({ type: v.literal('stdlib'), id: Id, name: v.string(), bytes: Bytes }),
  v.object({
    type: v.literal('run'),
    id: Id,
    /** Absent: the files of this Worker's last run request (the page sends them again only when they changed). */
    files: v.optional(FilesSchema),
    payload: v.string(),
    ident: Id,
    // The SE2 request (null: none) and fetch mocks (issue 12), the writable-space quota in MiB (issue 16).
    request: v.optional(v.nullable(HttpRequestSchema)),
    fetch: v.optional(FetchMocksSchema),
    quotaMiB: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    /** On a new instance even when the files are those of the last run (a test case). */
    fresh: v.optional(v.boolean()),
    /** Record the run's crossings (issue 14): `done` then carries `trace`. */
    trace: v.optional(v.boolean()),
  }),
]);
export type WorkerRequest = v.InferOutput<typeof WorkerRequestSchema>;

/** Errors cross the boundary as plain data. */
const WireErrorSchema = v.object({ type: v.string(), message: v.string() });
export type WireError = v.InferOutput<typeof WireErrorSchema>;

const StringMap = v.record(v.string(), v.string());
/** What an SE2 run reports besides its outcome: the response headers, the request's state after it. */
export const RunResponseSchema = v.object({ headers: v.optional(StringMap), state: v.optional(StringMap) });
export type RunResponseWire = v.InferOutput<typeof RunResponseSchema>;

/** A report's trace as it crosses to the page or the CLI; none when the run was not traced. */
export function runTraceOf(report: Pick<RunReport, 'trace' | 'traceDropped'>): Pick<RunReport, 'trace' | 'traceDropped'> {
  return {
    ...(report.trace !== undefined && { trace: report.trace }),
    ...(report.traceDropped !== undefined && { traceDropped: report.traceDropped }),
  };
}

/** A report's response headers and state as they cross to the page or the CLI; none when it has neither. */
export function runResponseOf(report: Pick<RunReport, 'response' | 'state'>): { response?: RunResponseWire } {
  const response: RunResponseWire = {};
  if (report.response !== undefined) response.headers = report.response.headers;
  if (report.state !== undefined) response.state = report.state;
  return Object.keys(response).length > 0 ? { response } : {};
}

/**
 * How many log lines of the run (kept and dropped) were sent before a `done` or `failed`. Some come
 * by way of the relay, which may deliver them after it: the run ends once that many are in.
 */
const LinesBefore = v.optional(v.pipe(Id, v.minValue(0)));

/** Worker → page. */
export const WorkerReplySchema = v.variant('type', [
  v.object({ type: v.literal('ready'), id: Id }),
  /**
   * Log lines of run `id` as they are produced, each encoded by `encodeLine` (the page decodes and
   * checks them with `decodeLines`); `dropped` counts earlier lines left out past the cap.
   */
  v.object({ type: v.literal('log'), id: Id, lines: v.array(v.string()), dropped: v.pipe(Id, v.minValue(0)) }),
  v.object({
    type: v.literal('done'),
    id: Id,
    outcome: OutcomeSchema,
    timings: TimingsSchema,
    response: v.optional(RunResponseSchema),
    trace: v.optional(v.array(TraceEventSchema)),
    traceDropped: v.optional(v.pipe(Id, v.minValue(0))),
    lines: LinesBefore,
  }),
  v.object({ type: v.literal('failed'), id: Id, error: WireErrorSchema, lines: LinesBefore }),
]);
export type WorkerReply = v.InferOutput<typeof WorkerReplySchema>;

/**
 * The page talks to the Python Worker over a MessageChannel of its own (requests down; `ready`,
 * `done`, `failed` and a run's last lines up), and to the relay Worker that runs the Python Worker
 * nested inside it (see relay.ts), which ends the Python Worker and passes its log lines up in
 * batches, wrapped with the relay's own news.
 */
export const RelayMessageSchema = v.variant('kind', [
  /** Log replies, in order. */
  v.object({ kind: v.literal('replies'), replies: v.array(v.unknown()) }),
  /** The Python Worker failed outside a request (its script did not load, it threw). */
  v.object({ kind: v.literal('error'), message: v.string() }),
  /** The Python Worker was terminated after every line it sent before was passed on. */
  v.object({ kind: v.literal('closed') }),
]);
export type RelayMessage = v.InferOutput<typeof RelayMessageSchema>;

const Port = v.instance(MessagePort);

/** Page → relay: the page's end of its channel to the Python Worker; end the Python Worker (a Stop, a time-out, a fault). */
export const RelayCommandSchema = v.variant('kind', [
  v.object({ kind: v.literal('port'), port: Port }),
  v.object({ kind: v.literal('terminate') }),
]);
export type RelayCommand = v.InferOutput<typeof RelayCommandSchema>;

/**
 * Relay → Python Worker, before anything else: the channel to the page, and in a cross-origin
 * isolated page the shared ring (ring.ts) its log lines go to instead of one message each.
 */
export const PythonSetupSchema = v.variant('type', [
  v.object({ type: v.literal('port'), port: Port }),
  v.object({
    type: v.literal('ring'),
    buffer: v.custom<SharedArrayBuffer>(
      (x) => typeof SharedArrayBuffer === 'function' && x instanceof SharedArrayBuffer,
      'expected a SharedArrayBuffer',
    ),
  }),
]);
export type PythonSetup = v.InferOutput<typeof PythonSetupSchema>;

/** Python Worker → relay: a run has ended; send the page its lines held here now, without waiting for a batch. */
export const FLUSH = 'flush';

/**
 * One log line as one string, the form every line takes from the Python Worker to the page: the
 * cheapest thing to write into the ring and read back, to post where there is no ring (see
 * relay.ts), and to send to the page (a string crosses a thread as one copy, where an entry object
 * is serialized field by field and checked by a schema on arrival). Fields are separated by U+001F;
 * the file name is length-prefixed and the text comes last, so neither may hold anything.
 */
const SEP = '\x1f';

export function encodeLine(id: number, e: LogEntry): string {
  return `${id}${SEP}${e.level}${SEP}${e.stream}${SEP}${e.time}${SEP}${e.ident ?? ''}${SEP}${e.severity ?? ''}${SEP}${e.file.length}${SEP}${e.file}${e.text}`;
}

/** The run id an encoded line belongs to, read without decoding the rest; NaN when it has none. */
export function lineRun(line: string): number {
  const end = line.indexOf(SEP);
  return end > 0 ? Number(line.slice(0, end)) : NaN;
}

/** Which of `names` the text of `line` from `from` to `to` is, or null: compared in place, nothing sliced. */
function oneOf<T extends string>(line: string, from: number, to: number, names: readonly T[]): T | null {
  for (const name of names) if (to - from === name.length && line.startsWith(name, from)) return name;
  return null;
}

const LEVELS = ['host', 'wrapper', 'python'] as const;
const STREAMS = ['stdout', 'stderr'] as const;
const SEVERITY_NAMES = ['error', 'warn', 'info', 'debug'] as const;

/**
 * The run id and entry of an encoded line, or null when `data` is not one. Checked by hand, not by
 * LogEntrySchema, and without splitting: the page decodes every line of every run, a flood's too.
 */
export function decodeLine(data: unknown): { id: number; entry: LogEntry } | null {
  if (typeof data !== 'string') return null;
  const c0 = data.indexOf(SEP);
  const c1 = c0 < 0 ? -1 : data.indexOf(SEP, c0 + 1);
  const c2 = c1 < 0 ? -1 : data.indexOf(SEP, c1 + 1);
  const c3 = c2 < 0 ? -1 : data.indexOf(SEP, c2 + 1);
  const c4 = c3 < 0 ? -1 : data.indexOf(SEP, c3 + 1);
  const c5 = c4 < 0 ? -1 : data.indexOf(SEP, c4 + 1);
  const c6 = c5 < 0 ? -1 : data.indexOf(SEP, c5 + 1);
  if (c6 < 0 || c0 === 0 || c3 === c2 + 1 || c6 === c5 + 1) return null;
  const level = oneOf(data, c0 + 1, c1, LEVELS);
  const stream = oneOf(data, c1 + 1, c2, STREAMS);
  const severity = c5 === c4 + 1 ? null : oneOf(data, c4 + 1, c5, SEVERITY_NAMES);
  if (level === null || stream === null || (severity === null && c5 !== c4 + 1)) return null;
  const id = Number(data.slice(0, c0));
  const time = Number(data.slice(c2 + 1, c3));
  const ident = c4 === c3 + 1 ? null : Number(data.slice(c3 + 1, c4));
  const fileLength = Number(data.slice(c5 + 1, c6));
  const fileEnd = c6 + 1 + fileLength;
  if (!Number.isSafeInteger(id) || !Number.isFinite(time) || (ident !== null && !Number.isFinite(ident))) return null;
  if (!Number.isSafeInteger(fileLength) || fileLength < 0 || fileEnd > data.length) return null;
  const entry: LogEntry = { level, stream, time, ident, file: data.slice(c6 + 1, fileEnd), text: data.slice(fileEnd) };
  if (severity !== null) entry.severity = severity;
  return { id, entry };
}

/**
 * The entries of a `log` reply's lines, each of run `id`; null when one is not a line of that run.
 * The page checks lines here, where a reply's other fields are checked by WorkerReplySchema.
 */
export function decodeLines(id: number, lines: string[]): LogEntry[] | null {
  const entries: LogEntry[] = [];
  for (const line of lines) {
    const decoded = decodeLine(line);
    if (decoded === null || decoded.id !== id) return null;
    entries.push(decoded.entry);
  }
  return entries;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** `data` checked against `schema`; a failure says where and what, in one line. */
export function parse<T>(schema: v.GenericSchema<unknown, T>, data: unknown): Parsed<T> {
  const result = v.safeParse(schema, data);
  if (result.success) return { ok: true, value: result.output };
  const problem = result.issues
    .slice(0, 3)
    .map((issue) => `${v.getDotPath(issue) ?? '(message)'}: ${issue.message}`)
    .join('; ');
  return { ok: false, problem };
}

export const parseReply = (data: unknown) => parse(WorkerReplySchema, data);
export const parseRequest = (data: unknown) => parse(WorkerRequestSchema, data);

// The host's own types and the schemas above describe the same values: a change to one without
// the other is a type error here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShapes: [
  Same<v.InferOutput<typeof LogEntrySchema>, LogEntry>,
  Same<v.InferOutput<typeof OutcomeSchema>, Outcome>,
  Same<v.InferOutput<typeof TimingsSchema>, Timings>,
  Same<v.InferOutput<typeof FilesSchema>, PluginFiles>,
  Same<v.InferOutput<typeof TraceEventSchema>, TraceEvent>,
] = [true, true, true, true, true];
void sameShapes;
