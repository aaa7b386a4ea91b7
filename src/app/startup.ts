// What happens once per page load, outside React: reading a share link and the first run.
import { readShareFragment, SHARE_PREFIX } from '../share/codec.ts';
import { useStore } from '../store/index.ts';
import type { PluginFiles } from '../host/types.ts';
import type { RunEnd } from '../worker/client.ts';
import { registerAfterFirstResult, whenIdle } from './offline.ts';
import { client, editedFiles, firstRunSettled, runFromPage, startRunner } from './runner.ts';

declare global {
  interface Window {
    /**
     * Test hook for benchmarks (bench/), never used by the UI. Both go through the Worker client
     * (page → Worker → reply) and resolve with the milliseconds that took, outside the store (no
     * log, no result panel); a run that does not end with a result rejects:
     * - runWorker: the current files on the instance the last run used (a rerun: no new instance);
     * - editRunWorker: plugin.py replaced by `source`, i.e. an edit: the spare instance started
     *   with the new files, then the call.
     */
    __bench?: {
      runWorker(payload: string, ident: number): Promise<number>;
      editRunWorker(source: string): Promise<number>;
      /** One run through the client, with how it ended (the bench checks the reply with it). */
      request(run: { files: PluginFiles; payload: string; ident: number; trace?: boolean }): Promise<RunEnd>;
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
  startRunner();
  window.__bench = {
    runWorker: (payload, ident) => timedRun(useStore.getState().files, payload, ident),
    editRunWorker: (source) => timedRun(editedFiles(source), useStore.getState().payload, useStore.getState().ident),
    request: async (run) => {
      await client.ready;
      return client.run(run);
    },
  };
  // The page shows a real run at once: the plugin's result and all three log levels.
  runFromPage();
  // Returning visits come from the Service Worker's cache (a production build only: dev has none).
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    void registerAfterFirstResult(firstRunSettled, {
      idle: whenIdle,
      load: () => import('virtual:pwa-register').then((m) => m.registerSW),
    });
  }
}

async function timedRun(files: PluginFiles, payload: string, ident: number): Promise<number> {
  await client.ready;
  const t0 = performance.now();
  const { outcome } = await client.run({ files, payload, ident });
  const ms = performance.now() - t0;
  if (outcome.kind !== 'result') throw new Error(`the benchmark run ended as ${outcome.kind}: ${JSON.stringify(outcome)}`);
  return ms;
}
