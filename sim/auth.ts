import type { HttpHandler } from 'msw';
import type { SimMounts } from './handlers.ts';
import type { SimTenant } from './tenant.ts';

// Placeholder: filled in by the owner of this module (Cylance /auth/v2/token, ESET /oauth/token).
export function authHandlers(_tenant: SimTenant, _mounts: SimMounts): HttpHandler[] {
  return [];
}

export function bearerCheckHandlers(_tenant: SimTenant, _mounts: SimMounts): HttpHandler[] {
  return [];
}
