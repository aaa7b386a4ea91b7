import { describe, expect, it } from 'vitest';
import { parseReply, parseRequest } from './protocol.ts';

const entry = { level: 'python', file: 'plugin.py', ident: 1, text: 'hi', stream: 'stdout', time: 1.5 };

describe('worker protocol', () => {
  it('accepts each well-formed reply', () => {
    expect(parseReply({ type: 'ready', id: 1 })).toEqual({ type: 'ready', id: 1 });
    expect(parseReply({ type: 'log', id: 2, entries: [entry], dropped: 0 })).toEqual({ type: 'log', id: 2, entries: [entry], dropped: 0 });
    expect(parseReply({ type: 'done', id: 3, outcome: { kind: 'error', code: 1, message: 'x' }, timings: { run: 2 } })).not.toBeNull();
    expect(parseReply({ type: 'failed', id: 4, error: { type: 'Error', message: 'm' } })).not.toBeNull();
  });

  it('drops malformed replies', () => {
    for (const bad of [
      null,
      'ready',
      { type: 'ready' },
      { type: 'ready', id: 1.5 },
      { type: 'nope', id: 1 },
      { type: 'log', id: 1, entries: [{ ...entry, level: 'kernel' }], dropped: 0 },
      { type: 'log', id: 1, entries: [{ ...entry, text: 5 }], dropped: 0 },
      { type: 'done', id: 1, outcome: { kind: 'result' }, timings: {} },
      { type: 'done', id: 1, outcome: { kind: 'none' }, timings: { run: 'fast' } },
      { type: 'failed', id: 1, error: 'boom' },
    ]) {
      expect(parseReply(bad)).toBeNull();
    }
  });

  it('checks requests too', () => {
    expect(parseRequest({ type: 'run', id: 1, files: { 'plugin.py': '' }, payload: 'p', ident: 5 })).not.toBeNull();
    expect(parseRequest({ type: 'run', id: 1, files: { 'plugin.py': 1 }, payload: 'p', ident: 5 })).toBeNull();
    // A test case asks for a fresh instance; only `true` means it.
    expect(parseRequest({ type: 'run', id: 1, files: {}, payload: 'p', ident: 5, fresh: true })).toMatchObject({ fresh: true });
    expect(parseRequest({ type: 'run', id: 1, files: {}, payload: 'p', ident: 5, fresh: 'yes' })).not.toHaveProperty('fresh');
    expect(parseRequest({ type: 'init', id: 1, module: {}, stdlib: { bytes: {}, lazy: {} } })).toBeNull();
    expect(parseRequest({ type: 'stdlib', id: 1, name: 'rest.zip', bytes: new Uint8Array(2) })).not.toBeNull();
    expect(parseRequest({ type: 'stdlib', id: 1, name: 'rest.zip', bytes: [1, 2] })).toBeNull();
  });
});
