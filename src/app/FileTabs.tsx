// A tab per module: plugin.py first, then helpers, which can be added, renamed and deleted.
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ENTRY_FILE, orderedFileNames } from '../playground/paths.ts';
import { useStore } from '../store/index.ts';

type Editing = { mode: 'add' } | { mode: 'rename'; path: string } | null;

function NameForm({ initial, onSubmit, onCancel }: { initial: string; onSubmit: (name: string) => string | null; onCancel: () => void }) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = onSubmit(name.trim());
    if (problem !== null) setError(problem);
  };
  return (
    <form className="name-form" onSubmit={submit}>
      <input
        data-testid="file-name-input"
        aria-label="Module file name"
        value={name}
        autoFocus
        spellCheck={false}
        onChange={(e) => {
          setName(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      />
      <button type="submit" data-testid="file-name-ok">
        OK
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {error !== null && (
        <span className="field-error" role="alert" data-testid="file-name-error">
          {error}
        </span>
      )}
    </form>
  );
}

export function FileTabs() {
  const names = useStore(useShallow((s) => orderedFileNames(s.files)));
  const binary = useStore(useShallow((s) => names.filter((n) => s.files[n] instanceof Uint8Array)));
  const active = useStore((s) => s.active);
  const { selectFile, addFile, renameFile, deleteFile } = useStore(
    useShallow((s) => ({ selectFile: s.selectFile, addFile: s.addFile, renameFile: s.renameFile, deleteFile: s.deleteFile })),
  );
  const [editing, setEditing] = useState<Editing>(null);

  return (
    <div className="tabs-bar">
      <div className="tabs" role="tablist" aria-label="Files">
        {names.map((name) => (
          <div key={name} className={`tab${name === active ? ' active' : ''}`}>
            <button
              type="button"
              role="tab"
              aria-selected={name === active}
              data-testid="file-tab"
              data-path={name}
              onClick={() => selectFile(name)}
              onDoubleClick={() => name !== ENTRY_FILE && setEditing({ mode: 'rename', path: name })}
              data-binary={binary.includes(name) || undefined}
              title={name === ENTRY_FILE ? 'The entry module' : 'Double-click to rename'}
            >
              {name}
            </button>
            {binary.includes(name) && (
              <span className="badge off" title="Binary: not editable as text">
                bin
              </span>
            )}
            {name !== ENTRY_FILE && (
              <>
                <button
                  type="button"
                  className="tab-action"
                  aria-label={`Rename ${name}`}
                  data-testid="file-rename"
                  onClick={() => setEditing({ mode: 'rename', path: name })}
                >
                  ✎
                </button>
                <button
                  type="button"
                  className="tab-action"
                  aria-label={`Delete ${name}`}
                  data-testid="file-delete"
                  onClick={() => {
                    if (window.confirm(`Delete ${name}?`)) deleteFile(name);
                  }}
                >
                  ×
                </button>
              </>
            )}
          </div>
        ))}
        <button
          type="button"
          className="tab-add"
          data-testid="file-add"
          aria-label="Add a module"
          onClick={() => setEditing({ mode: 'add' })}
        >
          +
        </button>
      </div>
      {editing !== null && (
        <NameForm
          key={editing.mode === 'add' ? '+' : editing.path}
          initial={editing.mode === 'add' ? 'helpers.py' : editing.path}
          onCancel={() => setEditing(null)}
          onSubmit={(name) => {
            const problem = editing.mode === 'add' ? addFile(name) : renameFile(editing.path, name);
            if (problem === null) setEditing(null);
            return problem;
          }}
        />
      )}
    </div>
  );
}
