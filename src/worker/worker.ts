// The Worker owns the WebAssembly instance. It keeps one host per set of plugin files: a rerun
// with the same files calls into the same instance; changed files get a fresh host, made ahead of
// time when the page sends `prepare`. The page terminates this Worker on Stop or time-out.
import { createHost, type Host } from '../host/index.ts';
import type { LogEntry, PluginFiles } from '../host/types.ts';
import { parseRequest, type WireError, type WorkerReply, type WorkerRequest } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

/** Lines past this many in one run are counted, not sent: a print loop must not flood the page. */
const MAX_LINES_PER_RUN = 5000;
/** How often log lines of a running plugin reach the page. */
const FLUSH_EVERY_MS = 50;

const post = (reply: WorkerReply) => self.postMessage(reply);

const toWire = (e: unknown): WireError =>
  e instanceof Error ? { type: e.name, message: e.message } : { type: 'Error', message: String(e) };

/** Streams one run's log lines to the page in batches. */
class RunLog {
  private batch: LogEntry[] = [];
  private sent = 0;
  private dropped = 0;
  private lastFlush = performance.now();

  constructor(private readonly id: number) {}

  push(entry: LogEntry): void {
    if (this.sent + this.batch.length >= MAX_LINES_PER_RUN) this.dropped++;
    else this.batch.push(entry);
    if (performance.now() - this.lastFlush >= FLUSH_EVERY_MS) this.flush();
  }

  flush(): void {
    this.lastFlush = performance.now();
    if (this.batch.length === 0 && this.dropped === 0) return;
    post({ type: 'log', id: this.id, entries: this.batch, dropped: this.dropped });
    this.sent += this.batch.length;
    this.batch = [];
    this.dropped = 0;
  }
}

/** A host for one set of files, with the lines it logged while no run was in progress (loading, `_start`). */
interface Prepared {
  key: string;
  host: Promise<Host>;
  early: LogEntry[];
}

let guest: { module: WebAssembly.Module; stdlib: Uint8Array } | null = null;
let prepared: Prepared | null = null;
let running: { on: Prepared; log: RunLog } | null = null;

const filesKey = (files: PluginFiles) => JSON.stringify(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));

/** The host for `files`: the kept one when the files are unchanged and it is alive, else a new one. */
async function hostFor(files: PluginFiles): Promise<{ on: Prepared; host: Host }> {
  if (guest === null) throw new Error('the Worker was not initialised');
  const key = filesKey(files);
  if (prepared !== null && prepared.key === key) {
    const on = prepared;
    try {
      const host = await on.host;
      if (host.alive) return { on, host };
    } catch {
      // Making it failed before; try once more below so the error belongs to this request.
    }
  }
  const early: LogEntry[] = [];
  // createHost logs before it returns, so the record it belongs to is filled in afterwards.
  let made: Prepared | null = null;
  const host = createHost({
    module: guest.module,
    stdlib: { 'python311.zip': guest.stdlib },
    files,
    onLog: (entry) => (running !== null && running.on === made ? running.log.push(entry) : early.push(entry)),
  });
  const on: Prepared = { key, early, host };
  made = on;
  prepared = on;
  return { on, host: await host };
}

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'init':
      guest = { module: request.module, stdlib: request.stdlib };
      await hostFor(request.files);
      post({ type: 'ready', id: request.id });
      return;
    case 'prepare':
      await hostFor(request.files);
      return;
    case 'run': {
      const { on, host } = await hostFor(request.files);
      const log = new RunLog(request.id);
      for (const entry of on.early.splice(0)) log.push(entry);
      running = { on, log };
      try {
        const report = host.run(request.payload, request.ident);
        log.flush();
        post({ type: 'done', id: request.id, outcome: report.outcome, timings: report.timings });
      } finally {
        running = null;
      }
      // A crashed instance is gone: have the next one ready before the person presses Run again.
      if (!host.alive) enqueue(() => hostFor(request.files).then(() => undefined, () => undefined));
      return;
    }
  }
}

// Work is done one task at a time, in order: a run waits for the host that init or prepare is making.
let queue: Promise<void> = Promise.resolve();
function enqueue(task: () => Promise<void>): void {
  queue = queue.then(task);
}

self.onmessage = (event: MessageEvent<unknown>) => {
  const request = parseRequest(event.data);
  if (request === null) return;
  enqueue(() =>
    handle(request).catch((e: unknown) => {
      // `prepare` has no one waiting for it; its error shows again on the run that needs the host.
      if (request.type !== 'prepare') post({ type: 'failed', id: request.id, error: toWire(e) });
    }),
  );
};
