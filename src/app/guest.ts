// Loads the guest: downloads guest/wrapper.wasm (index.html preloads it) and compiles it. Imported
// first by main.tsx, so the download starts before React or the editor load. The stdlib zips are not on this path: the
// Worker reads one on first use, and the page prefetches the core and rest zips after the first
// result (`fetchLazyZips`).
import type { StdlibSpec } from '../worker/protocol.ts';

/** Set by vite.config.ts from public/guest/manifest.json. */
declare const __STDLIB_ZIPS__: string[];
// Vitest and other non-Vite runs have no define: they see no zips rather than a stale guess.
const STDLIB_ZIPS = typeof __STDLIB_ZIPS__ === 'undefined' ? [] : __STDLIB_ZIPS__;

export interface Guest {
  module: WebAssembly.Module;
  stdlib: StdlibSpec;
  /** Milliseconds from the page's first script to each part being ready. */
  timings: { wrapper: number };
}

export interface LoadProgress {
  loaded: number;
  /** Null while a size is unknown (no Content-Length). */
  total: number | null;
}

export const WRAPPER_URL = 'guest/wrapper.wasm';
const zipUrl = (name: string) => `guest/${name}`;

class LoadError extends Error {
  override name = 'LoadError';
}

async function fetchOk(url: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new LoadError(`could not download ${url} (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!response.ok) throw new LoadError(`could not download ${url}: HTTP ${response.status} ${response.statusText}`.trim());
  // A single-page server answers a missing file with its index page.
  if (response.headers.get('content-type')?.includes('text/html')) {
    throw new LoadError(`could not download ${url}: the server has no such file (it sent a web page)`);
  }
  return response;
}

/**
 * Reads a body to the end, reporting the byte count as it goes. With a known size the bytes go
 * straight into one buffer of that size (one copy of the module in this page, not the chunks and
 * then their concatenation).
 */
export async function readCounting(
  body: ReadableStream<Uint8Array> | null,
  size: number | null,
  onBytes: (n: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  if (body === null) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let out = size === null ? null : new Uint8Array(size);
  let at = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // A body longer than its Content-Length (a server's mistake) is still read whole.
    if (out !== null && at + value.length > out.length) {
      chunks.push(out.subarray(0, at));
      out = null;
    }
    if (out === null) chunks.push(value);
    else out.set(value, at);
    at += value.length;
    onBytes(value.length);
  }
  if (out !== null) return at === out.length ? out : out.slice(0, at);
  const whole = new Uint8Array(at);
  let offset = 0;
  for (const c of chunks) {
    whole.set(c, offset);
    offset += c.length;
  }
  return whole;
}

const contentLength = (r: Response): number | null => {
  const n = Number(r.headers.get('content-length'));
  return Number.isFinite(n) && n > 0 ? n : null;
};

function fetchGuest(onProgress: (p: LoadProgress) => void): Promise<Guest> {
  const t0 = performance.now();
  let loaded = 0;
  let total: number | null = null;
  const count = (n: number) => {
    loaded += n;
    onProgress({ loaded, total });
  };

  const wrapper = (async () => {
    const response = await fetchOk(WRAPPER_URL);
    total = contentLength(response);
    // Read whole, then compiled off the main thread. Not WebAssembly.compileStreaming: in the same
    // minutes (cold starts, 10 each, load 8) streaming peaked at 267 MB against 227 (its buffers,
    // plus the clone read for progress) and was no faster (614 against 569 ms to the result); it
    // feeds the bytes to the compiler on the page's main thread, which the UI wants meanwhile. The
    // code cache it allows did not make returning visits faster (638 against 643 ms, 10 each).
    const bytes = await readCounting(response.body, total, count);
    let module: WebAssembly.Module;
    try {
      module = await WebAssembly.compile(bytes);
    } catch (e) {
      throw new LoadError(`${WRAPPER_URL} is not a valid WebAssembly module (${String(e)})`);
    }
    return { module, ms: performance.now() - t0 };
  })();

  return wrapper.then((w) => ({
    module: w.module,
    // Every zip is read on demand (vite.config.ts, stdlibZips) and prefetched after the first result.
    stdlib: { bytes: {}, lazy: Object.fromEntries(STDLIB_ZIPS.map((name) => [name, new URL(zipUrl(name), document.baseURI).href])) },
    timings: { wrapper: w.ms },
  }));
}

// Progress is kept here until the store subscribes (the store module loads after this one).
let lastProgress: LoadProgress = { loaded: 0, total: null };
const listeners = new Set<(p: LoadProgress) => void>();

export function onLoadProgress(listener: (p: LoadProgress) => void): () => void {
  listeners.add(listener);
  listener(lastProgress);
  return () => listeners.delete(listener);
}

const progress = (p: LoadProgress) => {
  lastProgress = p;
  for (const l of listeners) l(p);
};

/** The guest, loading since this module was first imported. */
let firstLoad: Promise<Guest> | null = fetchGuest(progress);
// The page reports a failure where it awaits; this keeps the console free of an unhandled rejection.
firstLoad.catch(() => undefined);

/** The guest: the load started at import the first time, a new download after that (a retry). */
export function loadGuest(): Promise<Guest> {
  const load = firstLoad ?? fetchGuest(progress);
  firstLoad = null;
  return load;
}

/** The lazy zips worth having before a plugin asks: the common modules first, then the rest. */
export const prefetchOrder = (lazy: string[]): string[] => [
  ...lazy.filter((z) => z.endsWith('-core.zip')),
  ...lazy.filter((z) => z.endsWith('-rest.zip')),
];

/**
 * The modules (`*-core.zip`, then `*-rest.zip`), fetched in the background; each is handed over as
 * it arrives. The source zip is not: only a traceback through the standard library reads it, and
 * the Worker fetches it then.
 */
export function fetchLazyZips(onZip: (name: string, bytes: Uint8Array) => void): void {
  for (const name of prefetchOrder(STDLIB_ZIPS)) {
    void fetchOk(zipUrl(name))
      .then((r) => r.arrayBuffer())
      .then(
        (buffer) => onZip(name, new Uint8Array(buffer)),
        // The Worker still reads it on demand.
        () => undefined,
      );
  }
}
