// What happens in this tab and is never persisted: loading the guest, the runs and their logs.
import type { StateCreator } from 'zustand';
import type { LogEntry, LogLevel, Outcome, Timings } from '../host/types.ts';
import type { Store } from './index.ts';

/** How a run ended, as the page sees it: the host's outcomes plus the ends the page itself imposes. */
export type RunOutcome =
  | Outcome
  | { kind: 'timeout'; limitSec: number }
  | { kind: 'stopped' }
  | { kind: 'failed'; message: string };

export interface RunRecord {
  id: number;
  /** 1 for this tab's first run, and so on. */
  ordinal: number;
  ident: number;
  /** Wall-clock time the run started (ms since the epoch). */
  startedAt: number;
  entries: LogEntry[];
  /** Lines the Worker left out past its cap. */
  dropped: number;
  outcome: RunOutcome | null;
  timings: Timings;
  /** From pressing Run to the outcome, as the page measured it. */
  totalMs: number | null;
}

export type GuestState =
  | { phase: 'loading'; loaded: number; total: number | null }
  | { phase: 'starting' }
  | { phase: 'ready' }
  | { phase: 'failed'; message: string };

/** Download-and-compile times of the guest, measured by the page. */
export interface LoadTimings {
  wrapper?: number;
  stdlib?: number;
}

export const MAX_KEPT_RUNS = 20;

export interface SessionSlice {
  guest: GuestState;
  loadTimings: LoadTimings;
  runs: RunRecord[];
  runCount: number;
  /** The id of the run in progress. */
  runningId: number | null;
  levels: Record<LogLevel, boolean>;
  storageProblem: string | null;
  setGuest(guest: GuestState): void;
  setLoadTimings(timings: LoadTimings): void;
  beginRun(id: number, ident: number): void;
  appendLog(id: number, entries: LogEntry[], dropped: number): void;
  finishRun(id: number, outcome: RunOutcome, timings: Timings): void;
  toggleLevel(level: LogLevel): void;
  clearLog(): void;
  setStorageProblem(problem: string | null): void;
}

const updateRun = (runs: RunRecord[], id: number, change: (r: RunRecord) => RunRecord) =>
  runs.map((r) => (r.id === id ? change(r) : r));

export const createSessionSlice: StateCreator<Store, [], [], SessionSlice> = (set, get) => ({
  guest: { phase: 'loading', loaded: 0, total: null },
  loadTimings: {},
  runs: [],
  runCount: 0,
  runningId: null,
  levels: { host: true, wrapper: true, python: true },
  storageProblem: null,
  setGuest: (guest) => set({ guest }),
  setLoadTimings: (loadTimings) => set({ loadTimings }),
  beginRun: (id, ident) =>
    set((s) => ({
      runningId: id,
      runCount: s.runCount + 1,
      runs: [
        ...s.runs.slice(-(MAX_KEPT_RUNS - 1)),
        { id, ordinal: s.runCount + 1, ident, startedAt: Date.now(), entries: [], dropped: 0, outcome: null, timings: {}, totalMs: null },
      ],
    })),
  appendLog: (id, entries, dropped) =>
    set((s) => ({ runs: updateRun(s.runs, id, (r) => ({ ...r, entries: [...r.entries, ...entries], dropped: r.dropped + dropped })) })),
  finishRun: (id, outcome, timings) => {
    if (get().runningId !== id) return;
    const now = Date.now();
    set((s) => ({
      runningId: null,
      runs: updateRun(s.runs, id, (r) => ({ ...r, outcome, timings, totalMs: now - r.startedAt })),
    }));
  },
  toggleLevel: (level) => set((s) => ({ levels: { ...s.levels, [level]: !s.levels[level] } })),
  clearLog: () => set((s) => ({ runs: s.runs.filter((r) => r.id === s.runningId) })),
  setStorageProblem: (storageProblem) => {
    if (get().storageProblem !== storageProblem) set({ storageProblem });
  },
});
