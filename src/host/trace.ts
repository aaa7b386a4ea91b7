// The trace of a run: one event per crossing of the boundary (guest/README.md, "The trace").
// The host records its own crossings (exports it calls, imports it answers); the wrapper writes
// records of its own (C → Python, Python → sdk) to the trace descriptor, fd 4, which exists only
// on a tracing instance. Both land in one recorder, in the order they happen: everything runs
// on one thread, so the sequence numbers are the order of the crossings. Plain TypeScript.
import { Fd, wasi } from '@bjorn3/browser_wasi_shim';
import { ENV_PARAMS, type Se2Env } from './abi.generated.ts';
import type { TraceDirection, TraceEvent, TraceValue } from './types.ts';

/** The wrapper's trace descriptor (guest/src/trace.h): after stdin, stdout, stderr and `/`. */
export const TRACE_FD = 4;
/** Bytes copied per pointer/length pair; the full length is stated. */
export const TRACE_COPY_MAX = 4096;
/** Events kept per report; later ones are counted in `traceDropped`. */
export const TRACE_EVENTS_MAX = 10_000;
/** Bytes copied per report in all; past it, values keep their pointer and length only. */
export const TRACE_BYTES_MAX = 4 * 1024 * 1024;

export class TraceRecorder {
  /** Whether the run in progress is traced. */
  enabled = false;
  private events: TraceEvent[] = [];
  private dropped = 0;
  private copied = 0;
  /** The exports the host is inside (calls without their return yet). */
  private exportsOpen: string[] = [];

  constructor(
    private readonly clock: () => number,
    private readonly memory: () => WebAssembly.Memory | null,
    /** Lines in the report's log so far (TraceEvent.logIndex). */
    private readonly logCount: () => number,
  ) {}

  add(direction: TraceDirection, phase: 'call' | 'return', name: string, values: TraceValue[], error?: string): void {
    if (!this.enabled) return;
    if (this.events.length >= TRACE_EVENTS_MAX) {
      this.dropped++;
      return;
    }
    const event: TraceEvent = {
      seq: this.events.length + 1,
      time: this.clock(),
      direction,
      phase,
      name,
      values,
      logIndex: this.logCount(),
    };
    if (direction === 'host-wasm' || direction === 'wasm-host') {
      const memory = this.memory();
      if (memory !== null) event.memory = memory.buffer.byteLength;
    }
    if (error !== undefined) event.error = error;
    if (direction === 'host-wasm') {
      if (phase === 'call') this.exportsOpen.push(name);
      else this.exportsOpen.pop();
    }
    this.events.push(event);
  }

  /** The export the host called last and that has not returned (what a trap ended). */
  open(): string | null {
    return this.exportsOpen.at(-1) ?? null;
  }

  /** A pointer/length value with a copy of (at most TRACE_COPY_MAX of) its bytes now. */
  bytes(name: string, ptr: number, len: number): TraceValue {
    const start = ptr >>> 0;
    const length = len >>> 0;
    const memory = this.memory();
    const size = memory === null ? 0 : memory.buffer.byteLength;
    let take = Math.min(length, TRACE_COPY_MAX, Math.max(0, TRACE_BYTES_MAX - this.copied));
    if (start + take > size) take = 0; // a range outside memory: the host call will say why
    this.copied += take;
    const bytes = take > 0 ? new Uint8Array(memory!.buffer, start, take).slice() : new Uint8Array(0);
    return { name, kind: 'bytes', ptr: start, len: length, bytes };
  }

  /** This report's events (and how many were dropped); the recorder starts afresh. */
  take(): { trace: TraceEvent[]; traceDropped?: number } {
    const taken = { trace: this.events, ...(this.dropped > 0 ? { traceDropped: this.dropped } : {}) };
    this.events = [];
    this.dropped = 0;
    this.copied = 0;
    this.exportsOpen = [];
    return taken;
  }
}

const LANES: Record<number, TraceDirection> = { 0: 'c-python', 1: 'python-sdk' };
const latin = new TextDecoder('utf-8');

/**
 * The wrapper's records (format in guest/src/trace.h) into events. A record arrives in several
 * writes (the shim passes each iovec on its own), so bytes are gathered until a record is whole.
 */
export class TraceFd extends Fd {
  private pending = new Uint8Array(0);

  constructor(private readonly recorder: TraceRecorder) {
    super();
  }

  /** A character device while the run is traced, absent otherwise: the wrapper asks per run. */
  override fd_fdstat_get(): { ret: number; fdstat: wasi.Fdstat | null } {
    if (!this.recorder.enabled) return { ret: wasi.ERRNO_BADF, fdstat: null };
    const fdstat = new wasi.Fdstat(wasi.FILETYPE_CHARACTER_DEVICE, wasi.FDFLAGS_APPEND);
    fdstat.fs_rights_base = BigInt(wasi.RIGHTS_FD_WRITE);
    return { ret: wasi.ERRNO_SUCCESS, fdstat };
  }

  /** Not a preopen: wasi-libc's preopen scan stops here (EBADF ends it; anything else aborts). */
  override fd_prestat_get(): { ret: number; prestat: wasi.Prestat | null } {
    return { ret: wasi.ERRNO_BADF, prestat: null };
  }

  override fd_write(data: Uint8Array): { ret: number; nwritten: number } {
    const joined = new Uint8Array(this.pending.length + data.length);
    joined.set(this.pending);
    joined.set(data, this.pending.length);
    let at = 0;
    while (joined.length - at >= 4) {
      const size = new DataView(joined.buffer, at, 4).getUint32(0, true);
      if (joined.length - at - 4 < size) break;
      this.record(joined.subarray(at + 4, at + 4 + size));
      at += 4 + size;
    }
    this.pending = joined.slice(at);
    return { ret: wasi.ERRNO_SUCCESS, nwritten: data.length };
  }

  private record(body: Uint8Array): void {
    const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
    let at = 0;
    const name = () => {
      const n = body[at]!;
      const text = latin.decode(body.subarray(at + 1, at + 1 + n));
      at += 1 + n;
      return text;
    };
    try {
      const phase = body[at++] === 0 ? 'call' : 'return';
      const direction = LANES[body[at++]!] ?? 'c-python';
      const func = name();
      const count = body[at++]!;
      const values: TraceValue[] = [];
      const copies: { value: TraceValue & { kind: 'bytes' }; copied: number }[] = [];
      for (let i = 0; i < count; i++) {
        const valueName = name();
        const kind = body[at++];
        if (kind === 0) {
          values.push({ name: valueName, kind: 'int', value: Number(view.getBigInt64(at, true)) });
          at += 8;
        } else {
          const value = {
            name: valueName,
            kind: 'bytes' as const,
            ptr: view.getUint32(at, true),
            len: view.getUint32(at + 4, true),
            bytes: new Uint8Array(0),
          };
          copies.push({ value, copied: view.getUint32(at + 8, true) });
          values.push(value);
          at += 12;
        }
      }
      for (const { value, copied } of copies) {
        value.bytes = body.slice(at, at + copied);
        at += copied;
      }
      if (at > body.length) throw new RangeError('record shorter than it says');
      this.recorder.add(direction, phase, func, values);
    } catch {
      // A malformed record is the wrapper's bug; it must not end the run. Say so in the trace.
      this.recorder.add('c-python', 'call', '(unreadable trace record)', []);
    }
  }
}

/**
 * The env imports, each recording its call (with its arguments named as in the .wit, every
 * `<name>_ptr`/`<name>_len` pair with its bytes) and its return. get_ffi_result's answer is the
 * `answerLength()` bytes it wrote at `ptr`.
 */
export function tracedEnv(env: Se2Env, recorder: TraceRecorder, answerLength: () => number | null): Se2Env {
  const traced = {} as Record<string, (...args: number[]) => number | void>;
  for (const [name, params] of Object.entries(ENV_PARAMS) as [keyof Se2Env, readonly string[]][]) {
    const original = env[name] as (...args: number[]) => number | void;
    traced[name] = (...args: number[]) => {
      if (!recorder.enabled) return original(...args);
      const values: TraceValue[] = [];
      params.forEach((param, i) => {
        if (param.endsWith('_len') && params[i - 1] === param.replace(/_len$/, '_ptr')) return;
        if (param.endsWith('_ptr') && params[i + 1] === param.replace(/_ptr$/, '_len')) {
          values.push(recorder.bytes(param.slice(0, -4), args[i]!, args[i + 1]!));
        } else {
          values.push({ name: param, kind: 'int', value: args[i]! });
        }
      });
      recorder.add('wasm-host', 'call', name, values);
      const length = name === 'get_ffi_result' ? answerLength() : null;
      const result = original(...args);
      const answer: TraceValue[] = [];
      if (length !== null && result === 0) answer.push(recorder.bytes('ptr', args[0]!, length));
      if (typeof result === 'number') answer.push({ name: 'result', kind: 'int', value: result });
      recorder.add('wasm-host', 'return', name, answer);
      return result;
    };
  }
  return traced as unknown as Se2Env;
}
