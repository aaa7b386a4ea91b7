// The request an SE2 plugin sees through `request_get_field` (issue 12): method, URL (with its
// query), headers, params, body and state. Off, the run has no request (`request` is null).
import { useState } from 'react';
import type { HttpRequest } from '../playground/document.ts';
import { useStore } from '../store/index.ts';
import { KeyValueRows } from './KeyValueRows.tsx';

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

export const NEW_REQUEST: HttpRequest = {
  method: 'GET',
  url: 'https://example.com/',
  headers: {},
  params: {},
  body: '',
  state: {},
};

export function RequestPanel() {
  const request = useStore((s) => s.request);
  const setRequest = useStore((s) => s.setRequest);
  // What the fields show while the request is off, so turning it on again brings it back.
  const [kept, setKept] = useState<HttpRequest>(request ?? NEW_REQUEST);
  if (request !== null && request !== kept) setKept(request);
  const shown = request ?? kept;
  const enabled = request !== null;
  const change = (part: Partial<HttpRequest>) => setRequest({ ...shown, ...part });

  return (
    <div className="se2-panel request-panel" data-testid="request-panel">
      <label className="toggle">
        <input
          type="checkbox"
          data-testid="request-enabled"
          checked={enabled}
          onChange={(e) => setRequest(e.target.checked ? shown : null)}
        />
        <span className="nowrap">Enable request</span>{' '}
        <span className="muted">
          — what the plugin reads with <code>sdk.request_get_field</code>; off: the run has none
        </span>
      </label>
      <fieldset className="request-fields" disabled={!enabled}>
        <div className="request-line">
          <select
            aria-label="Method"
            data-testid="request-method"
            value={shown.method}
            onChange={(e) => change({ method: e.target.value })}
          >
            {/* A method from a link that is not in the list is kept and shown. */}
            {(METHODS.includes(shown.method) ? METHODS : [shown.method, ...METHODS]).map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
          <input
            aria-label="URL"
            data-testid="request-url"
            className="grow"
            value={shown.url}
            spellCheck={false}
            placeholder="https://example.com/path?query=1"
            onChange={(e) => change({ url: e.target.value })}
          />
        </div>
        <KeyValueRows
          label="Headers"
          testId="request-headers"
          foldCase
          value={shown.headers}
          onChange={(headers) => change({ headers })}
          disabled={!enabled}
        />
        <KeyValueRows
          label="Params"
          testId="request-params"
          value={shown.params}
          onChange={(params) => change({ params })}
          disabled={!enabled}
        />
        <label className="field">
          <span>Body</span>
          <textarea
            data-testid="request-body"
            rows={4}
            spellCheck={false}
            value={shown.body}
            onChange={(e) => change({ body: e.target.value })}
          />
        </label>
        <KeyValueRows
          label="State"
          testId="request-state"
          value={shown.state}
          onChange={(state) => change({ state })}
          disabled={!enabled}
        />
      </fieldset>
    </div>
  );
}
