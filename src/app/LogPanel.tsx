// The log: every run's lines at their level, with the original example's colours and indentation.
// Only the rows on screen (and a few around them) are in the DOM: a flood of 20 000 kept lines
// costs the same to render as twenty. Rows are measured as they render (a long line wraps).
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { formatEntry } from '../host/log.ts';
import type { LogEntry, LogLevel } from '../host/types.ts';
import { useStore, type RunRecord } from '../store/index.ts';
import { LOG_LINES_PER_RUN } from '../worker/protocol.ts';
import { AnsiText, stripAnsi } from './AnsiText.tsx';
import { copyText } from './clipboard.ts';
import { revealInEditor } from './markers.ts';
import { linesOf } from './sequence.ts';
import { frameOf } from './traceback.ts';

const LEVELS: { level: LogLevel; label: string }[] = [
  { level: 'host', label: 'host' },
  { level: 'wrapper', label: 'wrapper' },
  { level: 'python', label: 'Python' },
];

/** One line of the list: a run's header, its dropped-lines note, or a log entry. */
type Row =
  | { kind: 'header'; key: string; run: RunRecord; last: boolean }
  | { kind: 'dropped'; key: string; run: RunRecord; last: boolean }
  | { kind: 'entry'; key: string; run: RunRecord; last: boolean; entry: LogEntry };

function rowsOf(runs: RunRecord[], levels: Record<LogLevel, boolean>): Row[] {
  const rows: Row[] = [];
  runs.forEach((run, r) => {
    const last = r === runs.length - 1;
    rows.push({ kind: 'header', key: `${run.id}:h`, run, last });
    if (run.dropped > 0) rows.push({ kind: 'dropped', key: `${run.id}:d`, run, last });
    // Keys count from the run's first line, kept or not: trimming the oldest re-keys nothing else.
    run.entries.forEach((entry, i) => {
      if (levels[entry.level]) rows.push({ kind: 'entry', key: `${run.id}:${run.dropped + i}`, run, last, entry });
    });
  });
  return rows;
}

/** A traceback line naming a plugin file opens that file at that line when clicked. */
function FrameLink({ entry }: { entry: LogEntry }) {
  const frame = entry.level === 'python' && entry.file === '' ? frameOf(entry.text) : null;
  if (frame === null) return <AnsiText text={entry.text} />;
  return (
    <button
      type="button"
      className="log-frame"
      data-testid="log-frame"
      title={`Open ${frame.path} at line ${frame.line}`}
      onClick={() => revealInEditor(frame)}
    >
      <AnsiText text={entry.text} />
    </button>
  );
}

const droppedText = (count: number) =>
  `… ${count} earlier ${count === 1 ? 'line was' : 'lines were'} dropped (a run keeps its newest ${LOG_LINES_PER_RUN})`;

// One formatter for every header: toLocaleTimeString builds a new one on each call (about 0.1 ms).
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const clock = (t: number) => timeFormat.format(t);

// An entry row's content never changes under its key; a header shows its run's fields.
const sameRow = (a: { row: Row; lit: boolean }, b: { row: Row; lit: boolean }) =>
  a.lit === b.lit && a.row.key === b.row.key && a.row.last === b.row.last && (a.row.kind === 'entry' || a.row.run === b.row.run);

/** `lit`: the line belongs to the crossing the Sequence view points at. */
const RowView = memo(function RowView({ row, lit }: { row: Row; lit: boolean }) {
  // Every row names its run, so tests and tools can find a run's rows among the rendered ones.
  const runAttrs = { 'data-run-id': row.run.id, 'data-last-run': row.last ? '' : undefined };
  switch (row.kind) {
    case 'header':
      return (
        <div className="run-header" data-testid="log-run" {...runAttrs} data-lines={row.run.entries.length} data-dropped={row.run.dropped}>
          Run {row.run.ordinal} · id={row.run.ident} · {clock(row.run.startedAt)}
        </div>
      );
    case 'dropped':
      return (
        <div className="entry-note" data-testid="log-dropped" {...runAttrs}>
          {droppedText(row.run.dropped)}
        </div>
      );
    case 'entry': {
      const { entry } = row;
      return (
        <div
          data-testid="log-entry"
          {...runAttrs}
          data-level={entry.level}
          data-stream={entry.stream}
          data-trace-lit={lit ? '' : undefined}
          className={`entry level-${entry.level}${lit ? ' trace-lit' : ''}`}
        >
          {entry.file !== '' && (
            <>
              <span className="entry-file">[{entry.file}]</span>
              {' | '}
            </>
          )}
          {entry.ident !== null && <span className="entry-ident">id={entry.ident} | </span>}
          <FrameLink entry={entry} />
        </div>
      );
    }
  }
}, sameRow);

function logText(runs: RunRecord[], levels: Record<LogLevel, boolean>): string {
  return runs
    .map((run) => {
      const lines = run.entries.filter((e) => levels[e.level]).map((e) => stripAnsi(formatEntry(e, false)));
      if (run.dropped > 0) lines.unshift(droppedText(run.dropped));
      return [`--- run id=${run.ident} at ${new Date(run.startedAt).toISOString()} ---`, ...lines].join('\n');
    })
    .join('\n\n');
}

/** 12.5 px monospace at line-height 1.45: the height of a line that does not wrap. */
const LINE_PX = 18;

/**
 * A row's height from the ResizeObserver's report, which comes after the browser's own layout. A
 * row that has just mounted keeps its cached or estimated height until then: reading it at once
 * would force a synchronous layout for every new row (milliseconds per rerun).
 */
function measureRow(element: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLDivElement, Element>): number {
  const box = entry?.borderBoxSize[0];
  if (box !== undefined) return Math.round(box.blockSize);
  const index = instance.indexFromElement(element);
  return instance.measurementsCache[index]?.size ?? LINE_PX;
}

export function LogPanel() {
  // The log renders after the rest of an update has been shown (React's deferred value): a run's
  // result appears first, and a flood's next batch can interrupt the render of the previous one.
  // The urgent pass gives LogView the values it had, so memo skips it (React's pattern for
  // useDeferredValue): the result's render does not pay for the log's.
  const runs = useDeferredValue(useStore((s) => s.runs));
  const checked = useStore((s) => s.levels);
  const levels = useDeferredValue(checked);
  return <LogView runs={runs} checked={checked} levels={levels} />;
}

interface LogViewProps {
  runs: RunRecord[];
  /** The level filters as ticked, and as the rows are filtered (deferred). */
  checked: Record<LogLevel, boolean>;
  levels: Record<LogLevel, boolean>;
}

const LogView = memo(function LogView({ runs, checked, levels }: LogViewProps) {
  const toggleLevel = useStore((s) => s.toggleLevel);
  const clearLog = useStore((s) => s.clearLog);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copiedTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(copiedTimer.current), []);
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const readerScrolledAt = useRef(-Infinity);
  const noteReader = () => {
    readerScrolledAt.current = performance.now();
  };
  const rows = useMemo(() => rowsOf(runs, levels), [runs, levels]);
  // The lines of the crossing pointed at (or picked) in the Sequence view, matched by the host's clock.
  const hover = useStore((s) => s.traceHover);
  const pick = useStore((s) => s.tracePick);
  const point = hover ?? pick;
  const lit = useMemo(() => {
    const run = point === null ? undefined : runs.find((r) => r.id === point.runId);
    return run?.trace === undefined || point === null ? new Set<LogEntry>() : linesOf(run.entries, run.dropped, run.trace, point.seq);
  }, [runs, point]);

  // The React Compiler is not used here: the virtualizer is read afresh on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => LINE_PX,
    overscan: 30,
    getItemKey: (i) => rows[i]!.key,
    measureElement: measureRow,
    // Scrolling re-renders in the next frame rather than synchronously inside the scroll event.
    useFlushSync: false,
  });

  // Follow new lines unless the reader scrolled up, and again when rows measured taller than
  // estimated make the list longer. In the next animation frame, before it paints: scrolling reads
  // the list's height, which forces a layout; done at once, every batch of lines (and the result
  // shown after them) would wait for that extra layout. Not the virtualizer's scrollToIndex: its
  // command stays open until a scroll event confirms it, and a list already at its end sends none,
  // so every later render read the list's height again (a forced layout per run on the page).
  const totalSize = virtualizer.getTotalSize();
  useEffect(() => {
    if (!stick.current || rows.length === 0) return;
    const frame = requestAnimationFrame(() => {
      const el = scroller.current;
      if (el !== null) el.scrollTop = el.scrollHeight;
    });
    return () => cancelAnimationFrame(frame);
  }, [rows, totalSize]);

  // A crossing picked in the Sequence view brings its first line into view (the log stops following
  // new lines then, as when the reader scrolls up).
  useLayoutEffect(() => {
    if (pick === null) return;
    const first = rows.findIndex((r) => r.kind === 'entry' && lit.has(r.entry));
    if (first < 0) return;
    stick.current = false;
    virtualizer.scrollToIndex(first, { align: 'center' });
    // Only a new pick scrolls: rows and lit change with every run and every hover.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pick]);

  const items = virtualizer.getVirtualItems();
  return (
    <section className="panel log-panel" aria-label="Log">
      <div className="panel-bar">
        <h2>Log</h2>
        <div className="filters" role="group" aria-label="Show levels">
          {LEVELS.map(({ level, label }) => (
            <label key={level} className={`filter level-${level}`}>
              <input type="checkbox" checked={checked[level]} onChange={() => toggleLevel(level)} data-testid={`filter-${level}`} />
              <span className="entry-file">{label}</span>
            </label>
          ))}
        </div>
        <button
          type="button"
          data-testid="copy-log"
          onClick={() => {
            // The label shows the outcome for 2 s from when it is known: a copy can take longer
            // than that on a busy machine, and a label timed from the click then stuck or flashed.
            void copyText(logText(runs, levels)).then((ok) => {
              setCopied(ok ? 'copied' : 'failed');
              clearTimeout(copiedTimer.current);
              copiedTimer.current = setTimeout(() => setCopied('idle'), 2000);
            });
          }}
        >
          {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy all'}
        </button>
        <button type="button" onClick={clearLog} data-testid="clear-log">
          Clear
        </button>
      </div>
      <div
        className="log"
        data-testid="log"
        data-runs={runs.length}
        ref={scroller}
        onWheel={noteReader}
        onTouchMove={noteReader}
        onKeyDown={noteReader}
        onPointerDown={noteReader}
        onScroll={(e) => {
          // At the bottom: follow. Elsewhere because the reader scrolled there: stop following.
          // A scroll of the page's own (the list grew, a row above the view was measured) leaves it.
          const el = e.currentTarget;
          if (el.scrollHeight - el.scrollTop - el.clientHeight < 24) stick.current = true;
          else if (performance.now() - readerScrolledAt.current < 1000) stick.current = false;
        }}
      >
        {runs.length === 0 && <p className="placeholder">Each run's log appears here.</p>}
        <div className="log-rows" style={{ height: totalSize }}>
          <div className="log-window" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
            {items.map((item) => (
              <div key={item.key} data-index={item.index} ref={virtualizer.measureElement}>
                <RowView
                  row={rows[item.index]!}
                  lit={rows[item.index]!.kind === 'entry' && lit.has((rows[item.index] as { entry: LogEntry }).entry)}
                />
              </div>
            ))}
          </div>
        </div>
      </div>
    </section>
  );
});
