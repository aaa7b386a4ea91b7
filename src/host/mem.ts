// Memory helpers: payload bytes go into the module's memory through its own allocator.
import type { TraceRecorder } from './trace.ts';

export interface GuestExports {
  memory: WebAssembly.Memory;
  allocate(size: number): number;
  deallocate(ptr: number, size: number): void;
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8');

export function hex(ptr: number): string {
  return `0x${(ptr >>> 0).toString(16)}`;
}

/**
 * Copies `text` as UTF-8 (NUL-terminated, for C) into memory from `allocate`, runs `body(ptr, len)`,
 * and gives the memory back with `deallocate` when `body` returns. When `body` throws (a trap, a
 * `proc_exit`) the instance is dead: calling into it again could trap a second time and replace
 * the first error, so the memory is left to die with it.
 */
export function withGuestString<T>(
  exports: GuestExports,
  text: string,
  log: (msg: string) => void,
  body: (ptr: number, len: number) => T,
  trace?: TraceRecorder,
): T {
  const bytes = utf8.encode(text);
  const size = bytes.length + 1;
  trace?.add('host-wasm', 'call', 'allocate', [{ name: 'size', kind: 'int', value: size }]);
  const ptr = exports.allocate(size);
  trace?.add('host-wasm', 'return', 'allocate', [{ name: 'ptr', kind: 'int', value: ptr }]);
  if (ptr === 0) throw new Error(`allocate(${size}) returned NULL: the module is out of memory`);
  log(`allocate(${size}) -> ${hex(ptr)}`);
  const view = new Uint8Array(exports.memory.buffer, ptr, size);
  view.set(bytes);
  view[bytes.length] = 0;
  log(`Payload stored at ${hex(ptr)}, len=${bytes.length}`);
  const result = body(ptr, bytes.length);
  trace?.add('host-wasm', 'call', 'deallocate', [trace.bytes('ptr', ptr, size), { name: 'size', kind: 'int', value: size }]);
  exports.deallocate(ptr, size);
  trace?.add('host-wasm', 'return', 'deallocate', []);
  log(`deallocate(${hex(ptr)}, ${size})`);
  return result;
}

/** Reads `len` bytes at `ptr` as UTF-8; a range outside memory is an error, not a wrong string. */
export function readGuestString(memory: WebAssembly.Memory, ptr: number, len: number): string {
  const start = ptr >>> 0;
  const length = len >>> 0;
  if (start + length > memory.buffer.byteLength) {
    throw new RangeError(`string at ${hex(start)}+${length} lies outside the module's memory`);
  }
  return utf8Decoder.decode(new Uint8Array(memory.buffer, start, length));
}
