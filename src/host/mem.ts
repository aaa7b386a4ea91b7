// Memory helpers: payload bytes go into the module's memory through its own allocator.
import type { TraceRecorder } from './trace.ts';

export interface GuestExports {
  memory: WebAssembly.Memory;
  allocate(size: number): number;
  deallocate(ptr: number, size: number): void;
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Byte runs up to this long are checked for ASCII and, if so, turned into a string by hand. */
const ASCII_RUN_MAX = 1024;

/**
 * `bytes` as a string when they are few and all ASCII (below 0x80), else null. Strings cross the
 * module's boundary on every log line and every run: in a Chromium Worker one TextDecoder or
 * TextEncoder call costs about a microsecond, several times this loop.
 */
export function asciiString(bytes: Uint8Array): string | null {
  if (bytes.length > ASCII_RUN_MAX) return null;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return null;
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

/** Whether every UTF-16 unit of `text` is ASCII (so its UTF-8 form is one byte per unit). */
function isAsciiText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

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
  const bytes = isAsciiText(text) ? null : utf8.encode(text);
  const length = bytes === null ? text.length : bytes.length;
  const size = length + 1;
  trace?.add('host-wasm', 'call', 'allocate', [{ name: 'size', kind: 'int', value: size }]);
  const ptr = exports.allocate(size);
  trace?.add('host-wasm', 'return', 'allocate', [{ name: 'ptr', kind: 'int', value: ptr }]);
  if (ptr === 0) throw new Error(`allocate(${size}) returned NULL: the module is out of memory`);
  log(`allocate(${size}) -> ${hex(ptr)}`);
  const view = new Uint8Array(exports.memory.buffer, ptr, size);
  if (bytes !== null) view.set(bytes);
  else for (let i = 0; i < length; i++) view[i] = text.charCodeAt(i);
  view[length] = 0;
  log(`Payload stored at ${hex(ptr)}, len=${length}`);
  const result = body(ptr, length);
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
  const bytes = new Uint8Array(memory.buffer, start, length);
  return asciiString(bytes) ?? utf8Decoder.decode(bytes);
}
