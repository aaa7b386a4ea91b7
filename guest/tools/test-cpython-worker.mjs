// Worker-thread entry of test-cpython.ts (worker threads do not inherit the TypeScript loader).
import { register } from 'tsx/esm/api';

register();
await import('./test-cpython-worker.ts');
