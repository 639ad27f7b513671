import type { HttpHandler } from 'msw';
import { authHandlers, bearerCheckHandlers } from './auth.ts';
import { cylanceDeviceHandlers } from './cylance/devices.ts';
import { fileRetrievalHandlers } from './cylance/file-retrievals.ts';
import { focusViewHandlers } from './cylance/focus-views.ts';
import { packageHandlers } from './cylance/packages.ts';
import { esetDeviceHandlers } from './eset/devices.ts';
import { prismaHandlers } from './prisma/verdicts.ts';
import type { SimTenant } from './tenant.ts';

/**
 * Where each vendor's API is mounted. The simulator's HTTP server mounts them under its own origin
 * (`/cylance`, `/eset`, `/eset-auth`, `/prisma/api/v1/token`); unit tests mount them where the browser
 * calls the gateway (`/api/cylance`, …), so the same handlers serve both.
 */
export interface SimMounts {
  /** Cylance base URL: `${cylance}/foci/v2`, `${cylance}/auth/v2/token`. */
  cylance: string;
  /** ESET Device Management base URL: `${esetDeviceManagement}/v1/devices`. */
  esetDeviceManagement: string;
  /** ESET OAuth base URL: `${esetAuth}/oauth/token`. */
  esetAuth: string;
  /**
   * Prisma: verdicts at `${prisma.base}/verdicts`. With `apiKey` set the key is required, either as the
   * `apiKey` header or in the legacy path `${prisma.base}/{apiKey}/verdicts` (seed 002).
   */
  prisma: { base: string; apiKey?: string };
}

export interface SimHandlerOptions {
  mounts: SimMounts;
  /** Demo mode and live-mode tests: vendor calls need a token from the simulator's auth endpoints. */
  requireAuth: boolean;
}

export function createSimHandlers(tenant: SimTenant, options: SimHandlerOptions): HttpHandler[] {
  const { mounts } = options;
  return [
    ...authHandlers(tenant, mounts),
    ...(options.requireAuth ? bearerCheckHandlers(tenant, mounts) : []),
    ...focusViewHandlers(tenant, mounts.cylance),
    ...fileRetrievalHandlers(tenant, mounts.cylance),
    ...packageHandlers(tenant, mounts.cylance),
    ...cylanceDeviceHandlers(tenant, mounts.cylance),
    ...esetDeviceHandlers(tenant, mounts.esetDeviceManagement),
    ...prismaHandlers(tenant, mounts.prisma),
  ];
}
