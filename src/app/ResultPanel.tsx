// The last run's outcome and how long each phase took.
import type { Timings } from '../host/types.ts';
import { useStore, type RunOutcome } from '../store/index.ts';
import type { LoadTimings } from '../store/session.ts';
import { ResponseView } from './ResponseView.tsx';

const ms = (n: number) => (n < 10 ? `${n.toFixed(2)} ms` : `${Math.round(n)} ms`);

function OutcomeView({ outcome }: { outcome: RunOutcome }) {
  switch (outcome.kind) {
    case 'result':
      return (
        <>
          <div className="outcome-label">Returned by the plugin</div>
          <pre className="outcome-value" data-testid="result-value">
            {outcome.value}
          </pre>
        </>
      );
    case 'error':
      return (
        <>
          <div className="outcome-label" data-testid="result-error-code">
            Error {outcome.code}
          </div>
          <pre className="outcome-value" data-testid="result-value">
            {outcome.message}
          </pre>
        </>
      );
    case 'none':
      return <div className="outcome-label">No result returned: the plugin called neither return_result nor return_error.</div>;
    case 'crash':
      return (
        <>
          <div className="outcome-label">The module crashed; the next run starts a fresh instance.</div>
          <pre className="outcome-value" data-testid="result-value">
            {outcome.message}
          </pre>
        </>
      );
    case 'timeout':
      return <div className="outcome-label">Timed out after {outcome.limitSec} s: the Worker was stopped and a fresh one started.</div>;
    case 'stopped':
      return <div className="outcome-label">Stopped: the Worker was stopped and a fresh one started.</div>;
    case 'failed':
      return (
        <>
          <div className="outcome-label">Could not run.</div>
          <pre className="outcome-value" data-testid="result-value">
            {outcome.message}
          </pre>
        </>
      );
  }
}

function Phases({ load, timings, total, first }: { load: LoadTimings; timings: Timings; total: number | null; first: boolean }) {
  const rows: [string, number | undefined][] = [
    ['download + compile wrapper.wasm', first ? load.wrapper : undefined],
    ['compile', timings.compile],
    ['instantiate', timings.instantiate],
    ['_start (imports the plugin)', timings.start],
    ['run_e', timings.run],
    ['total (Run → outcome)', total ?? undefined],
  ];
  return (
    <dl className="phases" data-testid="timings">
      {rows
        .filter((r): r is [string, number] => r[1] !== undefined)
        .map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{ms(value)}</dd>
          </div>
        ))}
    </dl>
  );
}

export function ResultPanel() {
  const run = useStore((s) => s.runs.at(-1));
  const load = useStore((s) => s.loadTimings);
  const outcome = run?.outcome ?? null;
  return (
    <section className="panel result-panel" aria-label="Result" aria-live="polite">
      <div className="panel-bar">
        <h2>Result</h2>
      </div>
      {/* data-run: which run this is (1 for the tab's first), so a test can tell the next run's outcome from the last one's. */}
      <div
        className="result"
        data-testid="result"
        data-run={run?.ordinal ?? 0}
        data-outcome={run === undefined ? 'empty' : (outcome?.kind ?? 'running')}
      >
        {run === undefined && <div className="outcome-label">Press Run (Ctrl+Enter) to run the plugin.</div>}
        {run !== undefined && outcome === null && <div className="outcome-label">Running…</div>}
        {outcome !== null && <OutcomeView outcome={outcome} />}
        {outcome !== null && <ResponseView response={run?.response} />}
        {run !== undefined && outcome !== null && (
          <Phases load={load} timings={run.timings} total={run.totalMs} first={run.ordinal === 1} />
        )}
      </div>
    </section>
  );
}
