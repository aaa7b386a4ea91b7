// What survives a reload, and how it is read back. Stored state is untrusted input: it may be
// from an older version of the page, edited by hand, or cut short by a full disk.
import type { StateStorage } from 'zustand/middleware';
import { validatePlayground, type Playground } from '../share/codec.ts';
import { ENTRY_FILE } from '../share/paths.ts';
import { isTimeLimit } from './inputs.ts';

export const STORAGE_KEY = 'pywasm-playground';
export const STORAGE_VERSION = 1;

export interface Persisted {
  files: Record<string, string>;
  active: string;
  payload: string;
  ident: number;
  timeLimitSec: number;
  draft: Playground | null;
}

export const partialize = (s: Persisted): Persisted => ({
  files: s.files,
  active: s.active,
  payload: s.payload,
  ident: s.ident,
  timeLimitSec: s.timeLimitSec,
  draft: s.draft,
});

/**
 * Brings state written by an older version up to this one. Version 0 is the pre-release shape
 * with a single `code` string instead of `files`.
 */
export function migrate(persisted: unknown, version: number): unknown {
  if (version === 0 && typeof persisted === 'object' && persisted !== null && 'code' in persisted) {
    const { code, ...rest } = persisted as { code: unknown } & Record<string, unknown>;
    return { ...rest, files: { [ENTRY_FILE]: code } };
  }
  return persisted;
}

/** The valid parts of `stored`; each part that fails its check keeps the current value. */
export function restore(stored: unknown): Partial<Persisted> {
  if (typeof stored !== 'object' || stored === null) return {};
  const s = stored as Record<string, unknown>;
  const out: Partial<Persisted> = {};
  const playground = validatePlayground({ files: s.files, payload: s.payload, ident: s.ident });
  if (playground.ok) {
    Object.assign(out, playground.value);
    if (typeof s.active === 'string' && Object.hasOwn(playground.value.files, s.active)) out.active = s.active;
  }
  if (typeof s.timeLimitSec === 'number' && isTimeLimit(s.timeLimitSec)) out.timeLimitSec = s.timeLimitSec;
  if (s.draft === null) out.draft = null;
  else {
    const draft = validatePlayground(s.draft);
    if (draft.ok) out.draft = draft.value;
  }
  return out;
}

/**
 * localStorage that never throws: it may be missing (some privacy modes), refuse access, or be
 * full. `report` hears what went wrong (null once a write succeeds again); the page keeps working.
 */
export function safeLocalStorage(report: (problem: string | null) => void): StateStorage {
  const storage = (): Storage | null => {
    try {
      return globalThis.localStorage ?? null;
    } catch {
      return null;
    }
  };
  // zustand's persist writes after every change of the store, also a run's log lines: a write of
  // what is stored already is skipped (it costs a synchronous localStorage call each time).
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
        if (written.get(name) === value) return;
        s.setItem(name, value);
        written.set(name, value);
        report(null);
      } catch (e) {
        const full = e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22);
        report(
          full
            ? 'Browser storage is full: your latest edits are not saved. Free some space or share a link to keep them.'
            : 'Saving is unavailable in this browser: your edits last only as long as this tab.',
        );
      }
    },
    removeItem: (name) => {
      written.delete(name);
      try {
        storage()?.removeItem(name);
      } catch {
        // Nothing to do: there is nothing to keep.
      }
    },
  };
}
