import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock, createWallClock } from './clock.ts';
import { parseFaultSpec } from './faults-spec.ts';
import { type SimServer, startSimServer } from './server.ts';
import { createSimTenant } from './tenant.ts';

const small = {
  cylanceDevices: 20,
  esetDevices: 10,
  prismaVerdicts: 20,
  packages: 5,
  focusViews: 5,
  fileRetrievals: 5,
};
let sim: SimServer | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('simulator HTTP server', () => {
  it('listens on loopback and mounts each vendor under its own origin', async () => {
    sim = await startSimServer({ tenant: createSimTenant({ config: small }), prismaApiKey: 'k' });
    expect(sim.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.mounts).toEqual({
      cylance: `${sim.origin}/cylance`,
      esetDeviceManagement: `${sim.origin}/eset`,
      esetAuth: `${sim.origin}/eset-auth`,
      prisma: { base: `${sim.origin}/prisma/api/v1/token`, apiKey: 'k' },
    });
  });

  it('turns requests into WHATWG Requests for msw and answers 404 JSON when nothing matches', async () => {
    const echo = http.post('*/cylance/echo', async ({ request }) =>
      HttpResponse.json(
        {
          body: await request.json(),
          header: request.headers.get('x-test'),
          query: new URL(request.url).search,
        },
        { status: 201, headers: { 'request-id': 'abc' } },
      ),
    );
    sim = await startSimServer({ tenant: createSimTenant({ config: small }), extraHandlers: [echo] });
    const response = await fetch(`${sim.mounts.cylance}/echo?a=1&a=2`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test': 'yes' },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('request-id')).toBe('abc');
    expect(await response.json()).toEqual({ body: { hello: 'world' }, header: 'yes', query: '?a=1&a=2' });
    const missing = await fetch(`${sim.origin}/nowhere`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: 'No simulated endpoint for GET /nowhere' });
  });

  it('serves the vendor handlers with credentials required', async () => {
    sim = await startSimServer({ tenant: createSimTenant({ config: small }), requireAuth: true });
    expect((await fetch(`${sim.mounts.cylance}/devices/v2`)).status).toBe(401);
    expect((await fetch(`${sim.mounts.esetDeviceManagement}/v1/devices`)).status).toBe(401);
  });

  it('lets e2e read, advance and speed up the simulated clock', async () => {
    const manual = createSimTenant({ config: small, clock: createManualClock(0) });
    sim = await startSimServer({ tenant: manual });
    const post = (body: unknown) =>
      fetch(`${sim!.origin}/sim/clock`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json());
    expect(await post({ advanceMs: 60_000 })).toMatchObject({ nowMs: 60_000, manual: true });
    expect(await (await fetch(`${sim.origin}/sim/clock`)).json()).toMatchObject({
      now: '1970-01-01T00:01:00.000Z',
    });
    expect((await fetch(`${sim.origin}/sim/clock`, { method: 'POST', body: '{"speed":-1}' })).status).toBe(
      400,
    );
    await sim.close();

    const wall = createSimTenant({ config: small, clock: createWallClock(1) });
    sim = await startSimServer({ tenant: wall });
    expect(await post({ speed: 60 })).toMatchObject({ speed: 60, manual: false });
    expect(wall.clock.speed).toBe(60);
  });
});

describe('fault injection over HTTP (what demo mode runs)', () => {
  it('starts with the SIM_FAULTS spec and is adjustable at /sim/faults', async () => {
    const parsed = parseFaultSpec('cylance:503=1');
    if (!parsed.ok) throw new Error(parsed.reason);
    sim = await startSimServer({ tenant: createSimTenant({ config: small }), faults: parsed.spec });
    expect((await fetch(`${sim.mounts.cylance}/packages/v2`)).status).toBe(503);
    const control = `${sim.origin}/sim/faults`;
    expect(await (await fetch(control)).json()).toMatchObject({
      spec: 'cylance:503=1',
      stats: { calls: 1, faults: 1, byKind: { '503': 1 } },
    });
    const cleared = await fetch(control, {
      method: 'POST',
      body: JSON.stringify({ spec: '', resetStats: true }),
    });
    expect(await cleared.json()).toMatchObject({ spec: '', stats: { calls: 0 } });
    expect((await fetch(`${sim.mounts.cylance}/packages/v2`)).status).toBe(200);
    const refused = await fetch(control, {
      method: 'POST',
      body: JSON.stringify({ spec: 'prisma:latency=1h' }),
    });
    expect(refused.status).toBe(400);
  });
});
