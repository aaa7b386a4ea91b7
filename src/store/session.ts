// What happens in this tab and is never persisted: loading the guest, the runs and their logs.
import type { StateCreator } from 'zustand';
import type { LogEntry, LogLevel, Timings, TraceEvent } from '../host/types.ts';
import type { RunOutcome } from '../worker/client.ts';
import { keepNewest } from '../worker/newest.ts';
import { LOG_LINES_PER_RUN } from '../worker/protocol.ts';
import type { Store } from './index.ts';

export type { RunOutcome };

export interface RunRecord {
  id: number;
  /** 1 for this tab's first run, and so on. */
  ordinal: number;
  ident: number;
  /** Wall-clock time the run started (ms since the epoch). */
  startedAt: number;
  entries: LogEntry[];
  /** Earlier lines left out past the cap (LOG_LINES_PER_RUN): `entries` are the newest. */
  dropped: number;
  outcome: RunOutcome | null;
  timings: Timings;
  /** From pressing Run to the outcome, as the page measured it. */
  totalMs: number | null;
  /** What an SE2 plugin set during the run (response headers, request state), when the host reports it. */
  response?: RunResponse;
  /** The run's crossings, when it was traced (the Sequence view was open); `traceDropped` past the cap. */
  trace?: TraceEvent[];
  traceDropped?: number;
}

/** One crossing of one run: the run's id and the crossing's sequence number. */
export interface TracePoint {
  runId: number;
  seq: number;
}

/** What a run's end brings besides its outcome and timings. */
export interface RunExtras {
  response?: RunResponse;
  trace?: TraceEvent[];
  traceDropped?: number;
}

/** The SE2 parts of a run's report: headers set with `resp_set_header`, the request's state after the run. */
export interface RunResponse {
  headers?: Record<string, string>;
  state?: Record<string, string>;
}

export type GuestState =
  | { phase: 'loading'; loaded: number; total: number | null }
  | { phase: 'starting' }
  | { phase: 'ready' }
  | { phase: 'failed'; message: string };

/** Download-and-compile times of the guest, measured by the page. */
export interface LoadTimings {
  wrapper?: number;
}

export const MAX_KEPT_RUNS = 20;
/** Log lines kept over all runs: older runs go first when a new run starts. */
export const MAX_KEPT_LINES = 20_000;

export interface SessionSlice {
  guest: GuestState;
  loadTimings: LoadTimings;
  runs: RunRecord[];
  runCount: number;
  /** The id of the run in progress. */
  runningId: number | null;
  levels: Record<LogLevel, boolean>;
  /** Runs are traced once the person has opened the Sequence view (and from then on, in this tab). */
  tracing: boolean;
  /** The crossing the pointer is on in the Sequence view (its log lines are highlighted). */
  traceHover: TracePoint | null;
  /** The crossing clicked in the Sequence view: the Memory view shows its bytes. */
  tracePick: TracePoint | null;
  setTracing(on: boolean): void;
  setTraceHover(point: TracePoint | null): void;
  setTracePick(point: TracePoint | null): void;
  storageProblem: string | null;
  /** A new build of the page is installed and waits for a reload (the Service Worker, src/app/offline.ts). */
  updateReady: boolean;
  setUpdateReady(ready: boolean): void;
  /** Why the run boxes hold nothing runnable (an invalid execution id or time limit), or null. */
  inputProblem: string | null;
  /** Why the last Run was refused; cleared by the next run or a fix of the input. */
  runRefused: string | null;
  setInputProblem(problem: string | null): void;
  refuseRun(reason: string): void;
  setGuest(guest: GuestState): void;
  setLoadTimings(timings: LoadTimings): void;
  /** `startedAt`: when Run was pressed (ms since the epoch), now by default. */
  beginRun(id: number, ident: number, startedAt?: number): void;
  appendLog(id: number, entries: LogEntry[], dropped: number): void;
  finishRun(id: number, outcome: RunOutcome, timings: Timings, extras?: RunExtras): void;
  /**
   * A run that ended before it was begun (most end within milliseconds): begun, its lines added and
   * ended in one update, so the page renders once and the Run button and status never flip.
   */
  recordRun(
    run: { id: number; ident: number; startedAt: number },
    lines: { entries: LogEntry[]; dropped: number },
    outcome: RunOutcome,
    timings: Timings,
    extras?: RunExtras,
  ): void;
  toggleLevel(level: LogLevel): void;
  clearLog(): void;
  setStorageProblem(problem: string | null): void;
}

const updateRun = (runs: RunRecord[], id: number, change: (r: RunRecord) => RunRecord) => runs.map((r) => (r.id === id ? change(r) : r));

/** The newest runs that fit beside a new one within MAX_KEPT_RUNS and MAX_KEPT_LINES. */
function keepRecent(runs: RunRecord[]): RunRecord[] {
  let lines = LOG_LINES_PER_RUN;
  let from = runs.length;
  while (from > 0 && runs.length - from < MAX_KEPT_RUNS - 1 && lines + runs[from - 1]!.entries.length <= MAX_KEPT_LINES) {
    from--;
    lines += runs[from]!.entries.length;
  }
  return runs.slice(from);
}

/** The run with `entries` added, keeping its newest LOG_LINES_PER_RUN lines. */
export function appendCapped(run: RunRecord, entries: LogEntry[], dropped: number): RunRecord {
  const { kept, dropped: extra } = keepNewest(run.entries.length === 0 ? entries : [...run.entries, ...entries], LOG_LINES_PER_RUN);
  return { ...run, entries: kept, dropped: run.dropped + dropped + extra };
}

/** The state with run `id` begun: a new record after the recent ones. */
const begun = (s: SessionSlice, id: number, ident: number, startedAt: number) => ({
  runRefused: null,
  runCount: s.runCount + 1,
  runs: [
    ...keepRecent(s.runs),
    { id, ordinal: s.runCount + 1, ident, startedAt, entries: [], dropped: 0, outcome: null, timings: {}, totalMs: null },
  ],
});

/** The record ended with `outcome` at `now`. */
const ended = (r: RunRecord, outcome: RunOutcome, timings: Timings, extras: RunExtras, now: number): RunRecord => ({
  ...r,
  outcome,
  timings,
  totalMs: now - r.startedAt,
  ...(extras.response === undefined ? {} : { response: extras.response }),
  ...(extras.trace === undefined ? {} : { trace: extras.trace }),
  ...(extras.traceDropped === undefined ? {} : { traceDropped: extras.traceDropped }),
});

export const createSessionSlice: StateCreator<Store, [], [], SessionSlice> = (set, get) => ({
  guest: { phase: 'loading', loaded: 0, total: null },
  loadTimings: {},
  runs: [],
  runCount: 0,
  runningId: null,
  levels: { host: true, wrapper: true, python: true },
  tracing: false,
  traceHover: null,
  tracePick: null,
  setTracing: (tracing) => {
    if (get().tracing !== tracing) set({ tracing });
  },
  setTraceHover: (traceHover) => set({ traceHover }),
  setTracePick: (tracePick) => set({ tracePick }),
  storageProblem: null,
  updateReady: false,
  setUpdateReady: (updateReady) => set({ updateReady }),
  inputProblem: null,
  runRefused: null,
  setInputProblem: (inputProblem) => {
    if (get().inputProblem !== inputProblem) set({ inputProblem, ...(inputProblem === null ? { runRefused: null } : {}) });
  },
  refuseRun: (runRefused) => set({ runRefused }),
  setGuest: (guest) => set({ guest }),
  setLoadTimings: (loadTimings) => set({ loadTimings }),
  beginRun: (id, ident, startedAt = Date.now()) => set((s) => ({ runningId: id, ...begun(s, id, ident, startedAt) })),
  appendLog: (id, entries, dropped) => set((s) => ({ runs: updateRun(s.runs, id, (r) => appendCapped(r, entries, dropped)) })),
  finishRun: (id, outcome, timings, extras = {}) => {
    if (get().runningId !== id) return;
    const now = Date.now();
    set((s) => ({ runningId: null, runs: updateRun(s.runs, id, (r) => ended(r, outcome, timings, extras, now)) }));
  },
  recordRun: ({ id, ident, startedAt }, { entries, dropped }, outcome, timings, extras = {}) => {
    const now = Date.now();
    set((s) => {
      const next = begun(s, id, ident, startedAt);
      return { ...next, runs: updateRun(next.runs, id, (r) => ended(appendCapped(r, entries, dropped), outcome, timings, extras, now)) };
    });
  },
  toggleLevel: (level) => set((s) => ({ levels: { ...s.levels, [level]: !s.levels[level] } })),
  clearLog: () => set((s) => ({ runs: s.runs.filter((r) => r.id === s.runningId) })),
  setStorageProblem: (storageProblem) => {
    if (get().storageProblem !== storageProblem) set({ storageProblem });
  },
});
