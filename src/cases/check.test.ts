import { describe, expect, it } from 'vitest';
import { checkCase, describeExpectation, MAX_DIFF_LINES, quote, resultDiff } from './check.ts';

const result = (value: string) => ({ kind: 'result' as const, value });
const error = (code: number, message: string) => ({ kind: 'error' as const, code, message });

describe('checkCase', () => {
  it('passes exact, contained and matched results and fails the rest with both sides said', () => {
    expect(checkCase(result('abc'), { result: 'abc' })).toEqual({ passed: true, got: 'result "abc"' });
    expect(checkCase(result('abc'), { result: 'abd' })).toEqual({
      passed: false,
      expected: 'result "abd"',
      got: 'result "abc"',
      diff: null,
    });
    expect(checkCase(result('hello world'), { result_contains: 'lo w' }).passed).toBe(true);
    expect(checkCase(result('hello world'), { result_contains: 'low' }).passed).toBe(false);
    expect(checkCase(result('id=42'), { result_matches: '\\d+$' }).passed).toBe(true);
    expect(checkCase(result('id=42!'), { result_matches: '^id=\\d+$' }).passed).toBe(false);
    // A result of the wrong kind fails every result expectation.
    expect(checkCase(error(1, 'abc'), { result_contains: 'abc' })).toMatchObject({ passed: false, got: 'error 1: "abc"' });
    expect(checkCase({ kind: 'none' }, { result: '' })).toMatchObject({ passed: false, got: 'no result' });
  });

  it('checks an error by code and by message, each optional', () => {
    const e = error(2, 'cannot import plugin: SyntaxError: invalid syntax');
    expect(checkCase(e, { error: {} }).passed).toBe(true);
    expect(checkCase(e, { error: { code: 2 } }).passed).toBe(true);
    expect(checkCase(e, { error: { code: 1 } })).toMatchObject({ passed: false, expected: 'error 1' });
    expect(checkCase(e, { error: { message_contains: 'SyntaxError' } }).passed).toBe(true);
    expect(checkCase(e, { error: { code: 2, message_contains: 'NameError' } })).toMatchObject({
      passed: false,
      expected: 'error 2 with a message containing "NameError"',
    });
    expect(checkCase(result('x'), { error: {} })).toMatchObject({ passed: false, expected: 'an error' });
  });

  it('expects no result only of a run that returned neither', () => {
    expect(checkCase({ kind: 'none' }, { no_result: true }).passed).toBe(true);
    expect(checkCase(result(''), { no_result: true }).passed).toBe(false);
  });

  it('fails crashes, time-outs and stops, saying what happened', () => {
    expect(checkCase({ kind: 'crash', message: 'the module exited (proc_exit 1)' }, { no_result: true })).toMatchObject({
      passed: false,
      got: 'crash: the module exited (proc_exit 1)',
    });
    expect(checkCase({ kind: 'timeout', limitSec: 10 }, { result: 'x' })).toMatchObject({ got: 'timed out after 10 s' });
    expect(checkCase({ kind: 'stopped' }, { result: 'x' })).toMatchObject({ got: 'stopped' });
  });

  it('gives a line diff for multi-line results', () => {
    const verdict = checkCase(result('a\nB\nc\nd'), { result: 'a\nb\nc' });
    expect(verdict).toMatchObject({ passed: false });
    if (verdict.passed) return;
    expect(verdict.diff).toEqual([
      { op: ' ', text: 'a' },
      { op: '-', text: 'b' },
      { op: '-', text: 'c' },
      { op: '+', text: 'B' },
      { op: '+', text: 'c' },
      { op: '+', text: 'd' },
    ]);
  });

  it('cuts long text and long diffs', () => {
    expect(quote('x'.repeat(1000))).toMatch(/… \(600 more characters\)$/);
    const many = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
    const diff = resultDiff(many, `${many}x`)!;
    expect(diff).toHaveLength(MAX_DIFF_LINES + 1);
    expect(diff.at(-1)!.text).toMatch(/more lines$/);
    expect(describeExpectation({ result_matches: '^a$' })).toBe('a result matching /^a$/');
  });
});
