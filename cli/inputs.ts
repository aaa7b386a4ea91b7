import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { PluginFiles } from '../src/host/index.ts';

/** An input that cannot be read, said in one line a person can act on. */
export class InputError extends Error {}

/** The caps of a plugin tree (said in the errors): enough for a project with its data and wheels. */
export const MAX_PLUGIN_FILES = 10_000;
export const MAX_PLUGIN_BYTES = 64 * 1024 * 1024;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function describe(e: unknown, what: string): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'is not readable' : code === 'EISDIR' ? 'is a folder' : (e as Error).message;
  return new InputError(`${what} ${why}`);
}

export async function readBytes(path: string, what: string): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw describe(e, `${what} ${path}`);
  }
}

export async function readText(path: string, what: string): Promise<string> {
  const bytes = await readBytes(path, what);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new InputError(`${what} ${path} is not UTF-8 text`);
  }
}

/** Every file below `root` (but `__pycache__` and dot-folders), keyed by its POSIX relative path,
 * as bytes: any file may be there (images, SQLite databases, wheels), not only UTF-8 text. */
export async function readPluginFolder(root: string): Promise<PluginFiles> {
  try {
    if (!(await stat(root)).isDirectory()) throw new InputError(`plugin root ${root} is not a folder`);
  } catch (e) {
    throw e instanceof InputError ? e : describe(e, `plugin root ${root}`);
  }
  const files: PluginFiles = {};
  let count = 0;
  let bytes = 0;
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      throw describe(e, `plugin folder ${dir}`);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '__pycache__' && !entry.name.startsWith('.')) await walk(path);
      } else if (entry.isFile()) {
        if (++count > MAX_PLUGIN_FILES) {
          throw new InputError(
            `plugin root ${root} holds more than ${MAX_PLUGIN_FILES} files (the cap is ${MAX_PLUGIN_FILES} files and ${MAX_PLUGIN_BYTES / 1024 / 1024} MiB)`,
          );
        }
        const content = await readBytes(path, 'plugin file');
        bytes += content.byteLength;
        if (bytes > MAX_PLUGIN_BYTES) {
          throw new InputError(
            `plugin root ${root} holds more than ${MAX_PLUGIN_BYTES / 1024 / 1024} MiB (the cap is ${MAX_PLUGIN_FILES} files and ${MAX_PLUGIN_BYTES / 1024 / 1024} MiB)`,
          );
        }
        files[relative(root, path).split(sep).join('/')] = content;
      }
    }
  };
  await walk(root);
  if (!('plugin.py' in files)) throw new InputError(`plugin root ${root} has no plugin.py`);
  return files;
}
