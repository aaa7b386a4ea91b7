// Installed in every page the bench opens (Playwright addInitScript), before the page's own code.
// It times inside the page, against navigation start (performance.now() starts there), so no
// round trip to the driving process is inside a figure.
(() => {
  const q = (id) => document.querySelector(`[data-testid="${id}"]`);

  /** Resolves when check() holds, re-checking on every DOM change. */
  const until = (check) =>
    new Promise((resolve) => {
      if (check()) return resolve();
      const observer = new MutationObserver(() => {
        if (check()) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });

  const resultShows = (expected) => (q('result')?.textContent ?? '').includes(expected);

  // Keep the Worker the page runs plugins in, and the last run request it sent, so the bench can
  // talk to that Worker with the page's own protocol when the page has no window.__bench hook.
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    postMessage(message, transfer) {
      if (message && message.type === 'run') {
        probe.worker = this;
        probe.lastRun = message;
      }
      return super.postMessage(message, transfer);
    }
  };

  let nextId = 2 ** 40;
  const probe = {
    worker: null,
    lastRun: null,
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

    /** One request page → Worker → reply, through the page's hook or, failing that, its protocol. */
    request(files, payload, ident) {
      if (typeof window.__bench?.run === 'function') return window.__bench.run({ files, payload, ident });
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
      return probe.lastRun?.files ?? { 'plugin.py': q('editor').value };
    },

    /**
     * Average milliseconds of `n` requests. `edit` gives each request its own plugin source
     * (a comment line on top), so each one needs a fresh interpreter.
     */
    async loop(n, edit, payload, ident, expected) {
      const base = probe.files();
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        const files = edit ? { ...base, 'plugin.py': `# bench edit ${nextId}-${i}\n${base['plugin.py']}` } : base;
        const reply = await probe.request(files, payload, ident);
        const value = reply?.outcome?.value;
        if (value !== expected) throw new Error(`unexpected reply: ${JSON.stringify(reply).slice(0, 300)}`);
      }
      return (performance.now() - t0) / n;
    },
  };
  window.__benchProbe = probe;
})();
