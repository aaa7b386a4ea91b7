// What the page starts before any of its other code is evaluated (main.tsx imports this first):
// the guest's download and compile (guest.ts), and the relay Worker, whose scripts (its own, then
// the nested Python Worker's) load meanwhile. The Worker client adopts that relay for its first
// Worker (runner.ts); a replacement is started as usual.
import { startRelay } from '../worker/spawn.ts';
import './guest.ts';

let relay: Worker | null = typeof Worker === 'function' ? startRelay() : null;

/** The relay started at load, once; null after that. */
export function takeEarlyRelay(): Worker | null {
  const taken = relay;
  relay = null;
  return taken;
}
