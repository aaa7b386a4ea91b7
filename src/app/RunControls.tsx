// Payload, execution id, time limit, Run and Stop.
import { useEffect, useState } from 'react';
import { parseExecutionId } from '../host/ident.ts';
import { useStore } from '../store/index.ts';
import { MAX_QUOTA_MIB, MAX_TIME_LIMIT_SEC, MIN_QUOTA_MIB, MIN_TIME_LIMIT_SEC } from '../store/defaults.ts';
import { isQuota } from '../store/inputs.ts';
import { runFromPage, stopFromPage } from './runner.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const RUN_SHORTCUT = isMac ? '⌘+Enter' : 'Ctrl+Enter';

/** A number box that keeps what is typed, and tells the store only when it is valid. */
function useDraftNumber(value: number, parse: (text: string) => number | null, commit: (n: number) => void) {
  const [text, setText] = useState(String(value));
  // A value changed elsewhere (a share link, a restored draft) replaces what was typed; adjusted
  // during render (React's pattern for state derived from a prop), not in an effect.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (parse(text) !== value) setText(String(value));
  }
  const valid = parse(text) !== null;
  const onChange = (next: string) => {
    setText(next);
    const n = parse(next);
    if (n !== null) commit(n);
  };
  return { text, valid, onChange };
}

/** A labelled number box bound to a `useDraftNumber` value. */
function NumberField(props: { label: string; testId: string; inputMode: 'numeric' | 'decimal'; field: ReturnType<typeof useDraftNumber> }) {
  const { label, testId, inputMode, field } = props;
  return (
    <label className="field">
      <span>{label}</span>
      <input
        data-testid={testId}
        inputMode={inputMode}
        value={field.text}
        aria-invalid={!field.valid}
        onChange={(e) => field.onChange(e.target.value)}
      />
    </label>
  );
}

const parseLimit = (text: string): number | null => {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) && n >= MIN_TIME_LIMIT_SEC && n <= MAX_TIME_LIMIT_SEC ? n : null;
};

const parseQuota = (text: string): number | null => {
  const n = Number(text);
  return text.trim() !== '' && isQuota(n) ? n : null;
};

const ID_PROBLEM = 'The execution id must be a whole number that fits in 32 bits.';
const LIMIT_PROBLEM = `The time limit is a number of seconds from ${MIN_TIME_LIMIT_SEC} to ${MAX_TIME_LIMIT_SEC}.`;
const QUOTA_PROBLEM = `The quota is a whole number of MiB from ${MIN_QUOTA_MIB} to ${MAX_QUOTA_MIB}.`;

export function RunControls() {
  const payload = useStore((s) => s.payload);
  const setPayload = useStore((s) => s.setPayload);
  const ident = useStore((s) => s.ident);
  const setIdent = useStore((s) => s.setIdent);
  const limit = useStore((s) => s.timeLimitSec);
  const setLimit = useStore((s) => s.setTimeLimit);
  const running = useStore((s) => s.runningId !== null);
  const failed = useStore((s) => s.guest.phase === 'failed');
  const id = useDraftNumber(ident, parseExecutionId, setIdent);
  const lim = useDraftNumber(limit, parseLimit, setLimit);
  const quota = useDraftNumber(
    useStore((s) => s.quotaMiB),
    parseQuota,
    useStore((s) => s.setQuota),
  );
  const refused = useStore((s) => s.runRefused);
  const setInputProblem = useStore((s) => s.setInputProblem);
  // Ctrl+Enter runs from anywhere, also while a box holds text the store refused: the runner asks here first.
  const problem = !id.valid ? ID_PROBLEM : !lim.valid ? LIMIT_PROBLEM : !quota.valid ? QUOTA_PROBLEM : null;
  useEffect(() => setInputProblem(problem), [problem, setInputProblem]);

  return (
    <section className="panel controls" aria-label="Run">
      <label className="field payload-field">
        <span>Payload</span>
        <textarea data-testid="payload" value={payload} rows={3} spellCheck={false} onChange={(e) => setPayload(e.target.value)} />
      </label>
      <div className="row">
        <NumberField label="Execution id" testId="ident" inputMode="numeric" field={id} />
        <NumberField label="Time limit (s)" testId="time-limit" inputMode="decimal" field={lim} />
        {/* The writable space (/tmp and the working folder) of each instance (issue 16). */}
        <NumberField label="Quota (MiB)" testId="quota" inputMode="numeric" field={quota} />
        <div className="buttons">
          <button
            type="button"
            className="primary"
            data-testid="run"
            disabled={running || failed || problem !== null}
            title={RUN_SHORTCUT}
            onClick={runFromPage}
          >
            Run <kbd>{RUN_SHORTCUT}</kbd>
          </button>
          <button type="button" data-testid="stop" disabled={!running} onClick={stopFromPage}>
            Stop
          </button>
        </div>
      </div>
      {!id.valid && <p className="field-error">{ID_PROBLEM}</p>}
      {!lim.valid && <p className="field-error">{LIMIT_PROBLEM}</p>}
      {!quota.valid && <p className="field-error">{QUOTA_PROBLEM}</p>}
      {refused !== null && (
        <p className="field-error" role="alert" data-testid="run-refused">
          Not run: {refused}
        </p>
      )}
    </section>
  );
}
