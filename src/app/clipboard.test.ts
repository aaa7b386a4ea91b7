import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { copyText } from './clipboard.ts';

// Node has neither the async clipboard nor a document: each test puts in the parts it needs.
let execCommand: ReturnType<typeof vi.fn>;
let appended: { value: string; removed: boolean }[];

beforeEach(() => {
  vi.useFakeTimers();
  appended = [];
  execCommand = vi.fn(() => true);
  const area = () => {
    const el = {
      value: '',
      removed: false,
      style: {},
      setAttribute: () => undefined,
      select: () => undefined,
      remove: () => (el.removed = true),
    };
    return el;
  };
  vi.stubGlobal('document', {
    createElement: area,
    body: { append: (el: { value: string; removed: boolean }) => appended.push(el) },
    execCommand,
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('copyText', () => {
  it('uses the async clipboard when it answers', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    expect(await copyText('hello')).toBe(true);
    expect(writeText).toHaveBeenCalledWith('hello');
    expect(execCommand).not.toHaveBeenCalled();
  });

  it('falls back to a selected textarea when the clipboard refuses, or does not answer within a second', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: () => Promise.reject(new Error('not focused')) } });
    expect(await copyText('refused')).toBe(true);
    expect(appended.map((a) => [a.value, a.removed])).toEqual([['refused', true]]);

    vi.stubGlobal('navigator', { clipboard: { writeText: () => new Promise(() => undefined) } });
    let result: boolean | null = null;
    void copyText('silent').then((ok) => (result = ok));
    await vi.advanceTimersByTimeAsync(999);
    expect(result).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toBe(true);
    expect(appended.at(-1)).toEqual(expect.objectContaining({ value: 'silent', removed: true }));

    // The older path can refuse too.
    vi.stubGlobal('navigator', { clipboard: { writeText: () => Promise.reject(new Error('not focused')) } });
    execCommand.mockReturnValue(false);
    expect(await copyText('no')).toBe(false);
  });
});
