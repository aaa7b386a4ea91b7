#!/usr/bin/env node
// The `se2` command: registers the TypeScript loader, then runs the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./se2.ts');
