import type { PluginFiles } from '../host/types.ts';

/**
 * Whether two sets of plugin files have the same paths and contents: a rerun (same files) calls
 * into the started instance again, an edit takes a fresh one. Compared directly, which is cheaper
 * than naming each side by a digest: a rerun's text files are equal strings (one memcmp each),
 * and a changed file usually differs in its length.
 */
export function sameFiles(a: PluginFiles, b: PluginFiles): boolean {
  if (a === b) return true;
  const paths = Object.keys(a);
  if (paths.length !== Object.keys(b).length) return false;
  for (const path of paths) {
    if (!Object.hasOwn(b, path)) return false;
    const x = a[path]!;
    const y = b[path]!;
    if (typeof x === 'string' || typeof y === 'string') {
      if (x !== y) return false;
    } else if (!sameBytes(x, y)) return false;
  }
  return true;
}

function sameBytes(x: Uint8Array, y: Uint8Array): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}
