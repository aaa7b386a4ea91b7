// Whether a run's outcome meets a test case's expectation, and, when it does not, what was expected
// and what came instead, as text a person reads in the page or a terminal. Pure: no DOM, no Node.
import { diffLines } from 'diff';
import type { Expectation } from '../playground/document.ts';
import type { RunOutcome } from '../worker/client.ts';

/** How a case's run ended: the host's outcomes plus the ends a runner imposes (time limit, Stop). */
export type CaseOutcome = RunOutcome;

/** One line of a result diff: kept (' '), only expected ('-') or only got ('+'). */
export interface DiffLine {
  op: ' ' | '-' | '+';
  text: string;
}

export type Verdict = { passed: true; got: string } | { passed: false; expected: string; got: string; diff: DiffLine[] | null };

/** Quoted text is cut here: a failing case must not print megabytes. */
const MAX_QUOTED = 400;
/** A diff longer than this many lines is cut (the rest is said in one line). */
export const MAX_DIFF_LINES = 40;

export function quote(text: string): string {
  if (text.length <= MAX_QUOTED) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, MAX_QUOTED))}… (${text.length - MAX_QUOTED} more characters)`;
}

/** The expectation in words, e.g. `error 2 with a message containing "import"`. */
export function describeExpectation(expect: Expectation): string {
  if ('result' in expect) return `result ${quote(expect.result)}`;
  if ('result_contains' in expect) return `a result containing ${quote(expect.result_contains)}`;
  if ('result_matches' in expect) return `a result matching /${expect.result_matches}/`;
  if ('error' in expect) {
    const { code, message_contains } = expect.error;
    let text = code === undefined ? 'an error' : `error ${code}`;
    if (message_contains !== undefined) text += ` with a message containing ${quote(message_contains)}`;
    return text;
  }
  return 'no result';
}

/** The outcome in words, in the same terms as `describeExpectation`. */
export function describeOutcome(outcome: CaseOutcome): string {
  switch (outcome.kind) {
    case 'result':
      return `result ${quote(outcome.value)}`;
    case 'error':
      return `error ${outcome.code}: ${quote(outcome.message)}`;
    case 'none':
      return 'no result';
    case 'crash':
      return `crash: ${outcome.message}`;
    case 'timeout':
      return `timed out after ${outcome.limitSec} s`;
    case 'stopped':
      return 'stopped';
    case 'failed':
      return `could not run: ${outcome.message}`;
  }
}

function meets(outcome: CaseOutcome, expect: Expectation): boolean {
  if ('no_result' in expect) return outcome.kind === 'none';
  if ('error' in expect) {
    if (outcome.kind !== 'error') return false;
    const { code, message_contains } = expect.error;
    return (code === undefined || outcome.code === code) && (message_contains === undefined || outcome.message.includes(message_contains));
  }
  if (outcome.kind !== 'result') return false;
  if ('result' in expect) return outcome.value === expect.result;
  if ('result_contains' in expect) return outcome.value.includes(expect.result_contains);
  // Like Python's re.search: anywhere in the result; anchor with ^ and $ for the whole of it.
  return new RegExp(expect.result_matches, 'u').test(outcome.value);
}

/** Line diff of an expected and a got result; null when a diff says nothing more than the two quotes. */
export function resultDiff(expected: string, got: string): DiffLine[] | null {
  if (!expected.includes('\n') && !got.includes('\n')) return null;
  const lines: DiffLine[] = [];
  for (const part of diffLines(expected, got)) {
    const op = part.added ? '+' : part.removed ? '-' : ' ';
    const texts = part.value.endsWith('\n') ? part.value.slice(0, -1).split('\n') : part.value.split('\n');
    for (const text of texts) lines.push({ op, text });
  }
  if (lines.length > MAX_DIFF_LINES) {
    const cut = lines.length - MAX_DIFF_LINES;
    lines.length = MAX_DIFF_LINES;
    lines.push({ op: ' ', text: `… ${cut} more lines` });
  }
  return lines;
}

export function checkCase(outcome: CaseOutcome, expect: Expectation): Verdict {
  const got = describeOutcome(outcome);
  if (meets(outcome, expect)) return { passed: true, got };
  const diff = 'result' in expect && outcome.kind === 'result' ? resultDiff(expect.result, outcome.value) : null;
  return { passed: false, expected: describeExpectation(expect), got, diff };
}
