// Which file paths a playground accepts. The same rule guards the editor's "add"/"rename", share
// links, saved drafts, the CLI's plugin folders and the host, so a name that gets in one way gets in
// every way.
import { isSafeRelativePath } from '../host/fs.ts';

export const ENTRY_FILE = 'plugin.py';
/** Most files one playground holds (a CLI plugin tree may be a whole package). */
export const MAX_FILES = 10_000;
export const MAX_PATH_LENGTH = 200;

/** Why `path` is not an acceptable file path, or null when it is. Any extension: data files too. */
export function fileNameProblem(path: string): string | null {
  if (path === '') return 'the name is empty';
  if (path.length > MAX_PATH_LENGTH) return `the name is longer than ${MAX_PATH_LENGTH} characters`;
  if (path.startsWith('/')) return 'the name must be relative (no leading /)';
  if (path.includes('\\')) return 'use / to separate folders, not \\';
  // Control characters (NUL included) have no place in a file name and break the log's layout.
  if (/[\x00-\x1f\x7f]/.test(path)) return 'the name contains a control character';
  if (!isSafeRelativePath(path)) return 'the name has an empty, . or .. segment';
  return null;
}

/** Why a new Python module may not be called `path` (the editor's "add a module"), or null. */
export function moduleNameProblem(path: string): string | null {
  const problem = fileNameProblem(path);
  if (problem !== null) return problem;
  if (!path.endsWith('.py') || path.split('/').pop() === '.py') return 'the name must end in .py';
  return null;
}

/**
 * A path that is also a folder of another path (`a.py` and `a.py/b.py`): no tree can hold both.
 * Returns the first such pair, or null.
 */
export function pathClash(paths: Iterable<string>): [file: string, inside: string] | null {
  const all = new Set(paths);
  for (const path of all) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (all.has(folder)) return [folder, path];
    }
  }
  return null;
}

/** Tabs show the entry module first, then the other files in name order. */
export function orderedFileNames(files: Record<string, unknown>): string[] {
  return Object.keys(files).sort((a, b) => (a === ENTRY_FILE ? -1 : b === ENTRY_FILE ? 1 : a < b ? -1 : a > b ? 1 : 0));
}
