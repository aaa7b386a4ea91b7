// One static server on loopback for both sides: our production build (dist/) at /, the Pyodide
// page at /bench/pyodide/, the npm `pyodide` package at /pyodide/, the bench's plugins at
// /bench/plugins/, and files the bench's setup visits post (the Pyodide memory snapshot) at
// /bench/snapshot/. Every response carries COOP/COEP, so both pages are cross-origin isolated
// (performance.now() then ticks in 5 µs instead of 100 µs) and are served alike.
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.py': 'text/x-python; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The files a page may post (only these names), kept in a temp folder while a server runs. */
const POSTABLE = new Set(['/bench/snapshot/pyodide.snapshot']);
let uploads: string | null = null;

/** URL path prefix → folder, longest first. */
function mounts(): [string, string][] {
  return [
    ...(uploads === null ? [] : ([['/bench/snapshot/', uploads]] as [string, string][])),
    // The Pyodide side runs the very plugin our page runs by default.
    ['/bench/plugins/article.py', join(ROOT, 'guest/plugin/plugin.py')],
    ['/bench/plugins/', join(ROOT, 'bench/plugins')],
    ['/bench/pyodide/', join(ROOT, 'bench/pyodide')],
    ['/pyodide/', join(ROOT, 'node_modules/pyodide')],
    ['/', join(ROOT, 'dist')],
  ];
}

/** The file a URL path is served from, or null. Also used to size what a page fetched. */
export function fileFor(urlPath: string): string | null {
  const path = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  for (const [prefix, target] of mounts()) {
    if (path === prefix) return statSync(target).isFile() ? target : join(target, 'index.html');
    if (!prefix.endsWith('/') || !path.startsWith(prefix)) continue;
    const file = normalize(join(target, path.slice(prefix.length)));
    if (file !== target && !file.startsWith(target + sep)) return null;
    if (existsSync(file) && statSync(file).isDirectory()) return join(file, 'index.html');
    return file;
  }
  return null;
}

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export async function startServer(): Promise<StaticServer> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-uploads-'));
  uploads = dir;
  const server: Server = createServer((req, res) => {
    const urlPath = new URL(req.url ?? '/', 'http://x').pathname;
    const file = fileFor(urlPath);
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (req.method === 'POST') {
      if (!POSTABLE.has(urlPath) || file === null) {
        res.writeHead(405, { 'Content-Type': 'text/plain' }).end('not postable');
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        writeFileSync(file, Buffer.concat(chunks));
        res.writeHead(204).end();
      });
      return;
    }
    if (file === null || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const stat = statSync(file);
    // The same caching for both sides: a returning visit revalidates each file (a 304 from the
    // on-disk cache), as a static host that serves no immutable headers would.
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'no-cache');
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': stat.size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => {
          if (uploads === dir) uploads = null;
          rmSync(dir, { recursive: true, force: true });
          ok();
        });
      }),
  };
}
