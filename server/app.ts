import { Hono } from 'hono';
import { matchAllowList } from './allow-list.ts';
import type { AuthRuntime } from './auth/auth.ts';
import { forbiddenForRole, forRole } from './auth/enforce.ts';
import type { GatewayConfig, VendorName } from './config.ts';
import {
  auditWork,
  type ForwardCall,
  type ForwardDeps,
  forward,
  gatewayError,
  type VendorRuntime,
} from './forward.ts';
import type { Logger } from './redact.ts';
import { securityHeaders } from './security-headers.ts';
import { createStaticHandler } from './static.ts';

export interface VendorStatus {
  connected: boolean;
  /** Where the vendor lives (a host name, never a credential). */
  host?: string;
  /** Not connected: the variables that would connect it. */
  missing?: string[];
}

export interface AppDeps {
  config: Pick<GatewayConfig, 'mode' | 'distDir' | 'bodyLimitBytes'>;
  vendors: Partial<Record<VendorName, VendorRuntime>>;
  vendorStatus: Record<VendorName, VendorStatus>;
  forwardDeps: ForwardDeps;
  /** Demo mode only: the simulator's origin, for `/api/sim/*` (time and fault control for e2e). */
  simOrigin?: string;
  logger: Logger;
  /** Sign-in and roles (issue #9): server/auth/auth.ts, or createNoAuth() without OIDC. */
  auth: AuthRuntime;
}

const labels: Record<VendorName, string> = { cylance: 'Cylance', eset: 'ESET', prisma: 'Prisma' };

/** Percent-encoded separators or dots could smuggle another path past the allow-list: refuse them. */
const smuggled = /%(2f|5c|2e|00)/i;

async function readLimited(request: Request, limit: number): Promise<Uint8Array | 'too-large'> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) return 'too-large';
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    for await (const chunk of request.body) {
      size += chunk.byteLength;
      if (size > limit) return 'too-large';
      chunks.push(chunk);
    }
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Same-origin only (no CORS): a browser request from another site carries a foreign Origin. */
function crossSite(request: Request): boolean {
  if (request.headers.get('sec-fetch-site') === 'cross-site') return true;
  const origin = request.headers.get('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.get('host');
  } catch {
    return true;
  }
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const serveStatic = createStaticHandler(deps.config.distDir);
  app.use('*', securityHeaders);

  app.use('/api/*', async (c, next) => {
    if (crossSite(c.req.raw))
      return gatewayError(403, 'cross_origin', 'Cross-origin requests are not allowed.');
    return next();
  });
  deps.auth.mount(app);
  app.use('/api/*', deps.auth.guard);

  app.get('/api/health', (c) => c.json({ status: 'ok', mode: deps.config.mode }));
  app.get('/api/config', (c) => c.json({ mode: deps.config.mode, vendors: deps.vendorStatus }));

  if (deps.simOrigin) {
    const simOrigin = deps.simOrigin;
    // `clock`: simulated time; `faults`: fault injection (sim/faults.ts). Never exposed in live mode.
    app.on(['GET', 'POST'], '/api/sim/:control{clock|faults}', async (c) => {
      const body = c.req.method === 'POST' ? await c.req.text() : undefined;
      const response = await fetch(`${simOrigin}/sim/${c.req.param('control')}`, {
        method: c.req.method,
        headers: { 'content-type': 'application/json' },
        body,
      });
      return new Response(await response.text(), {
        status: response.status,
        headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      });
    });
  }

  app.all('/api/:vendor{cylance|eset|prisma}/*', async (c) => {
    const name = c.req.param('vendor') as VendorName;
    const url = new URL(c.req.url);
    const vendorPath = url.pathname.slice(`/api/${name}`.length);
    const match = smuggled.test(vendorPath)
      ? { kind: 'unknown' as const }
      : matchAllowList(name, c.req.method, vendorPath);
    if (match.kind === 'unknown') return gatewayError(404, 'not_found', `No such ${labels[name]} call.`);
    if (match.kind === 'wrong-method') {
      return gatewayError(405, 'method_not_allowed', `Use ${match.allow.join(' or ')}.`, {
        allow: match.allow.join(', '),
      });
    }
    const vendor = deps.vendors[name];
    if (!vendor) {
      const missing = deps.vendorStatus[name].missing ?? [];
      return gatewayError(
        503,
        'vendor_not_connected',
        `${labels[name]} is not connected: set ${missing.join(', ')}.`,
      );
    }
    let body: Uint8Array | undefined;
    let parsedBody: unknown;
    if (match.route.method === 'POST') {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/json\s*(;|$)/i.test(type)) {
        return gatewayError(415, 'unsupported_media_type', 'Send the body as application/json.');
      }
      const read = await readLimited(c.req.raw, deps.config.bodyLimitBytes);
      if (read === 'too-large') return gatewayError(413, 'body_too_large', 'The request body is too large.');
      try {
        parsedBody = JSON.parse(new TextDecoder().decode(read));
      } catch {
        return gatewayError(400, 'invalid_json', 'The request body is not valid JSON.');
      }
      body = read;
    }
    const actor = c.get('actor');
    const call: ForwardCall = {
      vendor,
      route: match.route,
      params: match.params,
      vendorPath,
      search: url.search,
      body,
      parsedBody,
      requestHeaders: c.req.raw.headers,
      actor,
    };
    const refused = forbiddenForRole(actor, match.route.startsWork);
    if (refused) {
      await auditWork(call, deps.forwardDeps, { status: refused.status, reached: false });
      return refused;
    }
    const response = await forward(call, deps.forwardDeps);
    return forRole(actor, match.route.call, response);
  });

  app.all('/api/*', () => gatewayError(404, 'not_found', 'No such API.'));
  app.all('*', (c) =>
    serveStatic(new URL(c.req.url).pathname, c.req.method, c.req.header('accept-encoding')),
  );

  app.onError((error, c) => {
    deps.logger.error(`${c.req.method} ${new URL(c.req.url).pathname}: ${error.message}`);
    return gatewayError(500, 'internal', 'The gateway failed; see its log.');
  });
  return app;
}
