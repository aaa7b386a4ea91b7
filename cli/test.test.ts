// `se2 test` as CI runs it: a real process, the real wrapper module, cases files on disk.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { playgroundToZip } from '../src/playground/zip.ts';

const script = fileURLToPath(new URL('./se2.ts', import.meta.url));

function se2(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' } },
      (error, stdout, stderr) => {
        resolve({ status: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'se2-test-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

// Counts its runs in a module global: each case must see 1, because each runs in a fresh instance.
const PLUGIN = `import sdk
runs = 0
def run_e(payload, ident):
    global runs
    runs += 1
    if payload == "boom":
        raise ValueError("bad payload")
    if payload == "spin":
        while True:
            pass
    if payload == "lines":
        sdk.return_result("a\\nB\\nc", ident)
        return
    sdk.return_result(f"{payload.upper()} run={runs} id={ident}", ident)
`;

const passing = [
  { name: 'shouts', payload: 'abc', expect: { result: 'ABC run=1 id=12345' } },
  { name: 'fresh instance, own id', payload: 'x', ident: -3, expect: { result: 'X run=1 id=-3' } },
  { name: 'contains', payload: 'hello', expect: { result_contains: 'HELLO' } },
  { name: 'matches', payload: 'q', expect: { result_matches: '^Q run=\\d+' } },
  { name: 'raises', payload: 'boom', expect: { error: { code: 1, message_contains: 'ValueError' } } },
];

function setUp(cases: unknown): { root: string; casesFile: string } {
  const root = folder({ 'plugin.py': PLUGIN });
  const casesFile = join(folder({ 'cases.json': typeof cases === 'string' ? cases : JSON.stringify(cases) }), 'cases.json');
  return { root, casesFile };
}

describe('se2 test', () => {
  it('prints ok for each passing case and exits 0', async () => {
    const { root, casesFile } = setUp({ cases: passing });
    const run = await se2(['test', '--plugin-root', root, '--cases', casesFile]);
    expect(run.stderr).toBe('');
    expect(run.stdout.trimEnd().split('\n')).toEqual([...passing.map((c) => `ok   ${c.name}`), '5 passed, 0 failed']);
    expect(run.status).toBe(0);
  });

  it('says expected vs got, the diff and the traceback of each failing case, and exits 1', async () => {
    const { root, casesFile } = setUp({
      cases: [
        passing[0],
        { name: 'wrong result', payload: 'abc', expect: { result: 'abc' } },
        { name: 'raises instead', payload: 'boom', expect: { result_contains: 'B' } },
        { name: 'multi-line', payload: 'lines', expect: { result: 'a\nb\nc' } },
        { name: 'spins', payload: 'spin', expect: { no_result: true } },
      ],
    });
    const run = await se2(['test', '--plugin-root', root, '--cases', casesFile, '--timeout', '5']);
    expect(run.status).toBe(1);
    const out = run.stdout;
    expect(out).toContain('ok   shouts\n');
    expect(out).toContain('FAIL wrong result\n     expected: result "abc"\n     got:      result "ABC run=1 id=12345"\n');
    expect(out).toContain(
      'FAIL raises instead\n     expected: a result containing "B"\n     got:      error 1: "ValueError: bad payload"\n',
    );
    expect(out).toMatch(/ {5}\| {3}File "\/plugin\/plugin.py", line 7, in run_e\n/);
    expect(out).toContain('FAIL multi-line\n');
    expect(out).toContain('       - b\n');
    expect(out).toContain('       + B\n');
    expect(out).toContain('FAIL spins\n     expected: no result\n     got:      timed out after 5 s\n');
    expect(out.trimEnd().split('\n').at(-1)).toBe('1 passed, 4 failed');
  });

  it("prints one JSON object with each case's outcome", async () => {
    const { root, casesFile } = setUp({ cases: [passing[0], passing[4], { name: 'no', payload: 'x', expect: { no_result: true } }] });
    const run = await se2(['test', '--json', '--plugin-root', root, '--cases', casesFile]);
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!);
    expect(out).toMatchObject({ passed: 2, failed: 1 });
    expect(out.cases.map((c: { name: string; passed: boolean }) => [c.name, c.passed])).toEqual([
      ['shouts', true],
      ['raises', true],
      ['no', false],
    ]);
    expect(out.cases[0].outcome).toEqual({ kind: 'result', value: 'ABC run=1 id=12345' });
    expect(out.cases[1].outcome).toEqual({ kind: 'error', code: 1, message: 'ValueError: bad payload' });
    expect(out.cases[2]).toMatchObject({ expected: 'no result', got: 'result "X run=1 id=12345"' });
    expect(out.cases[2].log.length).toBeGreaterThan(0);
  });

  it('exits 2 with one line naming the problem and its place for a bad cases file', async () => {
    const bad: [unknown, RegExp][] = [
      ['{"cases": [', /^se2 test: cases file \S+ is not JSON: /],
      [{ tests: [] }, /^se2 test: cases file \S+: "cases" is missing$/],
      [
        { cases: [passing[0], { name: 'x', payload: 'p', expect: { error: { code: 'one' } } }] },
        /: "cases\.1\.expect\.error\.code" must be a number, not "one"$/,
      ],
      [
        { cases: [{ name: 'x', payload: 'p', expect: { result_matches: '(' } }] },
        /: "cases\.0\.expect\.result_matches" is not a valid regular expression$/,
      ],
      [
        { cases: [{ name: 'x', payload: 'p', expect: { result: 'x' }, colour: 1 }] },
        /: "cases\.0\.colour" is not a field this version knows$/,
      ],
    ];
    for (const [cases, message] of bad) {
      const { root, casesFile } = setUp(cases);
      const run = await se2(['test', '--plugin-root', root, '--cases', casesFile]);
      expect(run.status, JSON.stringify(cases)).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
    }
    const missing = await se2(['test', '--plugin-root', setUp({ cases: [] }).root, '--cases', '/nonexistent/cases.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe('se2 test: cases file /nonexistent/cases.json does not exist');
    const help = await se2(['test', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: se2 test --plugin-root DIR --cases FILE/);
    expect((await se2(['--help'])).stdout).toContain('se2 test --plugin-root DIR --cases FILE');
    const noCases = await se2(['test', '--plugin-root', '/tmp']);
    expect(noCases.status).toBe(2);
    expect(noCases.stderr.trim()).toMatch(/^se2 test: give --cases FILE/);
  });

  it('reads a playground zip as the plugin root, and its cases when --cases is not given', async () => {
    const dir = folder({});
    const zip = join(dir, 'playground.zip');
    const cases = [passing[0]!, { name: 'helper', payload: 'h', expect: { result: 'from helper' } }];
    const withHelper = PLUGIN.replace(
      '    if payload == "boom":',
      '    if payload == "h":\n        from pkg.util import hello\n        sdk.return_result(hello(), ident)\n        return\n    if payload == "boom":',
    );
    writeFileSync(
      zip,
      playgroundToZip({
        files: { 'plugin.py': withHelper, 'pkg/__init__.py': '', 'pkg/util.py': 'def hello():\n    return "from helper"\n' },
        payload: 'zz',
        ident: 1,
        cases,
      }),
    );
    const run = await se2(['test', '--plugin-root', zip]);
    expect(run.stdout.trimEnd().split('\n')).toEqual(['ok   shouts', 'ok   helper', '2 passed, 0 failed']);
    expect(run.status).toBe(0);
    // --cases wins over the zip's own.
    const other = await se2([
      'test',
      '--plugin-root',
      zip,
      '--cases',
      setUp({ cases: [{ name: 'only', payload: 'a', expect: { result: 'nope' } }] }).casesFile,
    ]);
    expect(other.stdout.trimEnd().split('\n').at(-1)).toBe('0 passed, 1 failed');
    expect(other.status).toBe(1);
    // The plain runner takes the zip's files too.
    const plain = await se2(['--json', '--plugin-root', zip, '--payload', 'h']);
    expect(JSON.parse(plain.stdout).result).toBe('from helper');

    const empty = join(dir, 'empty.zip');
    writeFileSync(empty, playgroundToZip({ files: { 'plugin.py': PLUGIN }, payload: '', ident: 1 }));
    const none = await se2(['test', '--plugin-root', empty]);
    expect(none.status).toBe(2);
    expect(none.stderr.trim()).toBe(`se2 test: plugin zip ${empty} holds no cases.json: give --cases FILE`);
    const broken = join(dir, 'broken.zip');
    writeFileSync(broken, 'not a zip');
    const bad = await se2(['test', '--plugin-root', broken]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe(`se2 test: plugin zip ${broken}: it is not a zip file (or a damaged one)`);
  });
});
