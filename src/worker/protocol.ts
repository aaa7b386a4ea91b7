// The one message protocol between the page and the Worker, as valibot schemas; the TypeScript
// types are inferred from them, so a check can never drift from the type it checks. Every message
// carries the `id` of the request it belongs to. Both sides validate what they receive: a message
// is data from another realm, not a promise.
import * as v from 'valibot';
import type { LogEntry, Outcome, PluginFiles, Timings } from '../host/types.ts';

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

export const FilesSchema = v.record(v.string(), v.string());

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
  v.object({ type: v.literal('run'), id: Id, files: FilesSchema, payload: v.string(), ident: Id }),
]);
export type WorkerRequest = v.InferOutput<typeof WorkerRequestSchema>;

/** Errors cross the boundary as plain data. */
const WireErrorSchema = v.object({ type: v.string(), message: v.string() });
export type WireError = v.InferOutput<typeof WireErrorSchema>;

/** Worker → page. */
export const WorkerReplySchema = v.variant('type', [
  v.object({ type: v.literal('ready'), id: Id }),
  /** Log lines of run `id` as they are produced; `dropped` counts earlier lines left out past the cap. */
  v.object({ type: v.literal('log'), id: Id, entries: v.array(LogEntrySchema), dropped: v.pipe(Id, v.minValue(0)) }),
  v.object({ type: v.literal('done'), id: Id, outcome: OutcomeSchema, timings: TimingsSchema }),
  v.object({ type: v.literal('failed'), id: Id, error: WireErrorSchema }),
]);
export type WorkerReply = v.InferOutput<typeof WorkerReplySchema>;

/**
 * The Worker's replies travel through a relay Worker that batches log lines (see relay.ts); the
 * relay tells the page which Worker a reply came from, and when a Worker's channel has closed
 * (every reply it sent has then been delivered).
 */
export const RelayMessageSchema = v.variant('kind', [
  v.object({ kind: v.literal('reply'), channel: Id, reply: v.unknown() }),
  v.object({ kind: v.literal('closed'), channel: Id }),
]);
export type RelayMessage = v.InferOutput<typeof RelayMessageSchema>;

/** Page → relay: a new Worker's channel (the other end goes to that Worker as its `connect`). */
export const RelayRequestSchema = v.variant('kind', [
  v.object({ kind: v.literal('attach'), channel: Id, port: v.instance(MessagePort) }),
  /** The page terminated the Worker of `channel`: flush what it sent and report `closed`. */
  v.object({ kind: v.literal('detach'), channel: Id }),
]);
export type RelayRequest = v.InferOutput<typeof RelayRequestSchema>;

/** Page → Worker, before any request: the port its replies go to. */
export const ConnectSchema = v.object({ type: v.literal('connect'), port: v.instance(MessagePort) });

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
] = [true, true, true, true];
void sameShapes;
