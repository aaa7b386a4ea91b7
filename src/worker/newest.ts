// "Keep the newest N": the one rule for log lines past a cap, used by the Worker's relay, the
// Worker's early lines and the store. Callers say how many they dropped; nothing drops silently.

/** The newest `cap` of `items` and how many older ones were left out. */
export function keepNewest<T>(items: readonly T[], cap: number): { kept: T[]; dropped: number } {
  const dropped = Math.max(0, items.length - cap);
  return { kept: dropped > 0 ? items.slice(dropped) : (items as T[]), dropped };
}

/**
 * A growing buffer that keeps its newest `cap` items. It trims in chunks (when it holds twice the
 * cap), so pushing one item at a time stays linear in a flood.
 */
export class Newest<T> {
  private items: T[] = [];
  private droppedSoFar = 0;

  constructor(readonly cap: number) {}

  push(item: T): void {
    this.items.push(item);
    if (this.items.length >= 2 * this.cap) this.trim();
  }

  /** Counts `n` items left out before they reached this buffer. */
  countDropped(n: number): void {
    this.droppedSoFar += n;
  }

  get size(): number {
    return Math.min(this.items.length, this.cap);
  }

  /** Everything kept, and the count dropped since the last take; the buffer is empty after. */
  take(): { kept: T[]; dropped: number } {
    this.trim();
    const out = { kept: this.items, dropped: this.droppedSoFar };
    this.items = [];
    this.droppedSoFar = 0;
    return out;
  }

  private trim(): void {
    const { kept, dropped } = keepNewest(this.items, this.cap);
    this.items = kept;
    this.droppedSoFar += dropped;
  }
}
