// How the page runs one test case: the one place that knows the Worker client, so the Tests panel
// does not.
import type { CaseOutcome } from '../cases/check.ts';
import { DEFAULT_IDENT, type LogEntry } from '../host/index.ts';
import type { Playground, TestCase } from '../playground/document.ts';
import { client, whenPageRunEnded } from './runner.ts';

/** Runs `testCase` against the playground's files on a fresh instance (as `se2 test` does). */
export async function runCase(
  playground: Playground,
  testCase: TestCase,
  limitSec: number,
  onLog?: (entries: LogEntry[]) => void,
): Promise<CaseOutcome> {
  // A case asked for while the page's own run is going (the first run of an opened link) waits for it.
  await whenPageRunEnded();
  const end = await client.run(
    {
      files: playground.files,
      payload: testCase.payload,
      ident: testCase.ident ?? DEFAULT_IDENT,
      request: testCase.request ?? null,
      ...(testCase.fetch !== undefined && { fetch: testCase.fetch }),
      ...(playground.settings?.quotaMiB !== undefined && { quotaMiB: playground.settings.quotaMiB }),
      fresh: true,
    },
    { timeLimitSec: limitSec, ...(onLog !== undefined && { onLog }) },
  );
  return end.outcome;
}
