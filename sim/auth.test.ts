import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { authHandlers, bearerCheckHandlers } from './auth.ts';
import { simDemoCredentials } from './auth-credentials.ts';
import { simAuthState } from './auth-store.ts';
import type { SimMounts } from './handlers.ts';
import { createSimTenant, type SimTenant } from './tenant.ts';

const mounts: SimMounts = {
  cylance: 'https://sim.test/cylance',
  esetDeviceManagement: 'https://sim.test/eset',
  esetAuth: 'https://sim.test/eset-auth',
  prisma: { base: 'https://sim.test/prisma' },
};
let tenant: SimTenant;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  tenant = createSimTenant({ config: { cylanceDevices: 5, esetDevices: 5, prismaVerdicts: 5 } });
  server.resetHandlers(
    ...authHandlers(tenant, mounts),
    ...bearerCheckHandlers(tenant, mounts),
    http.get('*/eset/v1/devices', () => HttpResponse.json({ devices: [] })),
    http.get('*/cylance/devices/v2', () => HttpResponse.json({ page_items: [] })),
    http.get('*/prisma/verdicts', () => HttpResponse.json({ verdicts: [] })),
  );
});

async function esetToken(): Promise<string> {
  const { username, password } = simDemoCredentials.eset;
  const response = await fetch(`${mounts.esetAuth}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username, password }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

describe('simulated vendor auth', () => {
  it('falls through to the vendor handler with a valid token and answers 401 otherwise', async () => {
    const token = await esetToken();
    const ok = await fetch(`${mounts.esetDeviceManagement}/v1/devices`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(ok.status).toBe(200);
    const none = await fetch(`${mounts.esetDeviceManagement}/v1/devices`);
    expect(none.status).toBe(401);
    expect(none.headers.get('request-id')).toBeTruthy();
    expect(await none.json()).toEqual({ code: 16, message: 'Token expired or invalid', details: [] });
  });

  it('expires tokens on the simulated clock and keeps vendors apart', async () => {
    const token = await esetToken();
    const cylance = await fetch(`${mounts.cylance}/devices/v2`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(cylance.status).toBe(401);
    tenant.clock.advance(3600_000);
    const expired = await fetch(`${mounts.esetDeviceManagement}/v1/devices`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(expired.status).toBe(401);
    expect(simAuthState(tenant).stats.unauthorized).toBe(2);
  });

  it('leaves Prisma to the Prisma module (its key check knows both path forms)', async () => {
    expect((await fetch(`${mounts.prisma.base}/verdicts`)).status).toBe(200);
  });

  it('does not guard the Cylance token endpoint itself', async () => {
    const response = await fetch(`${mounts.cylance}/auth/v2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(400);
  });
});
