import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asciiString, readGuestString, withGuestString, type GuestExports } from './mem.ts';

/** A stand-in for the module's allocator that records calls; deallocate traps like a dead instance can. */
function allocator(deallocateTraps: boolean) {
  const calls: string[] = [];
  const exports: GuestExports = {
    memory: new WebAssembly.Memory({ initial: 1 }),
    allocate: (size) => {
      calls.push(`allocate ${size}`);
      return 1024;
    },
    deallocate: (ptr, size) => {
      calls.push(`deallocate ${ptr} ${size}`);
      if (deallocateTraps) throw new WebAssembly.RuntimeError('second trap');
    },
  };
  return { exports, calls };
}

describe('withGuestString', () => {
  it('copies the text NUL-terminated, runs the body, and gives the memory back', () => {
    const { exports, calls } = allocator(false);
    const seen = withGuestString(
      exports,
      'hé',
      () => undefined,
      (ptr, len) => [...new Uint8Array(exports.memory.buffer, ptr, len + 1)],
    );
    expect(seen).toEqual([0x68, 0xc3, 0xa9, 0]);
    expect(calls).toEqual(['allocate 4', 'deallocate 1024 4']);
  });

  it('stores any text as its UTF-8 bytes, ASCII and not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary-ascii' }), fc.string({ unit: 'binary' })), (text) => {
        const { exports } = allocator(false);
        const seen = withGuestString(
          exports,
          text,
          () => undefined,
          (ptr, len) => new Uint8Array(exports.memory.buffer, ptr, len + 1).slice(),
        );
        expect(seen).toEqual(new Uint8Array([...new TextEncoder().encode(text), 0]));
      }),
    );
  });

  it('a body that traps keeps its own error, and the dead instance is not called again', () => {
    const { exports, calls } = allocator(true);
    expect(() =>
      withGuestString(
        exports,
        'x',
        () => undefined,
        () => {
          throw new WebAssembly.RuntimeError('first trap');
        },
      ),
    ).toThrow('first trap');
    expect(calls).toEqual(['allocate 2']);
  });
});

describe('reading strings from the module', () => {
  it('reads any bytes as TextDecoder does, a byte order mark kept', () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ max: 0x7f, maxLength: 2000 }), fc.uint8Array({ maxLength: 2000 })), (bytes) => {
        new Uint8Array(memory.buffer).set(bytes, 16);
        expect(readGuestString(memory, 16, bytes.length)).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
      }),
    );
    new Uint8Array(memory.buffer).set([0xef, 0xbb, 0xbf, 0x41], 0);
    expect(readGuestString(memory, 0, 4)).toBe('\ufeffA');
    expect(() => readGuestString(memory, 65530, 10)).toThrow(/outside the module's memory/);
  });

  it('turns only short ASCII runs into strings by hand', () => {
    expect(asciiString(new Uint8Array([0x68, 0x69]))).toBe('hi');
    expect(asciiString(new Uint8Array([0x68, 0xc3, 0xa9]))).toBeNull();
    expect(asciiString(new Uint8Array(1025).fill(0x61))).toBeNull();
    expect(asciiString(new Uint8Array(1024).fill(0x61))).toBe('a'.repeat(1024));
  });
});
