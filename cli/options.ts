import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { DEFAULT_IDENT, DEFAULT_PAYLOAD, DEFAULT_QUOTA_BYTES, parseExecutionId } from '../src/host/index.ts';
import { COMMITTED_WRAPPER } from './guest.ts';

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

export const USAGE = `Usage: se2 [options]
Runs a Python plugin inside the SE2 wrapper module and prints the three-level log and the outcome.

  --plugin-root DIR     folder holding plugin.py and its helper modules, or a playground .zip
                        (default: the article's plugin)
  --payload TEXT        the payload (default: "${DEFAULT_PAYLOAD}")
  --payload-file FILE   read the payload from FILE (UTF-8) instead
  --request FILE        the SE2 request the run serves, JSON:
                        {"method", "url", "headers": {}, "params": {}, "body", "state": {}}
  --fetch FILE          mocked answers of fetch_url, JSON:
                        {"GET https://host/path": {"status": 200, "headers": {}, "body": "..."}}
  --ident N             execution id, a 32-bit integer (default: ${DEFAULT_IDENT})
  --wrapper PATH        the wrapper module; the stdlib zips are read from its folder
                        (default: public/guest/wrapper.wasm)
  --timeout SECONDS     time limit of the whole run (default: 10)
  --quota-mib N         MiB the plugin may write to /plugin and /tmp together (default: ${DEFAULT_QUOTA_BYTES / 1024 / 1024})
  --json                print one JSON object instead of the log (with --request or --fetch
                        it also holds "response": {"headers"} and "state")
  --trace               after the run, print every crossing of the boundary, numbered: host ->
                        wasm exports, wasm -> host imports, C -> Python, Python -> sdk, with
                        arguments, returns and the bytes at each pointer (with --json: "trace")
  --no-color            no ANSI colours
  -h, --help            this text

Exit status: 0 result, 1 returned error or no result, 2 crash, timeout or bad arguments.

se2 test --plugin-root DIR --cases FILE   runs a table of test cases (see se2 test --help)`;

export interface Options {
  pluginRoot: string;
  payload: { text: string } | { file: string };
  ident: number;
  /** --request and --fetch: JSON files of the run's SE2 context. */
  requestFile?: string;
  fetchFile?: string;
  wrapper: string;
  timeoutMs: number;
  quotaBytes: number;
  json: boolean;
  /** --trace: record and print the run's crossings. */
  trace: boolean;
  color: boolean;
}

/** `--timeout SECONDS` (10 when absent) in milliseconds, or null when it is not a sensible number. */
export function parseTimeoutMs(value: string | undefined): number | null {
  const seconds = value === undefined ? 10 : Number(value);
  return Number.isFinite(seconds) && seconds > 0 && seconds <= 24 * 3600 ? seconds * 1000 : null;
}

/** NO_COLOR and FORCE_COLOR as most terminal tools read them (an empty value means unset). */
export const wantsColor = (noColorFlag: boolean, isTty: boolean): boolean =>
  !noColorFlag && !process.env.NO_COLOR && (isTty || (!!process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0'));

export type ParsedArgs = { kind: 'run'; options: Options } | { kind: 'help' } | { kind: 'bad'; reason: string };

export function parseOptions(argv: string[], isTty: boolean): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'plugin-root': { type: 'string' },
        payload: { type: 'string' },
        'payload-file': { type: 'string' },
        request: { type: 'string' },
        fetch: { type: 'string' },
        ident: { type: 'string' },
        wrapper: { type: 'string' },
        timeout: { type: 'string' },
        'quota-mib': { type: 'string' },
        json: { type: 'boolean', default: false },
        trace: { type: 'boolean', default: false },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    return { kind: 'bad', reason: (e as Error).message };
  }
  if (values.help) return { kind: 'help' };
  if (values.payload !== undefined && values['payload-file'] !== undefined) {
    return { kind: 'bad', reason: 'give --payload or --payload-file, not both' };
  }
  const ident = values.ident === undefined ? DEFAULT_IDENT : parseExecutionId(values.ident);
  if (ident === null) {
    return { kind: 'bad', reason: `--ident must be an integer from -2147483648 to 2147483647, got "${values.ident}"` };
  }
  const timeoutMs = parseTimeoutMs(values.timeout);
  if (timeoutMs === null) return { kind: 'bad', reason: `--timeout must be a number of seconds above 0, got "${values.timeout}"` };
  const quotaMib = values['quota-mib'] === undefined ? DEFAULT_QUOTA_BYTES / 1024 / 1024 : Number(values['quota-mib']);
  // Up to 4 GiB: one file of the in-memory filesystem is a single JavaScript buffer.
  if (!Number.isFinite(quotaMib) || quotaMib < 0 || quotaMib > 4096) {
    return { kind: 'bad', reason: `--quota-mib must be a number of MiB from 0 to 4096, got "${values['quota-mib']}"` };
  }
  return {
    kind: 'run',
    options: {
      pluginRoot: values['plugin-root'] ?? root('guest/plugin'),
      payload: values['payload-file'] !== undefined ? { file: values['payload-file'] } : { text: values.payload ?? DEFAULT_PAYLOAD },
      ident,
      ...(values.request !== undefined && { requestFile: values.request }),
      ...(values.fetch !== undefined && { fetchFile: values.fetch }),
      wrapper: values.wrapper ?? COMMITTED_WRAPPER,
      timeoutMs,
      quotaBytes: Math.floor(quotaMib * 1024 * 1024),
      json: values.json,
      trace: values.trace,
      color: wantsColor(values['no-color'], isTty),
    },
  };
}
