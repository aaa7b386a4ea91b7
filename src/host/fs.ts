import { wasi, type Fd } from '@bjorn3/browser_wasi_shim';
import { MemDir, MemFile, OpenMemDir, OpenMemFile, Quota } from './inode.ts';
import type { PluginFiles } from './types.ts';

/**
 * The tree the module sees (guest/README.md, "File system"), one preopen `/` at fd 3:
 *   /plugin  the plugin's files; the working directory; writable (changes stay in this instance)
 *   /lib     the standard-library zips, read-only
 *   /tmp     empty, writable
 * Anything else is missing (ENOENT); creating anything outside /plugin and /tmp is EROFS.
 * /plugin and /tmp share one quota (ENOSPC past it).
 */
export const PLUGIN_DIR = '/plugin';

/** The writable space of one instance by default: 256 MiB. */
export const DEFAULT_QUOTA_BYTES = 256 * 1024 * 1024;

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

/** Fills `folder` with the plugin's files (folders made for `pkg/util.py`-style paths). Text is
 * stored as UTF-8; bytes are used as they are, copied only if the module writes to them. */
export function fillPluginFolder(folder: MemDir, files: PluginFiles): void {
  const time = BigInt(Date.now()) * 1_000_000n;
  for (const [path, content] of Object.entries(files)) {
    if (!isSafeRelativePath(path)) throw new Error(`invalid plugin file path: ${JSON.stringify(path)}`);
    const parts = path.split('/');
    let dir = folder;
    for (const part of parts.slice(0, -1)) {
      let next = dir.entries.get(part);
      if (next === undefined) {
        next = new MemDir(folder.quota, time);
        dir.link(part, next);
      }
      if (!(next instanceof MemDir)) throw new Error(`plugin path ${path} runs through a file`);
      dir = next;
    }
    const name = parts[parts.length - 1]!;
    if (dir.entries.has(name)) throw new Error(`plugin path ${path} is given twice, or as a file and a folder`);
    dir.link(name, new MemFile(typeof content === 'string' ? utf8.encode(content) : content, folder.quota, time));
  }
}

export interface ModuleFilesystem {
  /** The descriptor table: 0 stdin (empty), 1 stdout, 2 stderr, 3 the root preopen `/`. */
  fds: Fd[];
  /** Puts the plugin's files in `/plugin` (before `_start`). */
  setPluginFiles(files: PluginFiles): void;
  /** The writable space: its limit and what is used. */
  quota: Quota;
}

/**
 * The module's filesystem. The layout is part of the contract: a pre-initialised module remembers
 * its preopens (fd 3 = "/", nothing else).
 */
export function moduleFilesystem(stdlib: StdlibFiles, stdout: Fd, stderr: Fd, quotaBytes = DEFAULT_QUOTA_BYTES): ModuleFilesystem {
  const quota = new Quota(quotaBytes);
  const root = new MemDir(null);
  const plugin = new MemDir(quota);
  const lib = new MemDir(null);
  for (const [name, source] of Object.entries(stdlib)) lib.link(name, new MemFile(source, null));
  root.link('plugin', plugin);
  root.link('lib', lib);
  root.link('tmp', new MemDir(quota));
  const stdin = new OpenMemFile(new MemFile(new Uint8Array(0), null), true, false, 0, BigInt(wasi.RIGHTS_FD_READ), 0n);
  return {
    fds: [stdin, stdout, stderr, new OpenMemDir(root, '/')],
    setPluginFiles: (files) => fillPluginFolder(plugin, files),
    quota,
  };
}
