// Opening a share link replaces the playground but keeps the local draft one click away.
import type { StateCreator } from 'zustand';
import { samePlayground, type Playground, type Settings } from '../playground/document.ts';
import { ENTRY_FILE } from '../playground/paths.ts';
import { DEFAULT_QUOTA_MIB, DEFAULT_TIME_LIMIT_SEC } from './defaults.ts';
import type { Store } from './index.ts';

export type ShareNotice =
  // `source` names what was opened when it was not a share link ("the example json", "x.zip").
  | { kind: 'applied'; hadDraft: boolean; source?: string }
  | { kind: 'refused'; error: string; source?: string }
  | { kind: 'copied'; url: string }
  | { kind: 'copy-failed'; url: string; error: string };

export interface DraftSlice {
  /** The local playground as it was before a share link replaced it. */
  draft: Playground | null;
  /** What the last share link, example or file opened (this tab only): unchanged, it is no draft. */
  opened: Playground | null;
  shareNotice: ShareNotice | null;
  applyShared(shared: Playground, source?: string): void;
  refuseShared(error: string, source?: string): void;
  restoreDraft(): void;
  /** Forgets the saved draft: the shared playground is now the one to keep. */
  discardDraft(): void;
  setShareNotice(notice: ShareNotice | null): void;
}

type DocumentState = Pick<Store, 'files' | 'payload' | 'ident' | 'request' | 'fetch' | 'cases' | 'timeLimitSec' | 'quotaMiB'>;

/** The playground document the store holds now. */
export function currentPlayground(s: DocumentState): Playground {
  const playground: Playground = { files: s.files, payload: s.payload, ident: s.ident };
  if (s.request !== null) playground.request = s.request;
  if (Object.keys(s.fetch).length > 0) playground.fetch = s.fetch;
  if (s.cases.length > 0) playground.cases = s.cases;
  // Settings at their defaults are left out, so a default playground's document stays as it was.
  const settings: Settings = {};
  if (s.timeLimitSec !== DEFAULT_TIME_LIMIT_SEC) settings.timeLimitSec = s.timeLimitSec;
  if (s.quotaMiB !== DEFAULT_QUOTA_MIB) settings.quotaMiB = s.quotaMiB;
  if (Object.keys(settings).length > 0) playground.settings = settings;
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
  timeLimitSec: p.settings?.timeLimitSec ?? DEFAULT_TIME_LIMIT_SEC,
  quotaMiB: p.settings?.quotaMiB ?? DEFAULT_QUOTA_MIB,
});

export const createDraftSlice: StateCreator<Store, [], [], DraftSlice> = (set, get) => ({
  draft: null,
  opened: null,
  shareNotice: null,
  applyShared: (shared, source) => {
    const state = get();
    const local = currentPlayground(state);
    // Opening the same link twice must not overwrite the saved draft with the shared playground; nor
    // must opening one example after another, unedited, overwrite the person's own draft.
    const untouched = state.draft !== null && state.opened !== null && samePlayground(local, state.opened);
    const draft = samePlayground(local, shared) || untouched ? state.draft : local;
    set({
      ...documentState(shared),
      active: ENTRY_FILE,
      draft,
      opened: shared,
      shareNotice: { kind: 'applied', hadDraft: draft !== null, ...(source === undefined ? {} : { source }) },
    });
  },
  refuseShared: (error, source) => set({ shareNotice: { kind: 'refused', error, ...(source === undefined ? {} : { source }) } }),
  restoreDraft: () => {
    const { draft } = get();
    if (draft === null) return;
    set({ ...documentState(draft), active: ENTRY_FILE, draft: null, opened: null, shareNotice: null });
  },
  discardDraft: () => set({ draft: null }),
  setShareNotice: (shareNotice) => set({ shareNotice }),
});
