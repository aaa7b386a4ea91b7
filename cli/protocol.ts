// Messages from the run's worker thread to the CLI's main thread, as valibot schemas (the same
// entry and outcome schemas as the page's Worker protocol); the types are inferred from them.
import * as v from 'valibot';
import { LogEntrySchema, OutcomeSchema, RunResponseSchema, TimingsSchema } from '../src/worker/protocol.ts';

export const FromWorkerSchema = v.variant('type', [
  v.object({ type: v.literal('log'), entry: LogEntrySchema }),
  v.object({ type: v.literal('done'), outcome: OutcomeSchema, timings: TimingsSchema, response: v.optional(RunResponseSchema) }),
]);
export type FromWorker = v.InferOutput<typeof FromWorkerSchema>;
