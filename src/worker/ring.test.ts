import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineRing } from './ring.ts';

describe('a ring of lines in shared memory', () => {
  it('gives back what was written, in order, across the end of its memory, any text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'binary', maxLength: 20 }), { maxLength: 10 }), { maxLength: 30 }), (batches) => {
        const ring = LineRing.create(64);
        for (const batch of batches) {
          const written = batch.filter((line) => ring.write(line));
          expect(ring.take()).toEqual(written);
        }
      }),
    );
  });

  it('gives back lines short and long (past the reused encoding buffer), each with only its own bytes', () => {
    const ring = LineRing.create(1 << 20);
    const lines = ['€'.repeat(4096), 'a', '😀'.repeat(2048), 'é'.repeat(4097), 'bc', 'x'.repeat(5000), ''];
    for (const line of lines) expect(ring.write(line)).toBe(true);
    expect(ring.take()).toEqual(lines);
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 3000 }), { maxLength: 8 }), (batch) => {
        for (const line of batch) expect(ring.write(line)).toBe(true);
        expect(ring.take()).toEqual(batch);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses a line past its free space, and takes lines again once they are read', () => {
    const ring = LineRing.create(32);
    // Each line of 9 ASCII bytes takes 4 + 12 bytes: two fill the ring.
    expect(ring.write('abcdefghi')).toBe(true);
    expect(ring.write('jklmnopqr')).toBe(true);
    expect(ring.write('')).toBe(false);
    expect(ring.take()).toEqual(['abcdefghi', 'jklmnopqr']);
    expect(ring.write('stuvwxyz!')).toBe(true);
    expect(ring.take()).toEqual(['stuvwxyz!']);
  });

  it('refuses a line longer than the whole ring (by its UTF-8 bytes), and nothing else is lost', () => {
    const ring = LineRing.create(64);
    expect(ring.write('x'.repeat(61))).toBe(false);
    // 21 characters of 3 bytes: 63 bytes, more than the 60 a line can have.
    expect(ring.write('€'.repeat(21))).toBe(false);
    expect(ring.write('€'.repeat(20))).toBe(true);
    expect(ring.take()).toEqual(['€'.repeat(20)]);
    expect(ring.take()).toEqual([]);
  });

  it('keeps working when its counters wrap past 2^31 and 2^32', () => {
    for (const start of [2 ** 31 - 8, -8]) {
      const ring = LineRing.create(16);
      new Int32Array(ring.buffer, 0, 2).fill(start);
      for (let i = 0; i < 10; i++) {
        expect(ring.write(`l${i}`)).toBe(true);
        expect(ring.write(`m${i}`)).toBe(true);
        expect(ring.take()).toEqual([`l${i}`, `m${i}`]);
      }
    }
  });

  it('is readable through another view of the same memory (as in another Worker)', () => {
    const writer = LineRing.create(64);
    const reader = new LineRing(writer.buffer);
    writer.write('one');
    writer.write('two');
    expect(reader.take()).toEqual(['one', 'two']);
    expect(writer.write('x'.repeat(56))).toBe(true);
  });

  it('lets the writer take back its lines only while no reader has taken any since a given point', () => {
    const ring = LineRing.create(64);
    const reader = new LineRing(ring.buffer);
    ring.write('a');
    const runStart = ring.end;
    ring.write('b');
    // A reader took lines after `runStart` (and before): the writer takes nothing back.
    expect(reader.take()).toEqual(['a', 'b']);
    expect(ring.takeBackFrom(runStart)).toBe(false);
    const next = ring.end;
    ring.write('c');
    expect(ring.takeBackFrom(next)).toBe(true);
    // Taken back: no reader gets 'c', and its space is free again.
    expect(reader.take()).toEqual([]);
    expect(ring.write('x'.repeat(60))).toBe(true);
  });

  it('orders ends across the wrap of the counters', () => {
    expect(LineRing.after(-(2 ** 31), 2 ** 31 - 4)).toBe(true);
    expect(LineRing.after(2 ** 31 - 4, -(2 ** 31))).toBe(false);
    expect(LineRing.after(8, 8)).toBe(false);
  });

  it('refuses a size that is not a power of two', () => {
    expect(() => LineRing.create(48)).toThrow(/power of two/);
    expect(() => new LineRing(new SharedArrayBuffer(8 + 24))).toThrow(/power of two/);
  });
});
