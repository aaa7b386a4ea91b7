#!/usr/bin/env node
// Runs before the e2e tests (npm test): they drive Debian's Chromium, not Playwright's download
// (which does not work on these machines). Missing and root: install it from Debian's archive.
// Missing and not root: stop with one line saying what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where Debian's `chromium` package puts it; playwright.config.ts uses the same path. */
const CHROMIUM = process.env.SE2_CHROMIUM_PATH ?? '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-dejavu-core'];

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    process.stderr.write(
      `npm test: the e2e tests need Chromium at ${CHROMIUM}: install it with \`sudo apt-get install -y ${PACKAGES.join(' ')}\`, then run npm test again.\n`,
    );
    process.exit(1);
  }
  process.stderr.write(`npm test: installing ${PACKAGES.join(' ')} from Debian's archive for the e2e tests…\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-q'],
    ['install', '-y', '-q', '--no-install-recommends', ...PACKAGES],
  ]) {
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (run.status !== 0) {
      process.stderr.write(
        `npm test: \`apt-get ${args.join(' ')}\` failed (${run.error?.message ?? `exit ${run.status}`}): install ${PACKAGES.join(' ')} by hand.\n`,
      );
      process.exit(1);
    }
  }
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`npm test: apt-get installed chromium but there is nothing at ${CHROMIUM}.\n`);
    process.exit(1);
  }
}
