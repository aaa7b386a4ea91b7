// npm run test:cpython [-- --jobs N] [--timeout SECONDS] [--json FILE] [MODULE...]
// Runs modules of CPython 3.11.2's own test suite (Lib/test from the pinned tarball in
// guest/sources.lock) inside the committed wrapper, each in a fresh instance, and prints
// ran/failures/errors/skipped per module and in total. Not part of `npm test`: it takes minutes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { Outcome } from '../../src/host/index.ts';

const guestDir = fileURLToPath(new URL('..', import.meta.url));

/** Everyday modules: files, archives, time zones, asyncio, data formats, the language itself. */
const MODULES = [
  'test_pathlib',
  'test_tempfile',
  'test_zipfile',
  'test_gzip',
  'test_bz2',
  'test_lzma',
  'test_zlib',
  'test_tarfile',
  'test_zipimport',
  'test_sqlite3',
  'test_pickle',
  'test_zoneinfo',
  'test_datetime',
  'test_asyncio.test_tasks',
  'test_asyncio.test_locks',
  'test_asyncio.test_queues',
  'test_asyncio.test_futures',
  'test_asyncio.test_timeouts',
  'test_asyncio.test_taskgroups',
  'test_asyncio.test_runners',
  'test_fileio',
  'test_file',
  'test_shutil',
  'test_glob',
  'test_fnmatch',
  'test_posixpath',
  'test_os',
  'test_json',
  'test_csv',
  'test_hashlib',
  'test_hmac',
  'test_base64',
  'test_binascii',
  'test_fstring',
  'test_string',
  'test_re',
  'test_struct',
  'test_uuid',
  'test_enum',
  'test_dataclasses',
  'test_collections',
  'test_functools',
  'test_itertools',
  'test_textwrap',
  'test_calendar',
  'test_time',
  'test_random',
  'test_fractions',
  'test_statistics',
  'test_copy',
  'test_contextlib',
  'test_contextlib_async',
  'test_stat',
  'test_filecmp',
  'test_configparser',
  'test_xml_etree',
  'test_html',
  'test_urlparse',
  'test_ipaddress',
  'test_typing',
];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    jobs: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '300' },
    json: { type: 'string' },
    'source-cache': { type: 'string' },
  },
});
const modules = positionals.length > 0 ? positionals : MODULES;
const jobs = Math.max(1, Number(values.jobs));
const timeoutMs = Number(values.timeout) * 1000;

/** Lib/test of the pinned CPython tarball, extracted once into guest/.build/cpython-tests/. */
function cpythonTests(): string {
  const lock = readFileSync(join(guestDir, 'sources.lock'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith('python3.11 '));
  if (lock === undefined) throw new Error('guest/sources.lock pins no python3.11');
  const [, , tarball, sha256] = lock.split(/\s+/) as [string, string, string, string];
  const cache = values['source-cache'] ?? process.env.GUEST_SOURCE_CACHE ?? join(guestDir, '.build', 'sources');
  const archive = join(cache, tarball);
  if (!existsSync(archive)) {
    // The same pinned mechanism as the build: apt-get source, then the sha256 check.
    execFileSync('bash', [join(guestDir, 'build.sh'), '--fetch-only', '--source-cache', cache], { stdio: 'inherit' });
  }
  const have = createHash('sha256').update(readFileSync(archive)).digest('hex');
  if (have !== sha256) throw new Error(`${archive}: sha256 ${have}, sources.lock pins ${sha256}`);
  const dest = join(guestDir, '.build', 'cpython-tests', sha256.slice(0, 16));
  if (!existsSync(join(dest, 'test'))) {
    rmSync(`${dest}.tmp`, { recursive: true, force: true });
    mkdirSync(`${dest}.tmp`, { recursive: true });
    execFileSync('tar', ['-xzf', archive, '-C', `${dest}.tmp`, '--strip-components=2', 'Python-3.11.2/Lib/test']);
    mkdirSync(dest, { recursive: true });
    renameSync(join(`${dest}.tmp`, 'test'), join(dest, 'test'));
    rmSync(`${dest}.tmp`, { recursive: true, force: true });
  }
  return join(dest, 'test');
}

interface Counts {
  ran: number;
  failures: [string, string][];
  errors: [string, string][];
  skipped: number;
  skip_reasons: [string, number][];
  seconds: number;
}
type Ending = { kind: 'counts'; counts: Counts } | { kind: 'broken'; why: string; stderrTail: string[] };
type Row = { module: string; ms: number } & Ending;

function runModule(module: string, testDir: string): Promise<Row> {
  const started = performance.now();
  const worker = new Worker(new URL('./test-cpython-worker.mjs', import.meta.url), {
    workerData: {
      module,
      testDir,
      runner: join(guestDir, 'tools', 'cpython_tests_runner.py'),
      wrapper: fileURLToPath(new URL('../../public/guest/wrapper.wasm', import.meta.url)),
      quotaBytes: 1024 * 1024 * 1024,
    },
    resourceLimits: { maxOldGenerationSizeMb: 4096 },
  });
  return new Promise((resolve) => {
    const done = (ending: Ending) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve({ module, ms: performance.now() - started, ...ending });
    };
    let current = '';
    const timer = setTimeout(
      () => done({ kind: 'broken', why: `timed out after ${timeoutMs / 1000} s in ${current}`, stderrTail: [] }),
      timeoutMs,
    );
    worker.on('message', (message: { started: string } | { outcome: Outcome; stderrTail: string[] }) => {
      if ('started' in message) {
        current = message.started;
        return;
      }
      const { outcome, stderrTail } = message;
      if (outcome.kind === 'result') done({ kind: 'counts', counts: JSON.parse(outcome.value) as Counts });
      else
        done({
          kind: 'broken',
          why:
            outcome.kind === 'error'
              ? `error ${outcome.code}: ${outcome.message}`
              : outcome.kind === 'crash'
                ? `crash: ${outcome.message}`
                : 'no result',
          stderrTail,
        });
    });
    worker.on('error', (e) => done({ kind: 'broken', why: `runner failed: ${e.message}`, stderrTail: [] }));
  });
}

const testDir = cpythonTests();
const rows: Row[] = [];
const queue = [...modules];
const t0 = performance.now();
await Promise.all(
  Array.from({ length: jobs }, async () => {
    for (let module = queue.shift(); module !== undefined; module = queue.shift()) {
      const row = await runModule(module, testDir);
      rows.push(row);
      const what =
        row.kind === 'counts'
          ? `ran ${row.counts.ran}, failures ${row.counts.failures.length}, errors ${row.counts.errors.length}, skipped ${row.counts.skipped}`
          : row.why;
      process.stderr.write(`${module}: ${what} (${(row.ms / 1000).toFixed(1)} s)\n`);
    }
  }),
);
rows.sort((a, b) => modules.indexOf(a.module) - modules.indexOf(b.module));

const pad = (s: string | number, n: number) => String(s).padStart(n);
const lines = ['| module | ran | failures | errors | skipped | seconds |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
const total = { ran: 0, failures: 0, errors: 0, skipped: 0 };
for (const row of rows) {
  if (row.kind === 'counts') {
    const c = row.counts;
    total.ran += c.ran;
    total.failures += c.failures.length;
    total.errors += c.errors.length;
    total.skipped += c.skipped;
    lines.push(
      `| ${row.module} | ${pad(c.ran, 5)} | ${pad(c.failures.length, 3)} | ${pad(c.errors.length, 3)} | ${pad(c.skipped, 4)} | ${(row.ms / 1000).toFixed(1)} |`,
    );
  } else {
    lines.push(`| ${row.module} | — | — | — | — | ${(row.ms / 1000).toFixed(1)} (${row.why}) |`);
  }
}
lines.push(
  `| **total** (${rows.length} modules) | ${total.ran} | ${total.failures} | ${total.errors} | ${total.skipped} | ${((performance.now() - t0) / 1000).toFixed(0)} wall |`,
);
process.stdout.write(`${lines.join('\n')}\n`);

const problems = rows.flatMap((row) =>
  row.kind === 'counts'
    ? [
        ...row.counts.failures.map(([t, why]) => `FAIL ${row.module}: ${t}: ${why}`),
        ...row.counts.errors.map(([t, why]) => `ERROR ${row.module}: ${t}: ${why}`),
      ]
    : [`BROKEN ${row.module}: ${row.why}\n    ${row.stderrTail.join('\n    ')}`],
);
if (problems.length > 0) process.stdout.write(`\n${problems.join('\n')}\n`);
if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify(rows, null, 2)}\n`);
process.exitCode = problems.length > 0 ? 1 : 0;
