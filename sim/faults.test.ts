import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createFaultState, type FaultState, faultControl } from './faults.ts';
import { withFaults } from './faults-respond.ts';
import { parseFaultSpec } from './faults-spec.ts';
import { createSimHandlers, type SimMounts } from './handlers.ts';
import { createSimTenant, type SimTenant } from './tenant.ts';

const origin = 'http://sim.test';
const mounts: SimMounts = {
  cylance: `${origin}/cylance`,
  esetDeviceManagement: `${origin}/eset`,
  esetAuth: `${origin}/eset-auth`,
  prisma: { base: `${origin}/prisma/api/v1/token` },
};
const small = {
  cylanceDevices: 20,
  esetDevices: 10,
  prismaVerdicts: 20,
  packages: 10,
  focusViews: 5,
  fileRetrievals: 5,
};

function setup(spec: string, seed = 7) {
  const tenant: SimTenant = createSimTenant({ config: small });
  const parsed = parseFaultSpec(spec);
  if (!parsed.ok) throw new Error(parsed.reason);
  const state: FaultState = createFaultState({ clock: tenant.clock, seed, spec: parsed.spec });
  const handlers = withFaults(createSimHandlers(tenant, { mounts, requireAuth: false }), state, mounts);
  const call = async (url: string, init?: RequestInit) => {
    const response = await getResponse(handlers, new Request(url, init));
    if (!response) throw new Error(`unhandled ${url}`);
    return response;
  };
  return { tenant, state, call };
}

const packagesUrl = `${mounts.cylance}/packages/v2`;
const verdictsUrl = `${mounts.prisma.base}/verdicts?pageLen=5`;
const esetDevicesUrl = `${mounts.esetDeviceManagement}/v1/devices?pageSize=5`;

describe('fault injection', () => {
  it('leaves every answer alone when no rule matches', async () => {
    const { call, state } = setup('prisma:503=1');
    const response = await call(packagesUrl);
    expect(response.status).toBe(200);
    expect((await response.json()).page_items).toHaveLength(10);
    expect(state.get().stats).toMatchObject({ calls: 1, faults: 0 });
  });

  it('takes one vendor down with its own error shape while the others keep answering', async () => {
    const { call, tenant, state } = setup('prisma:503=1');
    const down = await call(verdictsUrl);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ code: 503, message: expect.stringContaining('maintenance') });
    expect(down.headers.get('request-id')).toMatch(/^fault-/);
    tenant.clock.advance(2000);
    expect((await call(esetDevicesUrl)).status).toBe(200);
    expect(state.get().stats.byVendor).toEqual({
      prisma: { calls: 1, faults: 1 },
      eset: { calls: 1, faults: 0 },
    });
  });

  it('leaves the token endpoints alone (the gateway mints tokens through them)', async () => {
    const { call, state } = setup('all:500=1');
    const token = (url: string) =>
      call(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect((await token(`${mounts.cylance}/auth/v2/token`)).status).not.toBe(500);
    expect((await token(`${mounts.esetAuth}/oauth/token`)).status).not.toBe(500);
    expect(state.get().stats.calls).toBe(0);
  });

  it('answers 429 with Retry-After in the vendor shape', async () => {
    const { call } = setup('cylance:429=1');
    const response = await call(packagesUrl);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toEqual({ message: 'Rate limit reached' });
  });

  it('targets one route by path glob, including paths with a colon', async () => {
    const { call } = setup('cylance/devicecommands/v2/*/getfile:get:500=1');
    expect((await call(packagesUrl)).status).toBe(200);
    const status = await call(`${mounts.cylance}/devicecommands/v2/ABC/getfile:get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ file_path: 'C:\\x.txt' }),
    });
    expect(status.status).toBe(500);
  });

  it('meets about the configured rate, and the same seed meets the same faults', async () => {
    const run = async (seed: number) => {
      const { call } = setup('cylance:errors=0.2', seed);
      const statuses: number[] = [];
      for (let i = 0; i < 300; i++) statuses.push((await call(packagesUrl)).status);
      return statuses;
    };
    const first = await run(1);
    const failed = first.filter((status) => status !== 200).length;
    expect(failed).toBeGreaterThan(30);
    expect(failed).toBeLessThan(90);
    expect(new Set(first.filter((status) => status !== 200))).toEqual(new Set([429, 500, 502, 503, 504]));
    expect(await run(1)).toEqual(first);
    expect(await run(2)).not.toEqual(first);
  });

  it('ends a `for=` outage after that much simulated time', async () => {
    const { call, tenant } = setup('prisma:503=1,for=60s');
    expect((await call(verdictsUrl)).status).toBe(503);
    tenant.clock.advance(59_000);
    expect((await call(verdictsUrl)).status).toBe(503);
    tenant.clock.advance(2_000);
    expect((await call(verdictsUrl)).status).toBe(200);
  });

  it('delays ESET answers with 202 + response-id until the replay is ready', async () => {
    const { call, tenant } = setup('eset:202=1,delay202=5s');
    const first = await call(esetDevicesUrl);
    expect(first.status).toBe(202);
    const id = first.headers.get('response-id');
    expect(id).toBeTruthy();
    const early = await call(esetDevicesUrl, { headers: { 'response-id': id ?? '' } });
    expect(early.status).toBe(202);
    tenant.clock.advance(5_000);
    const ready = await call(esetDevicesUrl, { headers: { 'response-id': id ?? '' } });
    expect(ready.status).toBe(200);
    expect((await ready.json()).devices).toHaveLength(5);
  });

  it('breaks bodies: malformed JSON, truncated JSON, and a slow body that still arrives whole', async () => {
    const malformed = await setup('cylance:malformed=1').call(packagesUrl);
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();
    const whole = await (await setup('').call(packagesUrl)).text();
    const truncated = await (await setup('cylance:truncated=1').call(packagesUrl)).text();
    expect(truncated).toBe(whole.slice(0, truncated.length));
    expect(truncated.length).toBeLessThan(whole.length);
    const started = Date.now();
    const slow = await (await setup('cylance:slow=1,slowms=200').call(packagesUrl)).text();
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(slow).toBe(whole);
  });

  it('adds latency without a fault', async () => {
    const { call, state } = setup('all:latency=120');
    const started = Date.now();
    expect((await call(packagesUrl)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(state.get().stats.faults).toBe(0);
  });

  it('makes names, URLs and statuses hostile but keeps ids', async () => {
    const clean = await (await setup('').call(packagesUrl)).json();
    const hostile = await (await setup('hostile=1').call(packagesUrl)).json();
    type Item = { packageId: string; downloadUrl: string; packageDescriptor: { name: string } };
    const items = hostile.page_items as Item[];
    expect(items.map((item) => item.packageId)).toEqual(
      (clean.page_items as Item[]).map((item) => item.packageId),
    );
    for (const item of items) expect(item.downloadUrl).toMatch(/^\s*(javascript|data):/i);
    expect(items.every((item) => /<|W{1000}/.test(item.packageDescriptor.name))).toBe(true);
  });
});

describe('fault control API', () => {
  it('shows the spec and figures, replaces the spec, and refuses a bad one with the reason', () => {
    const { state } = setup('prisma:503=1');
    expect(faultControl(state, 'GET', '')).toMatchObject({ status: 200, body: { spec: 'prisma:503=1' } });
    const bad = faultControl(state, 'POST', JSON.stringify({ spec: 'cylance:600=1' }));
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ message: expect.stringContaining('unknown setting "600"') });
    const good = faultControl(state, 'POST', JSON.stringify({ spec: 'all:errors=0.5;seed=3' }));
    expect(good).toMatchObject({ status: 200, body: { seed: 3 } });
    expect(faultControl(state, 'POST', '{')).toMatchObject({ status: 400 });
    expect(faultControl(state, 'DELETE', '')).toMatchObject({ status: 405 });
  });
});
