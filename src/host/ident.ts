// Execution ids: the i32 that run_e receives. One rule for the host, the CLI, the page and links.

const I32_MIN = -(2 ** 31);
const I32_MAX = 2 ** 31 - 1;

export function isExecutionId(ident: unknown): ident is number {
  return typeof ident === 'number' && Number.isInteger(ident) && ident >= I32_MIN && ident <= I32_MAX;
}

/** The id a person typed, or null when it is not a 32-bit integer. */
export function parseExecutionId(text: string): number | null {
  if (!/^\s*-?\d{1,10}\s*$/.test(text)) return null;
  const n = Number(text);
  return isExecutionId(n) ? n : null;
}
