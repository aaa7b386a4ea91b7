import { describe, expect, it } from 'vitest';
import { isExecutionId, parseExecutionId } from './ident.ts';

describe('execution ids', () => {
  it('are exactly the 32-bit integers', () => {
    for (const ok of [0, -1, 12345, 2 ** 31 - 1, -(2 ** 31)]) expect(isExecutionId(ok), String(ok)).toBe(true);
    for (const bad of [2 ** 31, -(2 ** 31) - 1, 1.5, NaN, Infinity, '7', null]) expect(isExecutionId(bad), String(bad)).toBe(false);
  });

  it('parse from what a person types', () => {
    expect(parseExecutionId(' -7 ')).toBe(-7);
    expect(parseExecutionId('2147483647')).toBe(2147483647);
    for (const bad of ['', '1e3', '0x10', '2147483648', '99999999999', '1.0', 'abc']) expect(parseExecutionId(bad), bad).toBeNull();
  });
});
