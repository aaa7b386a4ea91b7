// Where a Python error is in the plugin's own files, read from what Python wrote (a traceback, or a
// SyntaxError's report) or, failing that, from the error message. Pure: the editor puts a marker
// there, and the log links each frame to its line.

/** The plugin folder as the module sees it (src/host/fs.ts mounts the files there). */
const PLUGIN_PREFIX = '/plugin/';

export interface SourceError {
  /** The file, relative to the plugin folder (`plugin.py`, `pkg/util.py`). */
  path: string;
  /** 1-based. */
  line: number;
  /**
   * Where on the line, when Python marked it (`^^^^` or a SyntaxError's `^`): 0-based offsets into
   * the line without its leading whitespace (Python shows it so), end exclusive.
   */
  span?: { start: number; end: number };
  /** The exception, as its last line says: `ZeroDivisionError: division by zero`. */
  message: string;
}

const FRAME = /^ {2}File "([^"]+)", line (\d+)(?:, in .*)?$/;
const MARKS = /^ +([~^]+) *$/;

/** The plugin file and line a traceback line (`  File "/plugin/x.py", line 3, in f`) names, or null. */
export function frameOf(text: string): { path: string; line: number } | null {
  const m = FRAME.exec(text);
  if (m === null || !m[1]!.startsWith(PLUGIN_PREFIX)) return null;
  return { path: m[1]!.slice(PLUGIN_PREFIX.length), line: Number(m[2]) };
}

/** The innermost frame in the plugin's files of the last traceback in `lines`, with its exception. */
function fromTraceback(lines: string[]): SourceError | null {
  let start = -1;
  for (let i = lines.length - 1; i >= 0 && start < 0; i--) if (lines[i] === 'Traceback (most recent call last):') start = i;
  // A SyntaxError in plugin.py itself has no "Traceback" header when Python reports it bare.
  if (start < 0) start = lines.findIndex((l) => FRAME.test(l));
  if (start < 0) return null;

  let found: Omit<SourceError, 'message'> | null = null;
  let i = start + 1;
  while (i < lines.length) {
    const m = FRAME.exec(lines[i]!);
    if (m === null) break;
    const frame = frameOf(lines[i]!);
    i++;
    // The frame's source line (indented 4) and Python's marks under it (`^^^`, `~~^~~`), when shown.
    let code: string | null = null;
    if (i < lines.length && lines[i]!.startsWith('    ') && !FRAME.test(lines[i]!)) code = lines[i++]!;
    let marks: RegExpExecArray | null = null;
    if (code !== null && i < lines.length && (marks = MARKS.exec(lines[i]!)) !== null) i++;
    if (frame !== null) {
      found = { ...frame };
      if (marks !== null) {
        const first = lines[i - 1]!.search(/[~^]/);
        const indent = code!.length - code!.trimStart().length;
        found.span = { start: first - indent, end: first - indent + marks[1]!.length };
      }
    }
  }
  if (found === null) return null;
  // The exception is the first unindented line after the frames (its message may go on below).
  const message = lines.slice(i).find((l) => l !== '' && !l.startsWith(' '));
  return { ...found, message: message ?? 'the error is in this line' };
}

/** `cannot import plugin: SyntaxError: '(' was never closed (helper.py, line 2)`: what the wrapper reports on import. */
const IMPORT_ERROR = /^cannot import plugin: (.*) \(([^()]+\.py), line (\d+)\)$/;

/**
 * Where the error of a run is: `lines` are what Python wrote (its log lines without a prefix), and
 * `errorMessage` the run's returned error, used when the lines hold no traceback (they were cut).
 */
export function locateError(lines: string[], errorMessage?: string): SourceError | null {
  const traced = fromTraceback(lines);
  if (traced !== null) return traced;
  const m = errorMessage === undefined ? null : IMPORT_ERROR.exec(errorMessage);
  // Python names the file by its base name here: the caller maps it to a file of the playground.
  if (m === null) return null;
  return { path: m[2]!, line: Number(m[3]), message: m[1]! };
}
