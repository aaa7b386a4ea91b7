// --request and --fetch: the SE2 context of a run, as a person or a CI job passes it, through a
// real process and the real wrapper; and every example of examples/se2 run the same way.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./se2.ts', import.meta.url));
const examples = fileURLToPath(new URL('../examples/se2/', import.meta.url));

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function se2(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } },
      (error, stdout, stderr) => {
        resolve({ status: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

const dir = mkdtempSync(join(tmpdir(), 'se2-context-'));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const REQUEST = { method: 'POST', url: '/x?q=1', headers: { 'X-Key': 'k' }, params: {}, body: '{"a": "b"}', state: { n: '1' } };
const FETCH = { 'GET https://api.example.com/x': { status: 200, headers: {}, body: 'upstream' } };
const PLUGIN = join(examples, 'weather');

describe('se2 --request / --fetch', () => {
  it('serves the request and mocks; --json adds the response headers and the state', async () => {
    const plugin = mkdtempSync(join(tmpdir(), 'se2-plugin-'));
    writeFileSync(
      join(plugin, 'plugin.py'),
      'import sdk\ndef run_e(p, i):\n    sdk.resp.set_header("X-Seen", sdk.req.header("x-key"))\n    sdk.req.set_state("n", "2")\n' +
        '    sdk.return_result(sdk.req.query("q") + sdk.req.body_field("a") + sdk.http.get("https://api.example.com/x").decode(), i)\n',
    );
    const run = await se2(['--json', '--plugin-root', plugin, '--request', file('r.json', REQUEST), '--fetch', file('f.json', FETCH)]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({
      result: '1bupstream',
      error: null,
      crash: null,
      response: { headers: { 'X-Seen': 'k' } },
      state: { n: '2' },
    });

    const text = await se2(['--plugin-root', plugin, '--request', join(dir, 'r.json'), '--fetch', join(dir, 'f.json')]);
    expect(text.stdout.endsWith('\nresult: 1bupstream\nresponse headers: {"X-Seen":"k"}\nstate: {"n":"2"}\n')).toBe(true);
  });

  it('without the flags the JSON object has no response or state, as before', async () => {
    const out = JSON.parse((await se2(['--json'])).stdout);
    expect(Object.keys(out)).toEqual(['outcome', 'result', 'error', 'crash', 'timeout', 'log', 'timings']);
  });

  it('refuses a bad request or mock file with one line naming the file and the field', async () => {
    const cases: [string[], string][] = [
      [['--request', '/nonexistent/r.json'], 'se2: --request file /nonexistent/r.json does not exist'],
      [['--request', file('notjson.json', '{nope')], `se2: --request file ${join(dir, 'notjson.json')} is not JSON: `],
      [['--request', file('array.json', [])], `se2: --request ${join(dir, 'array.json')}: must be a JSON object`],
      [['--request', file('nourl.json', { ...REQUEST, url: undefined })], `se2: --request ${join(dir, 'nourl.json')}: "url" is missing`],
      [
        ['--request', file('extra.json', { ...REQUEST, heders: {} })],
        `se2: --request ${join(dir, 'extra.json')}: "heders" is not a field this version knows`,
      ],
      [
        ['--request', file('hdr.json', { ...REQUEST, headers: { A: 1 } })],
        `se2: --request ${join(dir, 'hdr.json')}: "headers.A" must be text, not 1`,
      ],
      [
        ['--fetch', file('key.json', { 'https://x': FETCH['GET https://api.example.com/x'] })],
        `se2: --fetch ${join(dir, 'key.json')}: "https://x" a mock key is "METHOD URL"`,
      ],
      [
        ['--fetch', file('status.json', { 'GET https://x': { status: 42, headers: {}, body: '' } })],
        `se2: --fetch ${join(dir, 'status.json')}: "GET https://x.status" must be an HTTP status from 100 to 599`,
      ],
      [
        ['--fetch', file('body.json', { 'GET https://x': { status: 200, headers: {} } })],
        `se2: --fetch ${join(dir, 'body.json')}: "GET https://x.body" is missing`,
      ],
    ];
    const runs = await Promise.all(cases.map(([args]) => se2(['--plugin-root', PLUGIN, ...args])));
    runs.forEach((run, i) => {
      const [args, message] = cases[i]!;
      expect(run.status, args.join(' ')).toBe(2);
      const lines = run.stderr.trim().split('\n');
      expect(lines, args.join(' ')).toHaveLength(1);
      expect(lines[0]!.startsWith(message), `${lines[0]} / ${message}`).toBe(true);
      expect(run.stdout).toBe('');
    });
  });
});

interface Expected {
  payload: string;
  result: string | null;
  error: { code: number; message: string } | null;
  response?: { headers: Record<string, string> };
  state?: Record<string, string>;
  log?: string[];
}

describe('examples/se2', () => {
  const names = readdirSync(examples, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

  it('has one example per host function of se2.wit, and the real one', () => {
    expect(names.sort()).toEqual([
      'add_ffi_var',
      'fetch_url',
      'get_ffi_result',
      'log_msg',
      'request_get_field',
      'request_set_field',
      'resp_set_header',
      'return_error',
      'return_result',
      'weather',
    ]);
  });

  it.each(names)('%s gives what its expected.json says', async (name) => {
    const folder = join(examples, name);
    const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Expected;
    const args = ['--json', '--plugin-root', folder, '--payload', expected.payload];
    for (const flag of ['request', 'fetch']) {
      if (existsSync(join(folder, `${flag}.json`))) args.push(`--${flag}`, join(folder, `${flag}.json`));
    }
    const run = await se2(args);
    const out = JSON.parse(run.stdout);
    expect(run.status).toBe(expected.error === null ? 0 : 1);
    expect({ result: out.result, error: out.error, crash: out.crash }).toEqual({
      result: expected.result,
      error: expected.error,
      crash: null,
    });
    if (expected.response !== undefined)
      expect({ response: out.response, state: out.state }).toEqual({ response: expected.response, state: expected.state });
    if (expected.log !== undefined) {
      const lines = (out.log as { file: string; text: string; severity?: string }[])
        .filter((e) => e.severity !== undefined || e.file === 'se2.ts')
        .map((e) => (e.severity !== undefined ? `${e.severity}: ${e.text}` : e.text));
      expect(lines).toEqual(expected.log);
    }
  });

  it('weather answers 401 without its API key and 502 when the upstream fails', async () => {
    const request = JSON.parse(readFileSync(join(PLUGIN, 'request.json'), 'utf8'));
    const noKey = file('nokey.json', { ...request, headers: {} });
    const down = file('down.json', {
      'GET https://api.weather.example/v1/current?city=Oslo': { status: 503, headers: {}, body: 'maintenance' },
    });
    const [a, b] = await Promise.all([
      se2(['--json', '--plugin-root', PLUGIN, '--request', noKey]),
      se2(['--json', '--plugin-root', PLUGIN, '--request', join(PLUGIN, 'request.json'), '--fetch', down]),
    ]);
    expect(JSON.parse(a.stdout).error).toEqual({ code: 401, message: 'missing X-Api-Key header' });
    expect(JSON.parse(b.stdout).error).toEqual({ code: 502, message: 'weather service: 503: maintenance' });
  });
});
