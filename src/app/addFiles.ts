// Files from disk (the file picker or a drop, folders included) into the playground. Text files
// become editable text, anything else stays bytes; every name and the playground's caps are
// checked with the same rules as share links and drafts (src/playground).
import { filesProblem, MAX_TOTAL_BYTES, type FileContent } from '../playground/document.ts';
import { ENTRY_FILE, fileNameProblem, MAX_FILES } from '../playground/paths.ts';

/** Names whose content is meant to be read and edited as text (when it is valid UTF-8). */
const TEXT_EXTENSIONS = new Set([
  'py', 'pyi', 'pth', 'txt', 'json', 'jsonl', 'csv', 'tsv', 'md', 'rst', 'toml', 'cfg', 'ini', 'conf',
  'yaml', 'yml', 'xml', 'html', 'htm', 'css', 'js', 'ts', 'sql', 'sh', 'env', 'log', 'svg', 'tmpl', 'j2',
]); // prettier-ignore

/** A file as it arrives: its path in the playground and what reads its bytes. */
export interface Incoming {
  path: string;
  size: number;
  bytes(): Promise<Uint8Array>;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Whether `path` names a text-like file: a known text extension, or no extension at all (LICENSE, Makefile). */
export function isTextName(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return true;
  return TEXT_EXTENSIONS.has(base.slice(dot + 1).toLowerCase());
}

/** Text when the name is text-like and the bytes are UTF-8 without NUL; the bytes otherwise. */
export function fileContent(path: string, bytes: Uint8Array): FileContent {
  if (!isTextName(path) || bytes.includes(0)) return bytes;
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return bytes;
  }
}

/** Folders and files nobody means to run: version control, caches, editor and OS litter. */
export function isSkipped(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.') || part === '__pycache__' || part === 'node_modules');
}

/**
 * A picked or dropped folder that is a whole plugin (it holds `plugin.py` at its top) lands at the
 * playground's root; any other folder keeps its name (a package folder stays a package).
 */
export function unwrapPluginFolder<T extends { path: string }>(items: T[]): T[] {
  if (items.length === 0) return items;
  const top = items[0]!.path.split('/')[0]!;
  const prefix = `${top}/`;
  if (!items.every((i) => i.path.startsWith(prefix))) return items;
  if (!items.some((i) => i.path === prefix + ENTRY_FILE)) return items;
  return items.map((i) => ({ ...i, path: i.path.slice(prefix.length) }));
}

export interface Refused {
  path: string;
  reason: string;
}

export interface Added {
  /** The playground's files with the new ones in. */
  files: Record<string, FileContent>;
  added: string[];
  /** Files that were there already and now hold the new content. */
  replaced: string[];
  refused: Refused[];
  /** Hidden files, caches and the like, left out on purpose. */
  skipped: number;
}

const utf8 = new TextEncoder();
const utf8Size = (content: FileContent) => (typeof content === 'string' ? utf8.encode(content).length : content.length);

/** The folders `path` lies in: `a/b/c.txt` → `a`, `a/b`. */
const foldersOf = (path: string): string[] => {
  const parts = path.split('/');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'));
};

/**
 * Adds `incoming` to `current`: each file is checked on its own (name, clash with a file or folder
 * of the same name, the count and size caps) and refused with a reason, so one bad name does not
 * keep out the rest. A file at an existing path replaces it.
 */
export async function addFiles(current: Record<string, FileContent>, incoming: Incoming[]): Promise<Added> {
  const files: Record<string, FileContent> = { ...current };
  const folders = new Set(Object.keys(files).flatMap(foldersOf));
  let total = Object.values(files).reduce((n, f) => n + utf8Size(f), 0);
  const out: Added = { files, added: [], replaced: [], refused: [], skipped: 0 };
  const refuse = (path: string, reason: string) => out.refused.push({ path, reason });

  for (const item of unwrapPluginFolder(incoming)) {
    const { path } = item;
    if (isSkipped(path)) {
      out.skipped++;
      continue;
    }
    const problem = fileNameProblem(path);
    if (problem !== null) {
      refuse(path, problem);
      continue;
    }
    if (folders.has(path)) {
      refuse(path, `${path} is a folder of the playground already`);
      continue;
    }
    const fileFolder = foldersOf(path).find((f) => Object.hasOwn(files, f));
    if (fileFolder !== undefined) {
      refuse(path, `${fileFolder} is a file, so nothing can be inside it`);
      continue;
    }
    const exists = Object.hasOwn(files, path);
    if (!exists && Object.keys(files).length >= MAX_FILES) {
      refuse(path, `a playground holds at most ${MAX_FILES} files`);
      continue;
    }
    const before = exists ? utf8Size(files[path]!) : 0;
    // The size on disk decides before reading, so a huge file is never read at all.
    if (total - before + item.size > MAX_TOTAL_BYTES) {
      refuse(path, `the files would hold more than ${MAX_TOTAL_BYTES / 1024 / 1024} MiB`);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await item.bytes();
    } catch (e) {
      refuse(path, `it could not be read (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    const content = fileContent(path, bytes);
    total += utf8Size(content) - before;
    files[path] = content;
    (exists ? out.replaced : out.added).push(path);
    for (const folder of foldersOf(path)) folders.add(folder);
  }
  // The document's own check has the last word: what it refuses would be refused by drafts and links.
  const problem = filesProblem(files);
  if (problem !== null)
    return { files: current, added: [], replaced: [], refused: [...out.refused, { path: '', reason: problem }], skipped: out.skipped };
  return out;
}

/** The content for replacing the file at `path` with `bytes`: judged by the path's name, which stays. */
export const replacement = (path: string, bytes: Uint8Array): FileContent => fileContent(path, bytes);

// --- reading from the browser ---------------------------------------------------------------------

const fromFile = (path: string, file: File): Incoming => ({
  path,
  size: file.size,
  bytes: async () => new Uint8Array(await file.arrayBuffer()),
});

/** Files from an `<input type=file>`; a folder picker (`webkitdirectory`) gives each its relative path. */
export function fromFileList(list: FileList | File[]): Incoming[] {
  return Array.from(list, (file) => fromFile(file.webkitRelativePath || file.name, file));
}

/** The entries of a dropped folder; `readEntries` gives them in batches until an empty one. */
async function readAll(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, out: Incoming[]): Promise<void> {
  // Past the cap the rest is not even listed: the count alone refuses it.
  if (out.length > MAX_FILES) return;
  const path = entry.fullPath.replace(/^\/+/, '');
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push(fromFile(path, file));
  } else if (entry.isDirectory && !isSkipped(path)) {
    for (const child of await readAll(entry as FileSystemDirectoryEntry)) await walk(child, out);
  }
}

/**
 * What a drop holds, folders walked. The entries must be taken while the drop event is being
 * dispatched (the DataTransfer is emptied afterwards), so call this synchronously from the handler.
 */
export function fromDataTransfer(data: DataTransfer): Promise<Incoming[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.() ?? null;
    if (entry !== null) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file !== null) loose.push(file);
    }
  }
  return (async () => {
    const out: Incoming[] = loose.map((f) => fromFile(f.name, f));
    for (const entry of entries) await walk(entry, out);
    return out;
  })();
}

/**
 * A drop of exactly one `.zip` opens it as a whole playground (src/app/PlaygroundFiles.tsx); any
 * other drop adds its files and folders to the current one (AddFiles). One rule, read by both.
 */
export function isPlaygroundZipDrop(data: DataTransfer): boolean {
  const files = Array.from(data.files);
  return files.length === 1 && files[0]!.name.toLowerCase().endsWith('.zip');
}
