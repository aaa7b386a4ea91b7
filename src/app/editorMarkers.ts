// The Monaco side of errors at their lines: one marker for the last run's error, in the model of its
// file (made if the file was never opened, so its tab shows it when opened).
import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { SourceError } from './traceback.ts';

const OWNER = 'python';

export function showError(
  monaco: typeof Monaco,
  uriOf: (path: string) => Monaco.Uri,
  error: SourceError | null,
  source: (path: string) => string | null,
): void {
  for (const model of monaco.editor.getModels()) monaco.editor.setModelMarkers(model, OWNER, []);
  if (error === null) return;
  const uri = uriOf(error.path);
  let model = monaco.editor.getModel(uri);
  if (model === null) {
    const text = source(error.path);
    if (text === null) return;
    model = monaco.editor.createModel(text, 'python', uri);
  }
  const line = Math.min(Math.max(error.line, 1), model.getLineCount());
  const text = model.getLineContent(line);
  const indent = text.length - text.trimStart().length;
  // Python's marks count from the line without its indentation; without marks, the whole line.
  const [start, end] = error.span === undefined ? [indent, text.length] : [indent + error.span.start, indent + error.span.end];
  monaco.editor.setModelMarkers(model, OWNER, [
    {
      severity: monaco.MarkerSeverity.Error,
      message: error.message,
      source: 'Python',
      startLineNumber: line,
      startColumn: start + 1,
      endLineNumber: line,
      endColumn: Math.max(end, start + 1) + 1,
    },
  ]);
}
