import { describe, expect, it } from 'vitest';
import type { LogEntry, TraceEvent } from '../host/types.ts';
import { arrowLanes, callDurations, foldRepeats, hexRows, linesOf, memorySummary } from './sequence.ts';

let seq = 0;
const ev = (direction: TraceEvent['direction'], phase: TraceEvent['phase'], name: string, extra: Partial<TraceEvent> = {}): TraceEvent => ({
  seq: ++seq,
  time: seq,
  direction,
  phase,
  name,
  values: [],
  logIndex: seq,
  ...extra,
});

/** One sdk.log_msg round trip: Python → sdk → host and back. */
const logMsg = () => [
  ev('python-sdk', 'call', 'sdk.log_msg'),
  ev('wasm-host', 'call', 'log_msg'),
  ev('wasm-host', 'return', 'log_msg'),
  ev('python-sdk', 'return', 'sdk.log_msg'),
];

describe('the Sequence view', () => {
  it('draws calls from caller to callee and returns back, on the host, C wrapper and Python lanes', () => {
    expect(arrowLanes({ direction: 'host-wasm', phase: 'call' })).toEqual({ from: 0, to: 1 });
    expect(arrowLanes({ direction: 'wasm-host', phase: 'call' })).toEqual({ from: 1, to: 0 });
    expect(arrowLanes({ direction: 'c-python', phase: 'return' })).toEqual({ from: 2, to: 1 });
    expect(arrowLanes({ direction: 'python-sdk', phase: 'call' })).toEqual({ from: 2, to: 1 });
  });

  it('folds a block of crossings repeated three times or more into one row with its count', () => {
    const head = ev('c-python', 'call', 'plugin.run_e');
    const loop = Array.from({ length: 250 }, logMsg).flat();
    const tail = ev('c-python', 'return', 'plugin.run_e');
    const rows = foldRepeats([head, ...loop, tail]);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatchObject({ kind: 'repeat', times: 250 });
    expect(rows[1]!.kind === 'repeat' && rows[1]!.block.map((e) => e.name)).toEqual(['sdk.log_msg', 'log_msg', 'log_msg', 'sdk.log_msg']);
    expect(rows[1]!.kind === 'repeat' && rows[1]!.events).toHaveLength(1000);
    // Twice is not folded: the article's run stays one arrow per crossing.
    expect(foldRepeats([...logMsg(), ...logMsg()]).every((r) => r.kind === 'event')).toBe(true);
  });

  it('times each return from its own call, through nested crossings', () => {
    const outer = ev('host-wasm', 'call', 'run_e', { time: 10 });
    const inner = ev('c-python', 'call', 'plugin.run_e', { time: 11 });
    const innerBack = ev('c-python', 'return', 'plugin.run_e', { time: 14.5 });
    const outerBack = ev('host-wasm', 'return', 'run_e', { time: 15 });
    const took = callDurations([outer, inner, innerBack, outerBack]);
    expect(took.get(innerBack.seq)).toBe(3.5);
    expect(took.get(outerBack.seq)).toBe(5);
    expect(took.has(outer.seq)).toBe(false);
  });

  it('lights the lines written between a crossing and the next, counting dropped lines', () => {
    const entries = ['a', 'b', 'c', 'd'].map((text) => ({ text }) as LogEntry);
    const events = [ev('host-wasm', 'call', 'run_e', { logIndex: 11 }), ev('host-wasm', 'return', 'run_e', { logIndex: 13 })];
    expect([...linesOf(entries, 10, events, events[0]!.seq)].map((e) => e.text)).toEqual(['b', 'c']);
    expect([...linesOf(entries, 10, events, events[1]!.seq)].map((e) => e.text)).toEqual(['d']);
  });
});

describe('the Memory view', () => {
  it('dumps bytes as hex with their offsets and printable ASCII', () => {
    const rows = hexRows(new TextEncoder().encode('It can\x1bt é'));
    expect(rows).toEqual([
      { offset: 0, hex: '49 74 20 63 61 6e 1b 74', text: 'It can.t' },
      { offset: 8, hex: '20 c3 a9', text: ' ..' },
    ]);
  });

  it("sums up a run's memory and what allocate and deallocate were given", () => {
    const bytes = { name: 'ptr', kind: 'bytes' as const, ptr: 0x1000, len: 48, bytes: new Uint8Array(0) };
    const summary = memorySummary([
      ev('host-wasm', 'call', 'allocate', { values: [{ name: 'size', kind: 'int', value: 48 }], memory: 65536 }),
      ev('host-wasm', 'return', 'allocate', { values: [{ name: 'ptr', kind: 'int', value: 0x1000 }], memory: 65536 }),
      ev('host-wasm', 'call', 'deallocate', { values: [bytes, { name: 'size', kind: 'int', value: 48 }], memory: 131072 }),
    ]);
    expect(summary).toEqual({ before: 65536, after: 131072, allocations: [{ size: 48, ptr: 0x1000 }], frees: [{ ptr: 0x1000, size: 48 }] });
  });
});
