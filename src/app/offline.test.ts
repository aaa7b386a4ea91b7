// Registering the Service Worker: never before the first result and an idle moment, once; the
// "new version" notice and its Reload.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useStore } from '../store/index.ts';
import { registerAfterFirstResult, reloadForUpdate, type RegisterSW } from './offline.ts';

beforeEach(() => useStore.setState({ updateReady: false }));

describe('registerAfterFirstResult', () => {
  it('registers only once the first result has settled and the page is idle', async () => {
    let settle: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (settle = resolve));
    let idle: (() => void) | null = null;
    const registerSW = vi.fn<RegisterSW>(() => async () => undefined);
    const done = registerAfterFirstResult(first, { idle: (cb) => (idle = cb), load: async () => registerSW });
    await Promise.resolve();
    expect(idle).toBeNull();
    settle();
    await vi.waitFor(() => expect(idle).not.toBeNull());
    expect(registerSW).not.toHaveBeenCalled();
    idle!();
    await done;
    expect(registerSW).toHaveBeenCalledTimes(1);
    expect(registerSW.mock.calls[0]![0].immediate).toBe(true);
  });

  it('shows the notice when a new version waits, and its Reload hands over to it', async () => {
    const update = vi.fn(async () => undefined);
    let needRefresh: (() => void) | undefined;
    await registerAfterFirstResult(Promise.resolve(), {
      idle: (cb) => cb(),
      load: async () => (options) => {
        needRefresh = options.onNeedRefresh;
        return update;
      },
    });
    expect(useStore.getState().updateReady).toBe(false);
    needRefresh!();
    expect(useStore.getState().updateReady).toBe(true);
    reloadForUpdate();
    expect(update).toHaveBeenCalledWith(true);
  });

  it('leaves the page working when registering fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(
      registerAfterFirstResult(Promise.resolve(), {
        idle: (cb) => cb(),
        load: () => Promise.reject(new Error('no chunk')),
      }),
    ).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
