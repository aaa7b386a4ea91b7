// The check `npm test` runs before its e2e tests, as a person without Chromium meets it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./chromium.mjs', import.meta.url));

describe('npm test without Chromium', () => {
  it('a user who is not root is told, in one line, exactly what to install', () => {
    // As root here, run the check as the unprivileged user `nobody`, with Chromium "missing".
    const asNobody = process.getuid?.() === 0 ? ['runuser', '-u', 'nobody', '--'] : [];
    const [cmd, ...args] = [...asNobody, process.execPath, script];
    const run = spawnSync(cmd!, args, {
      env: { PATH: process.env.PATH ?? '', SE2_CHROMIUM_PATH: '/nonexistent/chromium' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      'npm test: the e2e tests need Chromium at /nonexistent/chromium: install it with `sudo apt-get install -y chromium fonts-dejavu-core`, then run npm test again.',
    );
  });

  it('with Chromium in place it says nothing and lets the tests run', () => {
    const run = spawnSync(process.execPath, [script], {
      env: { PATH: process.env.PATH ?? '', SE2_CHROMIUM_PATH: process.execPath },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});
