import type { SimTenant } from './tenant.ts';

/**
 * The simulated tenant's well-known demo credentials. They open nothing but the simulator (demo mode and the
 * live-mode tests sign in with them), so they are plain constants, not secrets.
 */
export const simDemoCredentials = {
  cylance: {
    /** Cylance application IDs and secrets are UUIDs (Settings > Integrations > Add Application). */
    appId: '7d0a2f4e-5c1b-4e8a-9f3d-0b6c2a1e9d55',
    appSecret: 'c4f1e2d3-6b7a-4c8d-9e0f-1a2b3c4d5e6f',
  },
  eset: { username: 'triage-api@demo.example', password: 'demo-api-password' },
  prisma: { apiKey: 'demo-prisma-device-id-api-key' },
} as const;

/** Cylance's `tid` claim must name the tenant, whose id comes from the seed. */
export function simCylanceCredentials(tenant: SimTenant) {
  return { ...simDemoCredentials.cylance, tenantId: tenant.tenantId };
}
