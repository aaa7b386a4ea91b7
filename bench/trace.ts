// npx tsx bench/trace.ts [--rounds N] [--json]: what tracing (issue 14) costs under Node. One
// instance per mode, the article's plugin rerun 200 times per round; the figure is the median per
// run over rounds (modes interleaved, the first round dropped):
//   off          an instance made without `trace` (what `se2` without --trace and the tests use)
//   on-untraced  a tracing instance, run with { trace: false } (the page's Worker before the
//                Sequence view is opened: fd 4 absent to the wrapper, env imports wrapped)
//   on           a tracing instance, every run traced (the page after the Sequence view is opened)
import { COMMITTED_WRAPPER, readGuest } from '../cli/guest.ts';
import { createHost, type Host } from '../src/host/index.ts';
import { articleSource, IDENT, PAYLOAD, RESULT } from './plugins.ts';
import { summarize } from './stats.ts';

const LOOP = 200;
const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1] ?? 0) || 9;
const json = args.includes('--json');

const { wrapper, stdlib } = await readGuest(COMMITTED_WRAPPER);
const module = await WebAssembly.compile(wrapper as Uint8Array<ArrayBuffer>);
const files = { 'plugin.py': articleSource() };
const modes: { name: string; host: Host; trace: boolean }[] = [
  { name: 'off', host: await createHost({ module, stdlib, files }), trace: false },
  { name: 'on-untraced', host: await createHost({ module, stdlib, files, trace: true }), trace: false },
  { name: 'on', host: await createHost({ module, stdlib, files, trace: true }), trace: true },
];
const samples = new Map<string, number[]>(modes.map((m) => [m.name, []]));
for (let round = 0; round <= rounds; round++) {
  for (const mode of modes) {
    const t = performance.now();
    for (let i = 0; i < LOOP; i++) {
      const report = mode.host.run(PAYLOAD, IDENT, undefined, { trace: mode.trace });
      if (report.outcome.kind !== 'result' || report.outcome.value !== RESULT) throw new Error(`${mode.name}: wrong outcome`);
      if (mode.trace !== (report.trace !== undefined))
        throw new Error(`${mode.name}: trace ${report.trace === undefined ? 'missing' : 'present'}`);
    }
    if (round > 0) samples.get(mode.name)!.push((performance.now() - t) / LOOP);
  }
}
const result = Object.fromEntries([...samples].map(([name, s]) => [name, summarize(s)]));
if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
else for (const [name, s] of Object.entries(result)) process.stdout.write(`${name.padEnd(12)} ms per run: ${JSON.stringify(s)}\n`);
