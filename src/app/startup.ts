// What happens once per page load, outside React: reading a share link and the first run.
import { readShareFragment, SHARE_PREFIX } from '../share/codec.ts';
import { useStore } from '../store/index.ts';
import { runner } from './runner.ts';

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
  // The page shows a real run at once: the plugin's result and all three log levels.
  runner.run();
}
