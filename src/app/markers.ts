// Errors at their lines: which file and line the last run's error is at, and requests to show a
// line in the editor (from the log's traceback lines, or the problem bar). No Monaco here: the log
// uses this, and Monaco loads later (CodeEditor.tsx applies markers and reveals lines).
import type { FileContent } from '../playground/document.ts';
import { useStore, type RunRecord } from '../store/index.ts';
import { locateError, type SourceError } from './traceback.ts';

/**
 * The error of a finished run at a line of a text file of the playground, or null (a run in
 * progress, a result, an error without a traceback into the plugin's files).
 */
export function runError(run: RunRecord | undefined, files: Record<string, FileContent>): SourceError | null {
  if (run === undefined || run.outcome === null) return null;
  const outcome = run.outcome;
  if (outcome.kind !== 'error' && outcome.kind !== 'crash') return null;
  // What Python wrote itself: lines without a `[file] |` prefix.
  const lines = run.entries.filter((e) => e.level === 'python' && e.file === '').map((e) => e.text);
  const found = locateError(lines, outcome.kind === 'error' ? outcome.message : undefined);
  if (found === null) return null;
  let path = found.path;
  if (!Object.hasOwn(files, path)) {
    // An import error's message names the base name only: it counts when exactly one file has it.
    const same = Object.keys(files).filter((p) => p.split('/').pop() === path);
    if (same.length !== 1) return null;
    path = same[0]!;
  }
  return typeof files[path] === 'string' ? { ...found, path } : null;
}

export interface Reveal {
  path: string;
  line: number;
}

const listeners = new Set<(reveal: Reveal) => void>();
/** A request made before the editor loaded: it is applied when it mounts. */
let pending: Reveal | null = null;

/** Opens `path` in the editor and shows `line`. */
export function revealInEditor(reveal: Reveal): void {
  useStore.getState().selectFile(reveal.path);
  if (listeners.size === 0) pending = reveal;
  for (const listener of listeners) listener(reveal);
}

/** For the editor: hears every reveal request (and the one made before it loaded). */
export function onReveal(listener: (reveal: Reveal) => void): () => void {
  listeners.add(listener);
  if (pending !== null) {
    listener(pending);
    pending = null;
  }
  return () => listeners.delete(listener);
}
