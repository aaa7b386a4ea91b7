// A run that gets stuck: the lines written before it got stuck are the ones a person needs, so
// every one of them must reach the log and stay there after Stop or the time limit, at its level,
// whether the run was on a fresh instance or on one reused from an earlier run of the same files;
// in a cross-origin isolated page (lines go through shared memory, src/worker/ring.ts) and in one
// that is not (each line is posted).
import { expect, test, type Page } from '@playwright/test';
import { copiedLog, expectOutcome, lastRunEntries, openPlayground, runWith } from './helpers.ts';

const PLUGIN = [
  'import sdk',
  'print("imported plugin")',
  '',
  'def run_e(payload, ident):',
  '    if payload.startswith("stuck "):',
  '        for k in range(int(payload.split()[1])):',
  '            print("line", k)',
  '        while True:',
  '            pass',
  '    sdk.return_result("echo " + payload, ident)',
  '',
].join('\n');

type End = 'stop' | 'timeout';
type Instance = 'fresh' | 'reused';

/** Runs `stuck n` and ends it; returns the run's log as "Copy all" gives it. */
async function stuckRun(page: Page, n: number, end: End, instance: Instance, limitSec: number): Promise<string[]> {
  await page.getByTestId('time-limit').fill(end === 'timeout' ? String(limitSec) : '600');
  // The run before a reused run: same files, same instance (the one before a fresh run was stopped,
  // so its Worker and instance were replaced).
  if (instance === 'reused') await runWith(page, 'ok', 'result');
  await page.getByTestId('payload').fill(`stuck ${n}`);
  await page.getByTestId('run').click();
  await expectOutcome(page, 'running');
  if (n > 1000) {
    // A flood: wait until its last line shows before ending it (the lines written just before
    // the loop are the ones a held-back batch would lose).
    await expect(lastRunEntries(page).filter({ hasText: `line ${n - 1}` })).toHaveCount(1, { timeout: 30_000 });
  } else {
    await page.waitForTimeout(1500);
  }
  if (end === 'stop') {
    await page.getByTestId('stop').click();
    await expectOutcome(page, 'stopped');
  } else {
    await expectOutcome(page, 'timeout', (limitSec + 5) * 1000);
  }
  // The lines are kept, not only shown: a later look at the log still has them.
  return (await copiedLog(page)).at(-1)!;
}

function expectRunLines(log: string[], n: number, instance: Instance): void {
  const python = log.filter((l) => /^\t\tline \d+$/.test(l)).map((l) => Number(l.split(' ')[1]));
  if (n <= 1000) {
    expect(python).toEqual(Array.from({ length: n }, (_, k) => k));
  } else {
    // Past the per-run cap the newest lines are kept, and the run says how many were dropped.
    expect(python.at(-1)).toBe(n - 1);
    expect(python).toEqual(Array.from({ length: python.length }, (_, k) => n - python.length + k));
    expect(log[0]).toMatch(/^… \d+ earlier lines were dropped \(a run keeps its newest 5000\)$/);
    expect(log.length - 1).toBe(5000);
    return;
  }
  // The host's lines of the run, at column 0, up to the call that got stuck.
  expect(log.some((l) => /^\[mem\.ts\] \| id=12345 \| allocate\(\d+\) -> 0x/.test(l))).toBe(true);
  expect(log.some((l) => l.startsWith('[runtime.ts] | id=12345 | Calling run_e('))).toBe(true);
  expect(log.some((l) => l.startsWith('[runtime.ts] | id=12345 | run_e returned'))).toBe(false);
  if (instance === 'fresh') {
    expect(log).toContain('[runtime.ts] | Calling _start...');
    expect(log).toContain('\t\timported plugin');
  } else {
    expect(log.some((l) => l.includes('Calling _start'))).toBe(false);
  }
}

const CASES: [number, End, Instance][] = [];
for (const n of [1, 10, 1000]) {
  for (const end of ['stop', 'timeout'] as const) {
    for (const instance of ['reused', 'fresh'] as const) CASES.push([n, end, instance]);
  }
}

type Isolation = 'isolated' | 'not isolated';

/** Opens the plugin's page, served without COOP/COEP for 'not isolated'; checks the page is as asked. */
async function open(page: Page, isolation: Isolation): Promise<void> {
  if (isolation === 'not isolated') {
    await page.context().route('**/*', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['cross-origin-opener-policy'];
      delete headers['cross-origin-embedder-policy'];
      await route.fulfill({ response, headers });
    });
  }
  await openPlayground(page, PLUGIN);
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(isolation === 'isolated');
}

for (const isolation of ['isolated', 'not isolated'] as const) {
  test(`${isolation}: N lines then an endless loop (N = 1, 10, 1000): after Stop and after the time limit the log holds every line`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await open(page, isolation);
    for (const [n, end, instance] of CASES) {
      await test.step(`${n} lines, ${end}, ${instance} instance`, async () => {
        const log = await stuckRun(page, n, end, instance, 1);
        expectRunLines(log, n, instance);
      });
    }
    // The newest line is in the page, at the Python level.
    await expect(lastRunEntries(page).filter({ hasText: 'line 999' })).toHaveAttribute('data-level', 'python');
    await runWith(page, 'ok', 'result');
  });

  for (const end of ['stop', 'timeout'] as const) {
    test(`${isolation}: a 100 000-line flood then an endless loop, ended by ${end === 'stop' ? 'Stop' : 'the time limit'}: the newest lines are kept`, async ({
      page,
    }) => {
      test.setTimeout(150_000);
      await open(page, isolation);
      for (const instance of ['reused', 'fresh'] as const) {
        await test.step(`${instance} instance`, async () => {
          const log = await stuckRun(page, 100_000, end, instance, 25);
          expectRunLines(log, 100_000, instance);
        });
      }
    });
  }
}
