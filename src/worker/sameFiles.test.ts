import { describe, expect, it } from 'vitest';
import { sameFiles } from './sameFiles.ts';

describe('same plugin files', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);

  it('holds for equal paths and contents, in any order, bytes by value', () => {
    expect(sameFiles({ 'plugin.py': 'x = 1', 'data.bin': bytes(1, 2) }, { 'data.bin': bytes(1, 2), 'plugin.py': 'x = 1' })).toBe(true);
    expect(sameFiles({}, {})).toBe(true);
  });

  it('fails for a changed text, changed or shorter bytes, text against bytes, another or a missing path', () => {
    const a = { 'plugin.py': 'x = 1', 'data.bin': bytes(1, 2) };
    expect(sameFiles(a, { ...a, 'plugin.py': 'x = 2' })).toBe(false);
    expect(sameFiles(a, { ...a, 'data.bin': bytes(1, 3) })).toBe(false);
    expect(sameFiles(a, { ...a, 'data.bin': bytes(1) })).toBe(false);
    expect(sameFiles({ 'a.txt': 'AB' }, { 'a.txt': bytes(65, 66) })).toBe(false);
    expect(sameFiles(a, { 'plugin.py': 'x = 1', 'other.bin': bytes(1, 2) })).toBe(false);
    expect(sameFiles(a, { 'plugin.py': 'x = 1' })).toBe(false);
    expect(sameFiles({ 'plugin.py': 'x = 1' }, a)).toBe(false);
  });
});
