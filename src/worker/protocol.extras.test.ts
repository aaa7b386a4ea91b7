// The optional parts of a run (issues 12 and 16) and of its reply: checked like everything else.
import { describe, expect, it } from 'vitest';
import { parseReply, parseRequest } from './protocol.ts';

const run = { type: 'run', id: 1, files: { 'plugin.py': '', 'img.png': new Uint8Array([0x89, 0x50]) }, payload: 'p', ident: 5 };
const request = { method: 'POST', url: 'https://x/y?q=1', headers: { 'X-A': 'b' }, params: { id: '7' }, body: '{}', state: {} };
const fetch = { 'GET https://api.example.com/items': { status: 200, headers: {}, body: '[]' } };

describe('run extras', () => {
  it('carries bytes, the request, the fetch mocks and the quota through', () => {
    expect(parseRequest({ ...run, request, fetch, quotaMiB: 64 })).toEqual({ ok: true, value: { ...run, request, fetch, quotaMiB: 64 } });
    expect(parseRequest({ ...run, request: null, fetch: {}, quotaMiB: 256 })).toMatchObject({
      ok: true,
      value: { request: null, fetch: {} },
    });
    // Absent parts stay absent (a run of an older page).
    expect(parseRequest(run)).toEqual({ ok: true, value: run });
  });

  it('refuses malformed extras, saying where', () => {
    for (const [bad, where] of [
      [{ request: { ...request, headers: { a: 1 } } }, 'request.headers.a'],
      [{ request: { method: 'GET' } }, 'request.url'],
      [{ fetch: { 'not a key': { status: 200, headers: {}, body: '' } } }, 'fetch'],
      [{ fetch: { 'GET https://x/': { status: 99, headers: {}, body: '' } } }, 'fetch'],
      [{ quotaMiB: 0 }, 'quotaMiB'],
      [{ quotaMiB: 1.5 }, 'quotaMiB'],
    ] as const) {
      const parsed = parseRequest({ ...run, ...bad });
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problem).toContain(where);
    }
  });

  it('passes response headers and state of a reply, and refuses malformed ones', () => {
    const done = { type: 'done', id: 3, outcome: { kind: 'result', value: 'ok' }, timings: {} };
    const response = { headers: { 'Content-Type': 'application/json' }, state: { seen: 'yes' } };
    expect(parseReply({ ...done, response })).toEqual({ ok: true, value: { ...done, response } });
    expect(parseReply(done)).toEqual({ ok: true, value: done });
    expect(parseReply({ ...done, response: { headers: { a: 1 } } }).ok).toBe(false);
    expect(parseReply({ ...done, response: 'x' }).ok).toBe(false);
  });
});
