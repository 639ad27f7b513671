import { afterEach, describe, expect, it } from 'vitest';
import { parseFaultSpec } from './faults-spec.ts';
import { type SimServer, startSimServer } from './server.ts';
import { createSimTenant } from './tenant.ts';

const small = {
  cylanceDevices: 10,
  esetDevices: 10,
  prismaVerdicts: 10,
  packages: 5,
  focusViews: 5,
  fileRetrievals: 5,
};
let sim: SimServer | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
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
