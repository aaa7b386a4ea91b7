// The playground as a .zip file, and back: what "Download" writes, "Open" (or a drop) reads, and
// `se2 --plugin-root x.zip` runs. Pure: bytes in, bytes out (fflate), no DOM, no Node.
//
// Layout (README, "In and out as files"):
//   plugin/<tree>     the plugin's files as they are on disk: plugin.py, helpers, packages, data
//   cases.json        the test cases, in the `se2 test` cases format (only when there are cases)
//   playground.json   the rest of the playground document: {"version": 2, "payload", "ident",
//                     "request"?, "fetch"?, "settings"?} (files and cases are the two entries above)
// A zip of a bare plugin folder (plugin.py at the top, or inside one top folder) opens too: every
// file is then a plugin file, and the payload is empty.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { DEFAULT_IDENT } from '../host/index.ts';
import { filesProblem, MAX_TOTAL_BYTES, parseDocument, toDocument, type Decoded, type FileContent, type Playground } from './document.ts';
import { ENTRY_FILE, MAX_FILES } from './paths.ts';

export const PLUGIN_DIR = 'plugin/';
export const CASES_FILE = 'cases.json';
export const META_FILE = 'playground.json';
/** What a zip may declare it holds, unpacked: the files' cap plus room for the two JSON files. */
const MAX_UNPACKED_BYTES = MAX_TOTAL_BYTES + 16 * 1024 * 1024;
// A fixed date keeps the same playground giving the same bytes (zip times are local, 2-second steps).
const MTIME = new Date(2000, 0, 1);

const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

/** The zip of `playground`. */
export function playgroundToZip(playground: Playground): Uint8Array {
  const { files: _files, cases, ...meta } = toDocument(playground);
  const entries: Zippable = {};
  for (const path of Object.keys(playground.files).sort()) {
    const content = playground.files[path]!;
    entries[PLUGIN_DIR + path] = typeof content === 'string' ? strToU8(content) : content;
  }
  if (cases !== undefined) entries[CASES_FILE] = json({ cases });
  entries[META_FILE] = json(meta);
  return zipSync(entries, { level: 6, mtime: MTIME });
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Text when the bytes are UTF-8 without NUL (what an editor can show), bytes otherwise. */
export function fileContent(bytes: Uint8Array): FileContent {
  if (bytes.includes(0)) return bytes;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return bytes;
  }
}

/** Entries a zip tool or an OS adds that are no part of a plugin. */
const isClutter = (path: string) =>
  path.startsWith('__MACOSX/') || path.split('/').some((part) => part === '__pycache__' || part === '.DS_Store' || part === '.git');

function readJson(entries: Record<string, Uint8Array>, name: string): Decoded<unknown> {
  const bytes = entries[name];
  if (bytes === undefined) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(strFromU8(bytes)) };
  } catch (e) {
    return { ok: false, error: `${name} is not JSON: ${(e as Error).message}` };
  }
}

/**
 * The playground that a set of files describes (a zip's entries, or a folder dropped on the page),
 * keyed by POSIX path. Folder entries (`x/`) and OS clutter are ignored.
 */
export function playgroundFromEntries(input: Record<string, Uint8Array>): Decoded<Playground> {
  let entries = Object.fromEntries(Object.entries(input).filter(([path]) => !path.endsWith('/') && !isClutter(path)));
  let paths = Object.keys(entries);
  if (paths.length === 0) return { ok: false, error: 'it holds no files' };
  // Everything inside one top folder (a zipped folder, a dropped folder): that folder is the root.
  const top = paths[0]!.split('/')[0]!;
  if (paths.every((p) => p.startsWith(`${top}/`)) && !Object.hasOwn(entries, PLUGIN_DIR + ENTRY_FILE)) {
    entries = Object.fromEntries(Object.entries(entries).map(([p, b]) => [p.slice(top.length + 1), b]));
    paths = Object.keys(entries);
  }
  if (paths.length > MAX_FILES + 2) return { ok: false, error: `it holds more than ${MAX_FILES} files` };

  const layered = Object.hasOwn(entries, PLUGIN_DIR + ENTRY_FILE);
  const files: Record<string, FileContent> = {};
  for (const path of paths) {
    if (!layered) files[path] = fileContent(entries[path]!);
    else if (path.startsWith(PLUGIN_DIR)) files[path.slice(PLUGIN_DIR.length)] = fileContent(entries[path]!);
    else if (path !== CASES_FILE && path !== META_FILE)
      return { ok: false, error: `${JSON.stringify(path)} is outside plugin/ (only cases.json and playground.json may be)` };
  }
  const problem = filesProblem(files);
  if (problem !== null) return { ok: false, error: problem };
  if (!layered) return { ok: true, value: { files, payload: '', ident: DEFAULT_IDENT } };

  const meta = readJson(entries, META_FILE);
  if (!meta.ok) return meta;
  const cases = readJson(entries, CASES_FILE);
  if (!cases.ok) return cases;
  if (meta.value !== undefined && (typeof meta.value !== 'object' || meta.value === null || Array.isArray(meta.value))) {
    return { ok: false, error: `${META_FILE} is not a JSON object` };
  }
  if (cases.value !== undefined && (typeof cases.value !== 'object' || cases.value === null || !('cases' in cases.value))) {
    return { ok: false, error: `${CASES_FILE} is not {"cases": [...]}` };
  }
  // The rest is checked by the document's own schema; the files stand in as one empty module
  // (they were checked above, and may be bytes, which the JSON form holds only as base64).
  const doc = {
    version: 2,
    payload: '',
    ident: DEFAULT_IDENT,
    ...(meta.value as object | undefined),
    files: { [ENTRY_FILE]: '' },
    ...(cases.value === undefined ? {} : { cases: (cases.value as { cases: unknown }).cases }),
  };
  const parsed = parseDocument(doc);
  if (!parsed.ok) return { ok: false, error: `${parsed.error.startsWith('"cases') ? CASES_FILE : META_FILE}: ${parsed.error}` };
  return { ok: true, value: { ...parsed.value, files } };
}

/** Reads a zip written by `playgroundToZip`, or any zip of a plugin folder. */
export function playgroundFromZip(bytes: Uint8Array): Decoded<Playground> {
  let entries: Record<string, Uint8Array>;
  try {
    let declared = 0;
    entries = unzipSync(bytes, {
      // Sizes are checked before anything is inflated: a small zip must not unpack to gigabytes.
      filter: (file) => {
        declared += file.originalSize;
        if (declared > MAX_UNPACKED_BYTES) throw new RangeError(`it unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MiB`);
        return true;
      },
    });
  } catch (e) {
    return { ok: false, error: e instanceof RangeError ? e.message : 'it is not a zip file (or a damaged one)' };
  }
  return playgroundFromEntries(entries);
}
