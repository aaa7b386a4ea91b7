import { lazy, Suspense, useEffect } from 'react';
import { AddFiles } from './AddFiles.tsx';
import { BinaryFile } from './BinaryFile.tsx';
import { EditorProblem } from './EditorProblem.tsx';
import { FileTabs } from './FileTabs.tsx';
import { Header } from './Header.tsx';
import { LogPanel } from './LogPanel.tsx';
import { Notices } from './Notices.tsx';
import { RunControls } from './RunControls.tsx';
import { SidePanels } from './SidePanels.tsx';
import { firstRunSettled, runFromPage } from './runner.ts';
import { useStore } from '../store/index.ts';

// Monaco is a large script (about 4 MB): it loads after the first run, so its download and
// parsing do not hold up the first result. Until then the source shows as plain text.
const EDITOR_AT_LATEST_MS = 3000;
const CodeEditor = lazy(() =>
  Promise.race([firstRunSettled, new Promise((r) => setTimeout(r, EDITOR_AT_LATEST_MS))]).then(() => import('./CodeEditor.tsx')),
);

/** Ctrl/Cmd+Enter runs from anywhere on the page (Monaco handles it itself inside the editor). */
function useRunShortcut() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      runFromPage();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The open file as plain text while the editor loads. */
function SourcePreview() {
  const source = useStore((s) => s.files[s.active]);
  return (
    <pre className="editor source-preview" data-testid="editor-loading" aria-busy="true">
      {typeof source === 'string' ? source : ''}
    </pre>
  );
}

/** The open file when it holds bytes: shown by BinaryFile in place of the editor. */
function useOpenBinary(): { path: string; bytes: Uint8Array } | null {
  const path = useStore((s) => s.active);
  const content = useStore((s) => s.files[s.active]);
  return content instanceof Uint8Array ? { path, bytes: content } : null;
}

export function App() {
  useRunShortcut();
  const binary = useOpenBinary();
  return (
    <div className="app">
      <Header />
      <Notices />
      <main className="layout">
        <section className="panel editor-panel" aria-label="Plugin source">
          <FileTabs />
          <AddFiles />
          {binary !== null && <BinaryFile path={binary.path} bytes={binary.bytes} />}
          {/* Kept mounted while a binary file is open, so the editor keeps its models and state. */}
          <div className="editor-slot" hidden={binary !== null}>
            <Suspense fallback={<SourcePreview />}>
              <CodeEditor />
            </Suspense>
          </div>
          <EditorProblem />
        </section>
        <div className="side">
          <RunControls />
          <SidePanels />
        </div>
        <LogPanel />
      </main>
    </div>
  );
}
