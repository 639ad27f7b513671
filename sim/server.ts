import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { getResponse, type HttpHandler } from 'msw';
import { authHandlers, bearerCheckHandlers } from './auth.ts';
import { createFaultState, type FaultState, faultControl } from './faults.ts';
import { withFaults } from './faults-respond.ts';
import type { FaultSpec } from './faults-spec.ts';
import { createSimHandlers, type SimMounts } from './handlers.ts';
import type { SimTenant } from './tenant.ts';

/**
 * The simulated tenant over real HTTP: demo mode and the live-mode tests talk to it exactly as to the vendors.
 * Each request becomes a WHATWG Request answered by msw's `getResponse` with the simulator's handlers.
 */
export interface SimServerOptions {
  host?: string;
  port?: number;
  tenant: SimTenant;
  /** Vendor calls need a token from the simulator's auth endpoints (demo mode, live-mode tests). */
  requireAuth?: boolean;
  /** When set, Prisma calls need this API key (header `apiKey` or legacy path). */
  prismaApiKey?: string;
  /** Serve HTTPS; with `ca`, clients must present a certificate signed by it (Prisma's mutual TLS). */
  tls?: { key: string | Buffer; cert: string | Buffer; ca?: string | Buffer };
  /** Test-only handlers, consulted after the auth checks and before the vendor handlers. */
  extraHandlers?: HttpHandler[];
  /** Faults from the start (`SIM_FAULTS`, sim/faults-spec.ts); adjustable at run time at `/sim/faults`. */
  faults?: FaultSpec;
}

export interface SimServer {
  origin: string;
  mounts: SimMounts;
  faults: FaultState;
  close(): Promise<void>;
}

const maxBodyBytes = 5 * 1024 * 1024;

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function clockState(tenant: SimTenant) {
  const now = tenant.clock.now();
  return {
    now: new Date(now).toISOString(),
    nowMs: now,
    speed: tenant.clock.speed,
    manual: tenant.clock.manual,
  };
}

/** `GET /sim/clock`, `POST /sim/clock {speed?, advanceMs?}`: lets e2e speed simulated time up. Simulator only. */
async function handleClock(req: IncomingMessage, res: ServerResponse, tenant: SimTenant) {
  if (req.method === 'GET') return json(res, 200, clockState(tenant));
  if (req.method !== 'POST') return json(res, 405, { message: 'Use GET or POST.' });
  let body: { speed?: unknown; advanceMs?: unknown };
  try {
    body = JSON.parse((await readBody(req)).toString('utf8') || '{}');
  } catch {
    return json(res, 400, { message: 'Body must be JSON: {"speed": n} or {"advanceMs": n}.' });
  }
  const { speed, advanceMs } = body;
  if (speed !== undefined && (typeof speed !== 'number' || !(speed > 0) || speed > 100_000)) {
    return json(res, 400, { message: 'speed must be a number in (0, 100000].' });
  }
  if (advanceMs !== undefined && (typeof advanceMs !== 'number' || !(advanceMs >= 0))) {
    return json(res, 400, { message: 'advanceMs must be a non-negative number.' });
  }
  if (typeof speed === 'number') tenant.clock.setSpeed(speed);
  if (typeof advanceMs === 'number') tenant.clock.advance(advanceMs);
  return json(res, 200, clockState(tenant));
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body: body ? new Uint8Array(body) : undefined,
  });
}

async function send(res: ServerResponse, response: Response) {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  res.writeHead(response.status, response.statusText || undefined, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

export function simMountsFor(origin: string, prismaApiKey?: string): SimMounts {
  return {
    cylance: `${origin}/cylance`,
    esetDeviceManagement: `${origin}/eset`,
    esetAuth: `${origin}/eset-auth`,
    prisma: { base: `${origin}/prisma/api/v1/token`, apiKey: prismaApiKey },
  };
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function startSimServer(options: SimServerOptions): Promise<SimServer> {
  const { tenant, tls } = options;
  const host = options.host ?? '127.0.0.1';
  let handlers: HttpHandler[] = [];
  let origin = '';
  const faults = createFaultState({ clock: tenant.clock, seed: tenant.config.seed, spec: options.faults });

  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/sim/clock') return await handleClock(req, res, tenant);
      if (path === '/sim/faults') {
        const body = req.method === 'POST' ? (await readBody(req)).toString('utf8') : '';
        const answer = faultControl(faults, req.method ?? 'GET', body);
        return json(res, answer.status, answer.body);
      }
      const response = await getResponse(handlers, await toRequest(req, origin));
      if (!response) return json(res, 404, { message: `No simulated endpoint for ${req.method} ${path}` });
      await send(res, response);
    } catch (error) {
      if (!res.headersSent) json(res, 500, { message: `Simulator error: ${(error as Error).message}` });
      else res.destroy();
    }
  };

  const server: Server = tls
    ? createHttpsServer(
        {
          key: tls.key,
          cert: tls.cert,
          ca: tls.ca,
          requestCert: tls.ca !== undefined,
          rejectUnauthorized: true,
        },
        onRequest,
      )
    : createHttpServer(onRequest);
  const address = await listen(server, host, options.port ?? 0);
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `${tls ? 'https' : 'http'}://${hostPart}:${address.port}`;
  const mounts = simMountsFor(origin, options.prismaApiKey);
  const requireAuth = options.requireAuth ?? false;
  const vendorHandlers = createSimHandlers(tenant, { mounts, requireAuth });
  handlers = withFaults(
    options.extraHandlers?.length
      ? [
          ...authHandlers(tenant, mounts),
          ...(requireAuth ? bearerCheckHandlers(tenant, mounts) : []),
          ...options.extraHandlers,
          ...vendorHandlers,
        ]
      : vendorHandlers,
    faults,
    mounts,
  );

  return {
    origin,
    mounts,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
