// A ring of strings in shared memory: one writer (the Python Worker, for its log lines), one reader
// (the relay). A line written here is in the relay's reach the moment it is written, with no message
// posted: the relay reads the ring on its batch timer, when a run ends, and before it terminates a
// stuck Python Worker, so a stuck run still loses nothing. Only a cross-origin isolated page has
// SharedArrayBuffer; elsewhere lines are posted one by one (see relay.ts).
//
// Layout: two Int32 counters (bytes written, bytes read; they only grow, wrapping at 2^32), then the
// data: records of a u32 byte length and the UTF-8 bytes, each padded to 4 bytes. The data size is a
// power of two, so a counter modulo it is a position even across the wrap of the counter itself,
// and a length never straddles the end of the data (bytes may: they are copied in two pieces).

const WRITTEN = 0;
const READ = 1;
const HEADER_BYTES = 8;

const pad4 = (n: number) => (n + 3) & ~3;

export class LineRing {
  private readonly counters: Int32Array;
  private readonly lengths: Uint32Array;
  private readonly data: Uint8Array;
  private readonly mask: number;
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  /** A new ring with `dataBytes` (a power of two, at least 8) for lines. */
  static create(dataBytes: number): LineRing {
    if (dataBytes < 8 || (dataBytes & (dataBytes - 1)) !== 0) throw new Error(`a ring's size must be a power of two, not ${dataBytes}`);
    return new LineRing(new SharedArrayBuffer(HEADER_BYTES + dataBytes));
  }

  /** The ring in `buffer` (made by `create`, perhaps in another Worker). */
  constructor(readonly buffer: SharedArrayBuffer) {
    const size = buffer.byteLength - HEADER_BYTES;
    if (size < 8 || (size & (size - 1)) !== 0) throw new Error('not a ring: its data size is not a power of two');
    this.counters = new Int32Array(buffer, 0, 2);
    this.lengths = new Uint32Array(buffer, HEADER_BYTES);
    this.data = new Uint8Array(buffer, HEADER_BYTES);
    this.mask = size - 1;
  }

  /** Writer: appends `line`; false (nothing written) when it does not fit in the free space. */
  write(line: string): boolean {
    const bytes = this.encoder.encode(line);
    const written = Atomics.load(this.counters, WRITTEN);
    const free = this.data.length - ((written - Atomics.load(this.counters, READ)) | 0);
    const size = 4 + pad4(bytes.length);
    if (size > free) return false;
    const at = written & this.mask;
    this.lengths[at >>> 2] = bytes.length;
    this.copyIn(bytes, (at + 4) & this.mask);
    // Publishes the record: a reader that sees the new count sees its bytes (Atomics are seq-cst).
    Atomics.store(this.counters, WRITTEN, (written + size) | 0);
    return true;
  }

  /** Reader: every line written since the last read, oldest first; their space is free after. */
  read(): string[] {
    const written = Atomics.load(this.counters, WRITTEN);
    let read = Atomics.load(this.counters, READ);
    const lines: string[] = [];
    while (read !== written) {
      const at = read & this.mask;
      const length = this.lengths[at >>> 2]!;
      lines.push(this.decoder.decode(this.copyOut((at + 4) & this.mask, length)));
      read = (read + 4 + pad4(length)) | 0;
    }
    Atomics.store(this.counters, READ, read);
    return lines;
  }

  private copyIn(bytes: Uint8Array, at: number): void {
    const first = Math.min(bytes.length, this.data.length - at);
    this.data.set(bytes.subarray(0, first), at);
    this.data.set(bytes.subarray(first), 0);
  }

  /** A copy in ordinary memory (TextDecoder may refuse shared memory). */
  private copyOut(at: number, length: number): Uint8Array {
    const out = new Uint8Array(length);
    const first = Math.min(length, this.data.length - at);
    out.set(this.data.subarray(at, at + first));
    out.set(this.data.subarray(0, length - first), first);
    return out;
  }
}
