// Opening a share link replaces the playground but keeps the local draft one click away.
import type { StateCreator } from 'zustand';
import { samePlayground, type Playground } from '../playground/document.ts';
import { ENTRY_FILE } from '../playground/paths.ts';
import type { Store } from './index.ts';

export type ShareNotice =
  | { kind: 'applied'; hadDraft: boolean }
  | { kind: 'refused'; error: string }
  | { kind: 'copied'; url: string }
  | { kind: 'copy-failed'; url: string; error: string };

export interface DraftSlice {
  /** The local playground as it was before a share link replaced it. */
  draft: Playground | null;
  shareNotice: ShareNotice | null;
  applyShared(shared: Playground): void;
  refuseShared(error: string): void;
  restoreDraft(): void;
  /** Forgets the saved draft: the shared playground is now the one to keep. */
  discardDraft(): void;
  setShareNotice(notice: ShareNotice | null): void;
}

type DocumentState = Pick<Store, 'files' | 'payload' | 'ident' | 'request' | 'fetch' | 'cases'>;

/** The playground document the store holds now. */
export function currentPlayground(s: DocumentState): Playground {
  const playground: Playground = { files: s.files, payload: s.payload, ident: s.ident };
  if (s.request !== null) playground.request = s.request;
  if (Object.keys(s.fetch).length > 0) playground.fetch = s.fetch;
  if (s.cases.length > 0) playground.cases = s.cases;
  return playground;
}

/** The store fields a playground sets: every part, so nothing of the one it replaces lingers. */
export const documentState = (p: Playground): DocumentState => ({
  files: p.files,
  payload: p.payload,
  ident: p.ident,
  request: p.request ?? null,
  fetch: p.fetch ?? {},
  cases: p.cases ?? [],
});

export const createDraftSlice: StateCreator<Store, [], [], DraftSlice> = (set, get) => ({
  draft: null,
  shareNotice: null,
  applyShared: (shared) => {
    const state = get();
    const local = currentPlayground(state);
    // Opening the same link twice must not overwrite the saved draft with the shared playground.
    const draft = samePlayground(local, shared) ? state.draft : local;
    set({ ...documentState(shared), active: ENTRY_FILE, draft, shareNotice: { kind: 'applied', hadDraft: draft !== null } });
  },
  refuseShared: (error) => set({ shareNotice: { kind: 'refused', error } }),
  restoreDraft: () => {
    const { draft } = get();
    if (draft === null) return;
    set({ ...documentState(draft), active: ENTRY_FILE, draft: null, shareNotice: null });
  },
  discardDraft: () => set({ draft: null }),
  setShareNotice: (shareNotice) => set({ shareNotice }),
});
