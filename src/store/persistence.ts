// What survives a reload, and how it is read back. Stored state is untrusted input: it may be
// from an older version of the page, edited by hand, or cut short by a full disk.
import { createJSONStorage, type PersistStorage, type StateStorage } from 'zustand/middleware';
import { parseDocument, toDocument, type Playground } from '../playground/document.ts';
import { ENTRY_FILE } from '../playground/paths.ts';
import type { Store } from './index.ts';
import { isTimeLimit } from './inputs.ts';
import { currentPlayground } from './draft.ts';

export const STORAGE_KEY = 'pywasm-playground';
/** 2: the playground is stored as its JSON document (binary files as base64). */
export const STORAGE_VERSION = 2;

/** What is written to storage: the playground and the draft as JSON documents. */
export interface Persisted {
  playground: unknown;
  active: string;
  timeLimitSec: number;
  draft: unknown;
}

let lastPartial: { inputs: unknown[]; value: Persisted } | null = null;

/**
 * zustand's persist calls this after every change of the store, a run's log lines too: while the
 * playground's parts are the same objects, the document made from them last time is reused (a
 * binary file's base64 costs real time: about 1 s for an 8 MiB file).
 */
export const partialize = (s: Store): Persisted => {
  const inputs = [s.files, s.payload, s.ident, s.request, s.fetch, s.cases, s.active, s.timeLimitSec, s.quotaMiB, s.draft];
  if (lastPartial !== null && inputs.every((x, i) => x === lastPartial!.inputs[i])) return lastPartial.value;
  const value: Persisted = {
    playground: toDocument(currentPlayground(s)),
    active: s.active,
    timeLimitSec: s.timeLimitSec,
    draft: s.draft === null ? null : toDocument(s.draft),
  };
  lastPartial = { inputs, value };
  return value;
};

/**
 * Brings state written by an older version up to this one. Version 0 is the pre-release shape
 * with a single `code` string instead of `files`; version 1 kept files, payload and id at the top.
 */
export function migrate(persisted: unknown, version: number): unknown {
  if (typeof persisted !== 'object' || persisted === null) return persisted;
  let state = persisted as Record<string, unknown>;
  if (version === 0 && 'code' in state) {
    const { code, ...rest } = state;
    state = { ...rest, files: { [ENTRY_FILE]: code } };
  }
  if (version <= 1) {
    const { files, payload, ident, ...rest } = state;
    state = { ...rest, playground: { files, payload, ident } };
  }
  return state;
}

/** The state in memory that a stored record gives: each part that fails its check is left out. */
export interface Restored {
  playground?: Playground;
  active?: string;
  timeLimitSec?: number;
  draft?: Playground | null;
}

/** The valid parts of `stored`; each part that fails its check keeps the current value. */
export function restore(stored: unknown): Restored {
  if (typeof stored !== 'object' || stored === null) return {};
  const s = stored as Record<string, unknown>;
  const out: Restored = {};
  const playground = parseDocument(s.playground);
  if (playground.ok) {
    out.playground = playground.value;
    if (typeof s.active === 'string' && Object.hasOwn(playground.value.files, s.active)) out.active = s.active;
  }
  if (typeof s.timeLimitSec === 'number' && isTimeLimit(s.timeLimitSec)) out.timeLimitSec = s.timeLimitSec;
  if (s.draft === null) out.draft = null;
  else {
    const draft = parseDocument(s.draft);
    if (draft.ok) out.draft = draft.value;
  }
  return out;
}

/**
 * localStorage that never throws: it may be missing (some privacy modes), refuse access, or be
 * full. `report` hears what went wrong (null once a write succeeds again); the page keeps working.
 * A write says whether the value is stored.
 */
export function safeLocalStorage(report: (problem: string | null) => void): StateStorage<boolean> {
  const storage = (): Storage | null => {
    try {
      return globalThis.localStorage ?? null;
    } catch {
      return null;
    }
  };
  // A write of what is stored already is skipped (a synchronous localStorage call each time).
  const written = new Map<string, string>();
  return {
    getItem: (name) => {
      try {
        const s = storage();
        if (s === null) {
          report('Saving is unavailable in this browser: your edits last only as long as this tab.');
          return null;
        }
        return s.getItem(name);
      } catch {
        report('Your saved playground could not be read; starting from the default.');
        return null;
      }
    },
    setItem: (name, value) => {
      try {
        const s = storage();
        if (s === null) throw new Error('no localStorage');
        if (written.get(name) === value) return true;
        s.setItem(name, value);
        written.set(name, value);
        report(null);
        return true;
      } catch (e) {
        const full = e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22);
        report(
          full
            ? 'Browser storage is full: your latest edits are not saved. Free some space or share a link to keep them.'
            : 'Saving is unavailable in this browser: your edits last only as long as this tab.',
        );
        return false;
      }
    },
    removeItem: (name) => {
      written.delete(name);
      try {
        storage()?.removeItem(name);
      } catch {
        // Nothing to do: there is nothing to keep.
      }
      return true;
    },
  };
}

/**
 * The persist middleware's storage: the persisted part as JSON in `local`. zustand's persist hands
 * it over after every change of the store, a run's start and end too: while that part is the very
 * object it stored last (`partialize` keeps it while nothing persisted changed), it is not
 * serialized again. After a failed write the next change tries again.
 */
export function playgroundStorage(local: StateStorage<boolean>): PersistStorage<Persisted> {
  const json = createJSONStorage<Persisted, boolean>(() => local)!;
  const stored = new Map<string, Persisted>();
  return {
    getItem: json.getItem,
    setItem: (name, value) => {
      if (stored.get(name) === value.state) return;
      stored.delete(name);
      if (json.setItem(name, value) === true) stored.set(name, value.state);
    },
    removeItem: (name) => {
      stored.delete(name);
      json.removeItem(name);
    },
  };
}
