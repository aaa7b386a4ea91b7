// A trace as text: one numbered line per crossing (what `se2 --trace` prints), and the pieces
// the page's Sequence and Memory views share with it. Plain TypeScript: no DOM, no Node.
import type { TraceDirection, TraceEvent, TraceValue } from './types.ts';

/** The two sides of each direction: the caller, then the callee. */
export const DIRECTION_ENDS: Record<TraceDirection, [string, string]> = {
  'host-wasm': ['host', 'wasm'],
  'wasm-host': ['wasm', 'host'],
  'c-python': ['C', 'Python'],
  'python-sdk': ['Python', 'sdk'],
};

/** `host → wasm` for a call, `host ← wasm` for its return. */
export function arrowOf(e: Pick<TraceEvent, 'direction' | 'phase'>): string {
  const [from, to] = DIRECTION_ENDS[e.direction];
  return e.phase === 'call' ? `${from} → ${to}` : `${from} ← ${to}`;
}

export function hexAddress(n: number): string {
  return `0x${(n >>> 0).toString(16)}`;
}

const lenient = new TextDecoder('utf-8');

/** The bytes as UTF-8 (bad sequences as U+FFFD), quoted with JSON's escapes so that control
 * characters and escape sequences print as text, cut to `max` characters. */
export function bytesPreview(v: Extract<TraceValue, { kind: 'bytes' }>, max = 40): string {
  const text = lenient.decode(v.bytes);
  const chars = Array.from(text);
  const cut = chars.length > max || v.bytes.length < v.len;
  return `${JSON.stringify(chars.slice(0, max).join(''))}${cut ? '…' : ''}`;
}

/** `name=12345` or `name=0x112f0[47] "text…"`. */
export function valueText(v: TraceValue, max = 40): string {
  // allocate's answer is an address: written as addresses are.
  if (v.kind === 'int') return v.name === 'ptr' ? `${v.name}=${hexAddress(v.value)}` : `${v.name}=${v.value}`;
  return `${v.name}=${hexAddress(v.ptr)}[${v.len}] ${bytesPreview(v, max)}`;
}

/** One line per crossing: number, time since the first event, direction, function, values. */
export function formatTrace(events: TraceEvent[], dropped = 0): string[] {
  const start = events[0]?.time ?? 0;
  const width = String(events.at(-1)?.seq ?? 0).length;
  const lines = events.map((e) => {
    const values = e.values.map((v) => valueText(v)).join(', ');
    const what = e.phase === 'call' ? `call   ${e.name}(${values})` : `return ${e.name}${values === '' ? '' : ` -> ${values}`}`;
    const error = e.error === undefined ? '' : `  !! ${e.error}`;
    const time = `+${(e.time - start).toFixed(3)} ms`.padStart(12);
    return `${String(e.seq).padStart(width)} ${time}  ${arrowOf(e).padEnd(15)} ${what}${error}`;
  });
  if (dropped > 0) lines.push(`… ${dropped} more crossings were not kept`);
  return lines;
}
