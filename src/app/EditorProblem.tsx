// Under the editor: where the last run's error is (file, line, exception); a click shows the line.
import { useStore } from '../store/index.ts';
import { revealInEditor, runError } from './markers.ts';

export function EditorProblem() {
  const run = useStore((s) => s.runs.at(-1));
  const files = useStore((s) => s.files);
  const error = runError(run, files);
  if (error === null) return null;
  return (
    <button
      type="button"
      className="editor-problem"
      data-testid="editor-problem"
      data-path={error.path}
      data-line={error.line}
      onClick={() => revealInEditor(error)}
      title="Show this line in the editor"
    >
      <span className="editor-problem-place">
        {error.path}, line {error.line}:
      </span>{' '}
      {error.message}
    </button>
  );
}
