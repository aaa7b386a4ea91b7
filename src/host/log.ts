import type { LogEntry, LogLevel } from './types.ts';

// A module line looks like `\t\t<ESC>[35m[plugin.py]<ESC>[0m | id=12345 | text`: the tabs give the
// layer, the ANSI colour around the file name is optional.
const PREFIXED = /^(\t*)(?:\x1b\[[0-9;]*m)*\[([^\]\t\n]{1,64})\](?:\x1b\[[0-9;]*m)* \| (?:id=(-?\d{1,10}) \| )?/;

/** Turns one line the module wrote into a log entry. Nothing the module writes is ever `host` level. */
export function parseModuleLine(line: string, stream: LogEntry['stream'], time: number): LogEntry {
  const m = PREFIXED.exec(line);
  if (m === null) return { level: 'python', file: '', ident: null, text: line, stream, time };
  const file = m[2]!;
  const level: LogLevel = m[1]!.length === 1 && file.endsWith('.c') ? 'wrapper' : 'python';
  const ident = m[3] === undefined ? null : Number(m[3]);
  return { level, file, ident, text: line.slice(m[0].length), stream, time };
}

const INDENT: Record<LogLevel, string> = { host: '', wrapper: '\t', python: '\t\t' };
// The original example's colours: host orange, wrapper green, Python violet.
const LEVEL_COLOR: Record<LogLevel, string> = {
  host: '\x1b[38;5;208m',
  wrapper: '\x1b[32m',
  python: '\x1b[35m',
};
const RESET = '\x1b[0m';

/** One entry as a terminal line, like the original example printed it. */
export function formatEntry(entry: LogEntry, color: boolean): string {
  const indent = INDENT[entry.level];
  if (entry.file === '') return indent + entry.text;
  const name = color ? `${LEVEL_COLOR[entry.level]}[${entry.file}]${RESET}` : `[${entry.file}]`;
  const id = entry.ident === null ? '' : `id=${entry.ident} | `;
  // A log_msg line says its level before the text, as a plugin author reads it in a terminal.
  const severity = entry.severity === undefined ? '' : `[${entry.severity}] `;
  return `${indent}${name} | ${id}${severity}${entry.text}`;
}
