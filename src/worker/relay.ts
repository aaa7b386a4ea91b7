// The Worker the page talks to. It runs the Python Worker (worker.ts) as its own nested Worker and
// passes requests down and replies up, log lines in batches.
//
// Why: a run is synchronous, so the Python Worker cannot hold a log line back for a later batch
// (no timer fires until the run returns, and a stuck run is terminated mid-way: a line still
// waiting would be lost). Each line must be in another thread's reach the moment it is written.
// In a cross-origin isolated page it is written into a ring of shared memory (ring.ts) that this
// relay reads: no message per line, and a short run's lines come up with its outcome. Elsewhere
// the Python Worker posts each line here as one message. Either way the page gets batches: one
// message per line would cost it one task per line (frames over 100 ms in a flood).
// A Worker's messages not yet delivered when its parent calls `terminate()` are not guaranteed to
// arrive: the page asks this relay to end the Python Worker instead, and the relay does so only
// after it has handled every line sent before the request (messages from both sides queue in one
// FIFO here) and read the ring.
import type { LogEntry } from '../host/types.ts';
import { Newest } from './newest.ts';
import { decodeLine, LOG_LINES_PER_RUN, parse, parseReply, RelayCommandSchema, type RelayMessage, type RingOffer } from './protocol.ts';
import { LineRing } from './ring.ts';

declare const self: DedicatedWorkerGlobalScope;

/**
 * Batches go to the page at most this often: a flood arrives four times a second (each batch at
 * most the newest 5000 lines of a run: older ones would be dropped by the page anyway, so they are
 * dropped here and only counted).
 */
const BATCH_EVERY_MS = 250;
/**
 * A line after a quiet spell waits this long: a run that ends sooner (almost every run) sends its
 * lines with its outcome, one message and one render on the page instead of two or three. A person
 * does not see the wait; a stuck run loses nothing by it (the page's `terminate` flushes first).
 * The ring is looked at this often while a run is in progress.
 */
const FIRST_BATCH_MS = 50;
/**
 * The ring's size: some 20 000 lines of a typical length between two looks. A run that fills it
 * (a flood, one huge line) posts the rest of its lines one by one, as without a ring.
 */
const RING_BYTES = 1 << 20;
let lastFlush = -Infinity;

const send = (message: RelayMessage) => self.postMessage(message);

/** Lines not yet sent, per run id, in order of arrival. */
const logs = new Map<number, Newest<LogEntry>>();
let timer: ReturnType<typeof setTimeout> | null = null;

const python = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'python' });
/** Cross-origin isolation is what makes SharedArrayBuffer available. */
const ring = self.crossOriginIsolated ? LineRing.create(RING_BYTES) : null;
if (ring !== null) python.postMessage({ type: 'ring', buffer: ring.buffer } satisfies RingOffer);

/** Sends the lines held here (the ring's too), followed by `then` when given, as one message. */
function flush(...then: unknown[]): void {
  readRing();
  if (timer !== null) clearTimeout(timer);
  timer = null;
  lastFlush = performance.now();
  const replies: unknown[] = [];
  for (const [id, buffer] of logs) {
    const { kept, dropped } = buffer.take();
    replies.push({ type: 'log', id, entries: kept, dropped });
  }
  logs.clear();
  replies.push(...then);
  if (replies.length > 0) send({ kind: 'replies', replies });
}

function bufferOf(id: number): Newest<LogEntry> {
  let buffer = logs.get(id);
  if (buffer === undefined) logs.set(id, (buffer = new Newest<LogEntry>(LOG_LINES_PER_RUN)));
  timer ??= setTimeout(() => flush(), Math.max(FIRST_BATCH_MS, lastFlush + BATCH_EVERY_MS - performance.now()));
  return buffer;
}

/** Holds an encoded line for the next batch; false when `data` is not one. */
function hold(data: unknown): boolean {
  const line = decodeLine(data);
  if (line === null) return false;
  bufferOf(line.id).push(line.entry);
  return true;
}

/** Every line written to the ring so far: they came before anything the Python Worker posts next. */
function readRing(): void {
  if (ring !== null) for (const line of ring.read()) hold(line);
}

/** Whether a run is in progress (its lines then land in the ring with no message to say so). */
let running = false;
let look: ReturnType<typeof setTimeout> | null = null;
function watchRing(): void {
  look = null;
  if (!running) return;
  readRing();
  look = setTimeout(watchRing, FIRST_BATCH_MS);
}

python.onmessage = (event: MessageEvent<unknown>) => {
  const data = event.data;
  readRing();
  if (hold(data)) return;
  // A `log` reply (the lines an instance wrote before its first run) is held like lines are.
  // (Checked by its type first: a `done` with a trace is large, and the page validates it anyway.)
  const reply = (data as { type?: unknown } | null)?.type === 'log' ? parseReply(data) : null;
  if (reply?.ok && reply.value.type === 'log') {
    const { id, entries, dropped } = reply.value;
    const buffer = bufferOf(id);
    buffer.countDropped(dropped);
    for (const entry of entries) buffer.push(entry);
    return;
  }
  // Anything else (a run's `done` or `failed`, `ready`) goes after the lines that came before it.
  running = false;
  flush(data);
};
python.onerror = (event) => {
  event.preventDefault();
  flush();
  send({ kind: 'error', message: event.message || 'the Python Worker did not load' });
};
python.onmessageerror = () => send({ kind: 'error', message: 'the Python Worker sent a message that could not be read' });

self.onmessage = (event: MessageEvent<unknown>) => {
  if (parse(RelayCommandSchema, event.data).ok) {
    // Every line sent before this command has been handled (see above); the ring is read after the
    // Python Worker is ended, so it holds every line that Worker wrote.
    python.terminate();
    flush();
    send({ kind: 'closed' });
    return;
  }
  // A request for the Python Worker: it validates requests itself.
  python.postMessage(event.data);
  if (ring !== null && (event.data as { type?: unknown } | null)?.type === 'run') {
    running = true;
    look ??= setTimeout(watchRing, FIRST_BATCH_MS);
  }
};
