// The SE2 host runtime: plain TypeScript, no DOM and no Node, shared by the Worker and the CLI.
export { isExecutionId, parseExecutionId } from './ident.ts';
export { createHost, prepareInstance, type Host, type HostOptions, type InstanceOptions, type SpareInstance } from './runtime.ts';
export { formatEntry } from './log.ts';
export { DEFAULT_QUOTA_BYTES, isSafeRelativePath, type StdlibFiles } from './fs.ts';
export type {
  FetchMock,
  FetchMocks,
  LogEntry,
  LogLevel,
  Outcome,
  PluginFiles,
  RunContext,
  RunReport,
  Se2Request,
  Se2Response,
  Severity,
  Timings,
} from './types.ts';
export { EMPTY_REQUEST, findMock } from './se2.ts';
export * as abi from './abi.generated.ts';

/** The article's run. */
export const DEFAULT_PAYLOAD = "It can't bite it's own tail. I'm done laughing.";
export const DEFAULT_IDENT = 12345;
export const DEFAULT_RESULT = "tI can't etib it's nwo tail. I'm enod laughing.";
