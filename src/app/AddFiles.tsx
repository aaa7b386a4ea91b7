// Adding files from disk: "Add files…" and "Add folder…" pickers beside the tabs, and dropping
// files or folders anywhere on the page. What was added, replaced or refused (and why) is said
// below the tabs until dismissed.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from '../store/index.ts';
import { addFiles, fromDataTransfer, fromFileList, isPlaygroundZipDrop, type Added, type Incoming } from './addFiles.ts';

type Report = Pick<Added, 'added' | 'replaced' | 'refused' | 'skipped'>;

/** Adds `incoming` to the store's files and opens the first new file. */
async function apply(incoming: Incoming[]): Promise<Report> {
  let before = useStore.getState().files;
  let out = await addFiles(before, incoming);
  // Reading is async: an edit made meanwhile must not be lost, so merge again onto the files as they are now.
  if (useStore.getState().files !== before) {
    before = useStore.getState().files;
    out = await addFiles(before, incoming);
  }
  const opened = out.added[0] ?? out.replaced[0];
  if (out.added.length > 0 || out.replaced.length > 0) {
    useStore.setState({ files: out.files, ...(opened === undefined ? {} : { active: opened }) });
  }
  return out;
}

const list = (paths: string[], max = 5) =>
  paths.length <= max ? paths.join(', ') : `${paths.slice(0, max).join(', ')} and ${paths.length - max} more`;

function ReportView({ report, onDismiss }: { report: Report; onDismiss: () => void }) {
  const { added, replaced, refused, skipped } = report;
  const nothing = added.length === 0 && replaced.length === 0 && refused.length === 0;
  return (
    <div className={`add-report${refused.length > 0 ? ' has-refused' : ''}`} role="status" data-testid="add-files-report">
      {added.length > 0 && (
        <span data-testid="add-files-added">
          Added {added.length === 1 ? '' : `${added.length} files: `}
          {list(added)}.{' '}
        </span>
      )}
      {replaced.length > 0 && <span data-testid="add-files-replaced">Replaced {list(replaced)}. </span>}
      {skipped > 0 && (
        <span>
          Left out {skipped} hidden or cache {skipped === 1 ? 'file' : 'files'}.{' '}
        </span>
      )}
      {nothing && skipped === 0 && <span>There was nothing to add. </span>}
      {refused.length > 0 && (
        <>
          <span>Not added:</span>
          <ul>
            {refused.slice(0, 20).map((r, i) => (
              <li key={i} data-testid="add-files-refused">
                {r.path === '' ? '' : <code>{r.path}</code>}
                {r.path === '' ? '' : ' — '}
                {r.reason}
              </li>
            ))}
            {refused.length > 20 && <li>… and {refused.length - 20} more</li>}
          </ul>
        </>
      )}
      <button type="button" className="link" aria-label="Dismiss" data-testid="add-files-dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}

/** Whether a drag carries files (not text or a link dragged from the page itself). */
const carriesFiles = (e: DragEvent) => e.dataTransfer !== null && Array.from(e.dataTransfer.types).includes('Files');

export function AddFiles() {
  const [report, setReport] = useState<Report | null>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const add = useCallback((incoming: Promise<Incoming[]>) => {
    setBusy(true);
    incoming
      .then(apply)
      .then(setReport, (e: unknown) =>
        setReport({ added: [], replaced: [], skipped: 0, refused: [{ path: '', reason: e instanceof Error ? e.message : String(e) }] }),
      )
      .finally(() => setBusy(false));
  }, []);

  // The whole window is the drop target: a person drops where they look, not on a small box.
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (!carriesFiles(e)) return;
      // Without this the browser would open the dropped file in place of the page.
      e.preventDefault();
      if (isPlaygroundZipDrop(e.dataTransfer!)) return;
      add(fromDataTransfer(e.dataTransfer!));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [add]);

  const picked = (input: HTMLInputElement | null) => {
    if (input?.files == null || input.files.length === 0) return;
    const incoming = fromFileList(input.files);
    // Cleared so that picking the same file again still fires a change.
    input.value = '';
    add(Promise.resolve(incoming));
  };

  return (
    <>
      <div className="add-files">
        <button
          type="button"
          data-testid="add-files"
          disabled={busy}
          onClick={() => filesInput.current?.click()}
          title="Add files from disk (or drop them on the page)"
        >
          Add files…
        </button>
        <button
          type="button"
          data-testid="add-folder"
          disabled={busy}
          onClick={() => folderInput.current?.click()}
          title="Add a folder from disk (or drop it on the page)"
        >
          Add folder…
        </button>
        <input ref={filesInput} type="file" multiple hidden data-testid="add-files-input" onChange={(e) => picked(e.currentTarget)} />
        {/* `webkitdirectory` is not in React's attribute types; every current browser supports it. */}
        <input
          ref={folderInput}
          type="file"
          hidden
          data-testid="add-folder-input"
          {...{ webkitdirectory: '' }}
          onChange={(e) => picked(e.currentTarget)}
        />
        {busy && <span className="muted">Reading…</span>}
      </div>
      {report !== null && <ReportView report={report} onDismiss={() => setReport(null)} />}
      {dragging && (
        <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
          Drop files or folders to add them to the plugin
        </div>
      )}
    </>
  );
}
