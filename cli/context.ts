// --request FILE and --fetch FILE: the SE2 request a run serves and the mocked answers of fetch_url,
// read from JSON and checked by the playground document's own schemas (src/playground/document.ts),
// so that a mistake is one line naming the file and the field.
import type { RunContext } from '../src/host/index.ts';
import { FetchMocksSchema, HttpRequestSchema, parsePart } from '../src/playground/document.ts';
import { InputError, readText } from './inputs.ts';

async function readJson(path: string, what: string): Promise<unknown> {
  const source = await readText(path, what);
  try {
    return JSON.parse(source);
  } catch (e) {
    throw new InputError(`${what} ${path} is not JSON: ${(e as Error).message}`);
  }
}

/** The run's context from the files given, or null when neither flag was. */
export async function readRunContext(requestFile?: string, fetchFile?: string): Promise<RunContext | null> {
  if (requestFile === undefined && fetchFile === undefined) return null;
  const context: RunContext = {};
  const read = async <S extends typeof HttpRequestSchema | typeof FetchMocksSchema>(flag: string, file: string, schema: S) => {
    const parsed = parsePart(schema, await readJson(file, `${flag} file`));
    if (!parsed.ok) throw new InputError(`${flag} ${file}: ${parsed.error}`);
    return parsed.value;
  };
  if (requestFile !== undefined) context.request = await read('--request', requestFile, HttpRequestSchema);
  if (fetchFile !== undefined) context.fetch = await read('--fetch', fetchFile, FetchMocksSchema);
  return context;
}
