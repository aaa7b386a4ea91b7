// Installed in every page the bench opens (Playwright addInitScript), before the page's own code.
// It times inside the page, against navigation start (performance.now() starts there), so no
// round trip to the driving process is inside a figure.
(() => {
  // Untimed gap before each timed edit in loop(): enough for a spare instance to be made.
  const EDIT_PAUSE_MS = 100;
  const q = (id) => document.querySelector(`[data-testid="${id}"]`);

  /** Resolves when check() holds, re-checking on every DOM change. */
  const until = (check) =>
    new Promise((resolve, reject) => {
      const done = () => {
        try {
          return check();
        } catch (e) {
          reject(e);
          return true;
        }
      };
      if (done()) return resolve();
      const observer = new MutationObserver(() => {
        if (done()) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });

  /** Whether the result panel shows `expected`; throws when it shows a failed run instead. */
  const resultShows = (expected) => {
    const panel = q('result');
    const text = panel?.textContent ?? '';
    if (text.includes(expected)) return true;
    const outcome = panel?.getAttribute('data-outcome');
    if (outcome && !['empty', 'running', 'result'].includes(outcome)) throw new Error(`the run ended in ${outcome}: ${text.slice(0, 300)}`);
    return false;
  };

  // Keep the Worker the page runs plugins in, and the files of its last run request, so the bench
  // can talk to that Worker with the page's own protocol when the page has no window.__bench hook.
  // (Our page posts run requests on a MessageChannel to its Worker: their files are kept too.) A
  // run request without files means the files of the one before it (our page sends them again only
  // when they changed).
  const remember = (message) => {
    if (message.files !== undefined) probe.lastFiles = message.files;
  };
  const nativePortPost = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function (message, transfer) {
    if (message && message.type === 'run') remember(message);
    return nativePortPost.call(this, message, transfer);
  };
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    postMessage(message, transfer) {
      if (message && message.type === 'run') {
        probe.worker = this;
        remember(message);
      }
      return super.postMessage(message, transfer);
    }
  };

  let nextId = 2 ** 40;
  const probe = {
    worker: null,
    lastFiles: null,
    cold: null,

    /** Arms the cold-start timer: click Run as soon as it is enabled, stop when `expected` shows. */
    arm(expected) {
      probe.cold = (async () => {
        const marks = {};
        await until(() => q('run') !== null && !q('run').disabled);
        marks.enabled = performance.now();
        q('run').click();
        await until(() => resultShows(expected));
        marks.result = performance.now();
        marks.isolated = self.crossOriginIsolated;
        marks.timeOrigin = performance.timeOrigin;
        return marks;
      })();
    },

    /** Clicks Run, resolves with the milliseconds until `expected` shows. */
    async click(expected) {
      const t0 = performance.now();
      q('run').click();
      await until(() => resultShows(expected));
      return performance.now() - t0;
    },

    /**
     * One request page → Worker → reply, with the reply: the Pyodide page's `__bench.request`, or
     * our page's own protocol on the Worker it runs plugins in (our hook returns only timings).
     */
    request(files, payload, ident) {
      if (typeof window.__bench?.request === 'function') return window.__bench.request({ files, payload, ident });
      const worker = probe.worker;
      if (worker === null) throw new Error('no run request seen yet, so the plugin Worker is unknown');
      const id = nextId++;
      return new Promise((resolve) => {
        const onMessage = ({ data }) => {
          if (data?.id !== id || (data.type !== 'done' && data.type !== 'failed')) return;
          worker.removeEventListener('message', onMessage);
          resolve(data);
        };
        worker.addEventListener('message', onMessage);
        worker.postMessage({ type: 'run', id, files, payload, ident });
      });
    },

    /** Files of the last run (ours: from the request seen; Pyodide: its editor). */
    files() {
      return probe.lastFiles ?? { 'plugin.py': q('editor').value };
    },

    /**
     * Average milliseconds of `n` requests through the page's `window.__bench` hook
     * (`runWorker(payload, ident)`, `editRunWorker(source)`), or its protocol when it has none.
     * `edit` gives each request its own plugin source (a comment line on top), so each one needs a
     * fresh interpreter. One untimed request first checks that the reply is the expected result.
     */
    async loop(n, edit, payload, ident, expected) {
      const base = probe.files();
      const source = (i) => `# bench edit ${nextId}-${i}\n${base['plugin.py']}`;
      const filesFor = (i) => (edit ? { ...base, 'plugin.py': source(i) } : base);
      const check = async (i) => {
        const reply = await probe.request(filesFor(i), payload, ident);
        if (reply?.outcome?.value !== expected) throw new Error(`unexpected reply: ${JSON.stringify(reply).slice(0, 300)}`);
      };
      await check(-1);
      const hook = window.__bench;
      const viaHook = typeof hook?.runWorker === 'function' && typeof hook?.editRunWorker === 'function';
      // An edit is timed alone after an untimed pause, as a person's edits come: the figure is
      // the cost of one edit, not how fast spare instances can be made back to back. Reruns are
      // timed as one loop (they need no spare).
      const pause = () => new Promise((resolve) => setTimeout(resolve, edit ? EDIT_PAUSE_MS : 0));
      let total = 0;
      for (let i = 0; i < n; i++) {
        if (edit) await pause();
        const t = performance.now();
        if (viaHook) await (edit ? hook.editRunWorker(source(i)) : hook.runWorker(payload, ident));
        else await check(i);
        total += performance.now() - t;
      }
      return { ms: total / n, viaHook };
    },
  };
  window.__benchProbe = probe;
})();
