// The page half of the Pyodide side: one module Worker owns the interpreter; the page sends
// {type: 'run', id, code, payload, ident} and shows the reply, like the playground does.
// ?snapshot=1 loads Pyodide from the memory snapshot the bench server holds; ?make-snapshot=1
// only makes that snapshot (the bench's setup visit) and shows "snapshot saved: N bytes".
const params = new URLSearchParams(location.search);
const plugin = params.get('plugin') ?? 'article';
const mode = params.has('make-snapshot') ? 'make' : params.has('snapshot') ? 'snapshot' : 'default';
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'pyodide' });
worker.postMessage({ type: 'load', plugin, mode });

const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
$('payload').value = params.get('payload') ?? "It can't bite it's own tail. I'm done laughing.";
$('ident').value = params.get('ident') ?? '12345';

let nextId = 1;
const pending = new Map();

/** One request to the Worker; resolves with its reply. Also the bench's no-UI hook. */
function run(code, payload, ident) {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker.postMessage({ type: 'run', id, code, payload, ident });
  });
}

worker.onmessage = ({ data }) => {
  if (data.type === 'ready') {
    $('editor').value = data.code;
    $('run').disabled = false;
    $('status').textContent = 'ready';
  } else if (data.type === 'snapshot') {
    $('status').textContent = `snapshot saved: ${data.bytes} bytes`;
  } else if (data.type === 'failed') {
    $('status').textContent = `failed: ${data.message}`;
  } else if (data.type === 'done') {
    const resolve = pending.get(data.id);
    pending.delete(data.id);
    resolve?.(data);
  }
};

function show(reply) {
  const o = reply.outcome;
  $('result').dataset.outcome = o.kind;
  $('result').textContent =
    o.kind === 'result'
      ? o.value
      : o.kind === 'error'
        ? `error ${o.code}: ${o.message}`
        : o.kind === 'crash'
          ? `crash: ${o.message}`
          : 'no result';
  $('log').textContent = reply.log.join('\n');
  $('status').textContent = 'done';
}

$('run').addEventListener('click', async () => {
  $('status').textContent = 'running';
  $('result').dataset.outcome = 'running';
  show(await run($('editor').value, $('payload').value, Number($('ident').value)));
});

// The bench's no-UI hook, shaped like our page's: runWorker / editRunWorker resolve with the
// milliseconds page → Worker → reply; request resolves with the reply itself.
const timed = async (code, payload, ident) => {
  const t0 = performance.now();
  await run(code, payload, ident);
  return performance.now() - t0;
};
window.__bench = {
  runWorker: (payload, ident) => timed($('editor').value, payload, ident),
  editRunWorker: (source) => timed(source, $('payload').value, Number($('ident').value)),
  request: ({ files, payload, ident }) => run(files?.['plugin.py'] ?? $('editor').value, payload, ident),
};
