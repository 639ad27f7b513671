import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { SimConfig } from '../../sim/config.ts';
import { createSimHandlers, type SimMounts } from '../../sim/handlers.ts';
import { createSimTenant, type SimTenant } from '../../sim/tenant.ts';

/** Where the browser code calls the gateway; the simulator's handlers are mounted there in unit tests. */
function browserMounts(origin = window.location.origin): SimMounts {
  return {
    cylance: `${origin}/api/cylance`,
    esetDeviceManagement: `${origin}/api/eset`,
    esetAuth: `${origin}/api/eset-auth`,
    prisma: { base: `${origin}/api/prisma` },
  };
}

export interface SimHarness {
  /** The current tenant (fresh for each test); its clock is manual: `sim.tenant.clock.advance(30_000)`. */
  readonly tenant: SimTenant;
  /** Every request the handlers saw in this test, in order (for tests where request count is the feature). */
  readonly requests: Request[];
  server: ReturnType<typeof setupServer>;
}

/**
 * Serves the simulator's MSW handlers to the code under test; any request they do not handle fails the test
 * (msw 3 `onUnhandledFrame: 'error'`). Call at the top of a test file.
 */
export function useSimServer(config: Partial<SimConfig> = {}): SimHarness {
  const server = setupServer();
  const harness = {
    tenant: createSimTenant({
      config: { cylanceDevices: 60, esetDevices: 50, prismaVerdicts: 200, ...config },
    }),
    requests: [] as Request[],
    server,
  };
  const reset = () => {
    harness.tenant = createSimTenant({
      config: { cylanceDevices: 60, esetDevices: 50, prismaVerdicts: 200, ...config },
    });
    harness.requests.length = 0;
    server.resetHandlers(
      ...createSimHandlers(harness.tenant, { mounts: browserMounts(), requireAuth: false }),
    );
  };
  server.events.on('request:start', ({ request }) => {
    harness.requests.push(request.clone());
  });
  beforeAll(() => {
    reset();
    server.listen({ onUnhandledFrame: 'error' });
  });
  afterEach(reset);
  afterAll(() => server.close());
  return harness;
}
