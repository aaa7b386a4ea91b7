// The Sequence view (issue 14): the crossings of the selected run as arrows between three lanes
// (host, C wrapper, Python), numbered, with the time between them. Hovering an arrow shows its
// values and highlights its log lines; clicking it shows its bytes in the Memory view. Runs of
// repeated crossings fold into one row with a count. Everything from the run is text in the DOM.
import { useMemo, useState } from 'react';
import type { TraceEvent } from '../host/types.ts';
import { arrowOf, valueText } from '../host/traceText.ts';
import { useStore, type RunRecord } from '../store/index.ts';
import { arrowLanes, callDurations, foldRepeats, LANES, ms, type SequenceRow } from './sequence.ts';

/** The runs that carry a trace, newest last; the view shows the one picked (default: the newest). */
export function useTracedRun(): { runs: RunRecord[]; run: RunRecord | null; pick: (id: number) => void } {
  const all = useStore((s) => s.runs);
  const runs = useMemo(() => all.filter((r) => r.trace !== undefined), [all]);
  const [picked, setPicked] = useState<number | null>(null);
  const run = runs.find((r) => r.id === picked) ?? runs.at(-1) ?? null;
  return { runs, run, pick: setPicked };
}

export function RunPicker({ runs, run, pick }: ReturnType<typeof useTracedRun>) {
  if (runs.length < 2 || run === null) return null;
  return (
    <select aria-label="Run" value={run.id} onChange={(e) => pick(Number(e.target.value))} data-testid="trace-run-picker">
      {runs.map((r) => (
        <option key={r.id} value={r.id}>
          Run {r.ordinal} · id={r.ident}
        </option>
      ))}
    </select>
  );
}

/** Why a run has no trace to show, or null when it has one. */
export function NoTrace({ run }: { run: RunRecord | null }) {
  const running = useStore((s) => s.runningId !== null);
  if (run !== null) return null;
  return (
    <p className="trace-empty" data-testid="trace-empty">
      {running ? 'Tracing this run…' : 'Runs are traced from now on: press Run to see the crossings of the boundary.'}
    </p>
  );
}

function Arrow({ event, count, took, last, failed }: { event: TraceEvent; count?: number; took?: number; last: boolean; failed: boolean }) {
  const { from, to } = arrowLanes(event);
  // Lane centres at 1/6, 3/6, 5/6 of the width: the arrow runs between two of them.
  const left = ((Math.min(from, to) * 2 + 1) / 6) * 100;
  const width = (Math.abs(to - from) / 3) * 100;
  // A return says how long its call took: the time between the two arrows.
  const label =
    event.phase === 'call'
      ? `${event.name}(${event.values.map((v) => v.name).join(', ')})`
      : `${event.name}${took === undefined ? '' : ` · ${ms(took)}`}`;
  return (
    <div className="seq-lanes">
      <div
        className={`seq-arrow ${event.phase} ${to > from ? 'right' : 'left'}${event.error !== undefined || (last && failed) ? ' failed' : ''}`}
        style={{ left: `${left}%`, width: `${width}%` }}
      >
        <span className="seq-label">
          {label}
          {count !== undefined && <span className="seq-count"> ×{count}</span>}
        </span>
      </div>
    </div>
  );
}

export function SequenceView({ onShowMemory }: { onShowMemory?: () => void }) {
  const traced = useTracedRun();
  const { run } = traced;
  const setHover = useStore((s) => s.setTraceHover);
  const setPick = useStore((s) => s.setTracePick);
  const selected = useStore((s) => s.tracePick);
  const [hovered, setHovered] = useState<TraceEvent | null>(null);
  const [open, setOpen] = useState<Set<number>>(new Set());
  const events = useMemo(() => run?.trace ?? [], [run]);
  const rows = useMemo(() => foldRepeats(events), [events]);
  const durations = useMemo(() => callDurations(events), [events]);
  const outcome = run?.outcome ?? null;
  const failed = outcome !== null && outcome.kind !== 'result';
  const first = events[0]?.time ?? 0;
  // Where a failed run failed: the return_error call that carried its error, else the last crossing
  // (a crash: the export that never returned).
  const where =
    outcome?.kind === 'error' ? (events.findLast((e) => e.name === 'return_error' && e.phase === 'call') ?? events.at(-1)) : events.at(-1);

  const point = (e: TraceEvent | null) => {
    setHovered(e);
    setHover(e === null || run === null ? null : { runId: run.id, seq: e.seq });
  };
  const pin = (e: TraceEvent) => run !== null && setPick({ runId: run.id, seq: e.seq });

  const row = (e: TraceEvent, i: number, count?: number) => {
    const previous = i > 0 ? events[i - 1] : undefined;
    const isSelected = selected !== null && selected.runId === run?.id && selected.seq === e.seq;
    return (
      <li
        key={e.seq}
        className={`seq-row${isSelected ? ' selected' : ''}`}
        data-testid="seq-arrow"
        data-seq={e.seq}
        data-name={e.name}
        data-phase={e.phase}
        data-direction={e.direction}
        tabIndex={0}
        aria-label={`${e.seq}. ${arrowOf(e)} ${e.phase} ${e.name}`}
        onMouseEnter={() => point(e)}
        onMouseLeave={() => point(null)}
        onFocus={() => point(e)}
        onBlur={() => point(null)}
        onClick={() => pin(e)}
        onKeyDown={(k) => {
          if (k.key === 'Enter' || k.key === ' ') {
            k.preventDefault();
            pin(e);
          }
        }}
      >
        <span className="seq-num">{e.seq}</span>
        <span className="seq-time" title={`${ms(e.time - first)} after the first crossing`}>
          {previous === undefined ? '0' : `+${ms(e.time - previous.time)}`}
        </span>
        <Arrow
          event={e}
          last={e === events.at(-1)}
          failed={failed}
          {...(count !== undefined && { count })}
          {...(durations.has(e.seq) && { took: durations.get(e.seq)! })}
        />
      </li>
    );
  };

  const rendered = (r: SequenceRow) => {
    if (r.kind === 'event') return [row(r.event, events.indexOf(r.event))];
    const startSeq = r.events[0]!.seq;
    if (open.has(startSeq)) return r.events.map((e) => row(e, events.indexOf(e)));
    return [
      <li key={`fold-${startSeq}`} className="seq-fold" data-testid="seq-fold">
        <button type="button" onClick={() => setOpen(new Set(open).add(startSeq))}>
          {r.block.length} crossing{r.block.length === 1 ? '' : 's'} repeated ×{r.times} (#{startSeq}–#{r.events.at(-1)!.seq}): show all
        </button>
      </li>,
      ...r.block.map((e) => row(e, events.indexOf(e), r.times)),
    ];
  };

  const shown = hovered ?? (selected !== null && selected.runId === run?.id ? (events.find((e) => e.seq === selected.seq) ?? null) : null);
  return (
    <div className="sequence-view" data-testid="sequence-view">
      <div className="seq-bar">
        <RunPicker {...traced} />
        {run !== null && (
          <span className="seq-summary">
            {events.length} crossings{run.traceDropped ? ` (+${run.traceDropped} not kept)` : ''}
            {events.length > 1 && ` in ${ms(events.at(-1)!.time - first)}`}
          </span>
        )}
      </div>
      <NoTrace run={run} />
      {run !== null && (
        <>
          <div className="seq-head" aria-hidden="true">
            <span />
            <span />
            <div className="seq-lanes">
              {LANES.map((l) => (
                <span key={l}>{l}</span>
              ))}
            </div>
          </div>
          <ol className="seq-list" data-testid="seq-list">
            {rows.flatMap(rendered)}
          </ol>
          {failed && outcome !== null && (
            <p className="seq-error" data-testid="seq-error">
              {outcome.kind === 'error'
                ? `Ended with error ${outcome.code}: ${outcome.message}`
                : outcome.kind === 'crash'
                  ? `Crashed: ${outcome.message}`
                  : outcome.kind === 'none'
                    ? 'Ended with no result'
                    : `Ended: ${outcome.kind}`}
              {where !== undefined && ` — at #${where.seq} ${arrowOf(where)} ${where.phase} ${where.name}`}
            </p>
          )}
          <div className="seq-detail" data-testid="seq-detail" aria-live="polite">
            {shown === null ? (
              <span className="muted">Point at an arrow for its values; click it for its bytes (Memory).</span>
            ) : (
              <>
                <strong>
                  #{shown.seq} {arrowOf(shown)} {shown.phase} {shown.name}
                </strong>
                {shown.values.length === 0 && <span className="muted"> (no values)</span>}
                <ul>
                  {shown.values.map((v) => (
                    <li key={v.name}>{valueText(v, 60)}</li>
                  ))}
                </ul>
                {durations.has(shown.seq) && <div className="muted">returned {ms(durations.get(shown.seq)!)} after its call</div>}
                {shown.memory !== undefined && <div className="muted">memory: {shown.memory.toLocaleString('en')} bytes</div>}
                {shown.error !== undefined && <div className="seq-error">{shown.error}</div>}
                {onShowMemory !== undefined && shown.values.some((v) => v.kind === 'bytes') && (
                  <button
                    type="button"
                    data-testid="seq-show-memory"
                    onClick={() => {
                      pin(shown);
                      onShowMemory();
                    }}
                  >
                    Bytes in Memory ›
                  </button>
                )}
              </>
            )}
          </div>
        </>
      )}
    </div>
  );
}
