// The playground in and out as one file: Download writes the zip (src/playground/zip.ts); Open,
// or dropping a .zip, a folder or loose files anywhere on the page, loads one. What was there before
// stays one click away ("Restore my draft"), as with a share link.
import { useEffect, useRef, useState } from 'react';
import { playgroundFromEntries, playgroundFromZip, playgroundToZip } from '../playground/zip.ts';
import type { Decoded, Playground } from '../playground/document.ts';
import { currentPlayground, useStore } from '../store/index.ts';
import { isPlaygroundZipDrop } from './addFiles.ts';

export const DOWNLOAD_NAME = 'playground.zip';

function download(): void {
  const bytes = playgroundToZip(currentPlayground(useStore.getState()));
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = DOWNLOAD_NAME;
  a.click();
  // The click has started the download; the URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function open(opened: Decoded<Playground>, source: string): void {
  const s = useStore.getState();
  if (opened.ok) s.applyShared(opened.value, source);
  else s.refuseShared(opened.error, source);
}

async function openZipFile(file: File): Promise<void> {
  open(playgroundFromZip(new Uint8Array(await file.arrayBuffer())), file.name);
}

/** Files dragged over the page show where to drop them; a dropped .zip opens (other drops add files: AddFiles). */
function useDropToOpen(): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true;
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      // Leaving for a child element fires dragleave too; only leaving the window ends the drag.
      if (e.relatedTarget === null) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      setOver(false);
      if (!hasFiles(e) || e.dataTransfer === null || !isPlaygroundZipDrop(e.dataTransfer)) return;
      e.preventDefault();
      void openZipFile(e.dataTransfer.files[0]!);
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  return over;
}

/** A folder chosen with "Open folder…": each file's path starts with the folder's name. */
async function openFolder(list: FileList): Promise<void> {
  const files: Record<string, Uint8Array> = {};
  for (const file of list) files[file.webkitRelativePath || file.name] = new Uint8Array(await file.arrayBuffer());
  const top = list[0]?.webkitRelativePath.split('/')[0] || 'the folder';
  open(playgroundFromEntries(files), top);
}

export function PlaygroundFiles() {
  const input = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const dragging = useDropToOpen();
  return (
    <>
      <button type="button" data-testid="download" onClick={download} title="Download the playground as a .zip">
        Download
      </button>
      <button
        type="button"
        data-testid="open"
        onClick={() => input.current?.click()}
        title="Open a playground .zip (or drop one, or a folder, on the page)"
      >
        Open…
      </button>
      <input
        ref={input}
        type="file"
        accept=".zip,application/zip"
        hidden
        data-testid="open-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file !== undefined) void openZipFile(file);
        }}
      />
      <button type="button" data-testid="open-folder" onClick={() => folderInput.current?.click()} title="Open a plugin folder from disk">
        Open folder…
      </button>
      <input
        // A folder picker: React has no typed prop for this non-standard (but universal) attribute.
        ref={(el) => {
          folderInput.current = el;
          el?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        hidden
        data-testid="open-folder-input"
        onChange={(e) => {
          const list = e.target.files;
          if (list !== null && list.length > 0) void openFolder(list).finally(() => (e.target.value = ''));
        }}
      />
      {dragging && (
        <div className="drop-overlay" data-testid="drop-overlay">
          Drop a playground .zip, a plugin folder or plugin files to open them
        </div>
      )}
    </>
  );
}
