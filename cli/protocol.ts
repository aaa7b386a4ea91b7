import type { LogEntry, Outcome, Se2Response, Timings } from '../src/host/index.ts';

/** Messages from the run's worker thread to the CLI's main thread. */
export type FromWorker = { type: 'log'; entry: LogEntry } | ({ type: 'done'; outcome: Outcome; timings: Timings } & Partial<Se2Response>);
