// Opening a share link replaces the playground but keeps the local draft one click away.
import type { StateCreator } from 'zustand';
import type { Playground } from '../share/codec.ts';
import { ENTRY_FILE } from '../share/paths.ts';
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

export const currentPlayground = (s: Pick<Store, 'files' | 'payload' | 'ident'>): Playground => ({
  files: s.files,
  payload: s.payload,
  ident: s.ident,
});

export function samePlayground(a: Playground, b: Playground): boolean {
  const fa = Object.keys(a.files);
  return (
    a.payload === b.payload &&
    a.ident === b.ident &&
    fa.length === Object.keys(b.files).length &&
    fa.every((p) => Object.hasOwn(b.files, p) && a.files[p] === b.files[p])
  );
}

export const createDraftSlice: StateCreator<Store, [], [], DraftSlice> = (set, get) => ({
  draft: null,
  shareNotice: null,
  applyShared: (shared) => {
    const state = get();
    const local = currentPlayground(state);
    // Opening the same link twice must not overwrite the saved draft with the shared playground.
    const draft = samePlayground(local, shared) ? state.draft : local;
    set({ ...shared, active: ENTRY_FILE, draft, shareNotice: { kind: 'applied', hadDraft: draft !== null } });
  },
  refuseShared: (error) => set({ shareNotice: { kind: 'refused', error } }),
  restoreDraft: () => {
    const { draft } = get();
    if (draft === null) return;
    set({ ...draft, active: ENTRY_FILE, draft: null, shareNotice: null });
  },
  discardDraft: () => set({ draft: null }),
  setShareNotice: (shareNotice) => set({ shareNotice }),
});
