// The module's clocks and waiting (time.sleep, select, asyncio's selector, time.process_time):
// wasi_snapshot_preview1.poll_oneoff, clock_time_get and clock_res_get in place of
// @bjorn3/browser_wasi_shim 0.4.2's. Its poll_oneoff never writes the event count (wasi-libc's
// poll() then reads stack garbage and walks out of bounds: asyncio.run trapped), reads the clock
// flags at the wrong offset (an absolute deadline is taken as relative) and takes one
// subscription only; its clocks answer 0 for the process and thread CPU-time clocks
// (time.process_time() was always 0) and ENOSYS for their resolution.
import { wasi } from '@bjorn3/browser_wasi_shim';

const SUBSCRIPTION_SIZE = 48;
const EVENT_SIZE = 32;

const origin = performance.now();

/** The clocks in nanoseconds. A module runs on one thread and never waits for I/O, so its
 * process and thread CPU time are taken as the wall time since this host module was loaded. */
function clockNow(id: number): bigint | null {
  if (id === wasi.CLOCKID_MONOTONIC) return BigInt(Math.round(performance.now() * 1e6));
  if (id === wasi.CLOCKID_REALTIME) return BigInt(Date.now()) * 1_000_000n;
  if (id === wasi.CLOCKID_PROCESS_CPUTIME_ID || id === wasi.CLOCKID_THREAD_CPUTIME_ID) {
    return BigInt(Math.round((performance.now() - origin) * 1e6));
  }
  return null;
}

/** clock_time_get and clock_res_get over `clockNow`. */
export function clocks(memory: () => WebAssembly.Memory) {
  return {
    clock_time_get(id: number, _precision: bigint, timePtr: number): number {
      const now = clockNow(id);
      if (now === null) return wasi.ERRNO_INVAL;
      new DataView(memory().buffer).setBigUint64(timePtr, now, true);
      return wasi.ERRNO_SUCCESS;
    },
    clock_res_get(id: number, resPtr: number): number {
      if (clockNow(id) === null) return wasi.ERRNO_INVAL;
      // performance.now() ticks in microseconds at best (0.1 ms without cross-origin isolation).
      new DataView(memory().buffer).setBigUint64(resPtr, id === wasi.CLOCKID_REALTIME ? 1_000_000n : 1_000n, true);
      return wasi.ERRNO_SUCCESS;
    },
  };
}

/** Blocks the thread for `ms`: Atomics.wait where it is allowed (Node, a cross-origin isolated
 * Worker), otherwise a busy loop (a Worker without SharedArrayBuffer has nothing else). */
function sleepMs(ms: number): void {
  if (ms <= 0) return;
  if (typeof SharedArrayBuffer !== 'undefined') {
    try {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
      return;
    } catch {
      // not allowed on this thread: spin below
    }
  }
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // wait
  }
}

/**
 * poll_oneoff over our in-memory files: a file or stream is always ready (reads never block
 * here), so fd subscriptions answer at once; otherwise the call sleeps until the earliest clock
 * subscription and reports the clocks that are due.
 */
export function pollOneoff(memory: () => WebAssembly.Memory) {
  return (inPtr: number, outPtr: number, count: number, neventsPtr: number): number => {
    const view = new DataView(memory().buffer);
    if (count === 0) return wasi.ERRNO_INVAL;
    interface Clock {
      userdata: bigint;
      deadline: bigint;
      id: number;
    }
    const clocks: Clock[] = [];
    let nevents = 0;
    const event = (userdata: bigint, error: number, type: number) => {
      const at = outPtr + nevents * EVENT_SIZE;
      for (let i = 0; i < EVENT_SIZE; i++) view.setUint8(at + i, 0);
      view.setBigUint64(at, userdata, true);
      view.setUint16(at + 8, error, true);
      view.setUint8(at + 10, type);
      nevents++;
    };
    for (let i = 0; i < count; i++) {
      const at = inPtr + i * SUBSCRIPTION_SIZE;
      const userdata = view.getBigUint64(at, true);
      const type = view.getUint8(at + 8);
      if (type === wasi.EVENTTYPE_CLOCK) {
        const id = view.getUint32(at + 16, true);
        const timeout = view.getBigUint64(at + 24, true);
        const flags = view.getUint16(at + 40, true);
        const now = clockNow(id);
        if (now === null) {
          event(userdata, wasi.ERRNO_INVAL, type);
          continue;
        }
        const absolute = (flags & wasi.SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME) !== 0;
        clocks.push({ userdata, id, deadline: absolute ? timeout : now + timeout });
      } else {
        event(userdata, wasi.ERRNO_SUCCESS, type); // fd_read / fd_write: ready
      }
    }
    if (nevents === 0 && clocks.length > 0) {
      const waitMs = (c: Clock) => Number(c.deadline - clockNow(c.id)!) / 1e6;
      sleepMs(Math.min(...clocks.map(waitMs)));
      // The sleep may end a little early (timer resolution): finish on the clock itself.
      while (!clocks.some((c) => waitMs(c) <= 0)) sleepMs(Math.min(...clocks.map(waitMs)));
      for (const c of clocks) if (waitMs(c) <= 0) event(c.userdata, wasi.ERRNO_SUCCESS, wasi.EVENTTYPE_CLOCK);
    }
    view.setUint32(neventsPtr, nevents, true);
    return wasi.ERRNO_SUCCESS;
  };
}
