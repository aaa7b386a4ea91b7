// A file that is not text (an image, a database, a wheel) in place of the editor: its name, size
// and first bytes, with Replace and Remove. Its bytes are never rendered as markup.
import { useRef } from 'react';
import { ENTRY_FILE } from '../playground/paths.ts';
import { useStore } from '../store/index.ts';
import { replacement } from './addFiles.ts';

/** Bytes shown in the hex view: enough to recognise a format by its magic number. */
const HEX_BYTES = 256;

export const formatSize = (n: number) =>
  n < 1024
    ? `${n} bytes`
    : n < 1024 * 1024
      ? `${(n / 1024).toFixed(1)} KiB (${n} bytes)`
      : `${(n / 1024 / 1024).toFixed(1)} MiB (${n} bytes)`;

/** `xxd`-style lines: offset, 16 bytes in hex, the printable ASCII of them. */
export function hexLines(bytes: Uint8Array, max = HEX_BYTES): string[] {
  const lines: string[] = [];
  const end = Math.min(bytes.length, max);
  for (let at = 0; at < end; at += 16) {
    const row = bytes.subarray(at, Math.min(at + 16, end));
    const hex = Array.from(row, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${at.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return lines;
}

export function BinaryFile({ path, bytes }: { path: string; bytes: Uint8Array }) {
  const input = useRef<HTMLInputElement>(null);
  const deleteFile = useStore((s) => s.deleteFile);
  const replace = async (file: File) => {
    const content = replacement(path, new Uint8Array(await file.arrayBuffer()));
    // The file may have been removed while the picker was open.
    if (Object.hasOwn(useStore.getState().files, path)) useStore.setState((s) => ({ files: { ...s.files, [path]: content } }));
  };
  return (
    <div className="binary-file" data-testid="binary-file" data-path={path}>
      <div className="binary-head">
        <code data-testid="binary-name">{path}</code>
        <span className="muted" data-testid="binary-size">
          {formatSize(bytes.length)}
        </span>
        <span className="muted">· binary: not editable here; the plugin reads it as bytes</span>
      </div>
      <div className="binary-actions">
        <button type="button" data-testid="binary-replace" onClick={() => input.current?.click()}>
          Replace…
        </button>
        {path !== ENTRY_FILE && (
          <button
            type="button"
            data-testid="binary-remove"
            onClick={() => {
              if (window.confirm(`Remove ${path}?`)) deleteFile(path);
            }}
          >
            Remove
          </button>
        )}
        <input
          ref={input}
          type="file"
          hidden
          data-testid="binary-replace-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file !== undefined) void replace(file);
          }}
        />
      </div>
      <pre className="hex" data-testid="binary-hex" aria-label={`The first ${Math.min(bytes.length, HEX_BYTES)} bytes`}>
        {hexLines(bytes).join('\n')}
        {bytes.length > HEX_BYTES ? `\n… ${bytes.length - HEX_BYTES} more bytes` : ''}
      </pre>
    </div>
  );
}
