// The answers `fetch_url` gets (issue 12): method + URL → status, headers, body. A URL with no
// row is an error the plugin sees; no request ever leaves the page. Rows are edited locally and
// the store gets the valid ones, keyed "METHOD URL" as in the playground document.
import { useState } from 'react';
import type { FetchMock, FetchMocks as Mocks } from '../playground/document.ts';
import { useStore } from '../store/index.ts';
import { KeyValueRows } from './KeyValueRows.tsx';
import { METHODS } from './RequestPanel.tsx';

export interface MockRow {
  method: string;
  url: string;
  /** As typed: checked before it reaches the store. */
  status: string;
  headers: Record<string, string>;
  body: string;
}

const rowsOf = (mocks: Mocks): MockRow[] =>
  Object.entries(mocks).map(([key, m]) => {
    const space = key.indexOf(' ');
    return { method: key.slice(0, space), url: key.slice(space + 1), status: String(m.status), headers: m.headers, body: m.body };
  });

/** Why a row cannot be a mock, or null. */
export function rowProblem(row: MockRow): string | null {
  if (!/^[A-Z]+$/.test(row.method)) return 'the method is upper-case letters (GET, POST, …)';
  if (row.url === '') return 'give the URL the plugin fetches';
  if (/\s/.test(row.url)) return 'a URL has no spaces';
  const status = Number(row.status);
  if (!/^\d{3}$/.test(row.status.trim()) || status < 100 || status > 599) return 'the status is a number from 100 to 599';
  return null;
}

const keyOf = (row: MockRow) => `${row.method} ${row.url}`;

/** The mocks the valid rows make; a repeated "METHOD URL" keeps its first row. */
export function mocksOf(rows: MockRow[]): Mocks {
  const out: Mocks = {};
  for (const row of rows) {
    const key = keyOf(row);
    if (rowProblem(row) !== null || Object.hasOwn(out, key)) continue;
    const mock: FetchMock = { status: Number(row.status), headers: row.headers, body: row.body };
    Object.defineProperty(out, key, { value: mock, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const same = (a: Mocks, b: Mocks) => JSON.stringify(a) === JSON.stringify(b);

const NEW_ROW: MockRow = { method: 'GET', url: '', status: '200', headers: { 'Content-Type': 'application/json' }, body: '' };

export function FetchMocks() {
  const fetch = useStore((s) => s.fetch);
  const setFetch = useStore((s) => s.setFetch);
  const [rows, setRows] = useState<MockRow[]>(() => rowsOf(fetch));
  const [seen, setSeen] = useState(fetch);
  if (seen !== fetch) {
    setSeen(fetch);
    if (!same(mocksOf(rows), fetch)) setRows(rowsOf(fetch));
  }
  const update = (next: MockRow[]) => {
    setRows(next);
    const mocks = mocksOf(next);
    if (!same(mocks, fetch)) setFetch(mocks);
  };
  const edit = (i: number, part: Partial<MockRow>) => update(rows.map((r, j) => (j === i ? { ...r, ...part } : r)));
  const firstOfKey = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!firstOfKey.has(keyOf(r))) firstOfKey.set(keyOf(r), i);
  });

  return (
    <div className="se2-panel fetch-mocks" data-testid="fetch-mocks">
      <p className="muted">
        What <code>sdk.fetch_url</code> answers. A URL without a row is an error the plugin sees; nothing is fetched from the network.
      </p>
      {rows.map((row, i) => {
        const problem = rowProblem(row) ?? (firstOfKey.get(keyOf(row)) !== i ? 'an earlier row has the same method and URL' : null);
        return (
          <fieldset className="mock" key={i} data-testid="mock-row">
            <div className="request-line">
              <select
                aria-label={`Mock ${i + 1} method`}
                data-testid="mock-method"
                value={row.method}
                onChange={(e) => edit(i, { method: e.target.value })}
              >
                {(METHODS.includes(row.method) ? METHODS : [row.method, ...METHODS]).map((m) => (
                  <option key={m}>{m}</option>
                ))}
              </select>
              <input
                aria-label={`Mock ${i + 1} URL`}
                data-testid="mock-url"
                className="grow"
                placeholder="https://api.example.com/items"
                spellCheck={false}
                value={row.url}
                aria-invalid={problem !== null}
                onChange={(e) => edit(i, { url: e.target.value })}
              />
              <input
                aria-label={`Mock ${i + 1} status`}
                data-testid="mock-status"
                className="status-input"
                inputMode="numeric"
                value={row.status}
                onChange={(e) => edit(i, { status: e.target.value })}
              />
              <button
                type="button"
                aria-label={`Delete mock ${i + 1}`}
                data-testid="mock-delete"
                onClick={() => update(rows.filter((_, j) => j !== i))}
              >
                Delete
              </button>
            </div>
            {problem !== null && (
              <p className="field-error" data-testid="mock-problem">
                Not used: {problem}.
              </p>
            )}
            <KeyValueRows label="Headers" testId="mock-headers" foldCase value={row.headers} onChange={(headers) => edit(i, { headers })} />
            <label className="field">
              <span>Body</span>
              <textarea
                data-testid="mock-body"
                rows={3}
                spellCheck={false}
                value={row.body}
                onChange={(e) => edit(i, { body: e.target.value })}
              />
            </label>
          </fieldset>
        );
      })}
      <button type="button" data-testid="mock-add" onClick={() => setRows([...rows, { ...NEW_ROW }])}>
        + Add a mock
      </button>
    </div>
  );
}
