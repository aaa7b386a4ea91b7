// The Worker owns the WebAssembly instances. It keeps one started host for the files it last ran
// (a rerun with the same files calls into it again) and one spare instance, instantiated but not
// started, made in the background after start-up and after each run. Changed files take the
// spare and start it with them: every edit runs in a fresh interpreter, and costs only `_start`
// (the plugin's import) plus the call. Requests come from the page over a MessageChannel and are
// answered on it; log lines go to the relay that runs this Worker (relay.ts), which the page asks
// to terminate it on Stop or time-out.
import { DEFAULT_QUOTA_BYTES, prepareInstance, type Host, type SpareInstance, type StdlibFiles } from '../host/index.ts';
import type { LogEntry, PluginFiles } from '../host/types.ts';
import { Newest } from './newest.ts';
import {
  encodeLine,
  FLUSH,
  LOG_LINES_PER_RUN,
  parse,
  parseRequest,
  PythonSetupSchema,
  runResponseOf,
  runTraceOf,
  type StdlibSpec,
  type WireError,
  type WorkerReply,
  type WorkerRequest,
} from './protocol.ts';
import { LineRing } from './ring.ts';
import { sameFiles } from './sameFiles.ts';

declare const self: DedicatedWorkerGlobalScope;

/** The page's channel (requests come on it, and replies go back on it); set before any request. */
let page: MessagePort | null = null;
/** Replies in order; several in one message are handled in one task on the page. */
const post = (replies: WorkerReply[]) => page!.postMessage(replies);

const toWire = (e: unknown): WireError =>
  e instanceof Error ? { type: e.name, message: e.message } : { type: 'Error', message: String(e) };

/** The ring shared with the relay (a cross-origin isolated page only; see relay.ts). */
let ring: LineRing | null = null;
/** The ring was full (a flood, a line longer than the ring): the run's later lines are posted, in order. */
let ringFull = false;
/** Lines of the run in progress sent so far (kept and dropped), and how many of them went to the relay. */
let sent = 0;
let relayed = 0;
/** The run's lines in the ring, with where each ends there: those no reader took go with the outcome. */
let inRing: { line: string; end: number }[] = [];
/** Where the run's first line starts in the ring (its written counter when the run began). */
let runStart = 0;
/** Past this many lines in `inRing`, the ones the relay took are let go. */
const IN_RING_TRIM = 4096;

/** A line of a run, in the relay's reach at once: a run may never return, nothing may wait. */
function sendLine(id: number, entry: LogEntry): void {
  sent++;
  relayed++;
  const line = encodeLine(id, entry);
  if (ring !== null && !ringFull && ring.write(line)) {
    inRing.push({ line, end: ring.end });
    if (inRing.length >= IN_RING_TRIM) inRing = untaken(ring.takenSoFar);
    return;
  }
  // The relay takes the ring before each posted line: none may be written to the ring after one.
  ringFull = ring !== null;
  self.postMessage(line);
}

/** The lines in `inRing` that end after the taken counter `from`. */
function untaken(from: number): { line: string; end: number }[] {
  let first = inRing.length;
  while (first > 0 && LineRing.after(inRing[first - 1]!.end, from)) first--;
  return inRing.slice(first);
}

/**
 * A run's last lines, to send with its outcome: its lines in the ring, taken back, when no reader
 * took any of them and none was posted (a short run's lines all: no message went anywhere per
 * line). Otherwise every line goes through the relay, which is told to send them now: lines it
 * took or was posted come before the rest, and the page shows lines in the order they arrive.
 * Also returns how many lines of the run were sent in all.
 */
function lastLines(id: number): { log: WorkerReply | null; lines: number } {
  const whole = ring !== null && !ringFull && inRing.length > 0 && ring.takeBackFrom(runStart);
  const lines = whole ? inRing.map((l) => l.line) : [];
  inRing = [];
  if (relayed > lines.length) self.postMessage(FLUSH);
  relayed = 0;
  return { log: lines.length > 0 ? { type: 'log', id, lines, dropped: 0 } : null, lines: sent };
}

/**
 * Where an instance's log lines go: each to the run in progress on it the moment it is written, or
 * kept (newest kept) until its first run, so that run's log shows how the instance was made.
 */
class LogRoute {
  private early = new Newest<LogEntry>(LOG_LINES_PER_RUN);
  run: number | null = null;

  push = (entry: LogEntry): void => {
    if (this.run !== null) sendLine(this.run, entry);
    else this.early.push(entry);
  };

  attach(id: number): void {
    const { kept, dropped } = this.early.take();
    if (kept.length > 0 || dropped > 0) post([{ type: 'log', id, lines: kept.map((entry) => encodeLine(id, entry)), dropped }]);
    sent = kept.length + dropped;
    relayed = 0;
    inRing = [];
    ringFull = false;
    runStart = ring?.end ?? 0;
    this.run = id;
  }
}

interface Started {
  files: PluginFiles;
  quotaBytes: number;
  host: Host;
  route: LogRoute;
}

interface Spare {
  instance: Promise<SpareInstance>;
  route: LogRoute;
  /** The writable space the instance was made with, in bytes. */
  quotaBytes: number;
}

let module: WebAssembly.Module | null = null;
/** Stdlib zips on hand; a lazy zip lands here when it is first read or when the page sends it. */
const zipBytes: Record<string, Uint8Array> = {};
let lazyZips: Record<string, string> = {};
let current: Started | null = null;
let spare: Spare | null = null;
/** The files of the last run request: a request without files means these (the host never writes into them). */
let lastFiles: PluginFiles | null = null;

/** A zip by synchronous request: Python is waiting inside a WASI call and cannot be resumed later. */
function fetchSync(name: string, url: string): Uint8Array {
  const request = new XMLHttpRequest();
  request.open('GET', url, false);
  request.responseType = 'arraybuffer';
  try {
    request.send();
  } catch (e) {
    throw new Error(`could not download ${name} (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  if (request.status !== 200) throw new Error(`could not download ${name}: HTTP ${request.status}`);
  return new Uint8Array(request.response as ArrayBuffer);
}

function stdlibFiles(): StdlibFiles {
  const files: StdlibFiles = { ...zipBytes };
  for (const [name, url] of Object.entries(lazyZips)) {
    files[name] = zipBytes[name] ?? (() => (zipBytes[name] ??= fetchSync(name, url)));
  }
  return files;
}

function setStdlib(spec: StdlibSpec): void {
  Object.assign(zipBytes, spec.bytes);
  lazyZips = spec.lazy;
}

/**
 * A run's writable space in bytes. A request that names no quota gets the host's default, so it
 * takes the same spare as one that names the default (the page always names it; the bench hook
 * and the tests do not): otherwise every switch between them made a new instance during a run.
 */
const quotaBytesOf = (quotaMiB: number | undefined): number => (quotaMiB === undefined ? DEFAULT_QUOTA_BYTES : quotaMiB * 1024 * 1024);

/**
 * How long after the last run the next spare is made; each run puts it off again. Instantiating
 * copies the snapshot's memory (about 4 ms of this thread and the memory bus): made at once, it ran
 * while the reply crossed to the page and the page showed it, on a machine with two cores; made on
 * a fixed timer, it held up one run of a burst (reruns in a row, a table of test cases). An edit
 * that comes sooner still gets a fresh instance: it makes one and waits for it.
 */
const SPARE_DELAY_MS = 50;
let spareTimer: ReturnType<typeof setTimeout> | null = null;

/** The quota of the latest run: the next spare is made with it, as the next run most likely wants it. */
let lastQuotaBytes = DEFAULT_QUOTA_BYTES;

/** Starts making the next spare instance (with this quota) unless one is on its way. */
function makeSpare(quotaBytes = lastQuotaBytes): Spare {
  if (spare !== null && spare.quotaBytes === quotaBytes) return spare;
  if (module === null) throw new Error('the Worker was not initialised');
  const route = new LogRoute();
  const made: Spare = {
    route,
    quotaBytes,
    // Every instance can trace (the wrapper's descriptor, fd 4): a run is traced when the page asks,
    // so opening the Sequence view needs no new instance. Untraced, a run pays one fd_fdstat_get.
    instance: prepareInstance({
      module,
      stdlib: stdlibFiles(),
      onLog: route.push,
      trace: true,
      quotaBytes,
    }),
  };
  // A failure shows on the run that takes this spare.
  made.instance.catch(() => undefined);
  spare = made;
  return made;
}

/** The host for `files`: the started one when the files are unchanged and it is alive, else the spare started with them. */
async function hostFor(files: PluginFiles, runId: number, quotaBytes: number, fresh: boolean): Promise<Started> {
  // The quota is fixed when an instance is made: another quota needs another instance.
  if (!fresh && current !== null && current.quotaBytes === quotaBytes && current.host.reusable && sameFiles(current.files, files)) {
    current.route.attach(runId);
    return current;
  }
  current = null;
  lastQuotaBytes = quotaBytes;
  const taken = makeSpare(quotaBytes);
  spare = null;
  const instance = await taken.instance;
  taken.route.attach(runId);
  // `start` runs the plugin's module code: it is part of this run (and of its time limit).
  const started: Started = { files, quotaBytes, host: instance.start(files), route: taken.route };
  current = started;
  return started;
}

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'init':
      module = request.module;
      setStdlib(request.stdlib);
      await makeSpare().instance;
      post([{ type: 'ready', id: request.id }]);
      return;
    case 'stdlib':
      zipBytes[request.name] = request.bytes;
      return;
    case 'run': {
      let on: Started | null = null;
      try {
        const files = request.files ?? lastFiles;
        if (files === null) throw new Error('the run request carried no files, and this Worker has run none');
        lastFiles = files;
        on = await hostFor(files, request.id, quotaBytesOf(request.quotaMiB), request.fresh === true);
        const context = { ...(request.request ? { request: request.request } : {}), ...(request.fetch ? { fetch: request.fetch } : {}) };
        const report = on.host.run(request.payload, request.ident, context, { trace: request.trace === true });
        const { log, lines } = lastLines(request.id);
        const done: WorkerReply = {
          type: 'done',
          id: request.id,
          outcome: report.outcome,
          timings: report.timings,
          ...runResponseOf(report),
          ...runTraceOf(report),
          lines,
        };
        // One message: one task on the page, and one render of the lines and the outcome.
        post(log === null ? [done] : [log, done]);
      } catch (e) {
        const { log, lines } = lastLines(request.id);
        const failed: WorkerReply = { type: 'failed', id: request.id, error: toWire(e), lines };
        post(log === null ? [failed] : [log, failed]);
      } finally {
        if (on !== null) on.route.run = null;
        // A dead instance, or one whose memory grew large (linear memory never shrinks), is not reused.
        if (on !== null && !on.host.reusable && current === on) current = null;
        // The next edit starts from a fresh instance made while the person reads this result. A
        // rerun on the same instance leaves the spare in place: no timer (one per run was a cost).
        if (spareTimer !== null) clearTimeout(spareTimer);
        spareTimer = null;
        if (spare === null || spare.quotaBytes !== lastQuotaBytes)
          spareTimer = setTimeout(() => {
            spareTimer = null;
            if (module !== null) makeSpare();
          }, SPARE_DELAY_MS);
      }
      return;
    }
  }
}

// Work is done one task at a time, in order.
let queue: Promise<void> = Promise.resolve();
function enqueue(task: () => Promise<void>): void {
  queue = queue.then(task);
}

function receive(data: unknown): void {
  const parsed = parseRequest(data);
  if (!parsed.ok) {
    // Without a valid id there is no one to answer: say it where a developer looks.
    console.warn(`the Worker dropped a malformed request (${parsed.problem})`);
    return;
  }
  const request = parsed.value;
  enqueue(() =>
    handle(request).catch((e: unknown) => {
      post([{ type: 'failed', id: request.id, error: toWire(e) }]);
    }),
  );
}

// From the relay, before anything else: the page's channel, and the ring in an isolated page.
self.onmessage = (event: MessageEvent<unknown>) => {
  const setup = parse(PythonSetupSchema, event.data);
  if (!setup.ok) {
    console.warn(`the Worker dropped a malformed message from the relay (${setup.problem})`);
    return;
  }
  if (setup.value.type === 'ring') {
    ring = new LineRing(setup.value.buffer);
    return;
  }
  page = setup.value.port;
  page.onmessage = (event: MessageEvent<unknown>) => receive(event.data);
};
