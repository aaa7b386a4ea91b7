// The Examples menu in the header: opening one replaces the playground and keeps the draft one
// click away (as a share link does), then runs it.
import { useEffect, useRef } from 'react';
import { useStore } from '../store/index.ts';
import { EXAMPLES, loadExample } from './gallery.ts';
import { runFromPage } from './runner.ts';

async function openExample(id: string, title: string): Promise<void> {
  const loaded = await loadExample(id);
  const s = useStore.getState();
  const source = `the example “${title}”`;
  if (!loaded.ok) {
    s.refuseShared(loaded.error, source);
    return;
  }
  s.applyShared(loaded.value, source);
  runFromPage();
}

export function Gallery() {
  const menu = useRef<HTMLDetailsElement>(null);
  // A <details> stays open until its summary is clicked again; a menu closes on a click elsewhere or Escape.
  useEffect(() => {
    const close = (e: Event) => {
      const el = menu.current;
      if (el === null || !el.open) return;
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !el.contains(e.target as Node)) el.removeAttribute('open');
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  return (
    <details className="menu" ref={menu} data-testid="examples">
      <summary>Examples</summary>
      <ul className="menu-list" role="menu">
        {EXAMPLES.map((example) => (
          <li key={example.id} role="none">
            <button
              type="button"
              role="menuitem"
              data-testid={`example-${example.id}`}
              onClick={() => {
                menu.current?.removeAttribute('open');
                void openExample(example.id, example.title);
              }}
            >
              <strong>{example.title}</strong>
              <span>{example.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
