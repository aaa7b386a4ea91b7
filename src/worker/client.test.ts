// The Worker client driven by a fake Worker: the fake plays the Worker's side of the protocol by
// hand, so each test can make it answer late, twice, wrongly, or never.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogEntry } from '../host/types.ts';
import { WorkerClient, type GuestPayload, type RunEnd, type WorkerLike } from './client.ts';
import { encodeLine, type WorkerRequest } from './protocol.ts';

class FakeWorker implements WorkerLike {
  onmessage: ((data: unknown) => void) | null = null;
  onerror: ((message: string) => void) | null = null;
  received: WorkerRequest[] = [];
  terminated = false;
  /** Replies still "in flight" when terminated: delivered before terminate() resolves. */
  inFlight: unknown[] = [];

  postMessage(request: WorkerRequest): void {
    this.received.push(request);
  }
  async terminate(): Promise<void> {
    this.terminated = true;
    await Promise.resolve();
    for (const m of this.inFlight.splice(0)) this.onmessage?.(m);
  }
  reply(data: unknown): void {
    this.onmessage?.(data);
  }
  last(type: WorkerRequest['type']): WorkerRequest & { id: number } {
    const found = this.received.filter((r) => r.type === type).at(-1);
    if (found === undefined) throw new Error(`no ${type} request`);
    return found;
  }
  /** Answers the latest init with ready. */
  ready(): void {
    this.reply({ type: 'ready', id: this.last('init').id });
  }
}

const guest: GuestPayload = { module: {} as WebAssembly.Module, stdlib: { bytes: {}, lazy: {} } };
const entry = (text: string): LogEntry => ({ level: 'python', file: 'plugin.py', ident: 1, text, stream: 'stdout', time: 0 });
const request = { files: { 'plugin.py': '' }, payload: 'p', ident: 1 };
/** A `log` reply's lines: the entries of run `id`, encoded as the Worker sends them. */
const encoded = (id: number, ...entries: LogEntry[]) => entries.map((e) => encodeLine(id, e));

let workers: FakeWorker[];
let client: WorkerClient;
const worker = () => workers.at(-1)!;
const flush = () => vi.advanceTimersByTimeAsync(0);

function makeClient(spawn?: () => WorkerLike, loadGuest: () => Promise<GuestPayload> = () => Promise.resolve(guest)) {
  client = new WorkerClient({
    spawn:
      spawn ??
      (() => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      }),
    loadGuest,
    respawn: { baseMs: 100, maxMs: 1000, maxAttempts: 3 },
  });
  return client;
}

beforeEach(() => {
  vi.useFakeTimers();
  workers = [];
});
afterEach(() => {
  vi.useRealTimers();
});

async function readyClient(): Promise<void> {
  makeClient().start();
  await flush();
  worker().ready();
  await client.ready;
}

describe('WorkerClient', () => {
  it('loads once, inits the Worker with the guest, and resolves a run with its log', async () => {
    makeClient();
    const ready = client.ready;
    await flush();
    expect(workers).toHaveLength(1);
    expect(worker().last('init')).toMatchObject({ type: 'init', module: guest.module });
    worker().ready();
    await ready;
    expect(client.status).toEqual({ phase: 'ready' });

    const lines: string[] = [];
    const done = client.run(request, { onLog: (entries) => lines.push(...entries.map((e) => e.text)) });
    const { id } = worker().last('run');
    worker().reply({ type: 'log', id, lines: encoded(id, entry('a'), entry('b')), dropped: 0 });
    worker().reply({ type: 'done', id, outcome: { kind: 'result', value: 'ok' }, timings: { run: 1 } });
    expect(await done).toEqual({ outcome: { kind: 'result', value: 'ok' }, timings: { run: 1 } });
    expect(lines).toEqual(['a', 'b']);
  });

  it("sends a run's files only when they changed, and all of them to a new Worker", async () => {
    await readyClient();
    const files = { 'plugin.py': 'x', 'data.bin': new Uint8Array([1, 2]) };
    const runOnce = async (w: FakeWorker, f: typeof files) => {
      const done = client.run({ ...request, files: f });
      const sent = w.last('run') as Extract<WorkerRequest, { type: 'run' }>;
      w.reply({ type: 'done', id: sent.id, outcome: { kind: 'result', value: 'ok' }, timings: {} });
      expect((await done).outcome).toEqual({ kind: 'result', value: 'ok' });
      return sent;
    };
    const first = worker();
    expect((await runOnce(first, files)).files).toBe(files);
    expect(await runOnce(first, files)).not.toHaveProperty('files');
    // Another object is other files to the client, even with the same content.
    const copy = { ...files };
    expect((await runOnce(first, copy)).files).toBe(copy);
    // A Worker that replaces the stopped one has run nothing yet: it gets the files.
    void client.run({ ...request, files: copy });
    client.stop();
    await flush();
    expect(workers).toHaveLength(2);
    worker().ready();
    await client.ready;
    expect((await runOnce(worker(), copy)).files).toBe(copy);
  });

  it('an outcome that names more lines than have come waits for them (the relay passes lines on apart)', async () => {
    await readyClient();
    const lines: string[] = [];
    let ended: RunEnd | null = null;
    void client.run(request, { onLog: (entries) => lines.push(...entries.map((e) => e.text)) }).then((end) => (ended = end));
    const { id } = worker().last('run');
    worker().reply({ type: 'log', id, lines: encoded(id, entry('a')), dropped: 0 });
    worker().reply({ type: 'done', id, outcome: { kind: 'result', value: 'ok' }, timings: {}, lines: 4 });
    await flush();
    expect(ended).toBeNull();
    // Kept and dropped lines both count.
    worker().reply({ type: 'log', id, lines: encoded(id, entry('b')), dropped: 2 });
    await flush();
    expect(ended).toEqual({ outcome: { kind: 'result', value: 'ok' }, timings: {} });
    expect(lines).toEqual(['a', 'b']);
  });

  it('Stop ends a run whose outcome waits for lines', async () => {
    await readyClient();
    const done = client.run(request);
    const { id } = worker().last('run');
    worker().reply({ type: 'done', id, outcome: { kind: 'result', value: 'ok' }, timings: {}, lines: 1 });
    client.stop();
    expect((await done).outcome).toEqual({ kind: 'stopped' });
  });

  it('a run asked for while loading goes right behind init; its time limit counts from ready', async () => {
    let loaded: (g: GuestPayload) => void = () => undefined;
    makeClient(undefined, () => new Promise((resolve) => (loaded = resolve)));
    let ended: RunEnd | null = null;
    void client.run(request, { timeLimitSec: 1 }).then((end) => (ended = end));
    await flush();
    // No guest yet: nothing to init the Worker with, so nothing is sent.
    expect(worker().received).toEqual([]);
    loaded(guest);
    await flush();
    expect(worker().received.map((r) => r.type)).toEqual(['init', 'run']);
    // A slow start is not the run's time.
    await vi.advanceTimersByTimeAsync(5000);
    expect(ended).toBeNull();
    worker().ready();
    await vi.advanceTimersByTimeAsync(999);
    expect(ended).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(ended).toEqual({ outcome: { kind: 'timeout', limitSec: 1 }, timings: {} });
  });

  it('a Worker that fails to start takes the run posted behind its init with it to the next Worker', async () => {
    makeClient();
    const done = client.run(request);
    await flush();
    const first = worker();
    expect(first.received.map((r) => r.type)).toEqual(['init', 'run']);
    first.reply({ type: 'failed', id: first.last('init').id, error: { type: 'Error', message: 'no memory' } });
    await vi.advanceTimersByTimeAsync(100);
    expect(workers).toHaveLength(2);
    expect(first.terminated).toBe(true);
    expect(worker().received.map((r) => r.type)).toEqual(['init', 'run']);
    worker().ready();
    worker().reply({ type: 'done', id: worker().last('run').id, outcome: { kind: 'none' }, timings: {} });
    expect((await done).outcome).toEqual({ kind: 'none' });
  });

  it('drops stale replies: other ids, and replies from a replaced Worker', async () => {
    await readyClient();
    const first = client.run(request);
    const old = worker();
    const firstId = old.last('run').id;
    client.stop();
    expect((await first).outcome).toEqual({ kind: 'stopped' });
    // The old Worker's late `done` and an unknown id change nothing.
    old.reply({ type: 'done', id: firstId, outcome: { kind: 'result', value: 'late' }, timings: {} });
    worker().reply({ type: 'done', id: 999, outcome: { kind: 'result', value: 'nobody' }, timings: {} });
    worker().ready();
    const second = client.run(request);
    const { id } = worker().last('run');
    worker().reply({ type: 'done', id: firstId, outcome: { kind: 'result', value: 'stale id' }, timings: {} });
    worker().reply({ type: 'done', id, outcome: { kind: 'result', value: 'mine' }, timings: {} });
    expect((await second).outcome).toEqual({ kind: 'result', value: 'mine' });
  });

  it('Stop keeps the lines the stuck Worker sent before it was terminated, and replaces it', async () => {
    await readyClient();
    const lines: string[] = [];
    const done = client.run(request, { onLog: (e) => lines.push(...e.map((x) => x.text)) });
    const old = worker();
    const { id } = old.last('run');
    old.reply({ type: 'log', id, lines: encoded(id, entry('step 1')), dropped: 0 });
    old.inFlight.push({ type: 'log', id, lines: encoded(id, entry('step 2')), dropped: 0 });
    client.stop();
    expect(old.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect((await done).outcome).toEqual({ kind: 'stopped' });
    expect(lines).toEqual(['step 1', 'step 2']);
  });

  it('the time limit ends a run as a time-out, with its lines', async () => {
    await readyClient();
    const lines: string[] = [];
    const done = client.run(request, { timeLimitSec: 2, onLog: (e) => lines.push(...e.map((x) => x.text)) });
    const { id } = worker().last('run');
    worker().inFlight.push({ type: 'log', id, lines: encoded(id, entry('before the loop')), dropped: 3 });
    await vi.advanceTimersByTimeAsync(1999);
    expect(worker().terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await done).outcome).toEqual({ kind: 'timeout', limitSec: 2 });
    expect(lines).toEqual(['before the loop']);
  });

  it('a malformed done ends the run at once as a failure that says what was wrong', async () => {
    await readyClient();
    const done = client.run(request, { timeLimitSec: 100 });
    const { id } = worker().last('run');
    worker().reply({ type: 'done', id, outcome: { kind: 'result' }, timings: {} });
    const end: RunEnd = await done;
    expect(end.outcome.kind).toBe('failed');
    expect(end.outcome).toMatchObject({ message: expect.stringMatching(/malformed.*outcome/) as unknown });
    // Ended at once, not at the time limit; the suspect Worker was replaced.
    expect(vi.getTimerCount()).toBe(0);
    expect(workers).toHaveLength(2);
  });

  it('a log line that is not one of the run ends it as a failure, and shows none of that reply', async () => {
    for (const bad of [['not a line'], encoded(999, entry('another run'))]) {
      await readyClient();
      const shown: string[] = [];
      const done = client.run(request, { onLog: (entries) => shown.push(...entries.map((e) => e.text)) });
      const { id } = worker().last('run');
      worker().reply({ type: 'log', id, lines: [...encoded(id, entry('fine')), ...bad], dropped: 0 });
      const end: RunEnd = await done;
      expect(end.outcome).toMatchObject({ kind: 'failed', message: expect.stringMatching(/malformed.*log line/) as unknown });
      expect(shown).toEqual([]);
    }
  });

  it('a fault while running fails the run and respawns the Worker; a fault while idle respawns it', async () => {
    await readyClient();
    const done = client.run(request);
    worker().onerror?.('boom');
    expect((await done).outcome).toEqual({ kind: 'failed', message: 'the Worker failed: boom' });
    expect(client.status.phase).toBe('starting');
    await vi.advanceTimersByTimeAsync(100);
    expect(workers).toHaveLength(2);
    worker().ready();
    expect(client.status).toEqual({ phase: 'ready' });
    // Idle: replaced without anyone pressing Run.
    worker().onerror?.('died between runs');
    await vi.advanceTimersByTimeAsync(100);
    expect(workers).toHaveLength(3);
    worker().ready();
    const next = client.run(request);
    worker().reply({ type: 'done', id: worker().last('run').id, outcome: { kind: 'none' }, timings: {} });
    expect((await next).outcome).toEqual({ kind: 'none' });
  });

  it('a Worker that cannot load is respawned with growing delays, then the client gives up until retry()', async () => {
    makeClient();
    const ready = client.ready;
    ready.catch(() => undefined);
    await flush();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      worker().onerror?.('script failed to load');
      const before = workers.length;
      let waited = 0;
      while (workers.length === before) {
        await vi.advanceTimersByTimeAsync(50);
        waited += 50;
      }
      delays.push(waited);
    }
    expect(delays).toEqual([100, 200, 400]);
    worker().onerror?.('script failed to load');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(workers).toHaveLength(4);
    expect(client.status).toMatchObject({
      phase: 'failed',
      message: expect.stringMatching(/failed 4 times in a row.*script failed to load/) as unknown,
    });
    await expect(ready).rejects.toThrow(/4 times/);
    expect((await client.run(request)).outcome.kind).toBe('failed');

    client.retry();
    expect(workers).toHaveLength(5);
    worker().ready();
    expect(client.status).toEqual({ phase: 'ready' });
  });

  it('stop while the guest loads cancels the waiting run; stop once it is posted replaces the starting Worker', async () => {
    let loaded: (g: GuestPayload) => void = () => undefined;
    makeClient(undefined, () => new Promise((resolve) => (loaded = resolve)));
    const waiting = client.run(request);
    await flush();
    client.stop();
    expect((await waiting).outcome).toEqual({ kind: 'stopped' });
    loaded(guest);
    await flush();
    expect(worker().received.map((r) => r.type)).toEqual(['init']);

    const posted = client.run(request);
    const first = worker();
    expect(first.received.map((r) => r.type)).toEqual(['init', 'run']);
    client.stop();
    expect((await posted).outcome).toEqual({ kind: 'stopped' });
    expect(first.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(worker().received.map((r) => r.type)).toEqual(['init']);
  });

  it('a guest that fails to load fails waiting runs with the reason; retry loads it again', async () => {
    let attempts = 0;
    makeClient(undefined, () => (++attempts === 1 ? Promise.reject(new Error('HTTP 404')) : Promise.resolve(guest)));
    const done = client.run(request);
    expect((await done).outcome).toEqual({ kind: 'failed', message: 'Python did not load: HTTP 404' });
    client.retry();
    await flush();
    worker().ready();
    expect(client.status).toEqual({ phase: 'ready' });
    expect(attempts).toBe(2);
  });

  it('refuses a second run while one is in progress, and sends stdlib zips to this and later Workers', async () => {
    await readyClient();
    const first = client.run(request);
    expect((await client.run(request)).outcome).toEqual({ kind: 'failed', message: 'another run is in progress' });
    client.addStdlib('rest.zip', new Uint8Array([1]));
    expect(worker().last('stdlib')).toMatchObject({ name: 'rest.zip' });
    client.stop();
    await first;
    expect(worker().last('init')).toMatchObject({ stdlib: { bytes: { 'rest.zip': new Uint8Array([1]) } } });
  });
});
