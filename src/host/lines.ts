import { ConsoleStdout } from '@bjorn3/browser_wasi_shim';

/** Longest line kept whole; the rest of a longer line is cut and the cut is said in the line. */
export const MAX_LINE_CHARS = 64 * 1024;

/**
 * A WASI stdout/stderr that splits the bytes it gets into UTF-8 lines. Bytes are decoded as a
 * stream, so a character split across two writes survives; `flush()` hands out a last line that
 * has no newline yet.
 */
export class LineSink {
  readonly fd: ConsoleStdout;
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';
  private cut = 0;

  constructor(private readonly onLine: (line: string) => void) {
    this.fd = new ConsoleStdout((bytes) => this.write(bytes));
  }

  private write(bytes: Uint8Array): void {
    const text = this.decoder.decode(bytes, { stream: true });
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
    if (this.pending !== '' || this.cut > 0) this.emit();
  }
}
