// The page's client of the Python Worker, in the shape of Pyodide's worker guide and Runno: it
// knows nothing of the UI. `run(request, { onLog })` resolves to how the run ended; `stop()` ends
// the run in progress. It owns the Worker's life: the time limit, replacing the Worker after a
// Stop, a time-out or a fault, and respawning with backoff up to a cap (then `retry()`).
import type { LogEntry, Outcome, PluginFiles, Timings, TraceEvent } from '../host/types.ts';
import type { FetchMocks, HttpRequest } from '../playground/document.ts';
import { decodeLines, parseReply, type RunResponseWire, type StdlibSpec, type WorkerRequest } from './protocol.ts';

/** What the client needs of a Worker; a real one is made by spawn.ts, tests pass a fake. */
export interface WorkerLike {
  postMessage(request: WorkerRequest): void;
  /** Ends the Worker at once; resolves once every log line it sent before has reached `onmessage`. */
  terminate(): Promise<void>;
  onmessage: ((data: unknown) => void) | null;
  /** The Worker failed: its script did not load, or it threw outside a request. */
  onerror: ((message: string) => void) | null;
}

/** The compiled wrapper and the standard library, as the Worker's `init` takes them. */
export interface GuestPayload {
  module: WebAssembly.Module;
  stdlib: StdlibSpec;
}

/** How a run ended: the host's outcomes plus the ends the page itself imposes. */
export type RunOutcome = Outcome | { kind: 'timeout'; limitSec: number } | { kind: 'stopped' } | { kind: 'failed'; message: string };

export interface RunEnd {
  outcome: RunOutcome;
  timings: Timings;
  /** Response headers and state, when the host reports them (SE2, issue 12). */
  response?: RunResponseWire;
  /** The run's crossings, when it was traced (issue 14). */
  trace?: TraceEvent[];
  traceDropped?: number;
}

export interface RunRequest {
  files: PluginFiles;
  payload: string;
  ident: number;
  /** The SE2 request (null: none) and fetch mocks; the writable-space quota in MiB. */
  request?: HttpRequest | null;
  fetch?: FetchMocks;
  quotaMiB?: number;
  /** On a new instance even when the files are those of the last run (a test case). */
  fresh?: boolean;
  /** Record the run's crossings: the end then carries `trace`. */
  trace?: boolean;
}

export interface RunOptions {
  /** Log lines of this run as they arrive, with the count of earlier lines dropped past the cap. */
  onLog?: (entries: LogEntry[], dropped: number) => void;
  /** Seconds from posting the run to ending it as a time-out; none when absent. */
  timeLimitSec?: number;
}

export type ClientStatus =
  { phase: 'loading' } | { phase: 'starting'; attempt: number } | { phase: 'ready' } | { phase: 'failed'; message: string };

export interface ClientOptions {
  spawn: () => WorkerLike;
  /** Called once at start, and again by `retry()` when it failed. */
  loadGuest: () => Promise<GuestPayload>;
  /** Respawns after faults wait baseMs, then twice as long each time up to maxMs; after maxAttempts, the client gives up. */
  respawn?: { baseMs: number; maxMs: number; maxAttempts: number };
}

export const DEFAULT_RESPAWN = { baseMs: 200, maxMs: 5000, maxAttempts: 5 };

interface PendingInit {
  kind: 'init';
  worker: WorkerLike;
}

interface PendingRun {
  kind: 'run';
  request: RunRequest;
  options: RunOptions;
  resolve: (end: RunEnd) => void;
  /** The Worker it was posted to; null while it waits for one to be ready. */
  worker: WorkerLike | null;
  timer: ReturnType<typeof setTimeout> | null;
  /** Set when the page ended it (Stop, time-out, fault): replies other than log lines no longer count. */
  ending: RunOutcome | null;
  /** Log lines received so far (kept and dropped). */
  lines: number;
  /** The run's end, held until the lines sent before it have arrived (some come another way). */
  held: { end: RunEnd; lines: number } | null;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class WorkerClient {
  private readonly respawnPolicy: { baseMs: number; maxMs: number; maxAttempts: number };
  private worker: WorkerLike | null = null;
  private guest: GuestPayload | null = null;
  private seq = 0;
  /** Every request waiting for a reply, by id: the Worker's `init` and the run. */
  private readonly pending = new Map<number, PendingInit | PendingRun>();
  /** Faults since the last Worker that became ready. */
  private faults = 0;
  private respawnTimer: ReturnType<typeof setTimeout> | null = null;
  private started = false;
  private currentStatus: ClientStatus = { phase: 'loading' };
  private readonly listeners = new Set<(status: ClientStatus) => void>();
  private readyWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  /**
   * The files object of the last run request and the Worker it went to: a run with the same object
   * on the same Worker leaves them out (a data file of a few MiB cost each rerun milliseconds to
   * copy and compare). The store replaces the object on every change, so the same object means the
   * same files.
   */
  private sent: { worker: WorkerLike; files: PluginFiles } | null = null;

  constructor(private readonly options: ClientOptions) {
    this.respawnPolicy = options.respawn ?? DEFAULT_RESPAWN;
  }

  get status(): ClientStatus {
    return this.currentStatus;
  }

  onStatus(listener: (status: ClientStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.currentStatus);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when a Worker is ready for runs; rejects if the client gives up first. */
  get ready(): Promise<void> {
    this.start();
    if (this.currentStatus.phase === 'ready') return Promise.resolve();
    if (this.currentStatus.phase === 'failed') return Promise.reject(new Error(this.currentStatus.message));
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  /** Starts loading once: the Worker's script loads while the guest downloads. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.spawnWorker();
    this.loadGuest();
  }

  /** Runs the plugin once. One run at a time: a second call while one is in progress is refused. */
  run(request: RunRequest, options: RunOptions = {}): Promise<RunEnd> {
    this.start();
    if ([...this.pending.values()].some((p) => p.kind === 'run')) {
      return Promise.resolve({ outcome: { kind: 'failed', message: 'another run is in progress' }, timings: {} });
    }
    if (this.currentStatus.phase === 'failed') {
      return Promise.resolve({ outcome: { kind: 'failed', message: this.currentStatus.message }, timings: {} });
    }
    return new Promise<RunEnd>((resolve) => {
      const id = ++this.seq;
      const run: PendingRun = { kind: 'run', request, options, resolve, worker: null, timer: null, ending: null, lines: 0, held: null };
      this.pending.set(id, run);
      if (this.worker !== null && this.guest !== null) this.post(id, run);
    });
  }

  /** Ends the run in progress as stopped; a Worker stuck inside it is replaced. */
  stop(): void {
    const found = this.currentRun();
    if (found === null) return;
    const [id, run] = found;
    if (run.worker === null) {
      // Still waiting for a Worker: nothing runs yet, so nothing needs replacing.
      this.pending.delete(id);
      run.resolve({ outcome: { kind: 'stopped' }, timings: {} });
      return;
    }
    this.endByPage(id, run, { kind: 'stopped' });
  }

  /** After the client gave up (guest or Worker failures): starts again from scratch. */
  retry(): void {
    if (this.currentStatus.phase !== 'failed') return;
    this.faults = 0;
    this.setStatus({ phase: 'loading' });
    if (this.guest === null) this.loadGuest();
    this.spawnWorker();
  }

  /** A stdlib zip fetched in the background: this Worker and every later one get it up front. */
  addStdlib(name: string, bytes: Uint8Array): void {
    if (this.guest === null) return;
    this.guest.stdlib.bytes[name] = bytes;
    delete this.guest.stdlib.lazy[name];
    this.worker?.postMessage({ type: 'stdlib', id: ++this.seq, name, bytes });
  }

  // --- internals ----------------------------------------------------------------------------------

  private loadGuest(): void {
    this.options.loadGuest().then(
      (guest) => {
        this.guest = guest;
        if (this.worker !== null) this.init(this.worker);
      },
      (e: unknown) => this.giveUp(`Python did not load: ${message(e)}`),
    );
  }

  private currentRun(): [number, PendingRun] | null {
    for (const [id, p] of this.pending) if (p.kind === 'run') return [id, p];
    return null;
  }

  private setStatus(status: ClientStatus): void {
    this.currentStatus = status;
    for (const l of this.listeners) l(status);
    if (status.phase === 'ready' || status.phase === 'failed') {
      const waiters = this.readyWaiters;
      this.readyWaiters = [];
      for (const w of waiters) {
        if (status.phase === 'ready') w.resolve();
        else w.reject(new Error(status.message));
      }
    }
  }

  private spawnWorker(): void {
    if (this.respawnTimer !== null) clearTimeout(this.respawnTimer);
    this.respawnTimer = null;
    let worker: WorkerLike;
    try {
      worker = this.options.spawn();
    } catch (e) {
      // `new Worker` itself refused (a CSP, no Worker support): that is a fault like any other.
      this.worker = null;
      this.countFault(`the Worker could not be created: ${message(e)}`);
      return;
    }
    worker.onmessage = (data) => this.receive(worker, data);
    worker.onerror = (why) => this.fault(worker, why);
    this.worker = worker;
    if (this.guest !== null) this.init(worker);
  }

  private init(worker: WorkerLike): void {
    const guest = this.guest!;
    const id = ++this.seq;
    this.pending.set(id, { kind: 'init', worker });
    if (this.currentStatus.phase !== 'ready') this.setStatus({ phase: 'starting', attempt: this.faults + 1 });
    worker.postMessage({ type: 'init', id, module: guest.module, stdlib: guest.stdlib });
    // The Worker handles requests in order: a run waiting for it goes right behind `init` and starts
    // the moment the Worker is ready, not once the page (busy with its first render) hears of it.
    const queued = this.currentRun();
    if (queued !== null && queued[1].worker === null) this.post(...queued);
  }

  /** Sends the run to the current Worker, which has been sent its `init` (it may not be ready yet). */
  private post(id: number, run: PendingRun): void {
    const worker = this.worker!;
    run.worker = worker;
    if (this.currentStatus.phase === 'ready') this.startClock(id, run);
    const { files, ...rest } = run.request;
    const same = this.sent !== null && this.sent.worker === worker && this.sent.files === files;
    this.sent = { worker, files };
    worker.postMessage(same ? { type: 'run', id, ...rest } : { type: 'run', id, files, ...rest });
  }

  /** The time limit counts from when the Worker is ready, not from a start-up the run waited for. */
  private startClock(id: number, run: PendingRun): void {
    const limit = run.options.timeLimitSec;
    if (limit !== undefined) run.timer = setTimeout(() => this.endByPage(id, run, { kind: 'timeout', limitSec: limit }), limit * 1000);
  }

  private starting(worker: WorkerLike): boolean {
    return [...this.pending.values()].some((p) => p.kind === 'init' && p.worker === worker);
  }

  private receive(worker: WorkerLike, data: unknown): void {
    const parsed = parseReply(data);
    if (!parsed.ok) {
      this.malformed(worker, parsed.problem, data);
      return;
    }
    const reply = parsed.value;
    const p = this.pending.get(reply.id);
    // A reply for no request, or from a Worker that no longer serves it: stale.
    if (p === undefined || p.worker !== worker) return;
    if (p.kind === 'init') {
      if (reply.type === 'ready') {
        this.pending.delete(reply.id);
        this.faults = 0;
        this.setStatus({ phase: 'ready' });
        const queued = this.currentRun();
        if (queued !== null && queued[1].worker === worker) this.startClock(...queued);
      } else if (reply.type === 'failed') {
        this.fault(worker, `the Worker could not start: ${reply.error.type}: ${reply.error.message}`);
      }
      return;
    }
    switch (reply.type) {
      case 'log': {
        const entries = decodeLines(reply.id, reply.lines);
        if (entries === null) {
          this.malformed(worker, 'lines: a log line is not one of this run', data);
          return;
        }
        // Lines that arrive after the page ended the run (Stop, time-out) still belong to it.
        p.options.onLog?.(entries, reply.dropped);
        p.lines += entries.length + reply.dropped;
        if (p.held !== null && p.ending === null && p.lines >= p.held.lines) this.finish(reply.id, p, p.held.end);
        return;
      }
      case 'done': {
        if (p.ending !== null) return;
        const end: RunEnd = {
          outcome: reply.outcome,
          timings: reply.timings,
          ...(reply.response === undefined ? {} : { response: reply.response }),
          ...(reply.trace === undefined ? {} : { trace: reply.trace }),
          ...(reply.traceDropped === undefined ? {} : { traceDropped: reply.traceDropped }),
        };
        this.settle(reply.id, p, end, reply.lines ?? 0);
        return;
      }
      case 'failed':
        if (p.ending === null)
          this.settle(
            reply.id,
            p,
            { outcome: { kind: 'failed', message: `${reply.error.type}: ${reply.error.message}` }, timings: {} },
            reply.lines ?? 0,
          );
        return;
      case 'ready':
        return;
    }
  }

  /** A reply that fails validation: the run it may belong to ends now, saying what was wrong. */
  private malformed(worker: WorkerLike, problem: string, data: unknown): void {
    if (worker !== this.worker) return;
    const found = this.currentRun();
    const what = `the Worker sent a malformed reply (${problem})`;
    if (this.starting(worker)) {
      this.fault(worker, what);
    } else if (found !== null && found[1].worker === worker) {
      this.endByPage(found[0], found[1], { kind: 'failed', message: what });
    } else {
      console.warn(`dropped ${what}`, data);
    }
  }

  /** Ends the run once the `lines` it sent before its end have come (lines passed on by the relay may come after the end, which comes straight). */
  private settle(id: number, run: PendingRun, end: RunEnd, lines: number): void {
    if (run.lines >= lines) this.finish(id, run, end);
    else run.held = { end, lines };
  }

  private finish(id: number, run: PendingRun, end: RunEnd): void {
    if (run.timer !== null) clearTimeout(run.timer);
    this.pending.delete(id);
    run.resolve(end);
  }

  /**
   * The page ends run `id` (Stop, time-out, a malformed reply): its Worker may be stuck inside it,
   * so it is replaced at once; the run resolves once the old Worker's last lines have arrived.
   */
  private endByPage(id: number, run: PendingRun, outcome: RunOutcome): void {
    if (run.ending !== null) return;
    run.ending = outcome;
    if (run.timer !== null) clearTimeout(run.timer);
    const old = run.worker!;
    if (old === this.worker) {
      this.dropInit(old);
      this.spawnWorker();
    }
    void old.terminate().then(() => this.finish(id, run, { outcome, timings: {} }));
  }

  private dropInit(worker: WorkerLike): void {
    for (const [id, p] of this.pending) if (p.kind === 'init' && p.worker === worker) this.pending.delete(id);
  }

  /**
   * The current Worker failed: the run on it fails (a run it never started waits for the next
   * Worker), and a new Worker comes after a backoff.
   */
  private fault(worker: WorkerLike, why: string): void {
    if (worker !== this.worker) return;
    this.worker = null;
    const starting = this.starting(worker);
    this.dropInit(worker);
    const found = this.currentRun();
    if (found !== null && found[1].worker === worker && starting) {
      found[1].worker = null;
      void worker.terminate();
    } else if (found !== null && found[1].worker === worker) {
      const [id, run] = found;
      run.ending = { kind: 'failed', message: `the Worker failed: ${why}` };
      if (run.timer !== null) clearTimeout(run.timer);
      void worker.terminate().then(() => this.finish(id, run, { outcome: run.ending!, timings: {} }));
    } else {
      void worker.terminate();
    }
    this.countFault(why);
  }

  private countFault(why: string): void {
    this.faults++;
    const { baseMs, maxMs, maxAttempts } = this.respawnPolicy;
    if (this.faults > maxAttempts) {
      this.giveUp(`the Python Worker failed ${this.faults} times in a row (last: ${why})`);
      return;
    }
    this.setStatus({ phase: 'starting', attempt: this.faults + 1 });
    const delay = Math.min(maxMs, baseMs * 2 ** (this.faults - 1));
    this.respawnTimer = setTimeout(() => this.spawnWorker(), delay);
  }

  private giveUp(why: string): void {
    if (this.respawnTimer !== null) clearTimeout(this.respawnTimer);
    this.respawnTimer = null;
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) {
      this.dropInit(worker);
      void worker.terminate();
    }
    // A run waiting for a Worker can never start now.
    const found = this.currentRun();
    if (found !== null && found[1].worker === null)
      this.finish(found[0], found[1], { outcome: { kind: 'failed', message: why }, timings: {} });
    this.setStatus({ phase: 'failed', message: why });
  }
}
