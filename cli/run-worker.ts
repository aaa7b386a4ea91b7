// Runs one plugin in a worker thread, so that the CLI's main thread can end it on a time limit.
import { parentPort, workerData } from 'node:worker_threads';
import { createHost, type PluginFiles, type RunContext, type StdlibFiles } from '../src/host/index.ts';
import { runResponseOf } from '../src/worker/protocol.ts';
import type { FromWorker } from './protocol.ts';

export interface RunJob {
  /** The wrapper's bytes, or the module compiled once by the main thread (`se2 test`). */
  wrapper: Uint8Array | WebAssembly.Module;
  stdlib: StdlibFiles;
  files: PluginFiles;
  payload: string;
  ident: number;
  /** The SE2 request and fetch mocks (--request, --fetch). */
  context?: RunContext;
  quotaBytes: number;
}

const job = workerData as RunJob;
const post = (message: FromWorker) => parentPort!.postMessage(message);
const host = await createHost({
  module: job.wrapper,
  stdlib: job.stdlib,
  files: job.files,
  quotaBytes: job.quotaBytes,
  onLog: (entry) => post({ type: 'log', entry }),
});
const report = host.run(job.payload, job.ident, job.context);
post({ type: 'done', outcome: report.outcome, timings: report.timings, ...runResponseOf(report) });
