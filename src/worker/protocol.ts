// The one message protocol between the page and the Worker. Every message carries the `id` of
// the request it belongs to; the page drops replies whose id is not the request it waits for.
// Both sides validate what they receive: a message is data from another realm, not a promise.
import type { LogEntry, LogLevel, Outcome, PluginFiles, Timings } from '../host/types.ts';

/** Log lines past this many in one run are counted, not kept: the newest lines are kept. */
export const LOG_LINES_PER_RUN = 5000;

/**
 * The files of `/lib`: zips the page has fetched already, and zips the Worker fetches itself (by a
 * synchronous request, allowed in workers) the first time Python reads them.
 */
export interface StdlibSpec {
  bytes: Record<string, Uint8Array>;
  /** Name → absolute URL. */
  lazy: Record<string, string>;
}

/** Page → Worker. */
export type WorkerRequest =
  /** Once per Worker: the compiled wrapper and the stdlib; the Worker readies a spare instance. */
  | { type: 'init'; id: number; module: WebAssembly.Module; stdlib: StdlibSpec }
  /** A lazily loaded zip that the page has fetched in the background: no instance waits for it later. */
  | { type: 'stdlib'; id: number; name: string; bytes: Uint8Array }
  /** `fresh`: on a new instance even when the files are those of the last run (a test case). */
  | { type: 'run'; id: number; files: PluginFiles; payload: string; ident: number; fresh?: boolean };

/** Errors cross the boundary as plain data. */
export interface WireError {
  type: string;
  message: string;
}

/** Worker → page. */
export type WorkerReply =
  | { type: 'ready'; id: number }
  /** Log lines of run `id` as they are produced, in batches; `dropped` counts earlier lines left out past the cap. */
  | { type: 'log'; id: number; entries: LogEntry[]; dropped: number }
  | { type: 'done'; id: number; outcome: Outcome; timings: Timings }
  | { type: 'failed'; id: number; error: WireError };

// --- validation ---------------------------------------------------------------------------------

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isId = (v: unknown): v is number => Number.isSafeInteger(v);
const LEVELS: readonly LogLevel[] = ['host', 'wrapper', 'python'];

export function isFiles(v: unknown): v is PluginFiles {
  return isObj(v) && Object.values(v).every((f) => isStr(f) || f instanceof Uint8Array);
}

function isLogEntry(v: unknown): v is LogEntry {
  return (
    isObj(v) &&
    LEVELS.includes(v.level as LogLevel) &&
    isStr(v.file) &&
    (v.ident === null || isNum(v.ident)) &&
    isStr(v.text) &&
    (v.stream === 'stdout' || v.stream === 'stderr') &&
    isNum(v.time)
  );
}

function isOutcome(v: unknown): v is Outcome {
  if (!isObj(v)) return false;
  switch (v.kind) {
    case 'result':
      return isStr(v.value);
    case 'error':
      return isNum(v.code) && isStr(v.message);
    case 'none':
      return true;
    case 'crash':
      return isStr(v.message);
    default:
      return false;
  }
}

function isTimings(v: unknown): v is Timings {
  return isObj(v) && ['compile', 'instantiate', 'start', 'run'].every((k) => v[k] === undefined || isNum(v[k]));
}

/** The reply in `data`, or null when it is not one this page understands. */
export function parseReply(data: unknown): WorkerReply | null {
  if (!isObj(data) || !isId(data.id)) return null;
  switch (data.type) {
    case 'ready':
      return { type: 'ready', id: data.id };
    case 'log':
      if (!Array.isArray(data.entries) || !data.entries.every(isLogEntry) || !isNum(data.dropped)) return null;
      return { type: 'log', id: data.id, entries: data.entries, dropped: data.dropped };
    case 'done':
      if (!isOutcome(data.outcome) || !isTimings(data.timings)) return null;
      return { type: 'done', id: data.id, outcome: data.outcome, timings: data.timings };
    case 'failed':
      if (!isObj(data.error) || !isStr(data.error.type) || !isStr(data.error.message)) return null;
      return { type: 'failed', id: data.id, error: { type: data.error.type, message: data.error.message } };
    default:
      return null;
  }
}

const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array;

function isStdlibSpec(v: unknown): v is StdlibSpec {
  return isObj(v) && isObj(v.bytes) && Object.values(v.bytes).every(isBytes) && isObj(v.lazy) && Object.values(v.lazy).every(isStr);
}

/** The request in `data`, or null when it is not one. */
export function parseRequest(data: unknown): WorkerRequest | null {
  if (!isObj(data) || !isId(data.id)) return null;
  switch (data.type) {
    case 'init':
      if (!(data.module instanceof WebAssembly.Module) || !isStdlibSpec(data.stdlib)) return null;
      return { type: 'init', id: data.id, module: data.module, stdlib: data.stdlib };
    case 'stdlib':
      if (!isStr(data.name) || !isBytes(data.bytes)) return null;
      return { type: 'stdlib', id: data.id, name: data.name, bytes: data.bytes };
    case 'run':
      if (!isFiles(data.files) || !isStr(data.payload) || !isId(data.ident)) return null;
      return { type: 'run', id: data.id, files: data.files, payload: data.payload, ident: data.ident, ...(data.fresh === true ? { fresh: true } : {}) };
    default:
      return null;
  }
}
