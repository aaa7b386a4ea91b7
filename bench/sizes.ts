// Transfer sizes: every file a page fetched, compressed the way a static host would serve it.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Transfer {
  raw: number;
  gzip: number;
  brotli: number;
  files: string[];
}

const cache = new Map<string, { raw: number; gzip: number; brotli: number }>();

function sizes(bytes: Uint8Array) {
  const key = createHash('sha256').update(bytes).digest('hex');
  let s = cache.get(key);
  if (s === undefined) {
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
    cache.set(key, s);
  }
  return s;
}

/** Sums the sizes of the fetched bodies (each path once). */
export function transfer(bodies: Map<string, Uint8Array>): Transfer {
  const total: Transfer = { raw: 0, gzip: 0, brotli: 0, files: [] };
  for (const [path, bytes] of bodies) {
    const s = sizes(bytes);
    total.raw += s.raw;
    total.gzip += s.gzip;
    total.brotli += s.brotli;
    total.files.push(path);
  }
  return total;
}
