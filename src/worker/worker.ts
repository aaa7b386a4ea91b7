// The Worker owns the WebAssembly instances. It keeps one started host for the files it last ran
// (a rerun with the same files calls into it again) and one spare instance, instantiated but not
// started, made in the background after start-up and after each run. Changed files take the
// spare and start it with them: every edit runs in a fresh interpreter, and costs only `_start`
// (the plugin's import) plus the call. The page terminates this Worker on Stop or time-out.
import { prepareInstance, type Host, type SpareInstance, type StdlibFiles } from '../host/index.ts';
import type { LogEntry, PluginFiles } from '../host/types.ts';
import { LOG_LINES_PER_RUN, parseRequest, type StdlibSpec, type WireError, type WorkerReply, type WorkerRequest } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

/** How often log lines of a running plugin reach the page. */
const FLUSH_EVERY_MS = 50;

const post = (reply: WorkerReply) => self.postMessage(reply);

const toWire = (e: unknown): WireError =>
  e instanceof Error ? { type: e.name, message: e.message } : { type: 'Error', message: String(e) };

/** Streams one run's log lines to the page in batches, keeping the newest past the cap. */
class RunLog {
  private batch: LogEntry[] = [];
  private dropped = 0;
  private lastFlush = performance.now();

  constructor(private readonly id: number) {}

  push(entry: LogEntry): void {
    this.batch.push(entry);
    // Trimmed in chunks, not per line: a print loop stays linear.
    if (this.batch.length >= 2 * LOG_LINES_PER_RUN) this.trim();
    if (performance.now() - this.lastFlush >= FLUSH_EVERY_MS) this.flush();
  }

  private trim(): void {
    const extra = this.batch.length - LOG_LINES_PER_RUN;
    if (extra <= 0) return;
    this.batch = this.batch.slice(extra);
    this.dropped += extra;
  }

  flush(): void {
    this.lastFlush = performance.now();
    this.trim();
    if (this.batch.length === 0 && this.dropped === 0) return;
    post({ type: 'log', id: this.id, entries: this.batch, dropped: this.dropped });
    this.batch = [];
    this.dropped = 0;
  }
}

/**
 * Where an instance's log lines go: to the run in progress on it, or kept (newest first to go)
 * until its first run, so that run's log shows how the instance was made.
 */
class LogRoute {
  early: LogEntry[] = [];
  run: RunLog | null = null;

  push = (entry: LogEntry): void => {
    if (this.run !== null) this.run.push(entry);
    else {
      this.early.push(entry);
      if (this.early.length > 2 * LOG_LINES_PER_RUN) this.early = this.early.slice(-LOG_LINES_PER_RUN);
    }
  };

  attach(log: RunLog): void {
    for (const entry of this.early.splice(0)) log.push(entry);
    this.run = log;
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
}

let module: WebAssembly.Module | null = null;
/** Stdlib zips on hand; a lazy zip lands here when it is first read or when the page sends it. */
const zipBytes: Record<string, Uint8Array> = {};
let lazyZips: Record<string, string> = {};
let current: Started | null = null;
let spare: Spare | null = null;

const filesKey = (files: PluginFiles) => JSON.stringify(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));

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

/** Starts making the next spare instance unless one is on its way. */
function makeSpare(): Spare {
  if (spare !== null) return spare;
  if (module === null) throw new Error('the Worker was not initialised');
  const route = new LogRoute();
  const made: Spare = { route, instance: prepareInstance({ module, stdlib: stdlibFiles(), onLog: route.push }) };
  // A failure shows on the run that takes this spare.
  made.instance.catch(() => undefined);
  spare = made;
  return made;
}

/** The host for `files`: the started one when the files are unchanged and it is alive, else the spare started with them. */
async function hostFor(files: PluginFiles, log: RunLog, fresh: boolean): Promise<Started> {
  const key = filesKey(files);
  if (!fresh && current !== null && current.key === key && current.host.alive) {
    current.route.attach(log);
    return current;
  }
  current = null;
  const taken = makeSpare();
  spare = null;
  const instance = await taken.instance;
  taken.route.attach(log);
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
      const log = new RunLog(request.id);
      let on: Started | null = null;
      try {
        on = await hostFor(request.files, log, request.fresh === true);
        const report = on.host.run(request.payload, request.ident);
        log.flush();
        post({ type: 'done', id: request.id, outcome: report.outcome, timings: report.timings });
      } finally {
        log.flush();
        if (on !== null) on.route.run = null;
        if (on !== null && !on.host.alive && current === on) current = null;
        // The next edit starts from a fresh instance made while the person reads this result.
        setTimeout(() => {
          if (module !== null) makeSpare();
        }, 0);
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
  const request = parseRequest(event.data);
  if (request === null) return;
  enqueue(() =>
    handle(request).catch((e: unknown) => {
      post({ type: 'failed', id: request.id, error: toWire(e) });
    }),
  );
};
