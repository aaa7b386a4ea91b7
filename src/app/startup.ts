// What happens once per page load, outside React: reading a share link and the first run.
import { readShareFragment, SHARE_PREFIX } from '../share/codec.ts';
import { useStore } from '../store/index.ts';
import { editedFiles, runner } from './runner.ts';

declare global {
  interface Window {
    /**
     * Test hook for benchmarks (bench/), never used by the UI. Both go page → Worker → reply and
     * resolve with the milliseconds that took, outside the store (no log, no result panel):
     * - runWorker: the current files on the instance the last run used (a rerun: no new instance);
     * - editRunWorker: plugin.py replaced by `source`, i.e. an edit: the spare instance started
     *   with the new files, then the call.
     */
    __bench?: {
      runWorker(payload: string, ident: number): Promise<number>;
      editRunWorker(source: string): Promise<number>;
    };
  }
}

/** Applies a `#share=` link in `location`; a valid link leaves the address bar clean. */
export function openShareLink(location: Location): void {
  const found = readShareFragment(location.hash);
  if (found.kind === 'none') return;
  if (!found.result.ok) {
    useStore.getState().refuseShared(found.result.error);
    return;
  }
  useStore.getState().applyShared(found.result.value);
  // A reload must not apply the link again over later edits.
  history.replaceState(history.state, '', location.pathname + location.search);
}

export function startPage(): void {
  openShareLink(window.location);
  window.addEventListener('hashchange', () => {
    if (window.location.hash.startsWith(SHARE_PREFIX)) openShareLink(window.location);
  });
  runner.start();
  window.__bench = {
    runWorker: (payload, ident) => runner.timedCall(useStore.getState().files, payload, ident),
    editRunWorker: (source) => runner.timedCall(editedFiles(source), useStore.getState().payload, useStore.getState().ident),
  };
  // The page shows a real run at once: the plugin's result and all three log levels.
  runner.run();
}
