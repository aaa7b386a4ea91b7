// The binding between the Worker client (src/worker/client.ts, which knows nothing of the page)
// and the store: the client's status becomes the store's guest state, a Run becomes a run record
// whose log lines and outcome the client fills in.
import type { LogEntry, PluginFiles } from '../host/types.ts';
import { ENTRY_FILE } from '../playground/paths.ts';
import { useStore } from '../store/index.ts';
import { WorkerClient } from '../worker/client.ts';
import { spawnBrowserWorker } from '../worker/spawn.ts';
import { takeEarlyRelay } from './early.ts';
import { fetchLazyZips, loadGuest, onLoadProgress } from './guest.ts';

const store = useStore.getState;

export const FIRST_OUTCOME_MARK = 'playground:first-outcome';

let settleFirst: () => void = () => undefined;
/** Resolves when the first run has ended (any outcome) or the guest failed to load. */
export const firstRunSettled = new Promise<void>((resolve) => {
  settleFirst = resolve;
});

export const client = new WorkerClient({
  // The first Worker is the relay started at load (early.ts).
  spawn: () => spawnBrowserWorker(takeEarlyRelay() ?? undefined),
  loadGuest: () =>
    loadGuest().then((g) => {
      store().setLoadTimings(g.timings);
      return g;
    }),
});

let nextRunId = 0;

/** A run shows as running once it has taken this long (shorter than a person notices). */
const RUNNING_AFTER_MS = 50;

/** Connects the client to the store and starts loading; once per page. */
export function startRunner(): void {
  onLoadProgress((p) => {
    if (store().guest.phase === 'loading') store().setGuest({ phase: 'loading', loaded: p.loaded, total: p.total });
  });
  client.onStatus((status) => {
    switch (status.phase) {
      case 'loading':
        return;
      case 'starting':
        // A replacement Worker after Stop or a time-out: the page stays "ready" to the person.
        if (store().guest.phase !== 'ready' || status.attempt > 1) store().setGuest({ phase: 'starting' });
        return;
      case 'ready':
        store().setGuest({ phase: 'ready' });
        return;
      case 'failed':
        store().setGuest({ phase: 'failed', message: status.message });
        return;
    }
  });
  client.start();
  watchFirstRun();
}

/** The id of the run this page asked for and has not seen end (the store may not show it yet). */
let inProgress: number | null = null;
/** Settles when the page's run in progress (if any) has ended: the client runs one thing at a time. */
let pageRunEnded: Promise<unknown> = Promise.resolve();
export const whenPageRunEnded = (): Promise<unknown> => pageRunEnded;

/** Runs the current files, payload and id. A run asked for while loading waits for the guest. */
export function runFromPage(): void {
  const s = store();
  if (inProgress !== null || s.runningId !== null || s.guest.phase === 'failed') return;
  // The boxes hold text the store refused (an id that is not a 32-bit integer): say so, run nothing.
  if (s.inputProblem !== null) {
    s.refuseRun(s.inputProblem);
    return;
  }
  const id = ++nextRunId;
  inProgress = id;
  const pressedAt = Date.now();
  const ident = s.ident;
  // The run record appears after RUNNING_AFTER_MS, or with the run's first lines or its outcome if
  // they come sooner: a run that takes a few milliseconds costs one render, not "Running…" and
  // then the result (the next frame was too soon: that render and its layout held up the reply).
  let begun = false;
  const begin = () => {
    if (begun) return;
    begun = true;
    clearTimeout(timer);
    store().beginRun(id, ident, pressedAt);
  };
  const timer = setTimeout(begin, RUNNING_AFTER_MS);
  // Lines not yet in the store. A run's last lines come in the same task as its outcome; they are
  // applied two microtasks later, so the outcome's handler (one microtask later) takes them first
  // and records the whole run in one store update: one render, and for a run that ends before
  // RUNNING_AFTER_MS no flip of the Run button and status. Lines of a run still going are applied.
  let held: { entries: LogEntry[]; dropped: number } | null = null;
  const applyHeld = () => {
    if (held === null) return;
    const { entries, dropped } = held;
    held = null;
    begin();
    store().appendLog(id, entries, dropped);
  };
  const ended = client.run(
    // The SE2 request and fetch mocks (issue 12) and the writable-space quota (issue 16) go with every run.
    // Traced once the person has opened the Sequence view (issue 14).
    { files: s.files, payload: s.payload, ident, request: s.request, fetch: s.fetch, quotaMiB: s.quotaMiB, trace: s.tracing },
    {
      timeLimitSec: s.timeLimitSec,
      onLog: (entries, dropped) => {
        if (held === null) {
          held = { entries: [], dropped: 0 };
          queueMicrotask(() => queueMicrotask(applyHeld));
        }
        held.entries = held.entries.length === 0 ? entries : held.entries.concat(entries);
        held.dropped += dropped;
      },
    },
  );
  pageRunEnded = ended;
  void ended.then((end) => {
    inProgress = null;
    const lines = held ?? { entries: [], dropped: 0 };
    held = null;
    if (!begun) {
      begun = true;
      clearTimeout(timer);
      store().recordRun({ id, ident, startedAt: pressedAt }, lines, end.outcome, end.timings, end);
      return;
    }
    if (lines.entries.length > 0 || lines.dropped > 0) store().appendLog(id, lines.entries, lines.dropped);
    store().finishRun(id, end.outcome, end.timings, end);
  });
}

export const stopFromPage = (): void => client.stop();
export const retryFromPage = (): void => client.retry();

function watchFirstRun(): void {
  const unsubscribe = useStore.subscribe((state) => {
    if (state.guest.phase === 'failed' || state.runs.some((r) => r.outcome !== null)) {
      unsubscribe();
      // For benchmarks and tests: when a first visit got its first outcome (User Timing).
      performance.mark(FIRST_OUTCOME_MARK);
      settleFirst();
      // The stdlib, in the background: later instances (and replacement Workers) then have it
      // at hand instead of fetching it when Python first reads it.
      if (state.guest.phase !== 'failed') fetchLazyZips((name, bytes) => client.addStdlib(name, bytes));
    }
  });
}

/** What a benchmark's edit looks like: the current files with plugin.py replaced. */
export const editedFiles = (source: string): PluginFiles => ({ ...store().files, [ENTRY_FILE]: source });
