// Which file names the playground accepts for plugin modules. The same rule guards the editor's
// "add"/"rename", share links and persisted state, so a name that gets in one way gets in every way.
import { isSafeRelativePath } from '../host/fs.ts';

export const ENTRY_FILE = 'plugin.py';
export const MAX_FILES = 100;
export const MAX_PATH_LENGTH = 200;

/** Why `path` is not an acceptable plugin file name, or null when it is. */
export function fileNameProblem(path: string): string | null {
  if (path === '') return 'the name is empty';
  if (path.length > MAX_PATH_LENGTH) return `the name is longer than ${MAX_PATH_LENGTH} characters`;
  if (path.startsWith('/')) return 'the name must be relative (no leading /)';
  if (path.includes('\\')) return 'use / to separate folders, not \\';
  // Control characters (NUL included) have no place in a module name and break the log's layout.
  if (/[\x00-\x1f\x7f]/.test(path)) return 'the name contains a control character';
  if (!isSafeRelativePath(path)) return 'the name has an empty, . or .. segment';
  if (!path.endsWith('.py') || path.split('/').pop() === '.py') return 'the name must end in .py';
  return null;
}

/** Tabs show the entry module first, then the helpers in name order. */
export function orderedFileNames(files: Record<string, string>): string[] {
  return Object.keys(files).sort((a, b) => (a === ENTRY_FILE ? -1 : b === ENTRY_FILE ? 1 : a < b ? -1 : a > b ? 1 : 0));
}
