// The playground document: one value holding everything a playground is — its files (text or
// bytes), the payload and id, the SE2 request and fetch mocks, the test cases and the settings.
// The store, saved drafts, share links, the downloaded zip and the CLI's inputs are all views of
// it, validated by the schemas below (DESIGN.md, "One playground document").
//
// JSON form (what links, drafts and files hold), version 2:
//   {"version": 2, "files": {"plugin.py": "text", "data.bin": {"base64": "..."}}, "payload": "...",
//    "ident": 12345, "request"?: {...}, "fetch"?: {...}, "cases"?: [...], "settings"?: {...}}
// Version 1 (no "version" key: exactly files/payload/ident, text files only) is read as well.
import * as v from 'valibot';
import { isExecutionId } from '../host/ident.ts';
import type { FetchMocks as HostFetchMocks, PluginFiles, Se2Request } from '../host/types.ts';
import { ENTRY_FILE, fileNameProblem, MAX_FILES, pathClash } from './paths.ts';

export const DOCUMENT_VERSION = 2;
/** Most bytes all files of a playground hold together (text as UTF-8). */
export const MAX_TOTAL_BYTES = 64 * 1024 * 1024;

export type Decoded<T> = { ok: true; value: T } | { ok: false; error: string };
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

// --- parts ------------------------------------------------------------------------------------

const executionId = v.pipe(
  v.number(),
  v.check((n: number) => isExecutionId(n), 'is not a 32-bit integer'),
);
const stringMap = v.record(v.string(), v.string());

/** The request an SE2 plugin sees (`request_get_field`): meta, body, headers, params, state. */
export const HttpRequestSchema = v.strictObject({
  method: v.string(),
  url: v.string(),
  headers: stringMap,
  params: stringMap,
  body: v.string(),
  state: stringMap,
});
export type HttpRequest = v.InferOutput<typeof HttpRequestSchema>;

/** One mocked answer of `fetch_url`. */
export const FetchMockSchema = v.strictObject({
  status: v.pipe(
    v.number(),
    v.integer('must be an HTTP status from 100 to 599'),
    v.minValue(100, 'must be an HTTP status from 100 to 599'),
    v.maxValue(599, 'must be an HTTP status from 100 to 599'),
  ),
  headers: stringMap,
  body: v.string(),
});
export type FetchMock = v.InferOutput<typeof FetchMockSchema>;

/** Mocked answers keyed `"METHOD URL"` (`"GET https://api.example.com/x"`). */
export const FetchMocksSchema = v.record(
  v.pipe(v.string(), v.regex(/^[A-Z]+ \S+$/, 'a mock key is "METHOD URL", e.g. "GET https://example.com/"')),
  FetchMockSchema,
);
export type FetchMocks = v.InferOutput<typeof FetchMocksSchema>;

/** What a test case expects of a run. */
export const ExpectationSchema = v.union([
  v.strictObject({ result: v.string() }),
  v.strictObject({ result_contains: v.string() }),
  v.strictObject({
    result_matches: v.pipe(
      v.string(),
      v.check((s) => {
        try {
          new RegExp(s, 'u');
          return true;
        } catch {
          return false;
        }
      }, 'is not a valid regular expression'),
    ),
  }),
  v.strictObject({
    error: v.strictObject({
      code: v.optional(v.pipe(v.number(), v.integer())),
      message_contains: v.optional(v.string()),
    }),
  }),
  v.strictObject({ no_result: v.literal(true) }),
]);
export type Expectation = v.InferOutput<typeof ExpectationSchema>;

export const TestCaseSchema = v.strictObject({
  name: v.pipe(v.string(), v.minLength(1, 'a case needs a name')),
  payload: v.string(),
  ident: v.optional(executionId),
  request: v.optional(HttpRequestSchema),
  fetch: v.optional(FetchMocksSchema),
  expect: ExpectationSchema,
});
export type TestCase = v.InferOutput<typeof TestCaseSchema>;

/** The cases file (`se2 test --cases FILE`, and the page's Tests panel). */
export const CasesFileSchema = v.strictObject({ cases: v.array(TestCaseSchema) });

export const SettingsSchema = v.strictObject({
  /** The time limit of one run, in seconds. */
  timeLimitSec: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(600))),
  /** The writable space of one instance (`/tmp` and the working folder), in MiB. */
  quotaMiB: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1024))),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

/** A file's content: text, or bytes for anything else (images, databases, wheels). */
export type FileContent = string | Uint8Array;

/** The playground in memory. Optional parts are absent when empty. */
export interface Playground {
  files: Record<string, FileContent>;
  payload: string;
  ident: number;
  request?: HttpRequest;
  fetch?: FetchMocks;
  cases?: TestCase[];
  settings?: Settings;
}

// --- the JSON form ------------------------------------------------------------------------------

const base64 = v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64'));
const FileJsonSchema = v.union([v.string(), v.strictObject({ base64 })]);

const DocumentV2Schema = v.strictObject({
  version: v.literal(DOCUMENT_VERSION),
  files: v.record(v.string(), FileJsonSchema),
  payload: v.string(),
  ident: executionId,
  request: v.optional(HttpRequestSchema),
  fetch: v.optional(FetchMocksSchema),
  cases: v.optional(v.array(TestCaseSchema)),
  settings: v.optional(SettingsSchema),
});
type DocumentJson = v.InferOutput<typeof DocumentV2Schema>;

const DocumentV1Schema = v.strictObject({
  files: v.record(v.string(), v.string()),
  payload: v.string(),
  ident: executionId,
});

/** One line naming where the first problem is, e.g. `"request.headers": expected an object`. */
function describe(issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]): string {
  // A union reports each branch's issues, with paths from the union's own value: the branch that
  // got furthest (longest path, then a wrong value over a missing or unknown key) says the most.
  let issue = issues[0];
  const at: string[] = [];
  const score = (i: v.BaseIssue<unknown>) => 2 * (i.path?.length ?? 0) + (i.received !== 'undefined' && i.expected !== 'never' ? 1 : 0);
  while (issue.issues !== undefined && issue.issues.length > 0) {
    const outer = v.getDotPath(issue);
    if (outer !== null) at.push(outer);
    issue = issue.issues.reduce((best, i) => (score(i) > score(best) ? i : best));
  }
  const inner = v.getDotPath(issue);
  if (inner !== null) at.push(inner);
  const path = at.length === 0 ? null : at.join('.');
  return path === null ? plainMessage(issue) : `"${path}" ${plainMessage(issue)}`;
}

/** Valibot's "Invalid type: Expected string but received 1" as a person would say it. */
function plainMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.expected === 'never') return 'is not a field this version knows';
  if (issue.received === 'undefined') return 'is missing';
  if (issue.kind === 'schema') {
    const kinds: Record<string, string> = {
      string: 'text',
      number: 'a number',
      boolean: 'true or false',
      Object: 'a JSON object',
      Array: 'a list',
    };
    const expected = issue.expected === null ? undefined : kinds[issue.expected];
    if (expected !== undefined) return `must be ${expected}, not ${issue.received}`;
  }
  return issue.message;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep String.fromCharCode's argument list short.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const utf8 = new TextEncoder();
export const fileSize = (content: FileContent): number => (typeof content === 'string' ? utf8.encode(content).length : content.length);

/** The checks a schema cannot express: paths, the entry module, clashes, caps. */
export function filesProblem(files: Record<string, FileContent>): string | null {
  const paths = Object.keys(files);
  if (paths.length > MAX_FILES) return `more than ${MAX_FILES} files`;
  for (const path of paths) {
    const problem = fileNameProblem(path);
    if (problem !== null) return `file ${JSON.stringify(path.slice(0, 80))}: ${problem}`;
  }
  if (!Object.hasOwn(files, ENTRY_FILE)) return `there is no ${ENTRY_FILE}`;
  const clash = pathClash(paths);
  if (clash !== null) return `${JSON.stringify(clash[0])} is a file, so ${JSON.stringify(clash[1])} cannot be inside it`;
  let total = 0;
  for (const content of Object.values(files)) total += fileSize(content);
  if (total > MAX_TOTAL_BYTES) return `the files hold more than ${MAX_TOTAL_BYTES / 1024 / 1024} MiB`;
  return null;
}

/** Checks a value read from JSON (any version) and gives the playground it describes. */
export function parseDocument(value: unknown): Decoded<Playground> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('the playground is not a JSON object');
  const isV1 = !('version' in value);
  let doc: DocumentJson;
  if (isV1) {
    const parsed = v.safeParse(DocumentV1Schema, value);
    if (!parsed.success) return fail(describe(parsed.issues));
    doc = { version: DOCUMENT_VERSION, ...parsed.output };
  } else {
    if (value.version !== DOCUMENT_VERSION) {
      return fail(`the playground is version ${JSON.stringify(value.version).slice(0, 12)}, which this page does not know`);
    }
    const parsed = v.safeParse(DocumentV2Schema, value);
    if (!parsed.success) return fail(describe(parsed.issues));
    doc = parsed.output;
  }
  // fromEntries defines own properties, so a "__proto__" key could never reach a prototype.
  const files: Record<string, FileContent> = Object.fromEntries(
    Object.entries(doc.files).map(([path, f]) => [path, typeof f === 'string' ? f : fromBase64(f.base64)]),
  );
  const problem = filesProblem(files);
  if (problem !== null) return fail(problem);
  const playground: Playground = { files, payload: doc.payload, ident: doc.ident };
  if (doc.request !== undefined) playground.request = doc.request;
  if (doc.fetch !== undefined && Object.keys(doc.fetch).length > 0) playground.fetch = { ...doc.fetch };
  if (doc.cases !== undefined && doc.cases.length > 0) playground.cases = doc.cases;
  if (doc.settings !== undefined && Object.keys(doc.settings).length > 0) playground.settings = doc.settings;
  return { ok: true, value: playground };
}

/** The JSON form of `playground` (current version); empty optional parts are left out. */
export function toDocument(playground: Playground): DocumentJson {
  const files = Object.fromEntries(
    Object.entries(playground.files).map(([path, f]) => [path, typeof f === 'string' ? f : { base64: toBase64(f) }]),
  );
  const doc: DocumentJson = { version: DOCUMENT_VERSION, files, payload: playground.payload, ident: playground.ident };
  if (playground.request !== undefined) doc.request = playground.request;
  if (playground.fetch !== undefined && Object.keys(playground.fetch).length > 0) doc.fetch = playground.fetch;
  if (playground.cases !== undefined && playground.cases.length > 0) doc.cases = playground.cases;
  if (playground.settings !== undefined && Object.keys(playground.settings).length > 0) doc.settings = playground.settings;
  return doc;
}

/** Parses a cases file (`{"cases": [...]}`), saying where the first problem is. */
export function parseCasesFile(value: unknown): Decoded<TestCase[]> {
  const parsed = parsePart(CasesFileSchema, value);
  return parsed.ok ? { ok: true, value: parsed.value.cases } : parsed;
}

/** Checks one object part of a document read on its own (a request file, a mocks file), naming where it is wrong. */
export function parsePart<S extends v.GenericSchema>(schema: S, value: unknown): Decoded<v.InferOutput<S>> {
  // Valibot takes an array for an object with no required keys: a file holding `[]` is not one.
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('must be a JSON object');
  const parsed = v.safeParse(schema, value);
  return parsed.success ? { ok: true, value: parsed.output } : fail(describe(parsed.issues));
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether two playgrounds hold the same content (used to avoid saving a draft twice). */
export function samePlayground(a: Playground, b: Playground): boolean {
  const fa = Object.keys(a.files);
  if (fa.length !== Object.keys(b.files).length) return false;
  for (const path of fa) {
    if (!Object.hasOwn(b.files, path)) return false;
    const x = a.files[path]!;
    const y = b.files[path]!;
    if (typeof x === 'string' || typeof y === 'string' ? x !== y : !sameBytes(x, y)) return false;
  }
  const { files: _fa, ...restA } = toDocument(a);
  const { files: _fb, ...restB } = toDocument(b);
  return JSON.stringify(restA) === JSON.stringify(restB);
}

// The host's plain types (src/host/types.ts, no valibot there) and these schemas describe the same
// values: a change to one without the other is a type error here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShapes: [Same<HttpRequest, Se2Request>, Same<FetchMocks, HostFetchMocks>, Same<FileContent, PluginFiles[string]>] = [
  true,
  true,
  true,
];
void sameShapes;
