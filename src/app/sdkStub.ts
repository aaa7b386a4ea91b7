// Reads the typed stub of the `sdk` module (`public/guest/sdk.pyi`, generated from the .wit) into
// what the editor's completions and hover docs need. It reads the subset of stub syntax a
// generator writes: `def`/`async def` (one line or several) with a docstring, `class` blocks
// (helper namespaces, enums, exceptions) and `NAME: type` / `NAME = value` constants, nested by
// indentation. Imports, decorators, private names and bodies are skipped.
//
// The pure parts (parse, lookups) are here; sdkCompletions.ts registers them with Monaco.

export type SdkKind = 'function' | 'class' | 'constant';

export interface SdkMember {
  name: string;
  kind: SdkKind;
  /** What the stub declares, as one line: `def log_msg(message: str, level: int, ident: int) -> None`. */
  signature: string;
  doc: string;
  /** A class's members (methods, helpers, enum values). */
  members: SdkMember[];
}

export interface SdkStub {
  doc: string;
  members: SdkMember[];
}

const indentOf = (line: string) => line.length - line.trimStart().length;

/** Where the brackets opened on `text` are all closed. */
function balanced(text: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (const ch of text) {
    if (quote !== null) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  return depth <= 0;
}

/** Removes a docstring's common indentation (Python's inspect.cleandoc). */
function cleandoc(text: string): string {
  const lines = text.replace(/\t/g, '    ').split('\n');
  const rest = lines.slice(1).filter((l) => l.trim() !== '');
  const margin = rest.length === 0 ? 0 : Math.min(...rest.map(indentOf));
  return [lines[0]!.trim(), ...lines.slice(1).map((l) => l.slice(margin).trimEnd())].join('\n').trim();
}

/**
 * The docstring starting at line `i` (a `"""` or `'''` literal, maybe prefixed r/u), or null.
 * Returns the text and the index of the line after it.
 */
function docstringAt(lines: string[], i: number): { doc: string; next: number } | null {
  const first = lines[i]?.trim() ?? '';
  const open = /^[rRuU]?("""|''')/.exec(first);
  if (open === null) return null;
  const quote = open[1]!;
  const body = first.slice(open[0].length);
  const close = body.indexOf(quote);
  if (close >= 0) return { doc: cleandoc(body.slice(0, close)), next: i + 1 };
  const parts = [body];
  for (let j = i + 1; j < lines.length; j++) {
    const at = lines[j]!.indexOf(quote);
    if (at >= 0) {
      parts.push(lines[j]!.slice(0, at));
      return { doc: cleandoc(parts.join('\n')), next: j + 1 };
    }
    parts.push(lines[j]!);
  }
  return { doc: cleandoc(parts.join('\n')), next: lines.length };
}

/** The next line index that holds something other than blanks and comments. */
function skipBlank(lines: string[], i: number): number {
  while (i < lines.length && (lines[i]!.trim() === '' || lines[i]!.trim().startsWith('#'))) i++;
  return i;
}

const DEF = /^(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(/;
const CLASS = /^class\s+([A-Za-z_]\w*)\s*[(:]/;
const CONSTANT = /^([A-Za-z_]\w*)\s*(?::[^=]+)?(?:=.*)?$/;

/** Reads a stub's text; anything it does not understand is skipped, never an error. */
export function parseStub(text: string): SdkStub {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const stub: SdkStub = { doc: '', members: [] };
  let i = skipBlank(lines, 0);
  const moduleDoc = docstringAt(lines, i);
  if (moduleDoc !== null) {
    stub.doc = moduleDoc.doc;
    i = moduleDoc.next;
  }
  // Open blocks by indentation: the module, then each class we are inside.
  const stack: { indent: number; members: SdkMember[] }[] = [{ indent: -1, members: stub.members }];
  while (i < lines.length) {
    i = skipBlank(lines, i);
    if (i >= lines.length) break;
    const line = lines[i]!;
    const indent = indentOf(line);
    const code = line.trim();
    while (stack.length > 1 && indent <= stack.at(-1)!.indent) stack.pop();
    const into = stack.at(-1)!.members;
    const def = DEF.exec(code);
    const cls = CLASS.exec(code);
    if (def !== null || cls !== null) {
      // A header may run over several lines: join them until its brackets close and it ends in `:`.
      let header = code;
      let j = i;
      while ((!balanced(header) || !/:\s*(\.\.\.)?\s*(#.*)?$/.test(header)) && j + 1 < lines.length) {
        j++;
        header += ` ${lines[j]!.trim()}`;
      }
      header = header
        .replace(/\(\s+/g, '(')
        .replace(/\s+\)/g, ')')
        .replace(/,\s*\)/g, ')')
        .replace(/\s+/g, ' ');
      const signature = header.replace(/\s*:\s*(\.\.\.)?\s*(#.*)?$/, '');
      const name = (def ?? cls)![1]!;
      const docAt = skipBlank(lines, j + 1);
      const doc = indentOf(lines[docAt] ?? '') > indent ? docstringAt(lines, docAt) : null;
      const member: SdkMember = { name, kind: def !== null ? 'function' : 'class', signature, doc: doc?.doc ?? '', members: [] };
      // Overloads: the first declaration speaks for the name.
      if (!name.startsWith('_') && !into.some((m) => m.name === name)) into.push(member);
      if (cls !== null) stack.push({ indent, members: member.members });
      i = doc?.next ?? j + 1;
      // A function's body (`...`, or anything) is not read: skip lines indented under it.
      if (def !== null) while (i < lines.length && (lines[i]!.trim() === '' || indentOf(lines[i]!) > indent)) i++;
      continue;
    }
    const constant = /^(import|from|@|return|pass|\.\.\.|raise|if|else|elif|try|except)\b/.test(code) ? null : CONSTANT.exec(code);
    if (constant !== null && !constant[1]!.startsWith('_') && !into.some((m) => m.name === constant[1])) {
      const doc = docstringAt(lines, skipBlank(lines, i + 1));
      into.push({ name: constant[1]!, kind: 'constant', signature: code.replace(/\s*#.*$/, ''), doc: doc?.doc ?? '', members: [] });
      i = doc?.next ?? i + 1;
      continue;
    }
    i++;
  }
  return stub;
}

/** The names `sdk` goes by in `source`: itself and any `import sdk as x`. */
export function sdkAliases(source: string): string[] {
  const aliases = ['sdk'];
  for (const m of source.matchAll(/^\s*import\s+sdk\s+as\s+([A-Za-z_]\w*)/gm)) aliases.push(m[1]!);
  return aliases;
}

/** The member a dotted path names (`['log', 'info']`), or null. */
export function resolve(stub: SdkStub, path: string[]): SdkMember | null {
  let members = stub.members;
  let found: SdkMember | null = null;
  for (const name of path) {
    found = members.find((m) => m.name === name) ?? null;
    if (found === null) return null;
    members = found.members;
  }
  return found;
}

/**
 * What to offer after `linePrefix` (the line up to the cursor) when it ends in `sdk.` or
 * `sdk.log.inf`: the members of that level and the word typed so far; null when not after `sdk`.
 */
export function completionsAt(
  stub: SdkStub,
  linePrefix: string,
  aliases: string[] = ['sdk'],
): { members: SdkMember[]; typed: string } | null {
  const m = /(?:^|[^\w.])([A-Za-z_]\w*)((?:\.[A-Za-z_]\w*)*)\.(\w*)$/.exec(linePrefix);
  if (m === null || !aliases.includes(m[1]!)) return null;
  const path = m[2]!.split('.').filter((p) => p !== '');
  const members = path.length === 0 ? stub.members : (resolve(stub, path)?.members ?? []);
  return { members, typed: m[3]! };
}

/**
 * The member under `column` (0-based) of `line` when it is part of an `sdk.…` path, with the
 * columns it spans; the module itself when the cursor is on `sdk`.
 */
export function hoverAt(
  stub: SdkStub,
  line: string,
  column: number,
  aliases: string[] = ['sdk'],
): { member: SdkMember | null; start: number; end: number } | null {
  const isWord = (ch: string | undefined) => ch !== undefined && /\w/.test(ch);
  if (!isWord(line[column])) return null;
  let start = column;
  while (isWord(line[start - 1])) start--;
  let end = column;
  while (isWord(line[end])) end++;
  // The dotted path up to and including the word under the cursor.
  let from = start;
  while (line[from - 1] === '.' && isWord(line[from - 2])) {
    from--;
    while (isWord(line[from - 1])) from--;
  }
  if (isWord(line[from - 1]) || line[from - 1] === '.') return null;
  const [head, ...path] = line.slice(from, end).split('.');
  if (!aliases.includes(head!)) return null;
  if (path.length === 0) return { member: null, start, end };
  const member = resolve(stub, path);
  return member === null ? null : { member, start, end };
}
