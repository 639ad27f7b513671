import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

/**
 * The built SPA (issue #2): files from `distDir`; any other non-/api path gets index.html so client routes
 * (`/devices/…`) survive a reload. Missing files under /assets/ stay 404 (a stale hashed bundle must not be
 * answered with HTML).
 */
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

async function fileIfExists(path: string): Promise<Buffer | undefined> {
  try {
    if (!(await stat(path)).isFile()) return undefined;
    return await readFile(path);
  } catch {
    return undefined;
  }
}

export function createStaticHandler(distDir: string) {
  const root = resolve(distDir);
  return async (pathname: string, method: string): Promise<Response> => {
    if (method !== 'GET' && method !== 'HEAD') return new Response('Method Not Allowed', { status: 405 });
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return new Response('Bad Request', { status: 400 });
    }
    const candidate = resolve(join(root, decoded));
    const inside = candidate === root || candidate.startsWith(root + sep);
    if (inside && decoded !== '/') {
      const body = await fileIfExists(candidate);
      if (body) {
        const immutable = decoded.startsWith('/assets/');
        return new Response(method === 'HEAD' ? null : new Uint8Array(body), {
          headers: {
            'content-type': types[extname(candidate)] ?? 'application/octet-stream',
            'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
          },
        });
      }
    }
    if (decoded.startsWith('/assets/')) return new Response('Not Found', { status: 404 });
    const index = await fileIfExists(join(root, 'index.html'));
    if (!index) {
      return new Response('The console is not built yet: run `npm run build` (or `npm start`).', {
        status: 503,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    }
    return new Response(method === 'HEAD' ? null : new Uint8Array(index), {
      headers: { 'content-type': types['.html']!, 'cache-control': 'no-cache' },
    });
  };
}
