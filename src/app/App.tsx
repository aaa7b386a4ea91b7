import { lazy, Suspense, useEffect } from 'react';
import { FileTabs } from './FileTabs.tsx';
import { Header } from './Header.tsx';
import { LogPanel } from './LogPanel.tsx';
import { Notices } from './Notices.tsx';
import { ResultPanel } from './ResultPanel.tsx';
import { RunControls } from './RunControls.tsx';
import { runner } from './runner.ts';

const CodeEditor = lazy(() => import('./CodeEditor.tsx'));

/** Ctrl/Cmd+Enter runs from anywhere on the page (Monaco handles it itself inside the editor). */
function useRunShortcut() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      runner.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function App() {
  useRunShortcut();
  return (
    <div className="app">
      <Header />
      <Notices />
      <main className="layout">
        <section className="panel editor-panel" aria-label="Plugin source">
          <FileTabs />
          <Suspense fallback={<div className="editor placeholder" data-testid="editor-loading">Loading the editor…</div>}>
            <CodeEditor />
          </Suspense>
        </section>
        <div className="side">
          <RunControls />
          <ResultPanel />
        </div>
        <LogPanel />
      </main>
    </div>
  );
}
