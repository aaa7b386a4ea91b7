// Makes the real Workers for the client: the Python Worker (worker.ts) and, shared by all of them,
// the log relay (relay.ts) through which each Python Worker's replies reach the page. Each Python
// Worker gets a MessageChannel of its own: one end is its outbox, the relay holds the other.
import type { WorkerLike } from './client.ts';
import { parse, RelayMessageSchema, type RelayRequest, type WorkerRequest } from './protocol.ts';

/** Longest wait for the relay to confirm a terminated Worker's channel has closed. */
const CLOSE_TIMEOUT_MS = 1000;

interface Route {
  worker: WorkerLike;
  closed: () => void;
}

let relay: Worker | null = null;
let nextChannel = 1;
const routes = new Map<number, Route>();

function relayWorker(): Worker {
  if (relay !== null) return relay;
  const made = new Worker(new URL('./relay.ts', import.meta.url), { type: 'module', name: 'log-relay' });
  made.onmessage = (event: MessageEvent<unknown>) => {
    const parsed = parse(RelayMessageSchema, event.data);
    if (!parsed.ok) {
      console.warn(`dropped a malformed message from the log relay (${parsed.problem})`);
      return;
    }
    const route = routes.get(parsed.value.channel);
    if (route === undefined) return;
    if (parsed.value.kind === 'reply') route.worker.onmessage?.(parsed.value.reply);
    else route.closed();
  };
  const fail = (why: string) => {
    // Every Python Worker's replies went through it: each of them is as good as failed.
    relay = null;
    made.terminate();
    for (const route of [...routes.values()]) route.worker.onerror?.(`the log relay failed: ${why}`);
  };
  made.onerror = (event) => {
    event.preventDefault();
    fail(event.message || 'its script did not load');
  };
  made.onmessageerror = () => fail('it sent a message that could not be read');
  relay = made;
  return made;
}

export function spawnBrowserWorker(): WorkerLike {
  const channelId = nextChannel++;
  const channel = new MessageChannel();
  const python = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'python' });
  const relayTo = relayWorker();
  relayTo.postMessage({ kind: 'attach', channel: channelId, port: channel.port2 } satisfies RelayRequest, [channel.port2]);
  python.postMessage({ type: 'connect', port: channel.port1 }, [channel.port1]);

  let closedResolve: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (closedResolve = resolve));
  let terminated: Promise<void> | null = null;
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (request: WorkerRequest) => python.postMessage(request),
    terminate: () => {
      if (terminated !== null) return terminated;
      python.terminate();
      relay?.postMessage({ kind: 'detach', channel: channelId } satisfies RelayRequest);
      terminated = Promise.race([closed, new Promise<void>((r) => setTimeout(r, CLOSE_TIMEOUT_MS))]).then(() => {
        routes.delete(channelId);
      });
      return terminated;
    },
  };
  routes.set(channelId, { worker, closed: () => closedResolve() });
  python.onerror = (event) => {
    event.preventDefault();
    worker.onerror?.(event.message || 'its script did not load');
  };
  python.onmessageerror = () => worker.onerror?.('it sent a message that could not be read');
  return worker;
}
