// One run of a plugin in a worker thread of its own (a fresh instance), ended on a time limit:
// the run path that `se2` and `se2 test` share.
import { Worker } from 'node:worker_threads';
import type { LogEntry, Outcome, Timings } from '../src/host/index.ts';
import type { FromWorker } from './protocol.ts';
import type { RunJob } from './run-worker.ts';

export type Ending = { kind: 'outcome'; outcome: Outcome; timings: Timings } | { kind: 'timeout' } | { kind: 'failed'; message: string };

export function runInWorker(job: RunJob, timeoutMs: number, onLog: (entry: LogEntry) => void): Promise<Ending> {
  const worker = new Worker(new URL('./run-worker.mjs', import.meta.url), { workerData: job });
  return new Promise<Ending>((resolve) => {
    const finish = (ending: Ending) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(ending);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'log') onLog(message.entry);
      else finish({ kind: 'outcome', outcome: message.outcome, timings: message.timings });
    });
    worker.on('error', (e) => finish({ kind: 'failed', message: e.message }));
    worker.on('exit', (code) => finish({ kind: 'failed', message: `the runner stopped early (exit ${code})` }));
  });
}
