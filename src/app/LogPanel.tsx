// The log: every run's lines at their level, with the original example's colours and indentation.
import { memo, useEffect, useRef, useState } from 'react';
import { formatEntry } from '../host/log.ts';
import type { LogEntry, LogLevel } from '../host/types.ts';
import { useStore, type RunRecord } from '../store/index.ts';
import { AnsiText, stripAnsi } from './AnsiText.tsx';
import { copyText } from './clipboard.ts';
import { LOG_LINES_PER_RUN } from '../worker/protocol.ts';
import { revealInEditor } from './markers.ts';
import { frameOf } from './traceback.ts';

const LEVELS: { level: LogLevel; label: string }[] = [
  { level: 'host', label: 'host' },
  { level: 'wrapper', label: 'wrapper' },
  { level: 'python', label: 'Python' },
];

const Entry = memo(function Entry({ entry }: { entry: LogEntry }) {
  return (
    <div data-testid="log-entry" data-level={entry.level} data-stream={entry.stream} className={`entry level-${entry.level}`}>
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
});

/** A traceback line naming a plugin file opens that file at that line when clicked. */
function FrameLink({ entry }: { entry: LogEntry }) {
  const frame = entry.level === 'python' && entry.file === '' ? frameOf(entry.text) : null;
  if (frame === null) return <AnsiText text={entry.text} />;
  return (
    <button type="button" className="log-frame" data-testid="log-frame" title={`Open ${frame.path} at line ${frame.line}`} onClick={() => revealInEditor(frame)}>
      <AnsiText text={entry.text} />
    </button>
  );
}

const droppedText = (count: number) =>
  `… ${count} earlier ${count === 1 ? 'line was' : 'lines were'} dropped (a run keeps its newest ${LOG_LINES_PER_RUN})`;

function DroppedNote({ count }: { count: number }) {
  return (
    <div className="entry-note" data-testid="log-dropped">
      {droppedText(count)}
    </div>
  );
}

const clock = (t: number) => new Date(t).toLocaleTimeString(undefined, { hour12: false });

const RunLog = memo(function RunLog({ run, levels }: { run: RunRecord; levels: Record<LogLevel, boolean> }) {
  return (
    <section className="run-log" data-testid="log-run" data-run-id={run.id}>
      <div className="run-header">
        Run {run.ordinal} · id={run.ident} · {clock(run.startedAt)}
      </div>
      {run.dropped > 0 && <DroppedNote count={run.dropped} />}
      {/* Keys count from the run's first line, kept or not: trimming the oldest re-renders nothing else. */}
      {run.entries.map((e, i) => (levels[e.level] ? <Entry key={run.dropped + i} entry={e} /> : null))}
    </section>
  );
});

function logText(runs: RunRecord[], levels: Record<LogLevel, boolean>): string {
  return runs
    .map((run) => {
      const lines = run.entries.filter((e) => levels[e.level]).map((e) => stripAnsi(formatEntry(e, false)));
      if (run.dropped > 0) lines.unshift(droppedText(run.dropped));
      return [`--- run id=${run.ident} at ${new Date(run.startedAt).toISOString()} ---`, ...lines].join('\n');
    })
    .join('\n\n');
}

export function LogPanel() {
  const runs = useStore((s) => s.runs);
  const levels = useStore((s) => s.levels);
  const toggleLevel = useStore((s) => s.toggleLevel);
  const clearLog = useStore((s) => s.clearLog);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  // Follow new lines unless the reader scrolled up.
  useEffect(() => {
    const el = scroller.current;
    if (el !== null && stick.current) el.scrollTop = el.scrollHeight;
  }, [runs]);

  return (
    <section className="panel log-panel" aria-label="Log">
      <div className="panel-bar">
        <h2>Log</h2>
        <div className="filters" role="group" aria-label="Show levels">
          {LEVELS.map(({ level, label }) => (
            <label key={level} className={`filter level-${level}`}>
              <input type="checkbox" checked={levels[level]} onChange={() => toggleLevel(level)} data-testid={`filter-${level}`} />
              <span className="entry-file">{label}</span>
            </label>
          ))}
        </div>
        <button
          type="button"
          data-testid="copy-log"
          onClick={() => {
            void copyText(logText(runs, levels)).then((ok) => setCopied(ok ? 'copied' : 'failed'));
            setTimeout(() => setCopied('idle'), 2000);
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
        ref={scroller}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
      >
        {runs.length === 0 && <p className="placeholder">Each run's log appears here.</p>}
        {runs.map((run) => (
          <RunLog key={run.id} run={run} levels={levels} />
        ))}
      </div>
    </section>
  );
}
