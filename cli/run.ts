// One run of a plugin in a worker thread of its own (a fresh instance), ended on a time limit:
// the run path that `se2` and `se2 test` share.
import { Worker } from 'node:worker_threads';
import type { LogEntry, Outcome, Timings } from '../src/host/index.ts';
import { parse, type RunResponseWire } from '../src/worker/protocol.ts';
import { FromWorkerSchema } from './protocol.ts';
import type { RunJob } from './run-worker.ts';

export type Ending =
  | { kind: 'outcome'; outcome: Outcome; timings: Timings; response?: RunResponseWire }
  | { kind: 'timeout' }
  | { kind: 'failed'; message: string };

/** Set by cli/build.mjs in the bundled command; from the sources, the tsx entry beside this file. */
declare const __SE2_RUNNER__: string | undefined;
const RUNNER = typeof __SE2_RUNNER__ === 'string' ? __SE2_RUNNER__ : './run-worker.mjs';

export function runInWorker(job: RunJob, timeoutMs: number, onLog: (entry: LogEntry) => void): Promise<Ending> {
  const worker = new Worker(new URL(RUNNER, import.meta.url), { workerData: job });
  return new Promise<Ending>((resolve) => {
    const finish = (ending: Ending) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(ending);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
    worker.on('message', (data: unknown) => {
      const parsed = parse(FromWorkerSchema, data);
      if (!parsed.ok) finish({ kind: 'failed', message: `the runner sent a malformed message (${parsed.problem})` });
      else if (parsed.value.type === 'log') onLog(parsed.value.entry);
      else {
        const { outcome, timings, response } = parsed.value;
        finish({ kind: 'outcome', outcome, timings, ...(response !== undefined && { response }) });
      }
    });
    worker.on('error', (e) => finish({ kind: 'failed', message: e.message }));
    worker.on('exit', (code) => finish({ kind: 'failed', message: `the runner stopped early (exit ${code})` }));
  });
}
