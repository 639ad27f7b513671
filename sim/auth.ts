import { type HttpHandler, HttpResponse, http } from 'msw';
import { cylanceAuthHandlers } from './auth-cylance.ts';
import { esetAuthHandlers } from './auth-eset.ts';
import { isTokenValid, simAuthState } from './auth-store.ts';
import type { SimMounts } from './handlers.ts';
import type { SimTenant } from './tenant.ts';

/** The vendors' auth endpoints: Cylance `/auth/v2/token` (JWT exchange) and ESET `/oauth/token` (OAuth). */
export function authHandlers(tenant: SimTenant, mounts: SimMounts): HttpHandler[] {
  return [...cylanceAuthHandlers(tenant, mounts.cylance), ...esetAuthHandlers(tenant, mounts.esetAuth)];
}

function bearerOf(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1];
}

/**
 * Catch-all checks placed before the vendor handlers when credentials are required: a missing, unknown or
 * expired bearer token is a 401 (api-contracts.md §1 "Missing or expired token → 401", §2 "401 token expired
 * or invalid"); otherwise the resolver returns nothing and msw falls through to the vendor's handler.
 * Prisma is not covered here: its API key (header or legacy path) is checked by the Prisma module from
 * `mounts.prisma.apiKey`, because only it knows the two path forms.
 */
export function bearerCheckHandlers(tenant: SimTenant, mounts: SimMounts): HttpHandler[] {
  const cylanceAuthPath = new URL(`${mounts.cylance}/auth/v2/token`, 'http://sim.invalid').pathname;
  return [
    http.all(`${mounts.cylance}/*`, ({ request }) => {
      if (new URL(request.url).pathname === cylanceAuthPath) return undefined;
      const token = bearerOf(request);
      if (token && isTokenValid(tenant, token, 'cylance')) return undefined;
      simAuthState(tenant).stats.unauthorized++;
      return HttpResponse.json({ message: 'Unauthorized' }, { status: 401 });
    }),
    http.all(`${mounts.esetDeviceManagement}/*`, ({ request }) => {
      const token = bearerOf(request);
      if (token && isTokenValid(tenant, token, 'eset')) return undefined;
      simAuthState(tenant).stats.unauthorized++;
      // google.rpc.Status body; code 16 = UNAUTHENTICATED. ESET puts a request-id on every response.
      return HttpResponse.json(
        { code: 16, message: 'Token expired or invalid', details: [] },
        { status: 401, headers: { 'request-id': crypto.randomUUID() } },
      );
    }),
  ];
}
