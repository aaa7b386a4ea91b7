import { expect, type Page } from '@playwright/test';
import { shareUrl } from '../src/share/codec.ts';

export const ARTICLE_PAYLOAD = "It can't bite it's own tail. I'm done laughing.";
export const ARTICLE_RESULT = "tI can't etib it's nwo tail. I'm enod laughing.";

/** The light theme's layer colours (app.css), as computed styles report them. */
export const LEVEL_RGB = {
  host: 'rgb(196, 90, 0)',
  wrapper: 'rgb(26, 127, 55)',
  python: 'rgb(130, 80, 223)',
} as const;

export async function expectOutcome(page: Page, kind: string | RegExp, timeout = 30_000): Promise<void> {
  await expect(page.getByTestId('result')).toHaveAttribute('data-outcome', kind, { timeout });
}

export async function waitForFirstResult(page: Page): Promise<void> {
  await expectOutcome(page, 'result', 60_000);
  await expect(page.getByTestId('result-value')).toHaveText(ARTICLE_RESULT);
}

/**
 * Replaces the open file's text by typing into Monaco like a person: select all, then each line.
 * Monaco indents after a `:` and closes brackets on its own; both are undone so the text ends up as written.
 */
export async function typeInEditor(page: Page, code: string): Promise<void> {
  await page.locator('[data-testid=editor] .monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  const lines = code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) {
      await page.keyboard.press('Escape'); // a suggestion list must not take the Enter
      await page.keyboard.press('Enter');
      // On a line holding only Monaco's indentation, Shift+Home selects it all; on an empty line, nothing.
      await page.keyboard.press('Shift+Home');
      await page.keyboard.press('Delete');
    }
    await page.keyboard.insertText(lines[i]!);
    // Monaco may have auto-closed a bracket or quote after the cursor; the line as written is complete.
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Delete');
  }
  await page.keyboard.press('Escape');
}

/**
 * The newest run's log entries among those rendered (the log renders only the rows near the view;
 * it follows the newest lines, so a short run's lines are all there).
 */
export const lastRunEntries = (page: Page) => page.locator('[data-testid=log-entry][data-last-run]');

/** The log entries of the run with this ordinal (1 = the first run shown), among those rendered. */
export async function runEntries(page: Page, nth: number) {
  const id = await page
    .getByTestId('log-run')
    .nth(nth - 1)
    .getAttribute('data-run-id');
  return page.locator(`[data-testid=log-entry][data-run-id="${id}"]`);
}

/** How many runs the log holds. */
export const expectRunCount = (page: Page, n: number) => expect(page.getByTestId('log')).toHaveAttribute('data-runs', String(n));

/**
 * The whole log as "Copy all" gives it (every kept line of every run, not only the rendered
 * ones), split into runs; each line keeps its level's indentation (host 0, wrapper 1, Python 2 tabs).
 */
export async function copiedLog(page: Page): Promise<string[][]> {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.getByTestId('copy-log').click();
  const read = () => page.evaluate(() => navigator.clipboard.readText());
  await expect.poll(read).not.toBe('');
  const text = await read();
  return text.split(/\n\n(?=--- run id=)/).map((run) => run.split('\n').slice(1));
}

/**
 * Clicks Run and waits until the result panel is about the new run. A run shows as running only
 * after 50 ms (src/app/runner.ts): until then, or until a short run's outcome, the panel still
 * shows the last run's outcome, which may be the very outcome a test expects next.
 */
export async function clickRun(page: Page): Promise<void> {
  const before = (await page.getByTestId('result').getAttribute('data-run')) ?? '0';
  await page.getByTestId('run').click();
  await expect(page.getByTestId('result')).not.toHaveAttribute('data-run', before);
}

export async function run(page: Page, outcome: string): Promise<void> {
  await expect(page.getByTestId('run')).toBeEnabled();
  await clickRun(page);
  await expectOutcome(page, outcome);
}

/**
 * Opens the page on a share link holding `files` (plugin.py first): much faster than typing into
 * Monaco, and the page runs it at once with `payload` (which should give a result).
 */
export async function openPlayground(page: Page, plugin: string, payload = 'ok', extra: Record<string, string> = {}): Promise<void> {
  const url = shareUrl('http://localhost/', { files: { 'plugin.py': plugin, ...extra }, payload, ident: 12345 });
  if (!url.ok) throw new Error(url.error);
  await page.goto(`/${url.value.slice(url.value.indexOf('#'))}`);
  await expectOutcome(page, 'result', 60_000);
}

/** Sets the payload and runs; returns the milliseconds from the click to the outcome. */
export async function runWith(page: Page, payload: string, outcome: string | RegExp, timeout = 30_000): Promise<number> {
  await page.getByTestId('payload').fill(payload);
  await expect(page.getByTestId('run')).toBeEnabled();
  const started = Date.now();
  await clickRun(page);
  await expectOutcome(page, outcome, timeout);
  return Date.now() - started;
}
