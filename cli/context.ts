// --request FILE and --fetch FILE: the SE2 request a run serves and the mocked answers of fetch_url,
// read from JSON and checked, so that a mistake is one line naming the file and the field.
import type { FetchMocks, RunContext, Se2Request } from '../src/host/index.ts';
import { InputError, readText } from './inputs.ts';

const MOCK_KEY = /^[A-Z]+ \S+$/;

type Check<T> = (value: unknown, where: string) => T;

/** A problem at a field: its dot path ('' for the whole file) and what is wrong. */
class FieldProblem extends Error {
  constructor(
    readonly path: string,
    readonly what: string,
  ) {
    super(what);
  }
}

const problem = (where: string, what: string) => new FieldProblem(where, what);
const join = (where: string, key: string) => (where === '' ? key : `${where}.${key}`);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text: Check<string> = (value, where) => {
  if (typeof value !== 'string') throw problem(where, 'must be a string');
  return value;
};

const textMap: Check<Record<string, string>> = (value, where) => {
  if (!isObject(value)) throw problem(where, 'must be an object of strings');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) out[k] = text(v, join(where, k));
  return out;
};

/** An object with exactly these keys (a typo in a key is a mistake, not an omission). */
function exactly<T>(value: unknown, where: string, fields: { [K in keyof T]: Check<T[K]> }): T {
  if (!isObject(value)) throw problem(where, 'must be a JSON object');
  const names = Object.keys(fields);
  for (const key of Object.keys(value)) {
    if (!names.includes(key)) throw problem(where, `has an unknown field "${key}" (fields: ${names.join(', ')})`);
  }
  const out = {} as T;
  for (const name of names as (keyof T & string)[]) {
    if (!(name in value)) throw problem(where, `has no field "${name}"`);
    out[name] = fields[name](value[name], join(where, name));
  }
  return out;
}

const status: Check<number> = (value, where) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 100 || value > 599) {
    throw problem(where, 'must be an HTTP status from 100 to 599');
  }
  return value;
};

export function checkRequest(value: unknown, where: string): Se2Request {
  return exactly<Se2Request>(value, where, { method: text, url: text, headers: textMap, params: textMap, body: text, state: textMap });
}

export function checkFetchMocks(value: unknown, where: string): FetchMocks {
  if (!isObject(value)) throw problem(where, 'must be a JSON object of "METHOD URL": {status, headers, body}');
  const mocks: FetchMocks = {};
  for (const [key, mock] of Object.entries(value)) {
    if (!MOCK_KEY.test(key)) throw problem(where, `has a key "${key}" that is not "METHOD URL" (e.g. "GET https://example.com/")`);
    mocks[key] = exactly(mock, join(where, key), { status, headers: textMap, body: text });
  }
  return mocks;
}

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
  const checked = async <T>(flag: string, file: string, check: Check<T>): Promise<T> => {
    const value = await readJson(file, `${flag} file`);
    try {
      return check(value, '');
    } catch (e) {
      if (!(e instanceof FieldProblem)) throw e;
      throw new InputError(`${flag} ${file}: ${e.path === '' ? '' : `"${e.path}" `}${e.what}`);
    }
  };
  if (requestFile !== undefined) context.request = await checked('--request', requestFile, checkRequest);
  if (fetchFile !== undefined) context.fetch = await checked('--fetch', fetchFile, checkFetchMocks);
  return context;
}
