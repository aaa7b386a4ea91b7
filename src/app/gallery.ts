// The examples gallery: every folder of examples/gallery/ (the zip's layout: plugin/, cases.json,
// playground.json, plus a README.md whose heading is the title), bundled by Vite. The titles are in
// the page; an example's files load when it is opened.
import { strToU8 } from 'fflate';
import type { Decoded, Playground } from '../playground/document.ts';
import { playgroundFromEntries } from '../playground/zip.ts';

const FOLDER = '../../examples/gallery/';

const readmes = import.meta.glob<string>('../../examples/gallery/*/README.md', { query: '?raw', import: 'default', eager: true });
const contents = import.meta.glob<string>(['../../examples/gallery/*/**', '!../../examples/gallery/*/README.md'], {
  query: '?raw',
  import: 'default',
});

export interface Example {
  /** The folder's name: stable, used in test ids. */
  id: string;
  title: string;
  description: string;
}

/** The examples, in the order the gallery shows them (the article's first). */
export const EXAMPLES: Example[] = Object.entries(readmes)
  .map(([path, text]) => {
    const id = path.slice(FOLDER.length).split('/')[0]!;
    const [heading = id, ...rest] = text.trim().split('\n');
    return { id, title: heading.replace(/^#\s*/, ''), description: rest.join(' ').trim() };
  })
  .sort((a, b) => (a.id === 'article' ? -1 : b.id === 'article' ? 1 : a.title.localeCompare(b.title)));

/** The playground of example `id`. */
export async function loadExample(id: string): Promise<Decoded<Playground>> {
  const prefix = `${FOLDER}${id}/`;
  const paths = Object.keys(contents).filter((p) => p.startsWith(prefix));
  if (paths.length === 0) return { ok: false, error: `there is no example ${JSON.stringify(id)}` };
  const entries: Record<string, Uint8Array> = {};
  await Promise.all(paths.map(async (p) => (entries[p.slice(prefix.length)] = strToU8(await contents[p]!()))));
  return playgroundFromEntries(entries);
}
