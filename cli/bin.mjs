#!/usr/bin/env node
// The `se2` command: the bundle built by cli/build.mjs (`npm run build:cli`), which needs nothing
// but Node. `npm run se2` runs the TypeScript sources instead.
await import('./dist/se2.mjs');
