// What the bench runs on both sides, and what each run must return.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { ROOT } from './server.ts';

export const PAYLOAD = "It can't bite it's own tail. I'm done laughing.";
export const IDENT = 12345;
export const RESULT = "tI can't etib it's nwo tail. I'm enod laughing.";

/** The article's plugin, the one the page runs by default. */
export const articleSource = (): string => readFileSync(join(ROOT, 'guest/plugin/plugin.py'), 'utf8');

export const wideSource = (): string => readFileSync(join(ROOT, 'bench/plugins/wide.py'), 'utf8');

/** What bench/plugins/wide.py returns for `payload`, computed here independently. */
export function wideResult(payload: string): string {
  const words = payload.split(/\s+/).filter((w) => w !== '');
  const esc = (w: string) => w.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const xml = `<p>${words.map((w) => `<w>${esc(w)}</w>`).join('')}</p>`;
  const bytes = Buffer.from(payload, 'utf8');
  const tenths = words.length;
  const total = tenths === 0 ? '0.0' : `${Math.floor(tenths / 10)}.${tenths % 10}`;
  const crc = crc32(bytes).toString(16).padStart(8, '0');
  const sha = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  return `words=${words.length} total=${total} xml=${Buffer.byteLength(xml)} crc=${crc} sha256=${sha}`;
}
