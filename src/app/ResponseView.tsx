// What an SE2 plugin left after its run (issue 12): the response headers it set with
// `resp_set_header` and the request's state. Shown only when the host reports them.
import type { RunResponse } from '../store/index.ts';

function Pairs({ title, testId, pairs }: { title: string; testId: string; pairs: Record<string, string> }) {
  const entries = Object.entries(pairs);
  return (
    <div className="response-part" data-testid={testId}>
      <div className="outcome-label">{title}</div>
      {entries.length === 0 ? (
        <div className="muted">none</div>
      ) : (
        <dl className="pairs">
          {entries.map(([key, value]) => (
            <div key={key} data-testid="pair">
              <dt>{key}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

export function ResponseView({ response }: { response: RunResponse | undefined }) {
  if (response === undefined) return null;
  return (
    <div className="response-view">
      {response.headers !== undefined && <Pairs title="Response headers" testId="response-headers" pairs={response.headers} />}
      {response.state !== undefined && <Pairs title="State after the run" testId="response-state" pairs={response.state} />}
    </div>
  );
}
