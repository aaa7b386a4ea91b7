// The Tests panel's runs of the playground's cases: this tab only, never persisted. A run counts
// for a case only while the case and the files are as they were run, so an edit never shows a
// stale pass as current.
import type { StateCreator } from 'zustand';
import type { CaseOutcome, Verdict } from '../cases/check.ts';
import type { FileContent } from '../playground/document.ts';
import type { Store } from './index.ts';

interface RanWith {
  /** The case as run (its JSON). */
  ran: string;
  /** The files as run: the store replaces the object on every edit, so identity says "unchanged". */
  files: Record<string, FileContent>;
}

export type CaseRun =
  (RanWith & { state: 'running' }) | (RanWith & { state: 'done'; verdict: Verdict; outcome: CaseOutcome; stderr: string[] });

export interface TestsSlice {
  /** By case index. */
  caseRuns: Record<number, CaseRun>;
  /** True while "Run all" goes through the cases. */
  runningAll: boolean;
  setCaseRun(index: number, run: CaseRun): void;
  setRunningAll(running: boolean): void;
  clearCaseRuns(): void;
}

export const createTestsSlice: StateCreator<Store, [], [], TestsSlice> = (set) => ({
  caseRuns: {},
  runningAll: false,
  setCaseRun: (index, run) => set((s) => ({ caseRuns: { ...s.caseRuns, [index]: run } })),
  setRunningAll: (runningAll) => set({ runningAll }),
  clearCaseRuns: () => set({ caseRuns: {} }),
});
