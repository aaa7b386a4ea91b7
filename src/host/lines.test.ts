import { wasi } from '@bjorn3/browser_wasi_shim';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consoleFdWrite, LineSink, MAX_LINE_CHARS } from './lines.ts';

const sink = () => {
  const lines: string[] = [];
  const s = new LineSink((line) => lines.push(line));
  const write = (bytes: Uint8Array) => s.fd.fd_write(bytes);
  return { lines, s, write };
};
const utf8 = (t: string) => new TextEncoder().encode(t);

describe('LineSink', () => {
  it('splits writes into lines and keeps a character cut between two writes', () => {
    const { lines, s, write } = sink();
    const bytes = utf8('a\nпр👍🏽\nlast');
    write(bytes.subarray(0, 5)); // ends inside "р"
    write(bytes.subarray(5, 9)); // ends inside the emoji
    write(bytes.subarray(9));
    expect(lines).toEqual(['a', 'пр👍🏽']);
    s.flush();
    expect(lines).toEqual(['a', 'пр👍🏽', 'last']);
    s.flush();
    expect(lines).toHaveLength(3);
  });

  it('cuts a line longer than the cap and says how much it cut', () => {
    const { lines, write } = sink();
    write(utf8('x'.repeat(MAX_LINE_CHARS + 10) + '\nok\n'));
    expect(lines[0]).toBe('x'.repeat(MAX_LINE_CHARS) + ' … [10 more characters cut]');
    expect(lines[1]).toBe('ok');
  });
});

/** What the lines of a whole stream are, decoded in one piece. */
const linesOf = (bytes: Uint8Array) => {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const lines = text.split('\n');
  return lines.at(-1) === '' ? lines.slice(0, -1) : lines;
};

describe('LineSink, chunk by chunk', () => {
  it('gives the lines of the whole stream however it is cut, ASCII chunks and others mixed', () => {
    // Mostly ASCII with some multibyte characters, stray continuation bytes and lead bytes cut off.
    const byte = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
      { weight: 2, arbitrary: fc.constant(0x0a) },
      { weight: 2, arbitrary: fc.integer({ min: 0x80, max: 0xff }) },
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 300 }), fc.array(fc.nat(300)), (raw, cuts) => {
        const bytes = new Uint8Array(raw);
        const { lines, s, write } = sink();
        let from = 0;
        for (const cut of [...cuts.map((c) => Math.min(c, bytes.length)).sort((a, b) => a - b), bytes.length]) {
          write(bytes.subarray(from, Math.max(from, cut)));
          from = Math.max(from, cut);
        }
        s.flush();
        expect(lines).toEqual(linesOf(bytes));
      }),
    );
  });

  it('an ASCII chunk after a cut character ends that character as a replacement, as the decoder does', () => {
    const { lines, write } = sink();
    write(new Uint8Array([0x61, 0xd0])); // "a", then the first byte of "п"
    write(utf8('b\n'));
    expect(lines).toEqual(['a\ufffdb']);
  });
});

describe('consoleFdWrite', () => {
  it('hands stdout and stderr their bytes from memory, iovec by iovec; other descriptors go to the fallback', () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const out: string[] = [];
    const err: string[] = [];
    const stdout = new LineSink((l) => out.push(l));
    const stderr = new LineSink((l) => err.push(l));
    const fds: unknown[] = [null, stdout.fd, stderr.fd, null];
    const fallbackCalls: number[] = [];
    const write = consoleFdWrite(
      () => memory,
      fds,
      [stdout, stderr],
      (fd) => (fallbackCalls.push(fd), 99),
    );
    const bytes = new Uint8Array(memory.buffer);
    const words = new DataView(memory.buffer);
    bytes.set(utf8('hello, wörld\n'), 1000);
    // Two iovecs at 64: "hello, " and "wörld\n".
    words.setUint32(64, 1000, true);
    words.setUint32(68, 7, true);
    words.setUint32(72, 1007, true);
    words.setUint32(76, 7, true);
    expect(write(1, 64, 2, 128)).toBe(wasi.ERRNO_SUCCESS);
    expect(words.getUint32(128, true)).toBe(14);
    expect(out).toEqual(['hello, wörld']);
    expect(write(2, 64, 1, 128)).toBe(wasi.ERRNO_SUCCESS);
    stderr.flush();
    expect(err).toEqual(['hello, ']);
    // A renumbered descriptor is found by what it holds, not by its number.
    fds[5] = stdout.fd;
    expect(write(5, 72, 1, 128)).toBe(wasi.ERRNO_SUCCESS);
    expect(out).toEqual(['hello, wörld', 'wörld']);
    expect(write(3, 64, 1, 128)).toBe(99);
    expect(fallbackCalls).toEqual([3]);
    // A piece outside memory is refused, not read short.
    words.setUint32(80, 65530, true);
    words.setUint32(84, 10, true);
    expect(write(1, 80, 1, 128)).toBe(wasi.ERRNO_FAULT);
    // Memory that grew is read through a new view.
    memory.grow(1);
    new Uint8Array(memory.buffer).set(utf8('grown\n'), 70000);
    new DataView(memory.buffer).setUint32(96, 70000, true);
    new DataView(memory.buffer).setUint32(100, 6, true);
    expect(write(1, 96, 1, 128)).toBe(wasi.ERRNO_SUCCESS);
    expect(out.at(-1)).toBe('grown');
  });
});
