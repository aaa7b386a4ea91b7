// Bundles the se2 command into cli/dist/ (committed): plain JavaScript with every dependency
// inside, so `se2` runs with Node alone, without tsx or anything else from devDependencies.
//   node cli/build.mjs            writes cli/dist/se2.mjs and cli/dist/run-worker.mjs
//   node cli/build.mjs --out DIR  writes them to DIR instead (the test compares with the committed)
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { out: { type: 'string' } } });

await build({
  absWorkingDir: root,
  entryPoints: { se2: 'cli/se2.ts', 'run-worker': 'cli/run-worker.ts' },
  outdir: values.out ?? 'cli/dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // The sources find the repository's files relative to cli/ (`../public/guest/…`): the bundles,
  // one folder deeper, resolve them from cli/ too. The worker thread's file is the bundled one.
  banner: { js: "const __se2CliUrl = new URL('../', import.meta.url).href;" },
  define: { 'import.meta.url': '__se2CliUrl', __SE2_RUNNER__: JSON.stringify('./dist/run-worker.mjs') },
});
