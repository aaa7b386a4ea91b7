// The pure parts of the Sequence and Memory views: which lanes an arrow joins, runs of repeated
// crossings folded into one row, the log lines that belong to a crossing, hex rows of bytes.
import type { LogEntry, TraceDirection, TraceEvent } from '../host/types.ts';

export type Lane = 0 | 1 | 2;
export const LANES = ['host', 'C wrapper', 'Python'] as const;

/** Caller's and callee's lanes: wasm's exports and the sdk functions live in the C wrapper. */
const ENDS: Record<TraceDirection, [Lane, Lane]> = {
  'host-wasm': [0, 1],
  'wasm-host': [1, 0],
  'c-python': [1, 2],
  'python-sdk': [2, 1],
};

/** Where an arrow starts and ends: a call goes caller → callee, its return comes back. */
export function arrowLanes(e: Pick<TraceEvent, 'direction' | 'phase'>): { from: Lane; to: Lane } {
  const [caller, callee] = ENDS[e.direction];
  return e.phase === 'call' ? { from: caller, to: callee } : { from: callee, to: caller };
}

/** One row of the view: one crossing, or a block of crossings repeated `times` times in a row. */
export type SequenceRow =
  { kind: 'event'; event: TraceEvent } | { kind: 'repeat'; block: TraceEvent[]; times: number; events: TraceEvent[] };

const shape = (e: TraceEvent) => `${e.direction} ${e.phase} ${e.name}`;

/** Blocks of up to this many crossings are looked for (a call through sdk to the host and back is 4–6). */
const MAX_BLOCK = 8;
/** A block repeated at least this often is folded. */
export const MIN_REPEATS = 3;

/**
 * The events as rows, with every run of at least MIN_REPEATS identical blocks (the same
 * directions, phases and names in the same order; values may differ) folded into one row.
 */
export function foldRepeats(events: TraceEvent[]): SequenceRow[] {
  const shapes = events.map(shape);
  const rows: SequenceRow[] = [];
  let i = 0;
  while (i < events.length) {
    let best: { len: number; times: number } | null = null;
    for (let len = 1; len <= MAX_BLOCK && i + len * MIN_REPEATS <= events.length; len++) {
      let times = 1;
      while (i + (times + 1) * len <= events.length && sameBlock(shapes, i, i + times * len, len)) times++;
      if (times >= MIN_REPEATS) {
        best = { len, times };
        break;
      }
    }
    if (best === null) {
      rows.push({ kind: 'event', event: events[i]! });
      i++;
    } else {
      const end = i + best.len * best.times;
      rows.push({ kind: 'repeat', block: events.slice(i, i + best.len), times: best.times, events: events.slice(i, end) });
      i = end;
    }
  }
  return rows;
}

function sameBlock(shapes: string[], a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (shapes[a + k] !== shapes[b + k]) return false;
  return true;
}

/**
 * The log lines written while a crossing was the latest one: from its `logIndex` up to the next
 * crossing's (the host counts the report's lines when it records an event, so this needs neither
 * the log's words nor its clock, whose ticks are 0.1 ms in a page). `dropped` lines were left out
 * before `entries[0]`.
 */
export function linesOf(entries: LogEntry[], dropped: number, events: TraceEvent[], seq: number): Set<LogEntry> {
  const at = events.findIndex((e) => e.seq === seq);
  const lines = new Set<LogEntry>();
  if (at < 0) return lines;
  const from = events[at]!.logIndex - dropped;
  const to = (events[at + 1]?.logIndex ?? Infinity) - dropped;
  entries.forEach((entry, i) => {
    if (i >= from && i < to) lines.add(entry);
  });
  return lines;
}

/**
 * For each return, how long after its call it came (ms), keyed by the return's seq. Crossings nest
 * (a call returns before its caller does), so the open calls are a stack.
 */
export function callDurations(events: TraceEvent[]): Map<number, number> {
  const open: TraceEvent[] = [];
  const took = new Map<number, number>();
  for (const e of events) {
    if (e.phase === 'call') open.push(e);
    else {
      const at = open.findLastIndex((c) => c.name === e.name && c.direction === e.direction);
      if (at < 0) continue;
      took.set(e.seq, e.time - open[at]!.time);
      open.length = at;
    }
  }
  return took;
}

/** Milliseconds as the view writes them: 0.012 ms, 1.40 ms, 153 ms. */
export function ms(value: number): string {
  if (value < 1) return `${value.toFixed(3)} ms`;
  if (value < 100) return `${value.toFixed(2)} ms`;
  return `${Math.round(value)} ms`;
}

export interface HexRow {
  offset: number;
  hex: string;
  text: string;
}

/**
 * Rows of `width` bytes: hex, and the bytes as text where they are printable ASCII (a dot
 * elsewhere), the classic dump. The UTF-8 reading of the whole value is shown beside it.
 */
export function hexRows(bytes: Uint8Array, width = 8): HexRow[] {
  const rows: HexRow[] = [];
  for (let offset = 0; offset < bytes.length; offset += width) {
    const chunk = bytes.subarray(offset, offset + width);
    rows.push({
      offset,
      hex: Array.from(chunk, (b) => b.toString(16).padStart(2, '0')).join(' '),
      text: Array.from(chunk, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join(''),
    });
  }
  return rows;
}

/** Per run: the module's memory before and after, and what allocate and deallocate were given. */
export interface MemorySummary {
  before: number | null;
  after: number | null;
  allocations: { size: number; ptr: number }[];
  frees: { ptr: number; size: number }[];
}

export function memorySummary(events: TraceEvent[]): MemorySummary {
  const sized = events.filter((e) => e.memory !== undefined);
  const summary: MemorySummary = { before: sized[0]?.memory ?? null, after: sized.at(-1)?.memory ?? null, allocations: [], frees: [] };
  events.forEach((e, i) => {
    if (e.direction !== 'host-wasm' || e.phase !== 'call') return;
    if (e.name === 'allocate') {
      const size = e.values.find((v) => v.name === 'size');
      const answer = events.slice(i + 1).find((r) => r.name === 'allocate' && r.phase === 'return');
      const ptr = answer?.values.find((v) => v.name === 'ptr');
      if (size?.kind === 'int' && ptr?.kind === 'int') summary.allocations.push({ size: size.value, ptr: ptr.value });
    } else if (e.name === 'deallocate') {
      const ptr = e.values.find((v) => v.name === 'ptr');
      const size = e.values.find((v) => v.name === 'size');
      if (ptr?.kind === 'bytes' && size?.kind === 'int') summary.frees.push({ ptr: ptr.ptr, size: size.value });
    }
  });
  return summary;
}
