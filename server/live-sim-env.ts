import { simCylanceCredentials, simDemoCredentials } from '../sim/auth-credentials.ts';
import type { SimServer } from '../sim/server.ts';
import type { SimTenant } from '../sim/tenant.ts';

/**
 * The environment a live-mode gateway needs to talk to a running simulator as if it were the vendors
 * (issue #8 tests, and `node server/live-sim.ts` for the Playwright live-mode run).
 */
export function liveEnvForSim(
  tenant: SimTenant,
  sim: SimServer,
  vendors: ('cylance' | 'eset' | 'prisma')[] = ['cylance', 'eset', 'prisma'],
): Record<string, string> {
  const env: Record<string, string> = {};
  if (vendors.includes('cylance')) {
    const credentials = simCylanceCredentials(tenant);
    Object.assign(env, {
      CYLANCE_APP_ID: credentials.appId,
      CYLANCE_APP_SECRET: credentials.appSecret,
      CYLANCE_TENANT_ID: credentials.tenantId,
      CYLANCE_BASE_URL: sim.mounts.cylance,
    });
  }
  if (vendors.includes('eset')) {
    Object.assign(env, {
      ESET_USERNAME: simDemoCredentials.eset.username,
      ESET_PASSWORD: simDemoCredentials.eset.password,
      ESET_DEVICE_MANAGEMENT_URL: sim.mounts.esetDeviceManagement,
      ESET_AUTH_URL: `${sim.mounts.esetAuth}/oauth/token`,
    });
  }
  if (vendors.includes('prisma')) {
    Object.assign(env, {
      PRISMA_API_KEY: simDemoCredentials.prisma.apiKey,
      PRISMA_BASE_URL: sim.mounts.prisma.base,
    });
  }
  return env;
}
