import { describe, expect, it } from 'vitest';
import { formatEntry, parseModuleLine } from './log.ts';

describe('parseModuleLine', () => {
  it('reads the wrapper level: one tab, a .c file, the id', () => {
    expect(parseModuleLine('\t\x1b[32m[wasm_shim.c]\x1b[0m | id=12345 | Calling plugin.run_e', 'stdout', 5)).toEqual({
      level: 'wrapper',
      file: 'wasm_shim.c',
      ident: 12345,
      text: 'Calling plugin.run_e',
      stream: 'stdout',
      time: 5,
    });
  });

  it('reads the Python level with and without colour, and lines without an id', () => {
    expect(parseModuleLine('\t\t\x1b[35m[plugin.py]\x1b[0m | id=-3 | Received "a | b"', 'stdout', 0)).toMatchObject({
      level: 'python',
      file: 'plugin.py',
      ident: -3,
      text: 'Received "a | b"',
    });
    expect(parseModuleLine('\t\t[helper.py] | hi', 'stdout', 0)).toMatchObject({
      level: 'python',
      file: 'helper.py',
      ident: null,
      text: 'hi',
    });
    expect(parseModuleLine('\t[wasm_shim.c] | Python initialised', 'stdout', 0)).toMatchObject({ level: 'wrapper', ident: null });
  });

  it('puts everything else at the Python level, and never at the host level', () => {
    expect(parseModuleLine('Traceback (most recent call last):', 'stderr', 0)).toMatchObject({
      level: 'python',
      file: '',
      text: 'Traceback (most recent call last):',
      stream: 'stderr',
    });
    // A plugin that imitates the host's prefix stays a plugin.
    expect(parseModuleLine('[runtime.ts] | Loading', 'stdout', 0)).toMatchObject({ level: 'python', file: 'runtime.ts' });
    expect(parseModuleLine('<img src=x onerror=alert(1)>', 'stdout', 0).text).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('formatEntry', () => {
  const entry = { level: 'wrapper', file: 'wasm_shim.c', ident: 1, text: 'hi', stream: 'stdout', time: 0 } as const;
  it('indents by level and colours the file name like the original example', () => {
    expect(formatEntry(entry, true)).toBe('\t\x1b[32m[wasm_shim.c]\x1b[0m | id=1 | hi');
    expect(formatEntry({ ...entry, level: 'host', file: 'runtime.ts', ident: null }, true)).toBe('\x1b[38;5;208m[runtime.ts]\x1b[0m | hi');
    expect(formatEntry({ ...entry, level: 'python', file: 'plugin.py' }, false)).toBe('\t\t[plugin.py] | id=1 | hi');
    expect(formatEntry({ ...entry, level: 'python', file: '' }, true)).toBe('\t\thi');
  });

  it('round-trips through parseModuleLine', () => {
    const python = { ...entry, level: 'python', file: 'plugin.py' } as const;
    expect(parseModuleLine(formatEntry(python, true), 'stdout', 0)).toEqual(python);
    expect(parseModuleLine(formatEntry(entry, false), 'stdout', 0)).toEqual(entry);
  });
});
