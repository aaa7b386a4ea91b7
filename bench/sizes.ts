// Transfer sizes: every file a page fetched, compressed the way a static host would serve it.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileFor } from './server.ts';

export interface Transfer {
  raw: number;
  gzip: number;
  brotli: number;
  files: string[];
}

const cache = new Map<string, { raw: number; gzip: number; brotli: number }>();

function sizes(file: string) {
  let s = cache.get(file);
  if (s === undefined) {
    const bytes = readFileSync(file);
    s = {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_GENERIC,
        },
      }).length,
    };
    cache.set(file, s);
  }
  return s;
}

/** Sums the sizes of the files behind `urlPaths` (each once). */
export function transfer(urlPaths: Iterable<string>): Transfer {
  const total: Transfer = { raw: 0, gzip: 0, brotli: 0, files: [] };
  for (const path of new Set(urlPaths)) {
    const file = fileFor(path);
    if (file === null) continue;
    const s = sizes(file);
    total.raw += s.raw;
    total.gzip += s.gzip;
    total.brotli += s.brotli;
    total.files.push(path);
  }
  return total;
}
