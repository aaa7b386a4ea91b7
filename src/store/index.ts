// The page's one store, built from typed slices. Only the playground (files, payload, id, time
// limit, saved draft) is persisted; runs and logs belong to this tab.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { createDraftSlice, documentState, type DraftSlice } from './draft.ts';
import { createFilesSlice, type FilesSlice } from './files.ts';
import { createInputsSlice, type InputsSlice } from './inputs.ts';
import {
  migrate,
  partialize,
  playgroundStorage,
  restore,
  safeLocalStorage,
  STORAGE_KEY,
  STORAGE_VERSION,
  type Persisted,
} from './persistence.ts';
import { createSessionSlice, type SessionSlice } from './session.ts';
import { createTestsSlice, type TestsSlice } from './tests.ts';

export type Store = FilesSlice & InputsSlice & DraftSlice & SessionSlice & TestsSlice;

// Reports go through a microtask: they can happen while the store is in the middle of a `set`.
const reportStorage = (problem: string | null) => queueMicrotask(() => useStore.getState().setStorageProblem(problem));

export const useStore = create<Store>()(
  persist<Store, [], [], Persisted>(
    (...a) => ({
      ...createFilesSlice(...a),
      ...createInputsSlice(...a),
      ...createDraftSlice(...a),
      ...createSessionSlice(...a),
      ...createTestsSlice(...a),
    }),
    {
      name: STORAGE_KEY,
      version: STORAGE_VERSION,
      storage: playgroundStorage(safeLocalStorage(reportStorage)),
      partialize,
      migrate: (persisted, version) => migrate(persisted, version) as Persisted,
      merge: (persisted, current) => {
        const { playground, ...rest } = restore(persisted);
        return { ...current, ...(playground === undefined ? {} : documentState(playground)), ...rest };
      },
    },
  ),
);

export type { RunOutcome, RunRecord, RunResponse, GuestState, TracePoint } from './session.ts';
export type { ShareNotice } from './draft.ts';
export { currentPlayground } from './draft.ts';
