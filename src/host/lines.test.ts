import { describe, expect, it } from 'vitest';
import { LineSink, MAX_LINE_CHARS } from './lines.ts';

const sink = () => {
  const lines: string[] = [];
  const s = new LineSink((line) => lines.push(line));
  const write = (bytes: Uint8Array) => s.fd.fd_write(bytes);
  return { lines, s, write };
};
const utf8 = (t: string) => new TextEncoder().encode(t);

describe('LineSink', () => {
  it('splits writes into lines and keeps a character cut between two writes', () => {
    const { lines, s, write } = sink();
    const bytes = utf8('a\nпр👍🏽\nlast');
    write(bytes.subarray(0, 5)); // ends inside "р"
    write(bytes.subarray(5, 9)); // ends inside the emoji
    write(bytes.subarray(9));
    expect(lines).toEqual(['a', 'пр👍🏽']);
    s.flush();
    expect(lines).toEqual(['a', 'пр👍🏽', 'last']);
    s.flush();
    expect(lines).toHaveLength(3);
  });

  it('cuts a line longer than the cap and says how much it cut', () => {
    const { lines, write } = sink();
    write(utf8('x'.repeat(MAX_LINE_CHARS + 10) + '\nok\n'));
    expect(lines[0]).toBe('x'.repeat(MAX_LINE_CHARS) + ' … [10 more characters cut]');
    expect(lines[1]).toBe('ok');
  });
});
