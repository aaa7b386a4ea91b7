// Editable key/value rows (headers, params, state) bound to a `Record<string, string>` in the
// store. The rows are local: a half-typed row (no key yet) or a repeated key is shown as typed,
// while the store gets the record the valid rows make.
import { useState } from 'react';

export interface Row {
  key: string;
  value: string;
}

const rowsOf = (record: Record<string, string>): Row[] => Object.entries(record).map(([key, value]) => ({ key, value }));

/** The record the rows make: rows without a key are left out; a repeated key keeps its first row. */
export function recordOf(rows: Row[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, value } of rows) {
    if (key === '' || Object.hasOwn(out, key)) continue;
    // defineProperty: a "__proto__" key stays a plain key, as in parsed JSON.
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const sameRecord = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(a) === JSON.stringify(b);

/** The keys given more than once (case-insensitively when `foldCase`, as HTTP header names are). */
export function repeatedKeys(rows: Row[], foldCase: boolean): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { key } of rows) {
    if (key === '') continue;
    const k = foldCase ? key.toLowerCase() : key;
    if (seen.has(k)) repeated.add(key);
    seen.add(k);
  }
  return [...repeated];
}

export function KeyValueRows(props: {
  label: string;
  testId: string;
  value: Record<string, string>;
  onChange(value: Record<string, string>): void;
  disabled?: boolean;
  /** Header names are case-insensitive: `Accept` and `accept` are the same header. */
  foldCase?: boolean;
  keyPlaceholder?: string;
}) {
  const { label, testId, value, onChange, disabled = false, foldCase = false, keyPlaceholder = 'name' } = props;
  const [rows, setRows] = useState<Row[]>(() => rowsOf(value));
  // A record changed elsewhere (a share link, a restored draft) replaces the rows; adjusted during
  // render, React's pattern for state derived from a prop.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (!sameRecord(recordOf(rows), value)) setRows(rowsOf(value));
  }
  const update = (next: Row[]) => {
    setRows(next);
    const record = recordOf(next);
    if (!sameRecord(record, value)) onChange(record);
  };
  const repeated = repeatedKeys(rows, foldCase);

  return (
    <fieldset className="kv" data-testid={testId} disabled={disabled}>
      <legend>{label}</legend>
      {rows.map((row, i) => (
        <div className="kv-row" key={i} data-testid="kv-row">
          <input
            aria-label={`${label} ${i + 1} name`}
            data-testid="kv-key"
            placeholder={keyPlaceholder}
            value={row.key}
            spellCheck={false}
            aria-invalid={repeated.includes(row.key)}
            onChange={(e) => update(rows.map((r, j) => (j === i ? { ...r, key: e.target.value } : r)))}
          />
          <input
            aria-label={`${label} ${i + 1} value`}
            data-testid="kv-value"
            placeholder="value"
            value={row.value}
            spellCheck={false}
            onChange={(e) => update(rows.map((r, j) => (j === i ? { ...r, value: e.target.value } : r)))}
          />
          <button
            type="button"
            className="link"
            aria-label={`Remove ${label} ${i + 1}`}
            data-testid="kv-remove"
            onClick={() => update(rows.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" className="kv-add" data-testid="kv-add" onClick={() => setRows([...rows, { key: '', value: '' }])}>
        + {label.toLowerCase().replace(/s$/, '')}
      </button>
      {repeated.length > 0 && (
        <p className="field-error" role="alert">
          Given more than once (the first row counts): {repeated.join(', ')}
        </p>
      )}
    </fieldset>
  );
}
