// Returning visits and offline use: the Service Worker (src/sw/sw.ts) is registered only after the
// first result is on screen and the page is idle, so its precache download (the whole build and
// guest, about 34 MB) never competes with a first visit's own start. When a new build's worker has
// installed, the page says so and reloads onto it only when the person asks.
import { useStore } from '../store/index.ts';

/** What registering needs of vite-plugin-pwa's `registerSW` (virtual:pwa-register). */
export type RegisterSW = (options: { immediate?: boolean; onNeedRefresh?: () => void }) => (reloadPage?: boolean) => Promise<void>;

export interface OfflineDeps {
  /** Loads the registration code (a separate chunk: a first visit does not wait for it). */
  load: () => Promise<RegisterSW>;
  /** Calls back when the page has nothing more urgent to do. */
  idle: (callback: () => void) => void;
}

let activate: (() => Promise<void>) | null = null;

/** Registers the Service Worker once `firstResult` has settled and the page is idle. */
export function registerAfterFirstResult(firstResult: Promise<unknown>, deps: OfflineDeps): Promise<void> {
  return firstResult
    .then(() => new Promise<void>((resolve) => deps.idle(resolve)))
    .then(deps.load)
    .then((registerSW) => {
      const update = registerSW({ immediate: true, onNeedRefresh: () => useStore.getState().setUpdateReady(true) });
      // The waiting worker takes over; registerSW reloads the page once it controls it.
      activate = () => update(true);
    })
    .catch((e: unknown) => {
      // Without a Service Worker the page works as before, only not offline.
      console.warn('the Service Worker could not be registered', e);
    });
}

/** The "Reload" of the new-version notice. */
export function reloadForUpdate(): void {
  if (activate === null) window.location.reload();
  else void activate();
}

export const whenIdle = (callback: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => callback(), { timeout: 2000 });
  else setTimeout(callback, 200);
};
