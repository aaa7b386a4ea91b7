// V8 keeps the compiled code of a WebAssembly module beside its Cache Storage entry (or its HTTP
// cache entry), so a returning visit skips compiling the 8.5 MB module (about 150 ms here, 30–50 ms
// with the cache). But V8 writes that cache only once about 1 MB of the module's code has been
// optimised (tiered up to TurboFan), and the article's run alone never gets there: without help the
// cache is never written. So, once per module version, on the first visit that the Service Worker
// serves, a throwaway Python Worker runs a short CPU-bound plugin (about a second, after the first
// result, off the main thread): the module is shared with the page's own, so its optimised code
// lands in the cache V8 writes about two seconds later.
import type { GuestPayload, WorkerLike } from '../worker/client.ts';
import { parseReply } from '../worker/protocol.ts';

/** Plain Python that keeps the interpreter busy in its common paths (no imports: nothing to fetch). */
export const WARMUP_PLUGIN = `import sdk

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


def words(n):
    for i in range(n):
        yield "w%d" % (i % 97)


def run_e(payload, ident):
    total = 0
    for round_ in range(int(payload)):
        table = {}
        for w in words(300):
            table[w] = table.get(w, 0) + 1
        text = " ".join(sorted(table, key=lambda k: (-table[k], k)))
        total += len(text.upper().split()) + text.count("w1")
        points = [Point(i, i * 2.5) for i in range(50)]
        total += len(repr(points)) + sum(int(p.y) for p in points)
        try:
            {}["missing"]
        except KeyError as e:
            total += len(str(e))
        total += len(set(text)) + len(bytes(text, "utf-8").hex()) % 7
    sdk.return_result(str(total), ident)
`;

/** Rounds of the plugin's loop: about a second on these machines, enough for V8 to cache. */
export const WARMUP_ROUNDS = 400;

/** How long V8 waits after the threshold before it writes the cache, with a margin. */
export const CACHE_WRITE_MS = 3000;

const STORAGE_KEY = 'pywasm-playground:wasm-cache-warmed';

/**
 * Whether this visit should warm V8's cache: only when the Service Worker served the module (the
 * cache is kept beside the entry the response came from: warming the HTTP cache's entry would not
 * help the next, Service-Worker-served visit), and only once per module version.
 */
export function shouldWarm(controlled: boolean, warmedVersion: string | null, version: string): boolean {
  return controlled && version !== '' && warmedVersion !== version;
}

/**
 * Fresh instances the warm-up starts, each importing the plugin and running it once: a visit's own
 * start path (instantiate, `_start` compiling and importing the plugin, the first `run_e`) is what
 * must be hot for its optimised code to be cached, and a path taken once never gets hot.
 */
export const WARMUP_STARTS = 24;

/** Longest the warm-up may take before its Worker is ended (it runs our own plugin, not the person's). */
const WARMUP_LIMIT_MS = 20_000;

/**
 * Runs the warm-up on a Worker of its own: `starts` fresh instances each start and run the plugin,
 * the last one for `rounds` rounds of its loop. Resolves with whether every run returned a result;
 * the Worker has ended by then.
 */
export async function warmUp(
  guest: GuestPayload,
  spawn: () => WorkerLike,
  starts = WARMUP_STARTS,
  rounds = WARMUP_ROUNDS,
): Promise<boolean> {
  const worker = spawn();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), WARMUP_LIMIT_MS);
      // The init is request 1, the runs 2 to starts + 1.
      let id = 1;
      const next = () => {
        id++;
        const last = id === starts + 1;
        // A comment that changes each time: the Worker then starts a fresh instance for each run.
        const files = { 'plugin.py': `${WARMUP_PLUGIN}# start ${id - 1}\n` };
        worker.postMessage({ type: 'run', id, files, payload: last ? String(rounds) : '1', ident: id });
      };
      worker.onmessage = (data) => {
        const reply = parseReply(data);
        if (!reply.ok || reply.value.id !== id) return;
        const r = reply.value;
        if (r.type === 'ready') next();
        else if (r.type === 'failed') resolve(false);
        else if (r.type === 'done') {
          if (r.outcome.kind !== 'result') resolve(false);
          else if (id === starts + 1) resolve(true);
          else next();
        }
      };
      worker.onerror = () => resolve(false);
      worker.postMessage({ type: 'init', id, module: guest.module, stdlib: guest.stdlib });
    });
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}

export interface WarmDeps {
  spawn: () => WorkerLike;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  controlled: boolean;
  version: string;
  wait: (ms: number) => Promise<void>;
}

/** Warms the cache when `shouldWarm`; remembers the version once V8 has had time to write it. */
export async function warmCodeCache(guest: GuestPayload, deps: WarmDeps): Promise<boolean> {
  let warmed: string | null = null;
  try {
    warmed = deps.storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    // Storage refused: warm anyway, it costs a second.
  }
  if (!shouldWarm(deps.controlled, warmed, deps.version)) return false;
  if (!(await warmUp(guest, deps.spawn))) return false;
  // If the page closes before this, the next visit warms again.
  await deps.wait(CACHE_WRITE_MS);
  try {
    deps.storage?.setItem(STORAGE_KEY, deps.version);
  } catch {
    // As above.
  }
  return true;
}
