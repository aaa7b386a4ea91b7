// The page's side of the Worker: starts it with the compiled guest, sends runs, enforces the time
// limit, and on Stop or time-out terminates it and starts a fresh one from the same module.
import { useStore } from '../store/index.ts';
import { parseReply, type WorkerReply, type WorkerRequest } from '../worker/protocol.ts';
import { guest as guestPromise, onLoadProgress, type Guest } from './guest.ts';

/** How long after the last edit the Worker starts making a host for the new files. */
const PREPARE_AFTER_MS = 300;

const store = useStore.getState;

export const FIRST_OUTCOME_MARK = 'playground:first-outcome';

let settleFirst: () => void = () => undefined;
/** Resolves when the first run has ended (any outcome) or the guest failed to load. */
export const firstRunSettled = new Promise<void>((resolve) => {
  settleFirst = resolve;
});

class Runner {
  private worker: Worker | null = null;
  private seq = 0;
  private initId = -1;
  private guest: Guest | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private started = false;

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
    this.watchFiles();
    this.watchFirstRun();
  }

  /** Runs the current files, payload and id. A run asked for while loading waits for the guest. */
  run(): void {
    const s = store();
    if (s.runningId !== null || s.guest.phase === 'failed') return;
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
      this.restart();
      store().finishRun(id, { kind: 'timeout', limitSec }, {});
    }, limitSec * 1000);
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
    worker.onerror = (event) => {
      if (worker !== this.worker) return;
      event.preventDefault();
      const message = event.message || 'the Worker failed to start';
      const id = store().runningId;
      if (id !== null) {
        this.restart();
        store().finishRun(id, { kind: 'failed', message }, {});
      } else if (store().guest.phase !== 'ready') {
        store().setGuest({ phase: 'failed', message });
      }
    };
    this.worker = worker;
    this.init();
  }

  /** Hands the guest to the current Worker, once both exist. */
  private init(): void {
    if (this.guest === null || this.worker === null) return;
    this.initId = ++this.seq;
    store().setGuest({ phase: 'starting' });
    const { module, stdlib } = this.guest;
    this.post({ type: 'init', id: this.initId, module, stdlib, files: store().files });
  }

  private restart(): void {
    this.clearTimer();
    this.worker?.terminate();
    this.worker = null;
    this.spawn();
  }

  private receive(reply: WorkerReply): void {
    const s = store();
    switch (reply.type) {
      case 'ready':
        if (reply.id === this.initId) s.setGuest({ phase: 'ready' });
        return;
      case 'log':
        if (reply.id === s.runningId) s.appendLog(reply.id, reply.entries, reply.dropped);
        return;
      case 'done':
        if (reply.id !== s.runningId) return;
        this.clearTimer();
        s.finishRun(reply.id, reply.outcome, reply.timings);
        return;
      case 'failed':
        if (reply.id === this.initId) {
          s.setGuest({ phase: 'failed', message: `${reply.error.type}: ${reply.error.message}` });
        } else if (reply.id === s.runningId) {
          this.clearTimer();
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
      }
    });
  }

  /** After an edit settles, the Worker makes a host for the new files so Run only calls into it. */
  private watchFiles(): void {
    let pending: ReturnType<typeof setTimeout> | null = null;
    useStore.subscribe((state, previous) => {
      if (state.files === previous.files) return;
      if (pending !== null) clearTimeout(pending);
      pending = setTimeout(() => {
        pending = null;
        if (this.worker !== null && store().runningId === null) {
          this.post({ type: 'prepare', id: ++this.seq, files: store().files });
        }
      }, PREPARE_AFTER_MS);
    });
  }
}

export const runner = new Runner();
