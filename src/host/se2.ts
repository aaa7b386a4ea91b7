// The SE2 host surface (guest/abi/se2.wit) but for the outcome functions, which runtime.ts keeps:
// request fields, response headers, logging at a level, HTTP from a table of mocks, FFI variables
// and E2Core's answer convention (a call returns a size, the plugin collects the bytes with
// get_ffi_result). Plain TypeScript: no DOM, no Node.
import {
  FieldType,
  HttpMethodNames,
  LogLevelNames,
  MAX_VALUE_BYTES,
  type Se2Env,
} from './abi.generated.ts';
import type { FetchMock, FetchMocks, LogEntry, RunContext, Se2Request, Se2Response, Severity } from './types.ts';

/** The imports this file provides; runtime.ts adds return_result and return_error. */
export type Se2Imports = Omit<Se2Env, 'return_result' | 'return_error'>;

/** What the host functions need from the instance they serve. */
export interface Se2HostOptions {
  memory(): WebAssembly.Memory;
  /** A host-level line (`[se2.ts] | ...`). */
  log(text: string, ident: number | null): void;
  /** A plugin's log_msg line, already an entry of the Python level. */
  emit(entry: LogEntry): void;
  clock(): number;
}

export interface Se2Host {
  env: Se2Imports;
  /** Gives the run its request and mocks (copied: the plugin's changes stay in this run). */
  begin(ident: number, context?: RunContext): void;
  /** Ends the run: its response headers and state. */
  end(): Se2Response;
}

/** A call's answer waiting for get_ffi_result: bytes, or an error message. */
type Answer = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

interface Run {
  ident: number;
  request: Se2Request;
  mocks: FetchMocks;
  responseHeaders: Record<string, string>;
  vars: [string, string][];
  answer: Answer | null;
}

const utf8 = new TextEncoder();
const lenient = new TextDecoder('utf-8');
const strict = new TextDecoder('utf-8', { fatal: true });

export const EMPTY_REQUEST: Se2Request = { method: '', url: '', headers: {}, params: {}, body: '', state: {} };

/** Header names are case-insensitive: the request keeps them lower-cased, as E2Core does. */
function lowerKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
}

/** Own keys only: a plugin asking for `constructor` or `__proto__` gets nothing. */
function lookup(record: Record<string, string>, key: string): string {
  return Object.hasOwn(record, key) ? record[key]! : '';
}

class CallError extends Error {}

/** The body's top-level object (an empty body is an empty object), for the `body` field type. */
function bodyObject(body: string): Record<string, unknown> {
  if (body === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    throw new CallError(`the request body is not JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CallError('the request body is not a JSON object');
  }
  return value as Record<string, unknown>;
}

function getField(run: Run, fieldType: number, key: string): string {
  const req = run.request;
  switch (fieldType) {
    case FieldType.meta:
      if (key === 'method') return req.method;
      if (key === 'url') return req.url;
      if (key === 'id') return String(run.ident);
      if (key === 'body') return req.body;
      return '';
    case FieldType.body: {
      const body = bodyObject(req.body);
      if (!Object.hasOwn(body, key)) return '';
      const value = body[key];
      if (typeof value !== 'string') throw new CallError(`request body value ${key} is not a string`);
      return value;
    }
    case FieldType.header:
      return lookup(req.headers, key.toLowerCase());
    case FieldType.params:
      return lookup(req.params, key);
    case FieldType.state:
      return lookup(req.state, key);
    case FieldType.query: {
      let url: URL;
      try {
        // A path alone ("/hello?x=1") is a URL too: resolve it against a placeholder origin.
        url = new URL(req.url, 'http://localhost/');
      } catch {
        throw new CallError(`the request URL cannot be parsed: ${req.url}`);
      }
      return url.searchParams.get(key) ?? '';
    }
    default:
      throw new CallError(`invalid field type: the module asked for field type ${fieldType}`);
  }
}

function setField(run: Run, fieldType: number, key: string, value: string): void {
  const req = run.request;
  switch (fieldType) {
    case FieldType.meta:
      if (key === 'method') req.method = value;
      else if (key === 'url') req.url = value;
      else if (key === 'body') req.body = value;
      else if (key !== 'id') throw new CallError(`key not found: meta has method, url, id and body, not ${key}`);
      return;
    case FieldType.body: {
      const body = bodyObject(req.body);
      body[key] = value;
      req.body = JSON.stringify(body);
      return;
    }
    case FieldType.header:
      req.headers[key.toLowerCase()] = value;
      return;
    case FieldType.params:
      req.params[key] = value;
      return;
    case FieldType.state:
      req.state[key] = value;
      return;
    default:
      throw new CallError(`invalid field type: the module cannot set field type ${fieldType}`);
  }
}

/** E2Core's fetch_url headers ride on the URL: `url::Name:value::Other:value`. */
function splitFetchUrl(raw: string): { url: string; headers: Record<string, string> } {
  const [url, ...parts] = raw.split('::');
  const headers: Record<string, string> = {};
  for (const part of parts) {
    const colon = part.indexOf(':');
    if (colon <= 0) throw new CallError(`header was not formatted correctly: ${part}`);
    headers[part.slice(0, colon)] = part.slice(colon + 1);
  }
  return { url: url!, headers };
}

/** "METHOD URL" as the mocks are keyed; a URL that only differs in normal form matches too. */
export function findMock(mocks: FetchMocks, method: string, url: string): FetchMock | undefined {
  const exact = `${method} ${url}`;
  if (Object.hasOwn(mocks, exact)) return mocks[exact];
  const normal = normalUrl(url);
  for (const [key, mock] of Object.entries(mocks)) {
    const space = key.indexOf(' ');
    if (key.slice(0, space).toUpperCase() === method && normal !== null && normalUrl(key.slice(space + 1)) === normal) return mock;
  }
  return undefined;
}

function normalUrl(url: string): string | null {
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}

function fetchFromMocks(run: Run, method: number, rawUrl: string, body: Uint8Array, log: (text: string) => void): Uint8Array {
  const name = HttpMethodNames[method];
  if (name === undefined) throw new CallError(`invalid method ${method}: fetch_url takes 0 (GET) to 6 (DELETE)`);
  const verb = name.toUpperCase();
  const { url, headers } = splitFetchUrl(rawUrl);
  const said = `${verb} ${url} (headers: ${Object.keys(headers).length}, body: ${body.length} bytes)`;
  const mock = findMock(run.mocks, verb, url);
  if (mock === undefined) {
    throw new CallError(`no fetch mock for ${verb} ${url} (this host makes no real requests)`);
  }
  log(`fetch_url ${said} -> mocked ${mock.status}, ${utf8.encode(mock.body).length} bytes`);
  // E2Core: any status above 299 is an error "<status>: <body>".
  if (mock.status > 299) throw new CallError(`${mock.status}: ${mock.body}`);
  return utf8.encode(mock.body);
}

export function createSe2Host(options: Se2HostOptions): Se2Host {
  let run: Run | null = null;
  const log = (text: string, ident: number | null = null) => options.log(text, ident);

  const bytesAt = (ptr: number, len: number): Uint8Array => {
    const memory = options.memory();
    const start = ptr >>> 0;
    const length = len >>> 0;
    if (start + length > memory.buffer.byteLength) {
      throw new RangeError(`${length} bytes at 0x${start.toString(16)} lie outside the module's memory`);
    }
    return new Uint8Array(memory.buffer, start, length);
  };
  const textAt = (ptr: number, len: number) => lenient.decode(bytesAt(ptr, len));

  /** The run `ident` names, or null (said in the log) when it is not the one in progress. */
  const runFor = (what: string, ident: number): Run | null => {
    if (run !== null && run.ident === ident) return run;
    log(`${what} for id=${ident} refused: no run with that id is in progress`, ident);
    return null;
  };

  /** Runs `body` and parks its answer (or its error) for get_ffi_result; returns E2Core's size. */
  const answer = (what: string, ident: number, lens: number[], body: (run: Run) => Uint8Array): number => {
    const current = runFor(what, ident);
    if (current === null) return -1;
    if (current.answer !== null) {
      log(`${what} refused: the answer of the previous call was not collected with get_ffi_result`, ident);
      return -1;
    }
    let result: Answer;
    try {
      const over = lens.find((len) => len > MAX_VALUE_BYTES);
      if (over !== undefined) throw new CallError(`a value of ${over} bytes is over the limit of ${MAX_VALUE_BYTES} bytes`);
      result = { ok: true, bytes: body(current) };
    } catch (e) {
      if (!(e instanceof CallError)) throw e;
      result = { ok: false, message: e.message };
      log(`${what} failed: ${e.message}`, ident);
    }
    current.answer = result;
    return result.ok ? result.bytes.length : -utf8.encode(result.message).length;
  };

  const env: Se2Imports = {
    get_ffi_result(ptr, ident) {
      const current = runFor('get_ffi_result', ident);
      if (current === null) return -1;
      if (current.answer === null) {
        log('get_ffi_result: no answer is waiting', ident);
        return -1;
      }
      const bytes = current.answer.ok ? current.answer.bytes : utf8.encode(current.answer.message);
      current.answer = null;
      bytesAt(ptr, bytes.length).set(bytes);
      return 0;
    },

    add_ffi_var(namePtr, nameLen, valuePtr, valueLen, ident) {
      const current = runFor('add_ffi_var', ident);
      if (current === null) return -1;
      const name = textAt(namePtr, nameLen);
      current.vars.push([name, textAt(valuePtr, valueLen)]);
      log(`add_ffi_var ${name} (${valueLen} bytes; ${current.vars.length} variables)`, ident);
      return 0;
    },

    fetch_url(method, urlPtr, urlLen, bodyPtr, bodyLen, ident) {
      return answer('fetch_url', ident, [urlLen, bodyLen], (current) =>
        fetchFromMocks(current, method, textAt(urlPtr, urlLen), bytesAt(bodyPtr, bodyLen), (text) => log(text, ident)),
      );
    },

    log_msg(ptr, len, level, ident) {
      if (runFor('log_msg', ident) === null) return;
      // E2Core logs any level but 1, 2 and 4 at info.
      const severity = (level >= 1 && level <= 4 ? LogLevelNames[level] : 'info') as Severity;
      options.emit({
        level: 'python',
        file: 'log_msg',
        ident,
        text: textAt(ptr, len),
        stream: 'stdout',
        time: options.clock(),
        severity,
      });
    },

    request_get_field(fieldType, keyPtr, keyLen, ident) {
      return answer('request_get_field', ident, [keyLen], (current) =>
        utf8.encode(getField(current, fieldType, textAt(keyPtr, keyLen))),
      );
    },

    request_set_field(fieldType, keyPtr, keyLen, valuePtr, valueLen, ident) {
      return answer('request_set_field', ident, [keyLen, valueLen], (current) => {
        let value: string;
        try {
          value = strict.decode(bytesAt(valuePtr, valueLen));
        } catch {
          throw new CallError('the value is not UTF-8 text');
        }
        setField(current, fieldType, textAt(keyPtr, keyLen), value);
        return new Uint8Array(0);
      });
    },

    resp_set_header(keyPtr, keyLen, valuePtr, valueLen, ident) {
      const current = runFor('resp_set_header', ident);
      if (current === null) return;
      if (keyLen > MAX_VALUE_BYTES || valueLen > MAX_VALUE_BYTES) {
        log(`resp_set_header ignored: a value is over the limit of ${MAX_VALUE_BYTES} bytes`, ident);
        return;
      }
      const key = textAt(keyPtr, keyLen);
      // One header per name whatever its case; the latest spelling wins.
      for (const name of Object.keys(current.responseHeaders)) {
        if (name.toLowerCase() === key.toLowerCase()) delete current.responseHeaders[name];
      }
      current.responseHeaders[key] = textAt(valuePtr, valueLen);
    },
  };

  return {
    env,
    begin(ident, context = {}) {
      const request = context.request ?? EMPTY_REQUEST;
      run = {
        ident,
        request: {
          method: request.method,
          url: request.url,
          headers: lowerKeys(request.headers),
          params: { ...request.params },
          body: request.body,
          state: { ...request.state },
        },
        mocks: context.fetch ?? {},
        responseHeaders: {},
        vars: [],
        answer: null,
      };
    },
    end() {
      const finished = run;
      run = null;
      if (finished === null) return { response: { headers: {} }, state: {} };
      if (finished.answer !== null) log('the last answer was never collected with get_ffi_result', finished.ident);
      return { response: { headers: finished.responseHeaders }, state: finished.request.state };
    },
  };
}
