// The code-cache warm-up: when it runs, what it asks of its Worker, and that its plugin really
// runs on the committed wrapper (a plugin that failed would warm nothing, silently).
import { describe, expect, it } from 'vitest';
import { compileGuest } from '../../cli/guest.ts';
import { createHost } from '../host/index.ts';
import type { GuestPayload, WorkerLike } from '../worker/client.ts';
import type { WorkerRequest } from '../worker/protocol.ts';
import { shouldWarm, warmCodeCache, warmUp, WARMUP_PLUGIN } from './warmup.ts';

const guest: GuestPayload = { module: {} as WebAssembly.Module, stdlib: { bytes: {}, lazy: {} } };

/** Plays the Python Worker: ready after init, then `outcome` for the run. */
function fakeWorker(outcome: unknown = { kind: 'result', value: '1' }) {
  const sent: WorkerRequest[] = [];
  let terminated = false;
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (request) => {
      sent.push(request);
      queueMicrotask(() => {
        if (request.type === 'init') worker.onmessage?.({ type: 'ready', id: request.id });
        if (request.type === 'run') worker.onmessage?.({ type: 'done', id: request.id, outcome, timings: {} });
      });
    },
    terminate: async () => {
      terminated = true;
    },
  };
  return { worker, sent, terminated: () => terminated };
}

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

describe('shouldWarm', () => {
  it('warms only a page the Service Worker served, once per module version', () => {
    expect(shouldWarm(true, null, 'v1')).toBe(true);
    expect(shouldWarm(true, 'v0', 'v1')).toBe(true);
    expect(shouldWarm(true, 'v1', 'v1')).toBe(false);
    expect(shouldWarm(false, null, 'v1')).toBe(false);
    // A build without a version (tests, dev) never warms.
    expect(shouldWarm(true, null, '')).toBe(false);
  });
});

describe('warmUp', () => {
  it('inits its own Worker with the guest, starts the warm-up plugin on fresh instances, then ends the Worker', async () => {
    const fake = fakeWorker();
    expect(await warmUp(guest, () => fake.worker, 3, 7)).toBe(true);
    expect(fake.sent.map((r) => r.type)).toEqual(['init', 'run', 'run', 'run']);
    const runs = fake.sent.filter((r) => r.type === 'run');
    // Each run has other files than the one before: the Worker starts a fresh instance for it.
    expect(new Set(runs.map((r) => r.files['plugin.py'])).size).toBe(3);
    for (const r of runs) expect(r.files['plugin.py']).toContain(WARMUP_PLUGIN);
    // Only the last one runs the long loop.
    expect(runs.map((r) => r.payload)).toEqual(['1', '1', '7']);
    expect(fake.terminated()).toBe(true);
  });

  it('reports a run that did not return a result, and still ends the Worker', async () => {
    const fake = fakeWorker({ kind: 'error', code: 1, message: 'boom' });
    expect(await warmUp(guest, () => fake.worker)).toBe(false);
    expect(fake.terminated()).toBe(true);
  });
});

describe('warmCodeCache', () => {
  const deps = (storage: ReturnType<typeof memoryStorage>, controlled = true) => ({
    spawn: () => fakeWorker().worker,
    storage,
    controlled,
    version: 'v1',
    wait: async () => undefined,
  });

  it('remembers the version once warmed, and does not warm it again', async () => {
    const storage = memoryStorage();
    expect(await warmCodeCache(guest, deps(storage))).toBe(true);
    expect([...storage.items.values()]).toEqual(['v1']);
    expect(await warmCodeCache(guest, deps(storage))).toBe(false);
  });

  it('does nothing on a page the Service Worker did not serve', async () => {
    const storage = memoryStorage();
    expect(await warmCodeCache(guest, deps(storage, false))).toBe(false);
    expect(storage.items.size).toBe(0);
  });
});

describe('the warm-up plugin', () => {
  it('runs to a result on the committed wrapper, importing nothing from the lazy stdlib', async () => {
    const { module, stdlib } = await compileGuest();
    // Only the start-up zip: a read of another zip would fail the run.
    const core = Object.fromEntries(Object.entries(stdlib).filter(([name]) => name.endsWith('-core.zip')));
    const host = await createHost({ module, stdlib: core, files: { 'plugin.py': WARMUP_PLUGIN } });
    const report = host.run('3', 1);
    expect(report.outcome).toEqual({ kind: 'result', value: expect.stringMatching(/^\d+$/) });
  });
});
