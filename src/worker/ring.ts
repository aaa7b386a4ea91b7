// A ring of strings in shared memory: one writer (the Python Worker, for its log lines) and readers
// that take what was written (the relay, and the writer itself when a run ends). A line written
// here is in the relay's reach the moment it is written, with no message posted: the relay reads
// the ring soon after lines arrive and before it terminates a stuck Python Worker, so a stuck run
// still loses nothing; a run that ends takes its untaken lines back and sends them with its outcome.
// Only a cross-origin isolated page has SharedArrayBuffer; elsewhere lines are posted one by one.
//
// Layout: two Int32 counters (bytes written, bytes taken; they only grow, wrapping at 2^32), then the
// data: records of a u32 byte length and the UTF-8 bytes, each padded to 4 bytes. The data size is a
// power of two, so a counter modulo it is a position even across the wrap of the counter itself,
// and a length never straddles the end of the data (bytes may: they are copied in two pieces).
// A reader copies lines out, then moves the taken counter with a compare-and-swap: when another
// reader took them first (or the writer reused their space meanwhile), the swap fails and the copy
// is thrown away, so every line goes to exactly one reader.

const WRITTEN = 0;
const READ = 1;
const HEADER_BYTES = 8;

const pad4 = (n: number) => (n + 3) & ~3;
/** Lines up to this many UTF-16 units are encoded without allocating (see `utf8`). */
const SCRATCH_CHARS = 4096;

export class LineRing {
  private readonly counters: Int32Array;
  private readonly lengths: Uint32Array;
  private readonly data: Uint8Array;
  private readonly mask: number;
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();
  /** Room for the UTF-8 form of any line of SCRATCH_CHARS (at most three bytes per UTF-16 unit). */
  private readonly scratch = new Uint8Array(SCRATCH_CHARS * 3);

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
    const bytes = this.utf8(line);
    const written = Atomics.load(this.counters, WRITTEN);
    const free = this.data.length - ((written - Atomics.load(this.counters, READ)) | 0);
    const size = 4 + pad4(bytes.length);
    if (size > free) return false;
    const at = written & this.mask;
    this.lengths[at >>> 2] = bytes.length;
    this.copyIn(bytes, (at + 4) & this.mask);
    // Publishes the record: a reader that sees the new count sees its bytes (Atomics are seq-cst).
    Atomics.store(this.counters, WRITTEN, (written + size) | 0);
    Atomics.notify(this.counters, WRITTEN);
    return true;
  }

  /** Every line written and not yet taken, oldest first; taken by this call, their space free after. */
  take(): string[] {
    for (;;) {
      const written = Atomics.load(this.counters, WRITTEN);
      const read = Atomics.load(this.counters, READ);
      const lines: string[] = [];
      let at = read;
      while (at !== written) {
        const length = this.lengths[(at & this.mask) >>> 2]!;
        const size = 4 + pad4(length);
        // Only when another reader took these lines and the writer reused their space meanwhile.
        if (size > ((written - at) | 0)) break;
        lines.push(this.decoder.decode(this.copyOut((at + 4) & this.mask, length)));
        at = (at + size) | 0;
      }
      if (at === written && Atomics.compareExchange(this.counters, READ, read, written) === read) return lines;
      if (at !== written && Atomics.load(this.counters, READ) === read) throw new Error('the ring of log lines is corrupt');
    }
  }

  /**
   * Writer: takes back every line no reader has taken, only if the taken counter is still `from`
   * (no reader took a line written after it); false, taking nothing, otherwise.
   */
  takeBackFrom(from: number): boolean {
    return Atomics.compareExchange(this.counters, READ, from, Atomics.load(this.counters, WRITTEN)) === from;
  }

  /** Where the lines taken so far end (on the counter `end` gives). */
  get takenSoFar(): number {
    return Atomics.load(this.counters, READ);
  }

  /** Writer: where the last line written ends, on the counters `takenSoFar` and `takeBackFrom` use. */
  get end(): number {
    return Atomics.load(this.counters, WRITTEN);
  }

  /** Whether a line that ends at `end` comes after the counter `from` (a wrap of the counters allowed). */
  static after(end: number, from: number): boolean {
    return ((end - from) | 0) > 0;
  }

  /** Resolves once there is a line to take (at once when there is one already). */
  async written(): Promise<void> {
    const written = Atomics.load(this.counters, WRITTEN);
    if (written !== Atomics.load(this.counters, READ)) return;
    const wait = Atomics.waitAsync(this.counters, WRITTEN, written);
    if (wait.async) await wait.value;
  }

  /**
   * The UTF-8 bytes of `line`. A line of up to SCRATCH_CHARS goes into one reused buffer (a line
   * costs no allocation: a run writes a dozen, a flood hundreds of thousands); a longer one gets its own.
   */
  private utf8(line: string): Uint8Array {
    if (line.length > SCRATCH_CHARS) return this.encoder.encode(line);
    const scratch = this.scratch;
    // ASCII (nearly every log line) is copied by hand: in a Chromium Worker a TextEncoder call
    // costs about a microsecond, several times this loop.
    for (let i = 0; i < line.length; i++) {
      const unit = line.charCodeAt(i);
      if (unit >= 0x80) return scratch.subarray(0, this.encoder.encodeInto(line, scratch).written);
      scratch[i] = unit;
    }
    return scratch.subarray(0, line.length);
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
