import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { completionsAt, hoverAt, parseStub, resolve, sdkAliases } from './sdkStub.ts';

const stub = parseStub(readFileSync(new URL('./fixtures/sdk.sample.pyi', import.meta.url), 'utf8'));
const names = (members: { name: string }[]) => members.map((m) => m.name);

describe('reading the sdk stub', () => {
  it('finds the module doc, functions, classes and constants, and leaves out private names', () => {
    expect(stub.doc).toMatch(/^The `sdk` module: the SE2 host functions a plugin calls\.\n\nA sample/);
    expect(names(stub.members)).toEqual([
      'HostError', 'FieldType', 'LogLevel', 'return_result', 'return_error', 'request_get_field', 'fetch_url', 'log_msg', 'log', 'req', 'VERSION',
    ]); // prettier-ignore
    expect(resolve(stub, ['FieldType'])).toMatchObject({ kind: 'class', doc: 'Which part of the request `request_get_field` reads.' });
    expect(names(resolve(stub, ['FieldType'])!.members)).toEqual(['META', 'BODY', 'HEADER', 'PARAMS', 'STATE', 'QUERY']);
    expect(resolve(stub, ['VERSION'])).toMatchObject({
      kind: 'constant',
      signature: 'VERSION: str',
      doc: 'The ABI version the module speaks.',
    });
  });

  it('reads signatures on one line or several, and docstrings of one line or several', () => {
    expect(resolve(stub, ['return_result'])).toMatchObject({
      kind: 'function',
      signature: 'def return_result(result: str | bytes, ident: int) -> None',
      doc: 'Sends the result of execution `ident` to the host.',
    });
    expect(resolve(stub, ['fetch_url'])).toMatchObject({
      signature: 'def fetch_url(method: str, url: str, body: bytes, ident: int) -> bytes',
      doc: 'Fetches `url` through the host.\n\nThe host answers from its fetch mocks; a non-2xx answer raises\nHostError("status: body").',
    });
    // An overload: the first declaration; a one-line `...` body: no doc.
    expect(resolve(stub, ['request_get_field'])!.signature).toBe('def request_get_field(field_type: int, key: str, ident: int) -> bytes');
    expect(resolve(stub, ['log_msg'])).toMatchObject({ signature: 'def log_msg(message: str, level: int, ident: int) -> None', doc: '' });
    expect(resolve(stub, ['log', 'error'])).toMatchObject({
      signature: 'def error(message: str) -> None',
      doc: 'Logs `message` at level error.',
    });
    expect(resolve(stub, ['req', 'method'])!.signature).toBe('def method() -> str');
  });
});

describe('completions and hover', () => {
  it('offers the members of the level after `sdk.`, nested helpers too', () => {
    expect(names(completionsAt(stub, '    sdk.')!.members)).toContain('return_result');
    expect(completionsAt(stub, 'x = sdk.ret')!.typed).toBe('ret');
    expect(names(completionsAt(stub, '    sdk.log.')!.members)).toEqual(['info', 'error']);
    expect(names(completionsAt(stub, 'sdk.FieldType.')!.members)).toContain('HEADER');
    expect(completionsAt(stub, 'sdk.nothing.')!.members).toEqual([]);
    // Not after sdk: nothing.
    expect(completionsAt(stub, 'os.')).toBeNull();
    expect(completionsAt(stub, 'mysdk.')).toBeNull();
    expect(completionsAt(stub, 'x.sdk.')).toBeNull();
    // An alias from `import sdk as s`.
    const aliases = sdkAliases('import os\nimport sdk as s\n');
    expect(aliases).toEqual(['sdk', 's']);
    expect(names(completionsAt(stub, 's.', aliases)!.members)).toContain('fetch_url');
  });

  it('finds the member under the cursor in an sdk path', () => {
    const line = '    body = sdk.req.header("X-Token")';
    const at = hoverAt(stub, line, line.indexOf('header') + 2);
    expect(at).toMatchObject({ member: { name: 'header' }, start: line.indexOf('header'), end: line.indexOf('header') + 6 });
    expect(hoverAt(stub, line, line.indexOf('req') + 1)!.member!.name).toBe('req');
    // On `sdk` itself: the module (its doc).
    expect(hoverAt(stub, line, line.indexOf('sdk'))).toMatchObject({ member: null });
    expect(hoverAt(stub, line, line.indexOf('body'))).toBeNull();
    expect(hoverAt(stub, 'sdk.unknown()', 6)).toBeNull();
  });
});
