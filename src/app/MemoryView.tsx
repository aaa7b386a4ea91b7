// The Memory view (issue 14): for the crossing picked in the Sequence view, the bytes at each of
// its pointers as hex and as UTF-8 text side by side, with pointer, length and offset; and for
// its run, the module's memory before and after and what allocate and deallocate were given.
// Bytes from the module are shown as text nodes only.
import { useMemo } from 'react';
import type { TraceValue } from '../host/types.ts';
import { arrowOf, hexAddress } from '../host/traceText.ts';
import { useStore } from '../store/index.ts';
import { hexRows, memorySummary } from './sequence.ts';

const lenient = new TextDecoder('utf-8');
const size = (n: number | null) => (n === null ? '—' : `${n.toLocaleString('en')} bytes (${(n / 2 ** 20).toFixed(1)} MiB)`);

function Bytes({ value }: { value: Extract<TraceValue, { kind: 'bytes' }> }) {
  const rows = hexRows(value.bytes);
  return (
    <section className="mem-value" data-testid="mem-value" data-name={value.name}>
      <h4>
        {value.name} <span className="muted">at</span> <code data-testid="mem-ptr">{hexAddress(value.ptr)}</code>{' '}
        <span className="muted">
          length {value.len}
          {value.bytes.length < value.len && `, first ${value.bytes.length} copied`}
        </span>
      </h4>
      <div className="mem-columns">
        <table className="mem-hex" data-testid="mem-hex">
          <tbody>
            {rows.map((r) => (
              <tr key={r.offset}>
                <td className="muted" title={`address ${hexAddress(value.ptr + r.offset)}`}>
                  +{r.offset.toString(16).padStart(3, '0')}
                </td>
                <td>{r.hex}</td>
                <td className="mem-ascii">{r.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <pre className="mem-text" data-testid="mem-text" title="the bytes read as UTF-8">
          {lenient.decode(value.bytes)}
        </pre>
      </div>
    </section>
  );
}

export function MemoryView() {
  const runs = useStore((s) => s.runs);
  const pick = useStore((s) => s.tracePick);
  const traced = runs.filter((r) => r.trace !== undefined);
  const run = (pick !== null ? traced.find((r) => r.id === pick.runId) : undefined) ?? traced.at(-1) ?? null;
  const events = useMemo(() => run?.trace ?? [], [run]);
  const summary = useMemo(() => memorySummary(events), [events]);
  // Without a pick, the first crossing with bytes (run_e and its payload) is shown.
  const event =
    (pick !== null && pick.runId === run?.id ? events.find((e) => e.seq === pick.seq) : undefined) ??
    events.find((e) => e.values.some((v) => v.kind === 'bytes')) ??
    null;

  if (run === null) {
    return (
      <p className="trace-empty" data-testid="trace-empty">
        Runs are traced from now on: press Run, then pick a crossing in the Sequence view.
      </p>
    );
  }
  const pointers = event?.values.filter((v): v is Extract<TraceValue, { kind: 'bytes' }> => v.kind === 'bytes') ?? [];
  return (
    <div className="memory-view" data-testid="memory-view">
      <dl className="mem-summary" data-testid="mem-summary">
        <dt>Run</dt>
        <dd>
          {run.ordinal} · id={run.ident}
        </dd>
        <dt>Memory before</dt>
        <dd>{size(summary.before)}</dd>
        <dt>Memory after</dt>
        <dd>{size(summary.after)}</dd>
        <dt>allocate</dt>
        <dd data-testid="mem-allocate">
          {summary.allocations.length === 0 ? '—' : summary.allocations.map((a) => `allocate(${a.size}) → ${hexAddress(a.ptr)}`).join(', ')}
        </dd>
        <dt>deallocate</dt>
        <dd>{summary.frees.length === 0 ? '—' : summary.frees.map((f) => `deallocate(${hexAddress(f.ptr)}, ${f.size})`).join(', ')}</dd>
      </dl>
      {event !== null && (
        <h3 className="mem-event" data-testid="mem-event">
          #{event.seq} {arrowOf(event)} {event.phase} {event.name}
        </h3>
      )}
      {event !== null && pointers.length === 0 && <p className="muted">This crossing carries no pointer.</p>}
      {pointers.map((v) => (
        <Bytes key={v.name} value={v} />
      ))}
    </div>
  );
}
