// The editor's files: one tab per module, plugin.py always present.
import type { StateCreator } from 'zustand';
import type { FileContent } from '../playground/document.ts';
import { ENTRY_FILE, fileNameProblem, MAX_FILES, moduleNameProblem, pathClash } from '../playground/paths.ts';
import { DEFAULT_PLAYGROUND, NEW_MODULE_SOURCE } from './defaults.ts';
import type { Store } from './index.ts';

export interface FilesSlice {
  files: Record<string, FileContent>;
  /** The file whose tab is open. */
  active: string;
  setSource(path: string, source: string): void;
  selectFile(path: string): void;
  /** Adds an empty module and opens it; returns why it could not, or null. */
  addFile(path: string): string | null;
  renameFile(from: string, to: string): string | null;
  deleteFile(path: string): void;
}

/** Why `path` cannot be added beside `files`; a `module` must be a `.py` name, a data file any valid name. */
function newNameProblem(files: Record<string, FileContent>, path: string, module = true): string | null {
  const problem = module ? moduleNameProblem(path) : fileNameProblem(path);
  if (problem !== null) return problem;
  if (Object.hasOwn(files, path)) return `${path} exists already`;
  // A module and a package folder of the same name would shadow each other.
  const asFolder = `${path.slice(0, -3)}/`;
  if (module && Object.keys(files).some((f) => f.startsWith(asFolder) || path.startsWith(`${f.slice(0, -3)}/`))) {
    return `${path} clashes with a module or folder of the same name`;
  }
  // No tree holds both a file and a folder of one name (`a.py` and `a.py/b.py`).
  const clash = pathClash([...Object.keys(files), path]);
  if (clash !== null) return `${clash[0]} is a file, so ${clash[1]} cannot be inside it`;
  return null;
}

export const createFilesSlice: StateCreator<Store, [], [], FilesSlice> = (set, get) => ({
  files: DEFAULT_PLAYGROUND.files,
  active: ENTRY_FILE,
  setSource: (path, source) => {
    if (!Object.hasOwn(get().files, path)) return;
    set((s) => ({ files: { ...s.files, [path]: source } }));
  },
  selectFile: (path) => {
    if (Object.hasOwn(get().files, path)) set({ active: path });
  },
  addFile: (path) => {
    const { files } = get();
    if (Object.keys(files).length >= MAX_FILES) return `a playground holds at most ${MAX_FILES} files`;
    const problem = newNameProblem(files, path);
    if (problem !== null) return problem;
    set({ files: { ...files, [path]: NEW_MODULE_SOURCE }, active: path });
    return null;
  },
  renameFile: (from, to) => {
    const { files, active } = get();
    if (from === to) return null;
    if (from === ENTRY_FILE) return `${ENTRY_FILE} is the entry module: it keeps its name`;
    if (!Object.hasOwn(files, from)) return `${from} does not exist`;
    const rest = Object.fromEntries(Object.entries(files).filter(([p]) => p !== from));
    // A data file (added from disk) keeps any valid name; a module stays a module.
    const problem = newNameProblem(rest, to, from.endsWith('.py'));
    if (problem !== null) return problem;
    set({ files: { ...rest, [to]: files[from]! }, active: active === from ? to : active });
    return null;
  },
  deleteFile: (path) => {
    if (path === ENTRY_FILE) return;
    const { files, active } = get();
    const rest = Object.fromEntries(Object.entries(files).filter(([p]) => p !== path));
    set({ files: rest, active: active === path ? ENTRY_FILE : active });
  },
});
