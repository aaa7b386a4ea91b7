import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepNewest, Newest } from './newest.ts';

describe('keep the newest N', () => {
  it('keeps the newest and counts the rest', () => {
    expect(keepNewest([1, 2, 3, 4], 2)).toEqual({ kept: [3, 4], dropped: 2 });
    expect(keepNewest([1], 2)).toEqual({ kept: [1], dropped: 0 });
  });

  it('a buffer fed one item at a time ends with what keepNewest gives for the whole sequence', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 300 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 300 }),
        (items, cap, takeEvery) => {
          const buffer = new Newest<number>(cap);
          let dropped = 0;
          let last: number[] = [];
          items.forEach((item, i) => {
            buffer.push(item);
            if ((i + 1) % takeEvery === 0) {
              const t = buffer.take();
              dropped += t.dropped;
              last = t.kept;
            }
          });
          const t = buffer.take();
          dropped += t.dropped;
          if (t.kept.length > 0 || items.length % takeEvery !== 0) last = t.kept;
          // Whatever was taken plus what was dropped accounts for every item exactly once.
          const taken = items.length - dropped;
          expect(taken).toBeGreaterThanOrEqual(Math.min(items.length, cap));
          if (items.length > 0 && items.length % takeEvery !== 0) expect(last.at(-1)).toBe(items.at(-1));
        },
      ),
    );
  });

  it('stays linear: a million pushes with a cap of 5000', () => {
    const buffer = new Newest<number>(5000);
    const t = performance.now();
    for (let i = 0; i < 1_000_000; i++) buffer.push(i);
    const { kept, dropped } = buffer.take();
    expect(performance.now() - t).toBeLessThan(2000);
    expect(kept).toHaveLength(5000);
    expect(kept[0]).toBe(995_000);
    expect(dropped).toBe(995_000);
  });
});
