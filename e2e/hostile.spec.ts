// Hostile plugins, bad input and faults: each case asserts how it ends AND that the next normal
// run works. The plugins are opened through share links (typing them into Monaco is slow).
import { expect, test, type Page } from '@playwright/test';
import { clickRun, copiedLog, expectOutcome, lastRunEntries, openPlayground, runWith } from './helpers.ts';

const py = (...lines: string[]) => lines.join('\n') + '\n';

/** Dispatches on the payload; "ok" (and anything unknown) echoes. */
const plugin = (cases: Record<string, string[]>, imports = 'import sdk') =>
  py(
    imports,
    '',
    'def run_e(payload, ident):',
    ...Object.entries(cases).flatMap(([name, body]) => [`    if payload == ${JSON.stringify(name)}:`, ...body.map((l) => `        ${l}`)]),
    '    sdk.return_result("echo " + payload, ident)',
  );

async function expectNormalRun(page: Page): Promise<void> {
  await runWith(page, 'fine', 'result');
  await expect(page.getByTestId('result-value')).toHaveText('echo fine');
}

test('B1: time limit ends a busy loop and a long sleep; input() gets EOFError; a Worker dying while idle is replaced', async ({ page }) => {
  await openPlayground(
    page,
    plugin({ loop: ['while True:', '    pass'], sleep: ['time.sleep(10**6)'], input: ['input()'] }, 'import sdk, time'),
  );
  await page.getByTestId('time-limit').fill('2');
  for (const payload of ['loop', 'sleep']) {
    const ms = await runWith(page, payload, 'timeout', 6_000);
    // Bounded well below "never": on a loaded 2-core CI machine ending the Worker and showing the
    // outcome took up to 2.8 s beyond the limit (a 4.8 s run was seen in a clean-clone CI run).
    expect(ms, `${payload} ends within the limit + 3.5 s`).toBeLessThan(2_000 + 3_500);
    await expect(page.getByTestId('result')).toContainText('Timed out after 2 s');
    await expectNormalRun(page);
  }
  await runWith(page, 'input', 'error', 5_000);
  await expect(page.getByTestId('result-value')).toContainText('EOFError');
  await expectNormalRun(page);

  // The Worker dies between runs: the page notices and replaces it before the next Run.
  // The newest Python Worker (Monaco's is `editor.worker`; replaced ones may linger in the list).
  const python = page
    .workers()
    .filter((w) => /\/worker[-.][^/]*$/.test(w.url()))
    .at(-1);
  expect(python).toBeDefined();
  const replaced = page.waitForEvent('worker');
  // The page may terminate it before this call returns.
  await python!
    .evaluate(() => {
      setTimeout(() => {
        throw new Error('injected fault');
      });
    })
    .catch(() => undefined);
  await replaced;
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'ready');
  await expectNormalRun(page);
});

test('B2: endless recursion, a 100 000-deep json.dumps and an ever-growing list end as errors or crashes', async ({ page }) => {
  await openPlayground(
    page,
    plugin(
      {
        recurse: ['def f(n):', '    return f(n + 1) + 1', 'f(0)'],
        deep: ['x = []', 'for _ in range(100000):', '    x = [x]', 'json.dumps(x)'],
        grow: ['hog = []', 'while True:', '    hog.append(bytearray(1 << 20))'],
      },
      'import sdk, json',
    ),
  );
  for (const [payload, reason] of [
    ['recurse', /RecursionError|stack/],
    ['deep', /RecursionError|stack/],
    ['grow', /MemoryError|memory/i],
  ] as const) {
    await runWith(page, payload, /^(error|crash)$/, 20_000);
    await expect(page.getByTestId('result-value'), payload).toContainText(reason);
    console.log(
      `${payload}: ${await page.getByTestId('result').getAttribute('data-outcome')}: ${(await page.getByTestId('result-value').textContent())?.split('\n').filter(Boolean).at(-1)}`,
    );
    await expectNormalRun(page);
  }
});

test('B3: 200 000 printed lines and one 50 MB line keep the page responsive; the newest lines and the result show', async ({ page }) => {
  await openPlayground(page, plugin({ lines: ['for i in range(200000):', '    print("line", i)'], huge: ['print("x" * 50_000_000)'] }));
  // The page keeps painting while the Worker floods it (measured once Monaco, which loads after
  // the first result, has mounted: its parse is a long frame of its own).
  await expect(page.locator('[data-testid=editor] .monaco-editor .view-lines')).toBeVisible();
  // The flood takes seconds on a loaded machine: the limit must not end it.
  await page.getByTestId('time-limit').fill('60');
  // Every frame from the click until the result shows (the whole flood), timed in the page.
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framesOn: boolean };
    w.__frames = [];
    w.__framesOn = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__framesOn) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const floodMs = await runWith(page, 'lines', 'result', 60_000);
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framesOn: boolean };
    w.__framesOn = false;
    return w.__frames;
  });
  await expect(page.getByTestId('result-value')).toHaveText('echo lines');
  await expect(lastRunEntries(page).filter({ hasText: 'line 199999' })).toHaveCount(1);
  // Only the rows near the view are in the page; the run keeps its newest 5000 lines.
  expect(await page.getByTestId('log-entry').count()).toBeLessThan(200);
  const copied = (await copiedLog(page)).at(-1)!;
  expect(copied[0]).toMatch(/^… \d+ earlier lines were dropped/);
  expect(copied).toHaveLength(5001);
  expect(copied.filter((l) => l.startsWith('\t\tline ')).at(-1)).toBe('\t\tline 199999');
  expect(copied).not.toContain('\t\tline 0');
  const sorted = [...frames].sort((x, y) => x - y);
  const worst = sorted.at(-1) ?? 0;
  const over100 = frames.filter((f) => f > 100).length;
  console.log(
    `200 000 lines in ${floodMs} ms: ${frames.length} frames, median ${sorted[sorted.length >> 1]?.toFixed(1)} ms, ` +
      `p99 ${sorted[Math.floor(sorted.length * 0.99)]?.toFixed(1)} ms, longest ${worst.toFixed(1)} ms, ${over100} over 100 ms`,
  );
  // The page renders only the rows on screen: frames stay short while 200 000 lines arrive (the
  // unvirtualised list took ~1 s a frame, every frame). On two shared cores beside a parallel test
  // and other jobs a few frames still pass 100 ms (up to ~0.5 s seen at a load of 10+: the OS, not
  // the page), so the bounds are on the median and the 90th percentile, plus a freeze guard.
  expect(sorted[sorted.length >> 1]).toBeLessThan(34);
  expect(sorted[Math.floor(sorted.length * 0.9)]).toBeLessThan(100);
  expect(worst).toBeLessThan(1000);
  // The log scrolls.
  await page.getByTestId('log').evaluate((el) => (el.scrollTop = 0));
  await expect.poll(() => page.getByTestId('log').evaluate((el) => el.scrollTop)).toBe(0);

  // Back at the bottom, the log follows new lines again.
  await page.getByTestId('log').evaluate((el) => (el.scrollTop = el.scrollHeight));

  await runWith(page, 'huge', 'result', 30_000);
  const longest = () => lastRunEntries(page).evaluateAll((els) => Math.max(0, ...els.map((e) => e.textContent?.length ?? 0)));
  await expect.poll(longest).toBeGreaterThan(60_000);
  expect(await longest()).toBeLessThan(70_000);
  await expectNormalRun(page);
});

test('B4: the sandbox: only /plugin, /lib, /tmp; writes vanish with the instance; no network, no page', async ({ page }) => {
  const probe = py(
    'import sdk, os, json',
    '',
    'def attempt(fn):',
    '    try:',
    '        return "ok: " + repr(fn())[:60]',
    '    except BaseException as e:',
    '        return "refused: " + type(e).__name__',
    '',
    'def connect():',
    '    import socket',
    '    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)',
    '    s.connect(("127.0.0.1", 4173))',
    '',
    'def fetch():',
    '    import urllib.request',
    '    return urllib.request.urlopen("http://localhost:4173/").read()',
    '',
    'def write():',
    '    with open("/tmp/mark", "w") as f:',
    '        f.write("x")',
    '',
    'def run_e(payload, ident):',
    '    if payload == "probe":',
    '        report = {',
    '            "root": attempt(lambda: os.listdir("/")),',
    '            "dirs": [d for d in ("/plugin", "/lib", "/tmp", "/etc", "/home", "/proc", "/dev", "/usr") if os.path.isdir(d)],',
    '            "lib": sorted(os.listdir("/lib")),',
    '            "passwd": attempt(lambda: open("/etc/passwd").read()),',
    '            "write_plugin": attempt(lambda: open("/plugin/new.py", "w").write("x")),',
    '            "socket": attempt(connect),',
    '            "urllib": attempt(fetch),',
    '            "js": attempt(lambda: __import__("js")),',
    '            "write_tmp": attempt(write),',
    '            "tmp_now": os.path.exists("/tmp/mark"),',
    '        }',
    '        sdk.return_result(json.dumps(report, sort_keys=True), ident)',
    '        return',
    '    sdk.return_result("mark " + str(os.path.exists("/tmp/mark")), ident)',
  );
  await openPlayground(page, probe);
  await runWith(page, 'probe', 'result');
  const report = JSON.parse((await page.getByTestId('result-value').textContent()) ?? '{}') as Record<string, unknown>;
  console.log('sandbox probe:', JSON.stringify(report));
  // One tree as natively (guest/README.md, "File system"): / holds only the three folders, a
  // missing file is FileNotFoundError, the plugin folder is writable (in this instance only).
  expect(report.root).toBe("ok: ['plugin', 'lib', 'tmp']");
  expect(report.dirs).toEqual(['/plugin', '/lib', '/tmp']);
  expect((report.lib as string[]).every((name) => name.endsWith('.zip'))).toBe(true);
  expect(report.passwd).toBe('refused: FileNotFoundError');
  expect(report.write_plugin).toBe('ok: 1');
  expect(report.socket).toMatch(/^refused/);
  expect(report.urllib).toMatch(/^refused/);
  expect(report.js).toBe('refused: ModuleNotFoundError');
  expect(report.write_tmp).toMatch(/^ok/);
  expect(report.tmp_now).toBe(true);
  // Python has no bridge to the page: no `js` module, and nothing but the page's own key in storage.
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['pywasm-playground']);
  // Same files: the same instance, so its /tmp is still there.
  await runWith(page, 'again', 'result');
  await expect(page.getByTestId('result-value')).toHaveText('mark True');
  // An edit runs in a fresh instance: the write is gone.
  await page.locator('[data-testid=editor] .monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('\n# edited\n');
  await runWith(page, 'again', 'result');
  await expect(page.getByTestId('result-value')).toHaveText('mark False');
  await expect(lastRunEntries(page).filter({ hasText: 'Calling _start' })).toHaveCount(1);
});

const HOSTILE = '<img src=x onerror=alert(1)></script><script>alert(2)</script>\x1b[2J\x1b]0;pwned\x07\x1b[H';

test('B5: markup, </script>, ANSI screen and title escapes, NUL and lone surrogates are shown as text', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const hostile = JSON.stringify(HOSTILE);
  await openPlayground(
    page,
    plugin(
      {
        echo: [
          `print(${hostile} + "\\x00 nul")`,
          `print(${hostile}, file=sys.stderr)`,
          `sdk.return_result(payload + ${hostile} + "\\x00", ident)`,
          'return',
        ],
        fail: [`raise ValueError(${hostile})`],
        error: [`sdk.return_error(7, ${hostile}, ident)`, 'return'],
        surrogate: ['print("lone \\ud800 surrogate")', 'sdk.return_result("lone \\udfff", ident)', 'return'],
      },
      'import sdk, sys',
    ),
    'ok',
    { '<img src=x onerror=alert(1)>.py': '"""a module with a hostile name"""\n' },
  );
  const title = await page.title();
  await expect(page.getByTestId('file-tab').filter({ hasText: '<img src=x onerror=alert(1)>.py' })).toHaveCount(1);

  await runWith(page, 'echo', 'result');
  await expect(page.getByTestId('result-value')).toContainText('<img src=x onerror=alert(1)></script><script>alert(2)</script>');
  await expect(lastRunEntries(page).filter({ hasText: '<img src=x onerror=alert(1)>' })).toHaveCount(2);
  for (const outcome of [
    ['fail', 'error'],
    ['error', 'error'],
  ]) {
    await runWith(page, outcome[0]!, outcome[1]!);
    await expect(page.getByTestId('result-value')).toContainText('<script>alert(2)</script>');
  }
  // Lone surrogates cannot be UTF-8: whatever the outcome, the page shows it and lives on.
  await page.getByTestId('payload').fill('surrogate');
  await clickRun(page);
  await expect(page.getByTestId('result')).toHaveAttribute('data-outcome', /^(result|error|crash)$/);
  console.log(
    `lone surrogate: ${await page.getByTestId('result').getAttribute('data-outcome')}: ${(await page.getByTestId('result-value').textContent())?.split('\n').filter(Boolean).at(-1)}`,
  );

  await expect(page.locator('img')).toHaveCount(0);
  await expect(page.locator('body script')).toHaveCount(0);
  expect(await page.title()).toBe(title);
  expect(dialogs).toEqual([]);
  await expectNormalRun(page);
});

test('B6: every edit is saved at once and survives a crash, a time-out and a reload; Ctrl+Enter with a bad id does not run', async ({
  page,
}) => {
  await openPlayground(page, plugin({ die: ['import os', 'os._exit(1)'], loop: ['while True:', '    pass'] }));
  const saved = () => page.evaluate(() => localStorage.getItem('pywasm-playground') ?? '');
  await page.locator('[data-testid=editor] .monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('\n# draft-mark-1\n');
  expect(await saved()).toContain('draft-mark-1');
  await runWith(page, 'die', 'crash');
  await page.getByTestId('time-limit').fill('1');
  await runWith(page, 'loop', 'timeout', 5_000);
  await page.getByTestId('payload').fill('kept payload');
  expect(await saved()).toContain('kept payload');
  await page.reload();
  await expectOutcome(page, 'result', 60_000);
  await expect(page.getByTestId('result-value')).toHaveText('echo kept payload');
  await expect(page.locator('[data-testid=editor] .view-lines')).toContainText('draft-mark-1');

  // An invalid execution id: Ctrl+Enter says why instead of running.
  const runs = Number(await page.getByTestId('log').getAttribute('data-runs'));
  await page.getByTestId('ident').fill('99999999999');
  await page.getByTestId('payload').press('ControlOrMeta+Enter');
  await expect(page.getByTestId('run-refused')).toContainText('execution id');
  await expect(page.getByTestId('log')).toHaveAttribute('data-runs', String(runs));
  await page.getByTestId('ident').fill('5');
  await expect(page.getByTestId('run-refused')).toHaveCount(0);
  await page.getByTestId('payload').press('ControlOrMeta+Enter');
  await expect(page.getByTestId('log')).toHaveAttribute('data-runs', String(runs + 1));
  await expectOutcome(page, 'result');
});

test('B6: with localStorage unavailable the page says so and keeps working', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
  });
  await openPlayground(page, plugin({}));
  await expect(page.getByTestId('storage-notice')).toContainText('unavailable');
  await expectNormalRun(page);
});
