// The log relay: a second Worker between the Python Worker and the page. The Python Worker posts
// every log line the moment it is written (a synchronous run gives it no other chance: no timer
// fires until the run returns, and a Stop terminates it mid-run). Posting each line straight to
// the page would cost the page one task per line (frames of over 100 ms in a flood); here they
// cost this thread instead, and reach the page in batches, newest kept past the cap. When the
// Python Worker is terminated its channel closes after its last message, so nothing it wrote is
// held back.
import { Newest } from './newest.ts';
import { LOG_LINES_PER_RUN, parse, RelayRequestSchema, type RelayMessage } from './protocol.ts';
import type { LogEntry } from '../host/types.ts';

declare const self: DedicatedWorkerGlobalScope;

/** How long lines wait here before they go to the page in one batch. */
const BATCH_MS = 30;
/**
 * After the page says it terminated a Worker, how long to wait for its channel's `close` event
 * before flushing anyway (a browser without MessagePort `close` events never sends one).
 */
const CLOSE_GRACE_MS = 300;

interface Channel {
  id: number;
  port: MessagePort;
  /** Lines not yet sent, per run id, in order of arrival. */
  logs: Map<number, Newest<LogEntry>>;
  timer: ReturnType<typeof setTimeout> | null;
  closed: boolean;
}

const channels = new Map<number, Channel>();
const send = (message: RelayMessage) => self.postMessage(message);

function flushAll(channel: Channel): void {
  if (channel.timer !== null) clearTimeout(channel.timer);
  channel.timer = null;
  for (const [id, buffer] of channel.logs) {
    const { kept, dropped } = buffer.take();
    send({ kind: 'reply', channel: channel.id, reply: { type: 'log', id, entries: kept, dropped } });
  }
  channel.logs.clear();
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function receive(channel: Channel, data: unknown): void {
  // Only what routing needs is looked at here; the page validates every reply it gets.
  if (isRecord(data) && data.type === 'log' && typeof data.id === 'number' && Array.isArray(data.entries)) {
    let buffer = channel.logs.get(data.id);
    if (buffer === undefined) channel.logs.set(data.id, (buffer = new Newest<LogEntry>(LOG_LINES_PER_RUN)));
    for (const entry of data.entries as LogEntry[]) buffer.push(entry);
    channel.timer ??= setTimeout(() => flushAll(channel), BATCH_MS);
    return;
  }
  // Anything else (a run's `done`) goes after the lines that came before it.
  flushAll(channel);
  send({ kind: 'reply', channel: channel.id, reply: data });
}

function close(channelId: number): void {
  const channel = channels.get(channelId);
  if (channel === undefined || channel.closed) return;
  channel.closed = true;
  flushAll(channel);
  channel.port.close();
  channels.delete(channelId);
  send({ kind: 'closed', channel: channelId });
}

self.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = parse(RelayRequestSchema, event.data);
  if (!parsed.ok) return;
  const request = parsed.value;
  switch (request.kind) {
    case 'attach': {
      const channel: Channel = { id: request.channel, port: request.port, logs: new Map(), timer: null, closed: false };
      channels.set(request.channel, channel);
      request.port.onmessage = (e: MessageEvent<unknown>) => receive(channel, e.data);
      // Chromium fires `close` once the other end is gone and every message it sent was delivered.
      request.port.addEventListener('close', () => close(request.channel));
      return;
    }
    case 'detach':
      setTimeout(() => close(request.channel), CLOSE_GRACE_MS);
      return;
  }
};
