import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../host/types.ts';
import { decodeLine, encodeLine } from './protocol.ts';

const entryArb: fc.Arbitrary<LogEntry> = fc.record({
  level: fc.constantFrom('host', 'wrapper', 'python'),
  file: fc.string(),
  ident: fc.option(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { nil: null }),
  text: fc.string({ unit: 'binary' }),
  stream: fc.constantFrom('stdout', 'stderr'),
  time: fc.double({ min: 0, max: 1e9, noNaN: true }),
});

describe('one log line as a string', () => {
  it('round-trips any entry, separators and all', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), entryArb, (id, entry) => {
        expect(decodeLine(encodeLine(id, entry))).toEqual({ id, entry });
      }),
    );
    const tricky: LogEntry = { level: 'python', file: 'a\x1fb', ident: null, text: '\x1f\x1f', stream: 'stderr', time: 0.5 };
    expect(decodeLine(encodeLine(3, tricky))).toEqual({ id: 3, entry: tricky });
  });

  it('refuses what is not a line', () => {
    for (const bad of [5, { type: 'log' }, '', '1\x1fkernel\x1fstdout\x1f0\x1f\x1f0\x1ftext', '1\x1fhost\x1fstdout'])
      expect(decodeLine(bad)).toBeNull();
  });
});
