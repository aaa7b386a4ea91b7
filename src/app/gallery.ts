// The examples gallery: every folder of examples/gallery/ (the zip's layout: plugin/, cases.json,
// playground.json, plus a README.md whose heading is the title), bundled by Vite. The titles are in
// the page; an example's files load when it is opened.
import { strToU8 } from 'fflate';
import { parseDocument, type Decoded, type Playground } from '../playground/document.ts';
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

// examples/se2/<function>/: one small plugin per SE2 host function (the CLI's tests run them too):
// plugin.py, the request.json and fetch.json it needs, and expected.json (payload and outcome),
// which becomes the example's payload and its one test case.
const SE2_FOLDER = '../../examples/se2/';
const SE2_PREFIX = 'se2-';
const se2Files = import.meta.glob<string>('../../examples/se2/*/*.{py,json}', { query: '?raw', import: 'default' });
const se2Names = [...new Set(Object.keys(se2Files).map((p) => p.slice(SE2_FOLDER.length).split('/')[0]!))].filter(
  // The weather handler is in the gallery already, with more cases (examples/gallery/se2-weather).
  (name) => name !== 'weather',
);

const se2Examples: Example[] = se2Names.map((name) => ({
  id: `${SE2_PREFIX}${name}`,
  title: `SE2: ${name}`,
  description: `The host function ${name} in a small plugin (examples/se2/${name}), with its request and fetch mocks.`,
}));
EXAMPLES.push(...se2Examples);

interface Expected {
  payload: string;
  result: string | null;
  error: { code: number; message: string } | null;
}

async function loadSe2Example(name: string): Promise<Decoded<Playground>> {
  const read = async (file: string) => {
    const load = se2Files[`${SE2_FOLDER}${name}/${file}`];
    return load === undefined ? undefined : await load();
  };
  const [plugin, expectedText, requestText, fetchText] = await Promise.all(
    ['plugin.py', 'expected.json', 'request.json', 'fetch.json'].map(read),
  );
  if (plugin === undefined || expectedText === undefined) return { ok: false, error: `there is no example ${JSON.stringify(name)}` };
  const expected = JSON.parse(expectedText) as Expected;
  const document = {
    version: 2,
    files: { 'plugin.py': plugin },
    payload: expected.payload,
    ident: 12345,
    ...(requestText !== undefined && { request: JSON.parse(requestText) as unknown }),
    ...(fetchText !== undefined && { fetch: JSON.parse(fetchText) as unknown }),
  };
  const parsed = parseDocument(document);
  if (!parsed.ok) return parsed;
  const { request, fetch } = parsed.value;
  const expect =
    expected.error === null
      ? { result: expected.result ?? '' }
      : { error: { code: expected.error.code, message_contains: expected.error.message } };
  parsed.value.cases = [
    {
      name: `${name} as examples/se2/${name}/expected.json says`,
      payload: expected.payload,
      ...(request && { request }),
      ...(fetch && { fetch }),
      expect,
    },
  ];
  return parsed;
}

/** The playground of example `id`. */
export async function loadExample(id: string): Promise<Decoded<Playground>> {
  if (id.startsWith(SE2_PREFIX) && se2Names.includes(id.slice(SE2_PREFIX.length))) return loadSe2Example(id.slice(SE2_PREFIX.length));
  const prefix = `${FOLDER}${id}/`;
  const paths = Object.keys(contents).filter((p) => p.startsWith(prefix));
  if (paths.length === 0) return { ok: false, error: `there is no example ${JSON.stringify(id)}` };
  const entries: Record<string, Uint8Array> = {};
  await Promise.all(paths.map(async (p) => (entries[p.slice(prefix.length)] = strToU8(await contents[p]!()))));
  return playgroundFromEntries(entries);
}
