// Monaco, bundled from the monaco-editor package (never a CDN), one model per plugin file.
// This module is loaded lazily: the page and the guest start without waiting for it.
import Editor, { loader, type OnMount } from '@monaco-editor/react';
// The editor core, the features the playground offers (monacoFeatures.ts) and Python only: not the
// other features, languages, language services or their workers that the package's entries bundle.
import * as monaco from 'monaco-editor/editor/editor.api';
import './monacoFeatures.ts';
import 'monaco-editor/languages/definitions/python/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { useEffect, useRef, useState } from 'react';
import type { FileContent } from '../playground/document.ts';
import { ENTRY_FILE } from '../playground/paths.ts';
import { useStore } from '../store/index.ts';
import { runFromPage } from './runner.ts';
import { registerSdkProviders } from './sdkCompletions.ts';
import { useColorScheme } from './theme.ts';
import { showError } from './editorMarkers.ts';
import { onReveal, runError } from './markers.ts';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
loader.config({ monaco });
// `sdk.` completions and hover docs from the generated stub (issue 12).
registerSdkProviders(monaco);

// Every file is a model under file:///plugin/, so paths map to URIs and back without guessing.
const ROOT = '/plugin/';
const uriOf = (path: string) => monaco.Uri.from({ scheme: 'file', path: ROOT + path });
const pathOf = (uri: monaco.Uri) => (uri.scheme === 'file' && uri.path.startsWith(ROOT) ? uri.path.slice(ROOT.length) : null);

/** Keeps the models in step with the store: removed files lose their model, replaced files their text. */
function syncModels(files: Record<string, FileContent>, current: monaco.editor.ITextModel | null) {
  for (const model of monaco.editor.getModels()) {
    const path = pathOf(model.uri);
    if (path === null || model === current) continue;
    const source = files[path];
    // Binary files have no model: they are not edited as text.
    if (typeof source !== 'string' || !Object.hasOwn(files, path)) model.dispose();
    else if (model.getValue() !== source) model.setValue(source);
  }
}

export default function CodeEditor() {
  const files = useStore((s) => s.files);
  const active = useStore((s) => s.active);
  const scheme = useColorScheme();
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // A binary file has no model: while one is open (BinaryFile covers the editor), the editor keeps
  // the last text file it showed.
  const [shown, setShown] = useState(active);
  if (typeof files[active] === 'string' && shown !== active) setShown(active);
  const path = typeof files[shown] === 'string' ? shown : ENTRY_FILE;

  useEffect(() => {
    syncModels(files, editorRef.current?.getModel() ?? null);
  }, [files]);

  // The last run's error as a marker at its line; a new run clears it. Files are read, not watched:
  // an edit keeps the marker until the next run. Only a run that ended in an error or a crash can
  // have one: a run that ends otherwise after another like it does not render the editor again.
  const lastRun = useStore((s) => {
    const run = s.runs.at(-1);
    return run?.outcome?.kind === 'error' || run?.outcome?.kind === 'crash' ? run : null;
  });
  useEffect(() => {
    const { files: now } = useStore.getState();
    showError(monaco, uriOf, runError(lastRun ?? undefined, now), (path) => (typeof now[path] === 'string' ? now[path] : null));
  }, [lastRun]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => runFromPage());
    // The edited model names its file; a closure over `active` could be one tab behind.
    editor.onDidChangeModelContent(() => {
      const model = editor.getModel();
      const path = model === null ? null : pathOf(model.uri);
      if (model !== null && path !== null) useStore.getState().setSource(path, model.getValue());
    });
    // No focus() here: the editor mounts late, and must not take keystrokes meant for another field.
    // A traceback line or the problem bar asks for a line: the file's model comes in with its tab.
    const reveal = ({ path, line }: { path: string; line: number }) => {
      const show = () => {
        editor.revealLineInCenter(line);
        editor.setPosition({ lineNumber: line, column: 1 });
        editor.focus();
      };
      if (editor.getModel()?.uri.toString() === uriOf(path).toString()) show();
      else {
        const once = editor.onDidChangeModel(() => {
          once.dispose();
          // After the wrapper restores the file's saved view state (cursor, scroll) over ours.
          setTimeout(show, 0);
        });
      }
    };
    const stop = onReveal(reveal);
    editor.onDidDispose(stop);
  };

  return (
    <div className="editor" data-testid="editor">
      <Editor
        path={uriOf(path).toString()}
        language={/\.pyi?$/.test(path) ? 'python' : 'plaintext'}
        value={typeof files[path] === 'string' ? files[path] : ''}
        theme={scheme === 'dark' ? 'vs-dark' : 'vs'}
        onMount={onMount}
        loading={<div className="placeholder">Loading the editor…</div>}
        options={{
          automaticLayout: true,
          fontSize: 13,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          tabSize: 4,
          insertSpaces: true,
          detectIndentation: false,
          renderWhitespace: 'selection',
        }}
      />
    </div>
  );
}
