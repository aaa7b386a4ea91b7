import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../host/types.ts';
import { decodeLine, decodeLines, encodeLine, lineRun } from './protocol.ts';

const entryArb: fc.Arbitrary<LogEntry> = fc.record(
  {
    level: fc.constantFrom('host', 'wrapper', 'python'),
    file: fc.string(),
    ident: fc.option(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { nil: null }),
    text: fc.string({ unit: 'binary' }),
    stream: fc.constantFrom('stdout', 'stderr'),
    time: fc.double({ min: 0, max: 1e9, noNaN: true }),
    severity: fc.constantFrom('error', 'warn', 'info', 'debug'),
  },
  { requiredKeys: ['level', 'file', 'ident', 'text', 'stream', 'time'] },
);

describe('one log line as a string', () => {
  it('round-trips any entry, separators and all', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), entryArb, (id, entry) => {
        const line = encodeLine(id, entry);
        expect(decodeLine(line)).toEqual({ id, entry });
        expect(lineRun(line)).toBe(id);
      }),
    );
    const tricky: LogEntry = { level: 'python', file: 'a\x1fb', ident: null, text: '\x1f\x1f', stream: 'stderr', time: 0.5 };
    expect(decodeLine(encodeLine(3, tricky))).toEqual({ id: 3, entry: tricky });
  });

  it('refuses what is not a line', () => {
    const good = encodeLine(1, { level: 'host', file: 'f', ident: null, text: 't', stream: 'stdout', time: 0 });
    expect(decodeLine(good)).not.toBeNull();
    for (const bad of [
      5,
      { type: 'log' },
      '',
      good.replace('host', 'kernel'),
      good.replace('stdout', 'stdin'),
      '1\x1fhost\x1fstdout\x1f0\x1f\x1floud\x1f1\x1fft',
      '1\x1fhost\x1fstdout',
    ])
      expect(decodeLine(bad)).toBeNull();
    expect(lineRun('flush')).toBeNaN();
  });

  it('takes the lines of one run only, and all or none', () => {
    const a = { level: 'python', file: 'plugin.py', ident: 7, text: 'a', stream: 'stdout', time: 1 } as const;
    const b = { ...a, text: 'b', severity: 'warn' } as const;
    expect(decodeLines(4, [encodeLine(4, a), encodeLine(4, b)])).toEqual([a, b]);
    expect(decodeLines(4, [encodeLine(4, a), encodeLine(5, b)])).toBeNull();
    expect(decodeLines(4, [encodeLine(4, a), 'a'])).toBeNull();
  });
});
