// The ABI generator (guest/tools/abigen.py): the committed bindings are what guest/abi/se2.wit
// gives, a change to the .wit reaches every output, and the module imports exactly the .wit's
// functions with their core signatures. Runs Debian's /usr/bin/python3.11, as build.sh does.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PYTHON = '/usr/bin/python3.11';
const root = fileURLToPath(new URL('..', import.meta.url));
const tool = join(root, 'guest/tools/abigen.py');
const OUTPUTS = [
  'guest/src/se2_env.h',
  'guest/src/sdk_functions.c',
  'public/guest/sdk.pyi',
  'src/host/abi.generated.ts',
  'guest/README.md',
];
const wit = readFileSync(join(root, 'guest/abi/se2.wit'), 'utf8');

const abigen = (...args: string[]) => spawnSync(PYTHON, ['-I', '-S', tool, ...args], { encoding: 'utf8' });

/** A copy of the committed outputs in a temporary folder, to generate into. */
function outFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'abigen-'));
  for (const rel of OUTPUTS) cpSync(join(root, rel), join(dir, rel));
  return dir;
}

describe('abigen.py', () => {
  it('the committed generated files are up to date (build.sh runs this check)', () => {
    const run = abigen('--check');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('a function added to the .wit reaches the C imports, the sdk functions, sdk.pyi, the TS types and the README', () => {
    const dir = outFolder();
    const changed = join(dir, 'se2.wit');
    const added =
      '  /// Echoes a value back (a test function).\n  echo-value: func(value: list<u8>, mode: field-type, ident: ident) -> ffi-size;\n}';
    writeFileSync(changed, wit.replace(/}\s*$/, added));

    const stale = abigen('--check', '--wit', changed, '--out', dir);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('stale generated files');
    for (const rel of OUTPUTS) expect(stale.stderr).toContain(rel);

    expect(abigen('--wit', changed, '--out', dir).status).toBe(0);
    const out = (rel: string) => readFileSync(join(dir, rel), 'utf8');
    expect(out('guest/src/se2_env.h')).toContain(
      'SE2_IMPORT("echo_value")\nint32_t se2_env_echo_value(const void *value_ptr, int32_t value_len, int32_t mode, int32_t ident);',
    );
    const c = out('guest/src/sdk_functions.c');
    expect(c).toContain('"s*ii:echo_value", keywords, &value, &mode, &ident');
    expect(c).toContain(
      'ret = sdk_take_ffi_result(se2_env_echo_value(value.buf, (int32_t)value.len, (int32_t)mode, (int32_t)ident), (int32_t)ident);',
    );
    expect(c).toContain('{"echo_value", (PyCFunction)(void (*)(void))sdk_echo_value');
    expect(out('public/guest/sdk.pyi')).toContain(
      'def echo_value(value: bytes | str, mode: int, ident: int) -> bytes:\n    """Echoes a value back (a test function).',
    );
    const ts = out('src/host/abi.generated.ts');
    expect(ts).toContain('  echo_value(value_ptr: number, value_len: number, mode: number, ident: number): number;');
    expect(ts).toContain("  echo_value: 'i32,i32,i32,i32->i32',");
    expect(out('guest/README.md')).toContain('| `echo-value(value, mode, ident)` | `i32,i32,i32,i32->i32` |');
    expect(abigen('--check', '--wit', changed, '--out', dir).status).toBe(0);
  });

  it('an enum case added to the .wit reaches C, Python and TypeScript', () => {
    const dir = outFolder();
    const changed = join(dir, 'se2.wit');
    writeFileSync(changed, wit.replace('    query,\n', '    query,\n    /// Cookies (a test case).\n    cookie,\n'));
    expect(abigen('--wit', changed, '--out', dir).status).toBe(0);
    const out = (rel: string) => readFileSync(join(dir, rel), 'utf8');
    expect(out('guest/src/se2_env.h')).toContain('    SE2_FIELD_TYPE_COOKIE = 6,');
    expect(out('guest/src/sdk_functions.c')).toContain('"    COOKIE = 6\\n"');
    expect(out('public/guest/sdk.pyi')).toContain('    COOKIE = 6\n    """Cookies (a test case)."""');
    expect(out('src/host/abi.generated.ts')).toContain(
      "export const FieldTypeNames = ['meta', 'body', 'header', 'params', 'state', 'query', 'cookie'] as const;",
    );
  });

  it('refuses what it does not understand, with the line', () => {
    const dir = outFolder();
    const bad = join(dir, 'bad.wit');
    writeFileSync(
      bad,
      wit.replace(
        'request-get-field: func(field-type: field-type, key: string',
        'request-get-field: func(field-type: field-type, key: list<string>',
      ),
    );
    const run = abigen('--wit', bad, '--out', dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^abigen\.py: line \d+: only list<u8> is supported\n$/);
    writeFileSync(
      bad,
      wit.replace('resp-set-header: func(key: string, value: string, ident: ident);', 'resp-set-header: func(key: string, value: string);'),
    );
    expect(abigen('--wit', bad, '--out', dir).stderr).toBe('abigen.py: resp-set-header: the last parameter must be `ident: ident`\n');
  });

  it("wrapper.wasm imports exactly the .wit's env functions, with their core signatures", () => {
    const want = abigen('--print-imports').stdout.trim().split('\n').sort();
    expect(want).toHaveLength(9);
    const have = execFileSync(PYTHON, ['-I', '-S', join(root, 'guest/tools/wasm_interface.py'), join(root, 'public/guest/wrapper.wasm')], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter((l) => l.startsWith('import ') && !l.startsWith('import wasi_snapshot_preview1.'))
      .sort();
    expect(have).toEqual(want);
    expect(want).toContain('import env.fetch_url func i32,i32,i32,i32,i32,i32->i32');
    expect(want).toContain('import env.resp_set_header func i32,i32,i32,i32,i32->');
  });
});
