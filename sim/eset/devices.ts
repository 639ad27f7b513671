import type { HttpHandler } from 'msw';
import type { SimContext } from '../context.ts';
import type { SimTenant } from '../tenant.ts';

// Placeholder: filled in by the owner of this module.
export function createEsetDevices(_context: SimContext) {
  return {};
}

export function esetDeviceHandlers(_tenant: SimTenant, _base: string): HttpHandler[] {
  return [];
}
