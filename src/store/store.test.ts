import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Playground } from '../share/codec.ts';

/** A localStorage stand-in whose writes can be made to fail like a full disk. */
class MemoryStorage {
  data = new Map<string, string>();
  full = false;
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError');
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

const storage = new MemoryStorage();
let store: typeof import('./index.ts');
let persistence: typeof import('./persistence.ts');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stored JSON, read back in assertions
const saved = () => JSON.parse(storage.getItem('pywasm-playground') ?? 'null') as { state: Record<string, any>; version: number };
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeAll(async () => {
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
  store = await import('./index.ts');
  persistence = await import('./persistence.ts');
});

beforeEach(() => {
  storage.data.clear();
  storage.full = false;
  store.useStore.setState(store.useStore.getInitialState(), true);
});

const state = () => store.useStore.getState();

describe('files', () => {
  it('starts from the article and keeps plugin.py', () => {
    expect(Object.keys(state().files)).toEqual(['plugin.py']);
    expect(state().files['plugin.py']).toContain('def run_e');
    expect(state().ident).toBe(12345);
    state().deleteFile('plugin.py');
    expect(Object.keys(state().files)).toEqual(['plugin.py']);
    expect(state().renameFile('plugin.py', 'main.py')).toMatch(/entry module/);
  });

  it('adds, renames and deletes helper modules with validated names', () => {
    expect(state().addFile('helpers.py')).toBeNull();
    expect(state().active).toBe('helpers.py');
    expect(state().addFile('helpers.py')).toMatch(/exists/);
    for (const bad of ['../x.py', '/x.py', 'x.txt', 'a\\b.py', 'a\0.py', '']) expect(state().addFile(bad)).not.toBeNull();
    expect(state().addFile('helpers/x.py')).toMatch(/clashes/);
    state().setSource('helpers.py', 'X = 1\n');
    expect(state().renameFile('helpers.py', 'util/tools.py')).toBeNull();
    expect(state().files).toMatchObject({ 'util/tools.py': 'X = 1\n' });
    expect(state().files['helpers.py']).toBeUndefined();
    expect(state().active).toBe('util/tools.py');
    state().deleteFile('util/tools.py');
    expect(Object.keys(state().files)).toEqual(['plugin.py']);
    expect(state().active).toBe('plugin.py');
  });
});

describe('persistence', () => {
  it('writes every edit to localStorage at once, and only the playground', () => {
    state().setPayload('hello');
    state().setSource('plugin.py', 'print(1)\n');
    const { state: s, version } = saved();
    expect(version).toBe(persistence.STORAGE_VERSION);
    expect(s.playground).toMatchObject({ version: 2, payload: 'hello', files: { 'plugin.py': 'print(1)\n' } });
    expect(Object.keys(s).sort()).toEqual(['active', 'draft', 'playground', 'timeLimitSec']);
  });

  it('saves binary files and the SE2 parts as a JSON document and reads them back', async () => {
    state().addFile('h.py');
    store.useStore.setState({ files: { ...state().files, 'data.bin': new Uint8Array([0, 255, 7]) } });
    const request = { method: 'POST', url: 'https://x/y?q=1', headers: { A: 'b' }, params: {}, body: '{}', state: {} };
    state().setRequest(request);
    const written = storage.getItem('pywasm-playground')!;
    expect(JSON.parse(written).state.playground.files['data.bin']).toEqual({ base64: 'AP8H' });
    store.useStore.setState(store.useStore.getInitialState(), true);
    expect(state().request).toBeNull();
    storage.setItem('pywasm-playground', written);
    await store.useStore.persist.rehydrate();
    expect(state().files['data.bin']).toEqual(new Uint8Array([0, 255, 7]));
    expect(state().request).toEqual(request);
    expect(state().active).toBe('h.py');
  });

  it('restores a saved playground and ignores the parts that fail their checks', async () => {
    storage.setItem(
      'pywasm-playground',
      JSON.stringify({
        version: 1,
        state: {
          files: { 'plugin.py': 'A', 'h.py': 'B' },
          active: 'h.py',
          payload: 'p',
          ident: 7,
          timeLimitSec: 99999,
          draft: { nope: 1 },
        },
      }),
    );
    await store.useStore.persist.rehydrate();
    expect(state()).toMatchObject({
      files: { 'plugin.py': 'A', 'h.py': 'B' },
      active: 'h.py',
      payload: 'p',
      ident: 7,
      timeLimitSec: 10,
      draft: null,
    });

    storage.setItem(
      'pywasm-playground',
      JSON.stringify({ version: 1, state: { files: { '../evil.py': 'x', 'plugin.py': '' }, payload: 'q', ident: 1 } }),
    );
    store.useStore.setState(store.useStore.getInitialState(), true);
    await store.useStore.persist.rehydrate();
    expect(state().files['plugin.py']).toContain('def run_e');
    expect(state().payload).not.toBe('q');
  });

  it('migrates version 0 (a single code string)', async () => {
    storage.setItem('pywasm-playground', JSON.stringify({ version: 0, state: { code: 'OLD', payload: 'p0', ident: 3 } }));
    await store.useStore.persist.rehydrate();
    expect(state()).toMatchObject({ files: { 'plugin.py': 'OLD' }, payload: 'p0', ident: 3 });
  });

  it('serializes nothing for a change outside the playground, and retries a write that failed', () => {
    state().setPayload('first');
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      state().setGuest({ phase: 'ready' });
      expect(stringify).not.toHaveBeenCalled();
      state().setPayload('second');
      expect(stringify).toHaveBeenCalledTimes(1);
      expect(saved().state.playground.payload).toBe('second');
      storage.full = true;
      state().setPayload('third');
      storage.full = false;
      expect(saved().state.playground.payload).toBe('second');
      // The next change of any kind writes what the failed write could not.
      state().setGuest({ phase: 'loading', loaded: 0, total: null });
      expect(saved().state.playground.payload).toBe('third');
    } finally {
      stringify.mockRestore();
    }
  });

  it('keeps working when storage is full, and says so', async () => {
    storage.full = true;
    state().setPayload('kept in memory');
    await flush();
    expect(state().payload).toBe('kept in memory');
    expect(state().storageProblem).toMatch(/full/);
    storage.full = false;
    state().setPayload('saved again');
    await flush();
    expect(state().storageProblem).toBeNull();
    expect(saved().state.playground.payload).toBe('saved again');
  });
});

describe('share links and the draft', () => {
  const shared: Playground = { files: { 'plugin.py': 'SHARED', 'h.py': 'H' }, payload: 'sp', ident: 9 };

  it('replaces the playground and keeps the draft one click away', () => {
    state().setPayload('my draft');
    const mine = { files: state().files, payload: 'my draft', ident: 12345 };
    state().applyShared(shared);
    expect(state()).toMatchObject({ ...shared, active: 'plugin.py', draft: mine, shareNotice: { kind: 'applied', hadDraft: true } });
    expect(saved().state.draft).toEqual({ version: 2, ...mine });
    // Opening the same link again must not replace the draft with the shared playground.
    state().applyShared(shared);
    expect(state().draft).toEqual(mine);
    state().restoreDraft();
    expect(state()).toMatchObject({ ...mine, draft: null });
    state().applyShared(shared);
    state().discardDraft();
    expect(state()).toMatchObject({ ...shared, draft: null });
    expect(saved().state.draft).toBeNull();
  });

  it('opening one playground after another, unedited, keeps the first draft; an edit makes a new one', () => {
    state().setPayload('my draft');
    const mine = { files: state().files, payload: 'my draft', ident: 12345 };
    const example: Playground = { files: { 'plugin.py': 'EXAMPLE' }, payload: 'ep', ident: 1 };
    state().applyShared(shared, 'a link');
    expect(state().shareNotice).toEqual({ kind: 'applied', hadDraft: true, source: 'a link' });
    state().applyShared(example);
    expect(state().draft).toEqual(mine);
    state().setPayload('edited example');
    state().applyShared(shared);
    expect(state().draft).toEqual({ ...example, payload: 'edited example' });
  });

  it('a refused link changes nothing but the notice', () => {
    const before = { files: state().files, payload: state().payload, ident: state().ident };
    state().refuseShared('bad');
    expect({ files: state().files, payload: state().payload, ident: state().ident }).toEqual(before);
    expect(state().shareNotice).toEqual({ kind: 'refused', error: 'bad' });
  });
});

describe('runs', () => {
  it('records a run and drops replies for other runs', () => {
    state().beginRun(5, 1);
    state().appendLog(5, [{ level: 'host', file: 'runtime.ts', ident: 1, text: 'hi', stream: 'stdout', time: 0 }], 0);
    state().finishRun(4, { kind: 'stopped' }, {});
    expect(state().runningId).toBe(5);
    state().finishRun(5, { kind: 'result', value: 'ok' }, { run: 1 });
    const run = state().runs.at(-1)!;
    expect(run).toMatchObject({ id: 5, ordinal: 1, outcome: { kind: 'result', value: 'ok' }, timings: { run: 1 } });
    expect(run.entries).toHaveLength(1);
    expect(state().runningId).toBeNull();
  });

  it('records a run that ended before it was begun in one update, never marked running', () => {
    state().beginRun(1, 1);
    state().finishRun(1, { kind: 'none' }, {});
    const seen: (number | null)[] = [];
    const unsubscribe = store.useStore.subscribe((s) => seen.push(s.runningId));
    const line = { level: 'python' as const, file: 'plugin.py', ident: 2, text: 'hi', stream: 'stdout' as const, time: 0 };
    state().recordRun(
      { id: 2, ident: 2, startedAt: Date.now() - 5 },
      { entries: [line], dropped: 3 },
      { kind: 'result', value: 'ok' },
      { run: 1 },
    );
    unsubscribe();
    expect(seen).toEqual([null]);
    const run = state().runs.at(-1)!;
    expect(run).toMatchObject({
      id: 2,
      ordinal: 2,
      ident: 2,
      outcome: { kind: 'result', value: 'ok' },
      timings: { run: 1 },
      entries: [line],
      dropped: 3,
    });
    expect(run.totalMs).toBeGreaterThanOrEqual(5);
    expect(state().runCount).toBe(2);
  });

  it("keeps a traced run's crossings with it; tracing stays on once turned on", () => {
    expect(state().tracing).toBe(false);
    state().setTracing(true);
    const trace = [{ seq: 1, time: 0, direction: 'host-wasm' as const, phase: 'call' as const, name: 'run_e', values: [], logIndex: 0 }];
    state().beginRun(6, 1);
    state().finishRun(6, { kind: 'none' }, {}, { trace, traceDropped: 3 });
    expect(state().runs.at(-1)).toMatchObject({ id: 6, trace, traceDropped: 3 });
    state().beginRun(7, 1);
    state().finishRun(7, { kind: 'none' }, {});
    expect(state().runs.at(-1)!.trace).toBeUndefined();
    expect(state().tracing).toBe(true);
  });
});
