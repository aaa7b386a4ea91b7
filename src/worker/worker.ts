// The Worker owns the WebAssembly instances. It keeps one started host for the files it last ran
// (a rerun with the same files calls into it again) and one spare instance, instantiated but not
// started, made in the background after start-up and after each run. Changed files take the
// spare and start it with them: every edit runs in a fresh interpreter, and costs only `_start`
// (the plugin's import) plus the call. The page terminates this Worker on Stop or time-out.
import { DEFAULT_QUOTA_BYTES, prepareInstance, type Host, type SpareInstance, type StdlibFiles } from '../host/index.ts';
import type { LogEntry, PluginFiles } from '../host/types.ts';
import { Newest } from './newest.ts';
import {
  encodeLine,
  LOG_LINES_PER_RUN,
  parseRequest,
  runResponseOf,
  runTraceOf,
  type StdlibSpec,
  type WireError,
  type WorkerReply,
  type WorkerRequest,
} from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

/** Replies go to the relay Worker that runs this one (relay.ts), which passes them to the page. */
const post = (reply: WorkerReply) => self.postMessage(reply);

const toWire = (e: unknown): WireError =>
  e instanceof Error ? { type: e.name, message: e.message } : { type: 'Error', message: String(e) };

/**
 * Where an instance's log lines go: each to the run in progress on it the moment it is written (a
 * run may never return: nothing may wait here for a later line or a timer), or kept (newest kept)
 * until its first run, so that run's log shows how the instance was made.
 */
class LogRoute {
  private early = new Newest<LogEntry>(LOG_LINES_PER_RUN);
  run: number | null = null;

  push = (entry: LogEntry): void => {
    if (this.run !== null) self.postMessage(encodeLine(this.run, entry));
    else this.early.push(entry);
  };

  attach(id: number): void {
    const { kept, dropped } = this.early.take();
    if (kept.length > 0 || dropped > 0) post({ type: 'log', id, entries: kept, dropped });
    this.run = id;
  }
}

interface Started {
  key: string;
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

/**
 * Names the content of `files`, to tell a rerun from an edit. Bytes count by their SHA-256: JSON of
 * a Uint8Array spells every byte as a key, which took 7 s for a 10 MiB file. Without SubtleCrypto
 * (a page served over plain http from another host) their latin-1 reading is exact and still fast.
 */
async function filesKey(files: PluginFiles): Promise<string> {
  const latin1 = new TextDecoder('latin1');
  const parts = await Promise.all(
    Object.entries(files)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(async ([path, content]) => {
        if (typeof content === 'string') return [path, 'text', content];
        // A message's bytes are never shared memory.
        const digest =
          globalThis.crypto?.subtle === undefined ? null : await crypto.subtle.digest('SHA-256', content as Uint8Array<ArrayBuffer>);
        return [path, 'bytes', digest === null ? latin1.decode(content) : Array.from(new Uint8Array(digest)).join(',')];
      }),
  );
  return JSON.stringify(parts);
}

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
 * How long after a run the next spare is made. Instantiating copies the snapshot's memory (about
 * 4 ms of this thread and the memory bus): made at once, it ran while the reply crossed the relay
 * to the page and the page showed it, on a machine with two cores. An edit that comes sooner
 * still gets a fresh instance: it waits for the one being made.
 */
const SPARE_DELAY_MS = 50;

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
  const key = `${quotaBytes}|${await filesKey(files)}`;
  if (!fresh && current !== null && current.key === key && current.host.reusable) {
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
  const started: Started = { key, host: instance.start(files), route: taken.route };
  current = started;
  return started;
}

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'init':
      module = request.module;
      setStdlib(request.stdlib);
      await makeSpare().instance;
      post({ type: 'ready', id: request.id });
      return;
    case 'stdlib':
      zipBytes[request.name] = request.bytes;
      return;
    case 'run': {
      let on: Started | null = null;
      try {
        on = await hostFor(request.files, request.id, quotaBytesOf(request.quotaMiB), request.fresh === true);
        const context = { ...(request.request ? { request: request.request } : {}), ...(request.fetch ? { fetch: request.fetch } : {}) };
        const report = on.host.run(request.payload, request.ident, context, { trace: request.trace === true });
        post({
          type: 'done',
          id: request.id,
          outcome: report.outcome,
          timings: report.timings,
          ...runResponseOf(report),
          ...runTraceOf(report),
        });
      } finally {
        if (on !== null) on.route.run = null;
        // A dead instance, or one whose memory grew large (linear memory never shrinks), is not reused.
        if (on !== null && !on.host.reusable && current === on) current = null;
        // The next edit starts from a fresh instance made while the person reads this result.
        setTimeout(() => {
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

self.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = parseRequest(event.data);
  if (!parsed.ok) {
    // Without a valid id there is no one to answer: say it where a developer looks.
    console.warn(`the Worker dropped a malformed request (${parsed.problem})`);
    return;
  }
  const request = parsed.value;
  enqueue(() =>
    handle(request).catch((e: unknown) => {
      post({ type: 'failed', id: request.id, error: toWire(e) });
    }),
  );
};
