// The Worker the page talks to. It runs the Python Worker (worker.ts) as its own nested Worker and
// passes requests down and replies up, log lines in batches.
//
// Why: a run is synchronous, so the Python Worker must post every log line the moment it is
// written (no timer fires until the run returns, and a stuck run is terminated mid-way: a line
// still waiting for a batch would be lost). One message per line would cost the page one task per
// line (frames over 100 ms in a flood); here they cost this thread instead. And a Worker's messages
// not yet delivered when its parent calls `terminate()` are not guaranteed to arrive: the page asks
// this relay to end the Python Worker instead, and the relay does so only after it has handled
// every line that was sent before the request (messages from both sides queue in one FIFO here).
import type { LogEntry } from '../host/types.ts';
import { Newest } from './newest.ts';
import { decodeLine, LOG_LINES_PER_RUN, parse, parseReply, RelayCommandSchema, type RelayMessage } from './protocol.ts';

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
 */
const FIRST_BATCH_MS = 50;
let lastFlush = -Infinity;

const send = (message: RelayMessage) => self.postMessage(message);

/** Lines not yet sent, per run id, in order of arrival. */
const logs = new Map<number, Newest<LogEntry>>();
let timer: ReturnType<typeof setTimeout> | null = null;

/** Sends the lines held here, followed by `then` when given, as one message. */
function flush(...then: unknown[]): void {
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

const python = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'python' });

function bufferOf(id: number): Newest<LogEntry> {
  let buffer = logs.get(id);
  if (buffer === undefined) logs.set(id, (buffer = new Newest<LogEntry>(LOG_LINES_PER_RUN)));
  timer ??= setTimeout(() => flush(), Math.max(FIRST_BATCH_MS, lastFlush + BATCH_EVERY_MS - performance.now()));
  return buffer;
}

python.onmessage = (event: MessageEvent<unknown>) => {
  const data = event.data;
  const line = decodeLine(data);
  if (line !== null) {
    bufferOf(line.id).push(line.entry);
    return;
  }
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
  // Anything else (a run's `done`, `ready`, `failed`) goes after the lines that came before it.
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
    // Every line sent before this command has been handled (see above): nothing is held back.
    flush();
    python.terminate();
    send({ kind: 'closed' });
    return;
  }
  // A request for the Python Worker: it validates requests itself.
  python.postMessage(event.data);
};
