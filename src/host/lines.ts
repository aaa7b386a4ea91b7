import { ConsoleStdout, wasi } from '@bjorn3/browser_wasi_shim';
import { asciiString } from './mem.ts';

/** Longest line kept whole; the rest of a longer line is cut and the cut is said in the line. */
export const MAX_LINE_CHARS = 64 * 1024;

/**
 * A WASI stdout/stderr that splits the bytes it gets into UTF-8 lines. Bytes are decoded as a
 * stream, so a character split across two writes survives; `flush()` hands out a last line that
 * has no newline yet.
 */
export class LineSink {
  readonly fd: ConsoleStdout;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /**
   * The decoder holds no part of a character: the last byte it was given was ASCII (which ends any
   * sequence), or it was given nothing yet. Only then may a chunk go around it.
   */
  private decoderClean = true;
  private pending = '';
  private cut = 0;

  constructor(private readonly onLine: (line: string) => void) {
    this.fd = new ConsoleStdout((bytes) => this.write(bytes));
  }

  /**
   * Takes the bytes of one write (a view is fine: they are read before this returns). A short ASCII
   * chunk (nearly every log line) skips TextDecoder: in a Chromium Worker each of its calls costs
   * about a microsecond, several times this loop.
   */
  write(bytes: Uint8Array): void {
    let text = this.decoderClean ? asciiString(bytes) : null;
    if (text === null) {
      text = this.decoder.decode(bytes, { stream: true });
      if (bytes.length > 0) this.decoderClean = bytes[bytes.length - 1]! < 0x80;
    }
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      this.push(text.slice(from, nl));
      this.emit();
      from = nl + 1;
    }
    this.push(text.slice(from));
  }

  private push(part: string): void {
    const room = MAX_LINE_CHARS - this.pending.length;
    if (part.length <= room) this.pending += part;
    else {
      this.pending += part.slice(0, Math.max(room, 0));
      this.cut += part.length - Math.max(room, 0);
    }
  }

  private emit(): void {
    const line = this.cut > 0 ? `${this.pending} … [${this.cut} more characters cut]` : this.pending;
    this.pending = '';
    this.cut = 0;
    this.onLine(line);
  }

  flush(): void {
    this.push(this.decoder.decode());
    this.decoderClean = true;
    if (this.pending !== '' || this.cut > 0) this.emit();
  }
}

/** WASI `fd_write` as the shim types its imports: the fallback's errno comes back as it is. */
type FdWrite = (fd: number, iovs: number, iovsLength: number, nwrittenPtr: number) => unknown;

/**
 * WASI `fd_write` that hands the bytes written to stdout and stderr (whichever descriptors hold
 * their sinks' `fd`) straight to the sinks, as views of the module's memory; any other descriptor
 * goes to `fallback` (the shim's). The shim's own copies each piece and builds objects for the
 * iovecs: on every log line of every run.
 */
export function consoleFdWrite(
  memory: () => WebAssembly.Memory,
  fds: readonly unknown[],
  sinks: readonly LineSink[],
  fallback: FdWrite,
): FdWrite {
  let buffer: ArrayBuffer | null = null;
  let bytes = new Uint8Array(0);
  let view = new DataView(new ArrayBuffer(0));
  return (fd, iovs, iovsLength, nwrittenPtr) => {
    const sink = sinks.find((s) => s.fd === fds[fd]);
    if (sink === undefined) return fallback(fd, iovs, iovsLength, nwrittenPtr);
    const current = memory().buffer;
    if (current !== buffer) {
      buffer = current;
      bytes = new Uint8Array(current);
      view = new DataView(current);
    }
    let written = 0;
    for (let i = 0; i < iovsLength; i++) {
      const at = view.getUint32(iovs + 8 * i, true);
      const length = view.getUint32(iovs + 8 * i + 4, true);
      if (at + length > bytes.length) return wasi.ERRNO_FAULT;
      sink.write(bytes.subarray(at, at + length));
      written += length;
    }
    view.setUint32(nwrittenPtr, written, true);
    return wasi.ERRNO_SUCCESS;
  };
}
