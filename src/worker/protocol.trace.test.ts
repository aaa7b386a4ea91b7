// The trace events of a `done` reply (issue 14) are checked like every other field.
import { describe, expect, it } from 'vitest';
import { parseReply, parseRequest } from './protocol.ts';

const event = {
  seq: 1,
  time: 2.5,
  direction: 'host-wasm',
  phase: 'call',
  name: 'run_e',
  values: [
    { name: 'payload', kind: 'bytes', ptr: 4096, len: 2, bytes: new Uint8Array([104, 105]) },
    { name: 'ident', kind: 'int', value: 7 },
  ],
  memory: 65536,
  logIndex: 3,
};
const done = (trace: unknown[]) => ({ type: 'done', id: 1, outcome: { kind: 'none' }, timings: {}, trace });

describe('trace events in the worker protocol', () => {
  it('carries well-formed events in done, and a run request may ask for them', () => {
    const parsed = parseReply(done([event, { ...event, seq: 2, phase: 'return', values: [], error: 'the module trapped' }]));
    expect(parsed.ok && parsed.value.type === 'done' && parsed.value.trace?.[0]?.values[0]).toEqual(event.values[0]);
    expect(parseRequest({ type: 'run', id: 1, files: {}, payload: '', ident: 1, trace: true })).toMatchObject({
      ok: true,
      value: { trace: true },
    });
    expect(parseRequest({ type: 'run', id: 1, files: {}, payload: '', ident: 1, trace: 'on' }).ok).toBe(false);
  });

  it('refuses malformed events and says where', () => {
    const cases: [unknown, RegExp][] = [
      [{ ...event, direction: 'sideways' }, /^trace\.0\.direction: /],
      [{ ...event, phase: 'enter' }, /^trace\.0\.phase: /],
      [{ ...event, values: [{ name: 'p', kind: 'bytes', ptr: 1, len: 1, bytes: [1] }] }, /^trace\.0\.values\.0\.bytes: /],
      [{ ...event, values: [{ name: 'p', kind: 'float', value: 1 }] }, /^trace\.0\.values\.0\.kind: /],
      [{ ...event, logIndex: -1 }, /^trace\.0\.logIndex: /],
    ];
    for (const [bad, where] of cases) {
      const parsed = parseReply(done([bad]));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problem).toMatch(where);
    }
  });
});
