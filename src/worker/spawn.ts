// Makes the real Worker for the client: the relay (relay.ts), which runs the Python Worker
// (worker.ts) nested inside it, ends it on request and hands its log lines up in batches; requests
// and outcomes go straight to and from the Python Worker over a MessageChannel.
import type { WorkerLike } from './client.ts';
import { parse, RelayMessageSchema, type RelayCommand, type WorkerRequest } from './protocol.ts';

/** Longest wait for the relay to confirm it ended the Python Worker (it never runs long tasks). */
const CLOSE_TIMEOUT_MS = 1000;

/** Starts the relay Worker's script (and with it the Python Worker's) loading. */
export const startRelay = (): Worker => new Worker(new URL('./relay.ts', import.meta.url), { type: 'module', name: 'python-relay' });

/** `relay`: one already started (the page starts its first before its other code runs). */
export function spawnBrowserWorker(relay: Worker = startRelay()): WorkerLike {
  let closedResolve: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (closedResolve = resolve));
  let terminated: Promise<void> | null = null;
  // One hop each way instead of two through the relay.
  const channel = new MessageChannel();
  relay.postMessage({ kind: 'port', port: channel.port2 } satisfies RelayCommand, [channel.port2]);
  const python = channel.port1;

  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (request: WorkerRequest) => python.postMessage(request),
    terminate: () => {
      terminated ??= (async () => {
        relay.postMessage({ kind: 'terminate' } satisfies RelayCommand);
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([closed, new Promise<void>((r) => (timer = setTimeout(r, CLOSE_TIMEOUT_MS)))]);
        clearTimeout(timer);
        relay.terminate();
        python.close();
      })();
      return terminated;
    },
  };

  python.onmessage = (event: MessageEvent<unknown>) => {
    // Replies come in arrays: a run's last lines and its outcome in one message (one task here).
    for (const reply of Array.isArray(event.data) ? (event.data as unknown[]) : [event.data]) worker.onmessage?.(reply);
  };
  python.onmessageerror = () => worker.onerror?.('it sent a message that could not be read');
  relay.onmessage = (event: MessageEvent<unknown>) => {
    const parsed = parse(RelayMessageSchema, event.data);
    if (!parsed.ok) {
      worker.onerror?.(`the relay Worker sent a malformed message (${parsed.problem})`);
      return;
    }
    const message = parsed.value;
    switch (message.kind) {
      case 'replies':
        for (const reply of message.replies) worker.onmessage?.(reply);
        return;
      case 'error':
        worker.onerror?.(message.message);
        return;
      case 'closed':
        closedResolve();
        return;
    }
  };
  relay.onerror = (event) => {
    event.preventDefault();
    worker.onerror?.(event.message || 'its script did not load');
  };
  relay.onmessageerror = () => worker.onerror?.('it sent a message that could not be read');
  return worker;
}
