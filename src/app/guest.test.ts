import { describe, expect, it } from 'vitest';
import { readCounting } from './guest.ts';

/** A body that delivers `chunks` one read at a time. */
const bodyOf = (...chunks: number[][]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(new Uint8Array(c));
      controller.close();
    },
  });

describe('readCounting', () => {
  it.each([
    ['the size it was told', 5],
    ['no size', null],
    ['a size too small (the body is still read whole)', 3],
    ['a size too large (only what came)', 9],
  ])('reads every byte in order with %s, reporting each read', async (_, size) => {
    const reads: number[] = [];
    const bytes = await readCounting(bodyOf([1, 2], [3], [4, 5]), size, (n) => reads.push(n));
    expect([...bytes]).toEqual([1, 2, 3, 4, 5]);
    expect(bytes.length).toBe(5);
    expect(reads).toEqual([2, 1, 2]);
  });

  it('reads no body as no bytes', async () => {
    expect((await readCounting(null, null, () => undefined)).length).toBe(0);
  });
});
