// How the page runs one test case: the one place that knows the Worker client, so it can be pointed
// at another client without touching the Tests panel.
import type { CaseOutcome } from '../cases/check.ts';
import { DEFAULT_IDENT, type LogEntry } from '../host/index.ts';
import type { Playground, TestCase } from '../playground/document.ts';
import { runner } from './runner.ts';

/**
 * Runs `testCase` against the playground's files on a fresh instance (as `se2 test` does).
 * The case's request and fetch mocks are not passed yet: the Worker's run has no SE2 surface.
 */
export function runCase(playground: Playground, testCase: TestCase, limitSec: number, onLog?: (entries: LogEntry[]) => void): Promise<CaseOutcome> {
  return runner.runFresh(playground.files, testCase.payload, testCase.ident ?? DEFAULT_IDENT, limitSec, onLog);
}
