import { describe, expect, it } from 'vitest';
import { parseReply, parseRequest } from './protocol.ts';

const entry = { level: 'python', file: 'plugin.py', ident: 1, text: 'hi', stream: 'stdout', time: 1.5 };

describe('worker protocol', () => {
  it('accepts each well-formed reply', () => {
    expect(parseReply({ type: 'ready', id: 1 })).toEqual({ ok: true, value: { type: 'ready', id: 1 } });
    expect(parseReply({ type: 'log', id: 2, lines: ['line'], dropped: 0 })).toEqual({
      ok: true,
      value: { type: 'log', id: 2, lines: ['line'], dropped: 0 },
    });
    expect(parseReply({ type: 'done', id: 3, outcome: { kind: 'error', code: 1, message: 'x' }, timings: { run: 2 } }).ok).toBe(true);
    expect(parseReply({ type: 'failed', id: 4, error: { type: 'Error', message: 'm' } }).ok).toBe(true);
  });

  it('refuses malformed replies and says where the problem is', () => {
    const cases: [unknown, RegExp][] = [
      [null, /object/i],
      ['ready', /object/i],
      [{ type: 'ready' }, /^id: /],
      [{ type: 'ready', id: 1.5 }, /^id: .*integer/i],
      [{ type: 'nope', id: 1 }, /^type: /],
      [{ type: 'log', id: 1, lines: [entry], dropped: 0 }, /^lines\.0: /],
      [{ type: 'log', id: 1, lines: [], dropped: -1 }, /^dropped: /],
      [{ type: 'done', id: 1, outcome: { kind: 'result' }, timings: {} }, /^outcome\.value: /],
      [{ type: 'done', id: 1, outcome: { kind: 'none' }, timings: { run: 'fast' } }, /^timings\.run: /],
      [{ type: 'failed', id: 1, error: 'boom' }, /^error: /],
    ];
    for (const [bad, where] of cases) {
      const parsed = parseReply(bad);
      expect(parsed.ok, JSON.stringify(bad)).toBe(false);
      if (!parsed.ok) expect(parsed.problem, JSON.stringify(bad)).toMatch(where);
    }
  });

  it('checks requests too', () => {
    expect(parseRequest({ type: 'run', id: 1, files: { 'plugin.py': '' }, payload: 'p', ident: 5 }).ok).toBe(true);
    expect(parseRequest({ type: 'run', id: 1, files: { 'plugin.py': 1 }, payload: 'p', ident: 5 }).ok).toBe(false);
    // Without files: those of the Worker's last run request.
    expect(parseRequest({ type: 'run', id: 1, payload: 'p', ident: 5 })).toMatchObject({ ok: true, value: { payload: 'p' } });
    expect(parseRequest({ type: 'run', id: 1, files: null, payload: 'p', ident: 5 }).ok).toBe(false);
    // A test case asks for a fresh instance with a boolean.
    expect(parseRequest({ type: 'run', id: 1, files: {}, payload: 'p', ident: 5, fresh: true })).toMatchObject({
      ok: true,
      value: { fresh: true },
    });
    expect(parseRequest({ type: 'run', id: 1, files: {}, payload: 'p', ident: 5, fresh: 'yes' }).ok).toBe(false);
    expect(parseRequest({ type: 'init', id: 1, module: {}, stdlib: { bytes: {}, lazy: {} } }).ok).toBe(false);
    expect(parseRequest({ type: 'stdlib', id: 1, name: 'rest.zip', bytes: new Uint8Array(2) }).ok).toBe(true);
    expect(parseRequest({ type: 'stdlib', id: 1, name: 'rest.zip', bytes: [1, 2] }).ok).toBe(false);
  });
});
