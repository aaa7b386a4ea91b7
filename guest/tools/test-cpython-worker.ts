// Runs one module of CPython's Lib/test in a fresh instance of the committed wrapper, through the
// same host as the page and the CLI (src/host), and posts the outcome.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { readGuest } from '../../cli/guest.ts';
import { createHost, type LogEntry, type PluginFiles } from '../../src/host/index.ts';

interface Job {
  module: string;
  testDir: string;
  runner: string;
  wrapper: string;
  quotaBytes: number;
}
const job = workerData as Job;

async function addTree(files: PluginFiles, dir: string, prefix: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === '__pycache__') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await addTree(files, path, `${prefix}${entry.name}/`);
    else if (entry.isFile()) files[`${prefix}${entry.name}`] = new Uint8Array(await readFile(path));
  }
}

const files: PluginFiles = { 'plugin.py': await readFile(job.runner, 'utf8') };
// Modules that import only integer limits from the C test module at load time (see the file).
if (['test_sqlite3'].includes(job.module)) files['_testcapi.py'] = await readFile(new URL('./cpython_tests_testcapi.py', import.meta.url));
await addTree(files, job.testDir, 'test/');
const { wrapper, stdlib } = await readGuest(job.wrapper);
// The runner names each test as it starts: the parent can say which one a module hung in.
const onLog = (entry: LogEntry) => {
  if (entry.stream === 'stderr' && entry.text.startsWith('[test] ')) parentPort!.postMessage({ started: entry.text.slice(7) });
};
const host = await createHost({ module: wrapper, stdlib, files, quotaBytes: job.quotaBytes, onLog });
const report = host.run(job.module, 1);
const tail = report.log
  .filter((e) => e.stream === 'stderr' && !e.text.startsWith('[test] '))
  .slice(-15)
  .map((e) => e.text);
parentPort!.postMessage({ outcome: report.outcome, stderrTail: tail });
