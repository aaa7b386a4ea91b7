// The Tests panel: the playground's cases (the `se2 test` format), edited, run one by one or all,
// each shown passed or failed with expected vs got; exported and imported as the CLI's cases file.
import { useState } from 'react';
import { checkCase, describeExpectation, type DiffLine } from '../cases/check.ts';
import { DEFAULT_IDENT, type LogEntry } from '../host/index.ts';
import { parseCasesFile, type Expectation, type TestCase } from '../playground/document.ts';
import { currentPlayground, useStore } from '../store/index.ts';
import type { CaseRun } from '../store/tests.ts';
import { runCase } from './runCase.ts';

const store = useStore.getState;

/** What Python wrote to stderr (the traceback when it raised): what a failed case needs shown. */
const stderrOf = (entries: LogEntry[]) => entries.filter((e) => e.level === 'python' && e.stream === 'stderr').map((e) => e.text);

async function runOne(index: number): Promise<void> {
  const s = store();
  const testCase = s.cases[index];
  if (testCase === undefined) return;
  const ranWith = { ran: JSON.stringify(testCase), files: s.files };
  s.setCaseRun(index, { ...ranWith, state: 'running' });
  const log: LogEntry[] = [];
  const outcome = await runCase(currentPlayground(s), testCase, s.timeLimitSec, (entries) => log.push(...entries));
  store().setCaseRun(index, { ...ranWith, state: 'done', verdict: checkCase(outcome, testCase.expect), outcome, stderr: stderrOf(log) });
}

async function runAll(): Promise<void> {
  if (store().runningAll) return;
  store().setRunningAll(true);
  try {
    // One at a time: each takes the Worker, and a time-out replaces it.
    for (let i = 0; i < store().cases.length; i++) await runOne(i);
  } finally {
    store().setRunningAll(false);
  }
}

function saveFile(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const casesFileText = (cases: TestCase[]) => `${JSON.stringify({ cases }, null, 2)}\n`;

type Kind = 'result' | 'result_contains' | 'result_matches' | 'error' | 'no_result';
const KINDS: { kind: Kind; label: string }[] = [
  { kind: 'result', label: 'result is exactly' },
  { kind: 'result_contains', label: 'result contains' },
  { kind: 'result_matches', label: 'result matches (regex)' },
  { kind: 'error', label: 'an error' },
  { kind: 'no_result', label: 'no result' },
];

/** The form's fields, as typed (text boxes hold text until saved). */
interface Draft {
  name: string;
  payload: string;
  ident: string;
  kind: Kind;
  value: string;
  code: string;
  message: string;
}

function toDraft(c: TestCase): Draft {
  const e = c.expect;
  const kind: Kind =
    'result' in e
      ? 'result'
      : 'result_contains' in e
        ? 'result_contains'
        : 'result_matches' in e
          ? 'result_matches'
          : 'error' in e
            ? 'error'
            : 'no_result';
  const value = 'result' in e ? e.result : 'result_contains' in e ? e.result_contains : 'result_matches' in e ? e.result_matches : '';
  const error = 'error' in e ? e.error : {};
  return {
    name: c.name,
    payload: c.payload,
    ident: c.ident === undefined ? '' : String(c.ident),
    kind,
    value,
    code: error.code === undefined ? '' : String(error.code),
    message: error.message_contains ?? '',
  };
}

/** The case the form describes, checked by the cases file's own schema, or why it is not one. */
function fromDraft(d: Draft, keep: TestCase | undefined): { ok: true; value: TestCase } | { ok: false; error: string } {
  let expect: Expectation;
  if (d.kind === 'error') {
    const error: { code?: number; message_contains?: string } = {};
    if (d.code.trim() !== '') error.code = Number(d.code);
    if (d.message !== '') error.message_contains = d.message;
    expect = { error };
  } else if (d.kind === 'no_result') expect = { no_result: true };
  else expect = { [d.kind]: d.value } as Expectation;
  // The SE2 mocks are not edited here: a case keeps the ones it had.
  const candidate: Record<string, unknown> = { name: d.name, payload: d.payload, expect };
  if (d.ident.trim() !== '') candidate.ident = Number(d.ident);
  if (keep?.request !== undefined) candidate.request = keep.request;
  if (keep?.fetch !== undefined) candidate.fetch = keep.fetch;
  // Checked as the cases file is, so the page and `se2 test` say the same about a bad case.
  const parsed = parseCasesFile({ cases: [candidate] });
  if (parsed.ok) return { ok: true, value: parsed.value[0]! };
  if (parsed.error.startsWith('"cases.0.ident"')) return { ok: false, error: 'id: a whole number from -2147483648 to 2147483647' };
  return { ok: false, error: parsed.error.replace('"cases.0.', '"') };
}

function CaseForm({
  initial,
  keep,
  onSave,
  onCancel,
}: {
  initial: Draft;
  keep: TestCase | undefined;
  onSave(c: TestCase): void;
  onCancel(): void;
}) {
  const [d, setD] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const field =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setD((x) => ({ ...x, [key]: value }));
  return (
    <form
      className="case-form"
      data-testid="case-form"
      onSubmit={(e) => {
        e.preventDefault();
        const c = fromDraft(d, keep);
        if (c.ok) onSave(c.value);
        else setError(c.error);
      }}
    >
      <label>
        <span>Name</span>
        <input data-testid="case-name" value={d.name} onChange={(e) => field('name')(e.target.value)} />
      </label>
      <label>
        <span>Payload</span>
        <textarea data-testid="case-payload" rows={2} value={d.payload} onChange={(e) => field('payload')(e.target.value)} />
      </label>
      <label>
        <span>Id</span>
        <input
          data-testid="case-ident"
          inputMode="numeric"
          placeholder={String(DEFAULT_IDENT)}
          value={d.ident}
          onChange={(e) => field('ident')(e.target.value)}
        />
      </label>
      <label>
        <span>Expect</span>
        <select data-testid="case-kind" value={d.kind} onChange={(e) => field('kind')(e.target.value as Kind)}>
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      {(d.kind === 'result' || d.kind === 'result_contains' || d.kind === 'result_matches') && (
        <label>
          <span>{d.kind === 'result_matches' ? 'Regex' : 'Text'}</span>
          <textarea data-testid="case-value" rows={2} value={d.value} onChange={(e) => field('value')(e.target.value)} />
        </label>
      )}
      {d.kind === 'error' && (
        <>
          <label>
            <span>Code</span>
            <input
              data-testid="case-error-code"
              inputMode="numeric"
              placeholder="any"
              value={d.code}
              onChange={(e) => field('code')(e.target.value)}
            />
          </label>
          <label>
            <span>Message contains</span>
            <input
              data-testid="case-error-message"
              placeholder="anything"
              value={d.message}
              onChange={(e) => field('message')(e.target.value)}
            />
          </label>
        </>
      )}
      {error !== null && (
        <div className="field-error" role="alert" data-testid="case-form-error">
          {error}
        </div>
      )}
      <div className="buttons">
        <button type="submit" className="primary" data-testid="case-save">
          Save
        </button>
        <button type="button" data-testid="case-cancel" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Diff({ lines }: { lines: DiffLine[] }) {
  return (
    <pre className="case-diff" data-testid="case-diff">
      {lines.map((l, i) => (
        <div key={i} className={l.op === '-' ? 'diff-del' : l.op === '+' ? 'diff-add' : undefined}>
          {l.op} {l.text}
        </div>
      ))}
    </pre>
  );
}

/** A run still counts for the case only when neither the case nor the files changed since. */
const isCurrent = (run: CaseRun | undefined, c: TestCase, files: object): run is CaseRun =>
  run !== undefined && run.ran === JSON.stringify(c) && run.files === files;
/** A run of this very case, before the files changed. */
const isStale = (run: CaseRun | undefined, c: TestCase) => run !== undefined && run.ran === JSON.stringify(c);

function CaseRow(props: { index: number; testCase: TestCase; onEdit(): void }) {
  const { index, testCase, onEdit } = props;
  const run = useStore((s) => s.caseRuns[index]);
  const files = useStore((s) => s.files);
  const runningAll = useStore((s) => s.runningAll);
  const current = isCurrent(run, testCase, files);
  const status = !current
    ? isStale(run, testCase)
      ? 'stale'
      : 'not-run'
    : run.state === 'running'
      ? 'running'
      : run.verdict.passed
        ? 'passed'
        : 'failed';
  const label = { 'not-run': 'not run', stale: 'files changed since its run', running: 'running…', passed: 'passed', failed: 'failed' }[
    status
  ];
  const remove = () => {
    const s = store();
    s.setCases(s.cases.filter((_, i) => i !== index));
    s.clearCaseRuns();
  };
  const duplicate = () => {
    const s = store();
    const copy = { ...testCase, name: `${testCase.name} (copy)` };
    s.setCases([...s.cases.slice(0, index + 1), copy, ...s.cases.slice(index + 1)]);
    s.clearCaseRuns();
  };
  return (
    <li className="case-row" data-testid="case-row" data-status={status}>
      <div className="case-head">
        <span className={`case-status status-${status}`} data-testid="case-status">
          {label}
        </span>
        <span className="case-title" data-testid="case-title">
          {testCase.name}
        </span>
        <span className="case-buttons">
          <button type="button" data-testid="case-run" disabled={runningAll || run?.state === 'running'} onClick={() => void runOne(index)}>
            Run
          </button>
          <button type="button" data-testid="case-edit" onClick={onEdit}>
            Edit
          </button>
          <button type="button" data-testid="case-duplicate" onClick={duplicate}>
            Duplicate
          </button>
          <button type="button" data-testid="case-delete" onClick={remove} aria-label={`Delete ${testCase.name}`}>
            Delete
          </button>
        </span>
      </div>
      <div className="case-expect">
        expects {describeExpectation(testCase.expect)} for payload {JSON.stringify(testCase.payload).slice(0, 80)}
        {testCase.ident !== undefined && <> and id {testCase.ident}</>}
      </div>
      {current && run.state === 'done' && !run.verdict.passed && (
        <div className="case-failure">
          <div>
            expected: <code data-testid="case-expected">{run.verdict.expected}</code>
          </div>
          <div>
            got: <code data-testid="case-got">{run.verdict.got}</code>
          </div>
          {run.verdict.diff !== null && <Diff lines={run.verdict.diff} />}
          {run.stderr.length > 0 && (
            <pre className="case-trace" data-testid="case-trace">
              {run.stderr.slice(-20).join('\n')}
            </pre>
          )}
        </div>
      )}
    </li>
  );
}

/** What "Add case" starts from: the payload and id in the boxes, expecting the last run's result. */
function newCaseDraft(): Draft {
  const s = store();
  const last = s.runs.at(-1)?.outcome;
  const draft = toDraft({ name: `case ${s.cases.length + 1}`, payload: s.payload, expect: { result: '' } });
  if (s.ident !== DEFAULT_IDENT) draft.ident = String(s.ident);
  if (last?.kind === 'result') draft.value = last.value;
  if (last?.kind === 'error') Object.assign(draft, { kind: 'error', code: String(last.code), message: '' });
  return draft;
}

export function TestsPanel() {
  const cases = useStore((s) => s.cases);
  const runs = useStore((s) => s.caseRuns);
  const files = useStore((s) => s.files);
  const runningAll = useStore((s) => s.runningAll);
  const [editing, setEditing] = useState<{ index: number | null; draft: Draft } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const done = cases
    .map((_, i) => runs[i])
    .filter((r, i): r is CaseRun & { state: 'done' } => isCurrent(r, cases[i]!, files) && r.state === 'done');
  const passed = done.filter((r) => r.verdict.passed).length;

  const save = (c: TestCase) => {
    if (editing === null) return;
    const s = store();
    s.setCases(editing.index === null ? [...s.cases, c] : s.cases.map((x, i) => (i === editing.index ? c : x)));
    setEditing(null);
  };

  const importFile = async (file: File) => {
    let value: unknown;
    try {
      value = JSON.parse(await file.text());
    } catch (e) {
      setProblem(`${file.name} is not JSON: ${(e as Error).message}`);
      return;
    }
    const parsed = parseCasesFile(value);
    if (!parsed.ok) {
      setProblem(`${file.name}: ${parsed.error}`);
      return;
    }
    setProblem(null);
    store().setCases(parsed.value);
    store().clearCaseRuns();
  };

  return (
    <div className="tests" data-testid="tests">
      <div className="tests-bar">
        <button
          type="button"
          className="primary"
          data-testid="tests-run-all"
          disabled={runningAll || cases.length === 0}
          onClick={() => void runAll()}
        >
          {runningAll ? 'Running…' : 'Run all'}
        </button>
        <button type="button" data-testid="tests-add" onClick={() => setEditing({ index: null, draft: newCaseDraft() })}>
          Add case
        </button>
        <button
          type="button"
          data-testid="tests-export"
          disabled={cases.length === 0}
          onClick={() => saveFile('cases.json', casesFileText(cases))}
        >
          Export
        </button>
        <label className="button-like">
          Import
          <input
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="tests-import"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file !== undefined) void importFile(file);
            }}
          />
        </label>
        {done.length > 0 && (
          <span className="tests-summary" data-testid="tests-summary" data-failed={done.length - passed}>
            {passed} passed, {done.length - passed} failed
          </span>
        )}
      </div>
      {problem !== null && (
        <div className="field-error" role="alert" data-testid="tests-error">
          {problem}
        </div>
      )}
      {editing !== null && editing.index === null && (
        <CaseForm initial={editing.draft} keep={undefined} onSave={save} onCancel={() => setEditing(null)} />
      )}
      {cases.length === 0 && editing === null && (
        <p className="placeholder">
          No test cases yet. Add one (it starts from the payload and the last result), or import a cases file (the one
          <code> se2 test</code> reads).
        </p>
      )}
      <ol className="case-list">
        {cases.map((c, i) =>
          editing !== null && editing.index === i ? (
            <li key={i}>
              <CaseForm initial={editing.draft} keep={c} onSave={save} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <CaseRow key={i} index={i} testCase={c} onEdit={() => setEditing({ index: i, draft: toDraft(c) })} />
          ),
        )}
      </ol>
    </div>
  );
}
