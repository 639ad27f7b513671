import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

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

interface StaticFile {
  body: Buffer;
  /** Size and mtime: a rebuilt dist/ is read again, not answered from the compressed cache. */
  version: string;
}

async function fileIfExists(path: string): Promise<StaticFile | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return undefined;
    return { body: await readFile(path), version: `${info.size}:${info.mtimeMs}` };
  } catch {
    return undefined;
  }
}

/**
 * Text assets go out gzip-compressed when the browser accepts it: the entry chunk is ≈ 475 kB as built and
 * ≈ 150 kB compressed, which is what an analyst on a remote link waits for on a first visit. Each file is
 * compressed once (level 9) and kept, keyed by its version.
 */
const compressible = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.svg',
  '.txt',
  '.map',
  '.webmanifest',
]);
const minCompressBytes = 1024;

function createGzipCache() {
  const cache = new Map<string, { version: string; gzipped: Promise<Buffer> }>();
  return (path: string, file: StaticFile): Promise<Buffer> => {
    const hit = cache.get(path);
    if (hit?.version === file.version) return hit.gzipped;
    const gzipped = gzipAsync(file.body, { level: constants.Z_BEST_COMPRESSION });
    cache.set(path, { version: file.version, gzipped });
    return gzipped;
  };
}

function acceptsGzip(acceptEncoding: string | null | undefined): boolean {
  return (acceptEncoding ?? '').split(',').some((coding) => {
    const [name, ...params] = coding.trim().toLowerCase().split(';');
    return name === 'gzip' && !params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param));
  });
}

export function createStaticHandler(distDir: string) {
  const root = resolve(distDir);
  const gzipped = createGzipCache();

  async function respond(
    path: string,
    file: StaticFile,
    request: { method: string; acceptEncoding?: string | null },
    headers: Record<string, string>,
  ): Promise<Response> {
    let body = file.body;
    if (compressible.has(extname(path)) && body.length >= minCompressBytes) {
      headers.vary = 'accept-encoding';
      if (acceptsGzip(request.acceptEncoding)) {
        headers['content-encoding'] = 'gzip';
        body = await gzipped(path, file);
      }
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { headers });
  }

  return async (pathname: string, method: string, acceptEncoding?: string | null): Promise<Response> => {
    if (method !== 'GET' && method !== 'HEAD') return new Response('Method Not Allowed', { status: 405 });
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return new Response('Bad Request', { status: 400 });
    }
    const request = { method, acceptEncoding };
    const candidate = resolve(join(root, decoded));
    const inside = candidate === root || candidate.startsWith(root + sep);
    if (inside && decoded !== '/') {
      const file = await fileIfExists(candidate);
      if (file) {
        const immutable = decoded.startsWith('/assets/');
        return respond(candidate, file, request, {
          'content-type': types[extname(candidate)] ?? 'application/octet-stream',
          'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
      }
    }
    if (decoded.startsWith('/assets/')) return new Response('Not Found', { status: 404 });
    const indexPath = join(root, 'index.html');
    const index = await fileIfExists(indexPath);
    if (!index) {
      return new Response('The console is not built yet: run `npm run build` (or `npm start`).', {
        status: 503,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    }
    return respond(indexPath, index, request, {
      'content-type': types['.html']!,
      'cache-control': 'no-cache',
    });
  };
}
