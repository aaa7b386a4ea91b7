// Title, loading/run status and the share button.
import { shareUrl } from '../share/codec.ts';
import { currentPlayground, useStore } from '../store/index.ts';
import { copyText } from './clipboard.ts';
import { Gallery } from './Gallery.tsx';
import { PlaygroundFiles } from './PlaygroundFiles.tsx';
import { ThemePicker } from './ThemePicker.tsx';
import './workbench.css';

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

function Status() {
  const guest = useStore((s) => s.guest);
  const running = useStore((s) => s.runningId !== null);
  let text: string;
  let state: string = guest.phase;
  switch (guest.phase) {
    case 'loading':
      text =
        guest.total === null
          ? `Loading Python… ${mb(guest.loaded)}`
          : `Loading Python… ${Math.floor((100 * guest.loaded) / guest.total)}% of ${mb(guest.total)}`;
      break;
    case 'starting':
      text = 'Starting Python…';
      break;
    case 'ready':
      text = 'Ready';
      break;
    case 'failed':
      text = 'Python failed to start';
      break;
  }
  if (running && guest.phase !== 'failed') {
    state = 'running';
    text = guest.phase === 'ready' ? 'Running…' : `${text} (the run starts when it is ready)`;
  }
  return (
    <div className="status" data-testid="status" data-state={state} role="status">
      {guest.phase === 'loading' && <progress max={guest.total ?? undefined} value={guest.total === null ? undefined : guest.loaded} />}
      <span>{text}</span>
    </div>
  );
}

export function Header() {
  const setShareNotice = useStore((s) => s.setShareNotice);
  const share = async () => {
    const url = shareUrl(window.location.href, currentPlayground(useStore.getState()));
    if (!url.ok) {
      setShareNotice({ kind: 'copy-failed', url: '', error: `No link: ${url.error}.` });
      return;
    }
    const copied = await copyText(url.value);
    setShareNotice(
      copied
        ? { kind: 'copied', url: url.value }
        : { kind: 'copy-failed', url: url.value, error: 'The browser did not let the page copy the link.' },
    );
  };
  return (
    <header className="header">
      <h1>
        Python plugins on WebAssembly <small>CPython 3.11 · wasm32-wasi · SE2 ABI</small>
      </h1>
      <Status />
      <Gallery />
      <PlaygroundFiles />
      <ThemePicker />
      <button type="button" data-testid="share" onClick={() => void share()}>
        Share
      </button>
    </header>
  );
}
