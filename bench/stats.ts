// Summaries and the side-by-side table.

export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function summarize(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median: round(median), min: round(s[0]!), max: round(s[s.length - 1]!), n: s.length };
}

export function round(x: number): number {
  return Math.abs(x) >= 100 ? Math.round(x * 10) / 10 : Math.round(x * 1000) / 1000;
}

const fmt = (s: Summary | undefined) => (s === undefined ? '—' : s.n === 1 ? `${s.median}` : `${s.median} (${s.min}–${s.max})`);

/** A column of summaries (one side) or of ratios, by metric. */
export interface Column {
  title: string;
  summaries: Record<string, Summary>;
}
export interface RatioColumn {
  title: string;
  values: Record<string, number>;
}

/** metric | each side's median (min–max) | each ratio, as fixed-width text under a caption; columns no metric has are left out. */
export function table(metrics: string[], sides: Column[], ratios: RatioColumn[]): string {
  const shown = sides.filter((c) => metrics.some((m) => c.summaries[m]));
  const shownRatios = ratios.filter((c) => metrics.some((m) => c.values[m] !== undefined));
  const rows = [['metric', ...shown.map((c) => c.title), ...shownRatios.map((c) => c.title)]];
  for (const m of metrics)
    rows.push([
      m,
      ...shown.map((c) => fmt(c.summaries[m])),
      ...shownRatios.map((c) => (c.values[m] === undefined ? '—' : c.values[m]!.toFixed(3))),
    ]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const caption = 'each side: median (min–max) of the measured rounds; ratios: of the medians';
  return [caption, '', line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
