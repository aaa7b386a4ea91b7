import { Directory, File, OpenFile, PreopenDirectory, type Fd, type Inode } from '@bjorn3/browser_wasi_shim';
import type { PluginFiles } from './types.ts';

/** Where the wrapper looks for things (guest/README.md): plugin folder, stdlib, scratch space. */
export const PLUGIN_DIR = '/plugin';
const STDLIB_DIR = '/lib';
const TMP_DIR = '/tmp';

/**
 * The files of `/lib` (the standard-library zips named in public/guest/manifest.json): their bytes,
 * or a loader that is called the first time the module reads the file, so a zip that few plugins
 * need can be fetched on demand.
 */
export type StdlibFiles = Record<string, Uint8Array | (() => Uint8Array)>;

const utf8 = new TextEncoder();

/** A relative POSIX path with no empty, `.` or `..` segments, no backslash and no NUL. */
export function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || /[\\\0]/.test(path)) return false;
  return path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/** The plugin's files as a directory tree; folders are made for `pkg/util.py`-style paths. */
export function pluginTree(files: PluginFiles): Map<string, Inode> {
  // Collect first, then build bottom-up: a Directory links its children to itself only when
  // it is constructed with them.
  type Node = Map<string, Node | Uint8Array>;
  const root: Node = new Map();
  for (const [path, source] of Object.entries(files)) {
    if (!isSafeRelativePath(path)) throw new Error(`invalid plugin file path: ${JSON.stringify(path)}`);
    const parts = path.split('/');
    let dir = root;
    for (const part of parts.slice(0, -1)) {
      const next = dir.get(part) ?? new Map();
      if (next instanceof Uint8Array) throw new Error(`plugin path ${path} runs through a file`);
      dir.set(part, next);
      dir = next;
    }
    const name = parts[parts.length - 1]!;
    if (dir.has(name)) throw new Error(`plugin path ${path} is given twice`);
    dir.set(name, typeof source === 'string' ? utf8.encode(source) : source);
  }
  const build = (node: Node): Map<string, Inode> =>
    new Map([...node].map(([name, child]) => [name, child instanceof Uint8Array ? new File(child) : new Directory(build(child))]));
  return build(root);
}

/** A read-only file over `source` without copying it (File's constructor copies), loaded on first use. */
function stdlibFile(source: Uint8Array | (() => Uint8Array)): File {
  const file = new File(new Uint8Array(0), { readonly: true });
  if (source instanceof Uint8Array) {
    file.data = source;
    return file;
  }
  let bytes: Uint8Array | null = null;
  // Every read of a File goes through `data`, so an accessor makes the whole file lazy.
  Object.defineProperty(file, 'data', {
    get: () => (bytes ??= source()),
    set: (value: Uint8Array) => {
      bytes = value;
    },
  });
  return file;
}

/** Index of the plugin folder's preopen in the descriptor table. */
export const PLUGIN_FD = 3;

/**
 * The descriptor table: 0 stdin (empty), 1 stdout, 2 stderr, then the preopens `/plugin`, `/lib`,
 * `/tmp` in this order. The order is part of the contract: a pre-initialised module remembers it.
 * `/plugin` starts empty; `pluginFolder` fills it before `_start`.
 */
export function descriptorTable(stdlib: StdlibFiles, stdout: Fd, stderr: Fd): Fd[] {
  return [
    new OpenFile(new File(new Uint8Array(0), { readonly: true })),
    stdout,
    stderr,
    pluginFolder({}),
    new PreopenDirectory(STDLIB_DIR, new Map(Object.entries(stdlib).map(([name, source]) => [name, stdlibFile(source)]))),
    new PreopenDirectory(TMP_DIR, new Map()),
  ];
}

export function pluginFolder(files: PluginFiles): PreopenDirectory {
  return new PreopenDirectory(PLUGIN_DIR, pluginTree(files));
}
