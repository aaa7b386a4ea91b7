import { describe, expect, it } from 'vitest';
import { withGuestString, type GuestExports } from './mem.ts';

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
