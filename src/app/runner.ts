// The page's side of the Worker: starts it with the compiled guest, sends runs, enforces the time
// limit, and on Stop, time-out or a Worker fault terminates it and starts a fresh one from the
// same module (in the background: the next Run finds it ready).
import type { LogEntry, Outcome, PluginFiles, Timings } from '../host/types.ts';
import type { CaseOutcome } from '../cases/check.ts';
import { useStore } from '../store/index.ts';
import { ENTRY_FILE } from '../playground/paths.ts';
import { LOG_LINES_PER_RUN, parseReply, type WorkerReply, type WorkerRequest } from '../worker/protocol.ts';
import { fetchLazyZips, guest as guestPromise, onLoadProgress, type Guest } from './guest.ts';

/** How often batched log lines reach the store (and React) while a plugin prints. */
const LOG_FLUSH_MS = 50;

const store = useStore.getState;

export const FIRST_OUTCOME_MARK = 'playground:first-outcome';

let settleFirst: () => void = () => undefined;
/** Resolves when the first run has ended (any outcome) or the guest failed to load. */
export const firstRunSettled = new Promise<void>((resolve) => {
  settleFirst = resolve;
});

/** A run asked for by code, not by the UI (benchmarks): its reply settles a promise, nothing else. */
interface Call {
  resolve(done: { outcome: Outcome; timings: Timings }): void;
  reject(error: Error): void;
  onLog?(entries: LogEntry[]): void;
}

class Runner {
  private worker: Worker | null = null;
  private seq = 0;
  private initId = -1;
  private guest: Guest | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private started = false;
  private calls = new Map<number, Call>();
  /** Log lines received but not yet in the store, with the count of earlier lines dropped. */
  private pendingLog: { id: number; entries: LogEntry[]; dropped: number } | null = null;
  private logTimer: ReturnType<typeof setTimeout> | null = null;

  /** Starts loading once; every caller shares the same start. */
  start(): void {
    if (this.started) return;
    this.started = true;
    onLoadProgress((p) => {
      if (store().guest.phase === 'loading') store().setGuest({ phase: 'loading', loaded: p.loaded, total: p.total });
    });
    // The Worker's script loads and compiles while the guest downloads; init follows when it is here.
    this.spawn();
    guestPromise.then(
      (g) => {
        this.guest = g;
        store().setLoadTimings(g.timings);
        this.init();
        this.flushQueued();
      },
      (e: unknown) => {
        const message = e instanceof Error ? e.message : String(e);
        store().setGuest({ phase: 'failed', message });
        const id = store().runningId;
        if (id !== null) store().finishRun(id, { kind: 'failed', message: `Python did not load: ${message}` }, {});
      },
    );
    this.watchFirstRun();
  }

  /** Runs the current files, payload and id. A run asked for while loading waits for the guest. */
  run(): void {
    const s = store();
    if (s.runningId !== null || s.guest.phase === 'failed') return;
    // The boxes hold text the store refused (an id that is not a 32-bit integer): say so, run nothing.
    if (s.inputProblem !== null) {
      s.refuseRun(s.inputProblem);
      return;
    }
    const id = ++this.seq;
    s.beginRun(id, s.ident);
    if (this.guest !== null) this.send(id);
  }

  stop(): void {
    const id = store().runningId;
    if (id === null) return;
    this.restart();
    store().finishRun(id, { kind: 'stopped' }, {});
  }

  /**
   * For benchmarks (window.__bench, see startup.ts): runs `files` once, outside the UI, and
   * resolves with the milliseconds from posting the request to the reply.
   */
  async timedCall(files: PluginFiles, payload: string, ident: number): Promise<number> {
    if (this.guest === null) await guestPromise;
    const id = ++this.seq;
    const t0 = performance.now();
    await new Promise<{ outcome: Outcome; timings: Timings }>((resolve, reject) => {
      this.calls.set(id, { resolve, reject });
      this.post({ type: 'run', id, files, payload, ident });
    });
    return performance.now() - t0;
  }

  /**
   * For the Tests panel (src/app/runCase.ts): runs `files` once on a fresh instance, outside the
   * UI's run (no log or result panel), within `limitSec`; past it the Worker is replaced.
   */
  async runFresh(files: PluginFiles, payload: string, ident: number, limitSec: number, onLog?: (entries: LogEntry[]) => void): Promise<CaseOutcome> {
    try {
      if (this.guest === null) await guestPromise;
    } catch (e) {
      return { kind: 'failed', message: `Python did not load: ${e instanceof Error ? e.message : String(e)}` };
    }
    const id = ++this.seq;
    return new Promise<CaseOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.calls.delete(id);
        // The Worker may be stuck in the case: replace it, ending a UI run that waits on it too.
        const uiRun = store().runningId;
        if (uiRun !== null) this.end(uiRun, { kind: 'failed', message: 'a test case timed out and the Worker was replaced' });
        else this.restart();
        resolve({ kind: 'timeout', limitSec });
      }, limitSec * 1000);
      this.calls.set(id, {
        resolve: (done) => {
          clearTimeout(timer);
          resolve(done.outcome);
        },
        reject: (e) => {
          clearTimeout(timer);
          resolve({ kind: 'failed', message: e.message });
        },
        onLog,
      });
      this.post({ type: 'run', id, files, payload, ident, fresh: true });
    });
  }

  private flushQueued(): void {
    const id = store().runningId;
    if (id !== null) this.send(id);
  }

  private send(id: number): void {
    const s = store();
    this.post({ type: 'run', id, files: s.files, payload: s.payload, ident: s.ident });
    const limitSec = s.timeLimitSec;
    this.clearTimer();
    this.timer = setTimeout(() => {
      if (store().runningId !== id) return;
      this.end(id, { kind: 'timeout', limitSec });
    }, limitSec * 1000);
  }

  /** Ends run `id` from the page's side: the Worker may be stuck inside it, so it is replaced. */
  private end(id: number, outcome: { kind: 'timeout'; limitSec: number } | { kind: 'failed'; message: string }): void {
    this.restart();
    store().finishRun(id, outcome, {});
  }

  private post(request: WorkerRequest): void {
    this.worker?.postMessage(request);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private spawn(): void {
    const worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module', name: 'python' });
    worker.onmessage = (event: MessageEvent<unknown>) => {
      // Replies of a terminated Worker can still be queued: only the current one counts.
      if (worker !== this.worker) return;
      const reply = parseReply(event.data);
      if (reply === null) {
        console.warn('dropped a malformed message from the Worker', event.data);
        return;
      }
      this.receive(reply);
    };
    const fault = (message: string) => {
      if (worker !== this.worker) return;
      const id = store().runningId;
      if (id !== null) this.end(id, { kind: 'failed', message });
      else if (store().guest.phase === 'loading' || this.guest === null) store().setGuest({ phase: 'failed', message });
      // Idle, or starting: a Worker that died between runs is replaced before anyone presses Run.
      else this.restart();
      this.rejectCalls(message);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fault(`the Worker failed: ${event.message || 'unknown error'}`);
    };
    worker.onmessageerror = () => fault('the Worker sent a message that could not be read');
    this.worker = worker;
    this.init();
  }

  /** Hands the guest to the current Worker, once both exist. */
  private init(): void {
    if (this.guest === null || this.worker === null) return;
    this.initId = ++this.seq;
    if (store().guest.phase !== 'ready') store().setGuest({ phase: 'starting' });
    const { module, stdlib } = this.guest;
    this.post({ type: 'init', id: this.initId, module, stdlib });
  }

  private restart(): void {
    this.clearTimer();
    this.flushLog();
    this.worker?.terminate();
    this.worker = null;
    this.rejectCalls('the Worker was replaced');
    this.spawn();
  }

  private rejectCalls(message: string): void {
    for (const call of this.calls.values()) call.reject(new Error(message));
    this.calls.clear();
  }

  /** Log lines reach the store in batches: a flood of small messages costs one render per batch. */
  private queueLog(id: number, entries: LogEntry[], dropped: number): void {
    if (this.pendingLog !== null && this.pendingLog.id !== id) this.flushLog();
    const pending = (this.pendingLog ??= { id, entries: [], dropped: 0 });
    pending.entries.push(...entries);
    pending.dropped += dropped;
    if (pending.entries.length > LOG_LINES_PER_RUN) {
      const extra = pending.entries.length - LOG_LINES_PER_RUN;
      pending.entries.splice(0, extra);
      pending.dropped += extra;
    }
    this.logTimer ??= setTimeout(() => this.flushLog(), LOG_FLUSH_MS);
  }

  private flushLog(): void {
    if (this.logTimer !== null) clearTimeout(this.logTimer);
    this.logTimer = null;
    const pending = this.pendingLog;
    this.pendingLog = null;
    if (pending !== null) store().appendLog(pending.id, pending.entries, pending.dropped);
  }

  private receive(reply: WorkerReply): void {
    const s = store();
    const call = this.calls.get(reply.id);
    if (call !== undefined) {
      if (reply.type === 'log') call.onLog?.(reply.entries);
      if (reply.type === 'done') call.resolve(reply);
      if (reply.type === 'failed') call.reject(new Error(`${reply.error.type}: ${reply.error.message}`));
      if (reply.type !== 'log') this.calls.delete(reply.id);
      return;
    }
    switch (reply.type) {
      case 'ready':
        if (reply.id === this.initId) s.setGuest({ phase: 'ready' });
        return;
      case 'log':
        if (reply.id === s.runningId) this.queueLog(reply.id, reply.entries, reply.dropped);
        return;
      case 'done':
        if (reply.id !== s.runningId) return;
        this.clearTimer();
        this.flushLog();
        s.finishRun(reply.id, reply.outcome, reply.timings);
        return;
      case 'failed':
        if (reply.id === this.initId) {
          s.setGuest({ phase: 'failed', message: `${reply.error.type}: ${reply.error.message}` });
        } else if (reply.id === s.runningId) {
          this.clearTimer();
          this.flushLog();
          s.finishRun(reply.id, { kind: 'failed', message: `${reply.error.type}: ${reply.error.message}` }, {});
        }
        return;
    }
  }

  private watchFirstRun(): void {
    const unsubscribe = useStore.subscribe((state) => {
      if (state.guest.phase === 'failed' || state.runs.some((r) => r.outcome !== null)) {
        unsubscribe();
        // For benchmarks and tests: when a first visit got its first outcome (User Timing).
        performance.mark(FIRST_OUTCOME_MARK);
        settleFirst();
        // The rest of the stdlib, in the background: later instances (and replacement Workers)
        // then have it at hand instead of fetching it when Python first reads it.
        if (state.guest.phase !== 'failed') {
          fetchLazyZips((name, bytes) => {
            if (this.guest === null) return;
            this.guest.stdlib.bytes[name] = bytes;
            delete this.guest.stdlib.lazy[name];
            this.post({ type: 'stdlib', id: ++this.seq, name, bytes });
          });
        }
      }
    });
  }
}

export const runner = new Runner();

/** What a benchmark's edit looks like: the current files with plugin.py replaced. */
export const editedFiles = (source: string): PluginFiles => ({ ...store().files, [ENTRY_FILE]: source });
