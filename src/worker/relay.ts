// The Worker the page talks to besides the Python Worker (worker.ts), which it runs as its own
// nested Worker: it ends the Python Worker on the page's request, and passes its log lines up in
// batches. Requests and outcomes go straight between the page and the Python Worker, over a
// MessageChannel the page hands down through here.
//
// Why: a run is synchronous, so the Python Worker cannot hold a log line back for a later batch
// (no timer fires until the run returns, and a stuck run is terminated mid-way: a line still
// waiting would be lost). Each line must be in another thread's reach the moment it is written.
// In a cross-origin isolated page it is written into a ring of shared memory (ring.ts): this relay
// takes lines from it 50 ms after they start coming, and a run that ends takes the rest back and
// sends them with its outcome (no message per line at all for a short run). Elsewhere the Python
// Worker posts each line here as one message. Either way the page gets batches: one message per
// line would cost it one task per line (frames over 100 ms in a flood).
// A Worker's messages not yet delivered when its parent calls `terminate()` are not guaranteed to
// arrive: the page asks this relay to end the Python Worker instead, and the relay does so only
// after it has handled every line posted before the request (messages from both sides queue in one
// FIFO here), then takes what is left in the ring.
import { Newest } from './newest.ts';
import { FLUSH, lineRun, LOG_LINES_PER_RUN, parse, RelayCommandSchema, type PythonSetup, type RelayMessage } from './protocol.ts';
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
 * lines with its outcome, one render on the page instead of two or three. A person does not see
 * the wait; a stuck run loses nothing by it (the page's `terminate` flushes first).
 */
const FIRST_BATCH_MS = 50;
/**
 * The ring's size: some 20 000 lines of a typical length between two looks. A run that fills it
 * (a flood, one huge line) posts the rest of its lines one by one, as without a ring.
 */
const RING_BYTES = 1 << 20;
let lastFlush = -Infinity;

const send = (message: RelayMessage) => self.postMessage(message);

/** Lines not yet sent (encoded, as they came), per run id, in order of arrival. */
const logs = new Map<number, Newest<string>>();
let timer: ReturnType<typeof setTimeout> | null = null;

const python = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'python' });
/** Cross-origin isolation is what makes SharedArrayBuffer available. */
const ring = self.crossOriginIsolated ? LineRing.create(RING_BYTES) : null;
if (ring !== null) {
  python.postMessage({ type: 'ring', buffer: ring.buffer } satisfies PythonSetup);
  void watch(ring);
}

/** Takes lines from the ring a little after they start coming (the run may take them back first). */
async function watch(ring: LineRing): Promise<void> {
  for (;;) {
    await ring.written();
    await new Promise((resolve) => setTimeout(resolve, FIRST_BATCH_MS));
    takeRing();
  }
}

/** Sends the lines held here (the ring's too) as one message. */
function flush(): void {
  takeRing();
  if (timer !== null) clearTimeout(timer);
  timer = null;
  lastFlush = performance.now();
  const replies: unknown[] = [];
  for (const [id, buffer] of logs) {
    const { kept, dropped } = buffer.take();
    replies.push({ type: 'log', id, lines: kept, dropped });
  }
  logs.clear();
  if (replies.length > 0) send({ kind: 'replies', replies });
}

/**
 * Holds an encoded line for the next batch; false when `data` is not one. Only its run id is read
 * here: the page decodes and checks the line.
 */
function hold(data: unknown): boolean {
  if (typeof data !== 'string') return false;
  const id = lineRun(data);
  if (!Number.isSafeInteger(id)) return false;
  let buffer = logs.get(id);
  if (buffer === undefined) logs.set(id, (buffer = new Newest<string>(LOG_LINES_PER_RUN)));
  buffer.push(data);
  timer ??= setTimeout(flush, Math.max(FIRST_BATCH_MS, lastFlush + BATCH_EVERY_MS - performance.now()));
  return true;
}

/** Every line in the ring: they were written before anything the Python Worker posts next. */
function takeRing(): void {
  if (ring !== null) for (const line of ring.take()) hold(line);
}

python.onmessage = (event: MessageEvent<unknown>) => {
  takeRing();
  if (hold(event.data)) return;
  if (event.data === FLUSH) flush();
};
python.onerror = (event) => {
  event.preventDefault();
  flush();
  send({ kind: 'error', message: event.message || 'the Python Worker did not load' });
};
python.onmessageerror = () => send({ kind: 'error', message: 'the Python Worker sent a message that could not be read' });

self.onmessage = (event: MessageEvent<unknown>) => {
  const command = parse(RelayCommandSchema, event.data);
  if (!command.ok) {
    console.warn(`the relay dropped a malformed command (${command.problem})`);
    return;
  }
  if (command.value.kind === 'port') {
    const { port } = command.value;
    python.postMessage({ type: 'port', port } satisfies PythonSetup, [port]);
    return;
  }
  // Every line posted before this command has been handled (see above); the ring is taken after
  // the Python Worker is ended, so it holds every line that Worker wrote.
  python.terminate();
  flush();
  send({ kind: 'closed' });
};
