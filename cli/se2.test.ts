// The CLI as a person or a CI job runs it: a real process, the real wrapper module.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RESULT } from '../src/host/index.ts';

const script = fileURLToPath(new URL('./se2.ts', import.meta.url));

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function se2(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env }, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        resolve({ status: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

function pluginDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'se2-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const plugin = (body: string) => pluginDir({ 'plugin.py': `import sdk\n${body}` });

describe('se2', () => {
  it("reproduces the article's run with no options, with the three coloured levels", async () => {
    const run = await se2([], { FORCE_COLOR: '1' });
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().endsWith(`result: ${DEFAULT_RESULT}`)).toBe(true);
    const lines = run.stdout.split('\n');
    expect(lines.some((l) => l.startsWith('\x1b[38;5;208m[runtime.ts]\x1b[0m | '))).toBe(true);
    expect(lines.some((l) => l.startsWith('\t\x1b[32m[wasm_shim.c]\x1b[0m | id=12345 | '))).toBe(true);
    expect(lines.some((l) => l.startsWith('\t\t\x1b[35m[plugin.py]\x1b[0m | id=12345 | '))).toBe(true);
  });

  it('prints one JSON object for any plugin folder and payload file', async () => {
    const dir = pluginDir({
      'plugin.py': 'import sdk\nfrom helpers import shout\ndef run_e(p, i):\n    sdk.return_result(shout(p) + str(i), i)\n',
      'helpers.py': 'def shout(s):\n    return s.upper()\n',
    });
    const payloadFile = join(dir, '..', `${dir.split('/').pop()}-payload.txt`);
    writeFileSync(payloadFile, 'héllo wörld');
    const run = await se2(['--json', '--plugin-root', dir, '--payload-file', payloadFile, '--ident=-5']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!);
    expect(out).toMatchObject({ result: 'HÉLLO WÖRLD-5', error: null, crash: null });
    expect(out.log.some((e: { level: string; ident: number }) => e.level === 'wrapper' && e.ident === -5)).toBe(true);
    expect(out.timings.start).toBeGreaterThan(0);
    expect(out.timings.run).toBeGreaterThan(0);
  });

  it('exits 1 for a returned error, with the reason on stderr', async () => {
    const run = await se2(['--no-color', '--plugin-root', plugin('def run_e(p, i):\n    sdk.return_error(7, "nope", i)\n')]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('se2: error 7: nope');
    expect(run.stdout).not.toMatch(/\x1b\[/);
  });

  it('exits 1 when the plugin returns nothing', async () => {
    const run = await se2(['--json', '--plugin-root', plugin('def run_e(p, i):\n    pass\n')]);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ outcome: 'none', result: null, error: null, crash: null, timeout: null });
  });

  it('exits 2 when the module dies (os._exit)', async () => {
    const run = await se2(['--json', '--plugin-root', plugin('import os\ndef run_e(p, i):\n    os._exit(1)\n')]);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout).crash).toMatch(/exited/);
  });

  it('exits 2 on the time limit', async () => {
    const run = await se2(['--timeout', '1', '--plugin-root', plugin('def run_e(p, i):\n    while True:\n        pass\n')]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('se2: timed out after 1 s');
  });

  it('--json reports a time-out as a time-out, with every line written before the run got stuck', async () => {
    const run = await se2([
      '--json',
      '--timeout',
      '5',
      '--plugin-root',
      plugin('def run_e(p, i):\n    for k in range(1000):\n        print("line", k)\n    while True:\n        pass\n'),
    ]);
    expect(run.status).toBe(2);
    const out = JSON.parse(run.stdout) as { outcome: string; crash: unknown; timeout: unknown; log: { text: string; level: string }[] };
    expect(out).toMatchObject({ outcome: 'timeout', crash: null, timeout: 5, result: null, error: null });
    const lines = out.log.filter((e) => e.level === 'python' && e.text.startsWith('line ')).map((e) => e.text);
    expect(lines).toEqual(Array.from({ length: 1000 }, (_, k) => `line ${k}`));
  });

  it('refuses bad arguments and missing files with one line, no stack trace', async () => {
    const cases: [string[], RegExp][] = [
      [['--ident', 'abc'], /^se2: --ident must be an integer/],
      [['--ident', '99999999999'], /^se2: --ident must be an integer/],
      [['--bogus'], /^se2: Unknown option '--bogus'/],
      [['--plugin-root', '/nonexistent/dir'], /^se2: plugin root \/nonexistent\/dir does not exist$/],
      [['--payload-file', '/nonexistent/p.txt'], /^se2: payload file \/nonexistent\/p.txt does not exist$/],
      [['--wrapper', '/nonexistent/w.wasm'], /^se2: wrapper module \/nonexistent\/w.wasm does not exist$/],
      [['--plugin-root', pluginDir({ 'helper.py': '' })], /has no plugin\.py$/],
      [['--quota-mib', 'lots'], /^se2: --quota-mib must be a number of MiB from 0 to 4096, got "lots"/],
    ];
    for (const [args, message] of cases) {
      const run = await se2(args);
      expect(run.status, args.join(' ')).toBe(2);
      const lines = run.stderr.trim().split('\n');
      expect(lines, args.join(' ')).toHaveLength(1);
      expect(lines[0]).toMatch(message);
    }
  });

  it('reads any file (binary too) and trees of 10,000 files', async () => {
    const files: Record<string, string | Uint8Array> = {
      'plugin.py': `import sdk, os, json
def run_e(p, i):
    count = sum(len(f) for _, _, f in os.walk("/plugin"))
    blob = open("/plugin/data/blob.bin", "rb").read()
    sdk.return_result(json.dumps([count, list(blob) == list(range(256)) * 4]), i)
`,
      'data/blob.bin': new Uint8Array(1024).map((_, i) => i % 256),
    };
    for (let i = 0; i < 9998; i++) files[`many/f${i}.txt`] = `${i}`;
    const run = await se2(['--json', '--plugin-root', pluginDir(files)]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(JSON.parse(run.stdout).result)).toEqual([10000, true]);
  });

  it('names the caps when a tree has more than 10,000 files or 64 MiB', async () => {
    const many: Record<string, string> = { 'plugin.py': '' };
    for (let i = 0; i < 10000; i++) many[`m/f${i}`] = '';
    const tooMany = await se2(['--plugin-root', pluginDir(many)]);
    expect(tooMany.status).toBe(2);
    expect(tooMany.stderr.trim()).toMatch(/^se2: plugin root .* holds more than 10000 files \(the cap is 10000 files and 64 MiB\)$/);
    const big = pluginDir({ 'plugin.py': '' });
    writeFileSync(join(big, 'big.bin'), '');
    truncateSync(join(big, 'big.bin'), 64 * 1024 * 1024 + 1);
    const tooBig = await se2(['--plugin-root', big]);
    expect(tooBig.status).toBe(2);
    expect(tooBig.stderr.trim()).toMatch(/^se2: plugin root .* holds more than 64 MiB \(the cap is 10000 files and 64 MiB\)$/);
  });

  it('--quota-mib sets the writable space: past it, OSError ENOSPC', async () => {
    const dir = plugin('def run_e(p, i):\n    open("/tmp/x", "wb").write(b"x" * 3 * 1024 * 1024)\n    sdk.return_result("wrote", i)\n');
    const small = await se2(['--json', '--quota-mib', '2', '--plugin-root', dir]);
    expect(JSON.parse(small.stdout).error).toEqual({ code: 1, message: 'OSError: [Errno 51] No space left on device' });
    const fits = await se2(['--json', '--quota-mib', '4', '--plugin-root', dir]);
    expect(JSON.parse(fits.stdout).result).toBe('wrote');
  });
});

describe('the se2 command as installed', () => {
  const repo = fileURLToPath(new URL('..', import.meta.url));

  it('cli/dist is what cli/build.mjs makes from the sources (run `npm run build:cli` after a change)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'se2-build-'));
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, [join(repo, 'cli/build.mjs'), '--out', out], (error) => (error ? reject(error) : resolve())),
    );
    for (const name of ['se2.mjs', 'run-worker.mjs']) {
      expect(readFileSync(join(out, name), 'utf8'), name).toBe(readFileSync(join(repo, 'cli/dist', name), 'utf8'));
    }
  });

  it('runs with Node alone: a copy of the command and the guest, no node_modules anywhere', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'se2-bare-'));
    for (const path of ['cli/bin.mjs', 'cli/dist', 'public/guest', 'guest/plugin'])
      cpSync(join(repo, path), join(copy, path), { recursive: true });
    const run = await new Promise<Run>((resolve) => {
      execFile(
        process.execPath,
        [join(copy, 'cli/bin.mjs'), '--no-color'],
        { cwd: copy, env: { PATH: process.env.PATH ?? '' } },
        (error, stdout, stderr) => {
          resolve({ status: error ? Number(error.code) : 0, stdout, stderr });
        },
      );
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().endsWith(`result: ${DEFAULT_RESULT}`)).toBe(true);
  });
});
