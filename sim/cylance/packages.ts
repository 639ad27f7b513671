import type { HttpHandler } from 'msw';
import type { SimContext } from '../context.ts';
import type { SimTenant } from '../tenant.ts';

// Placeholder: filled in by the owner of this module.
export function createPackages(_context: SimContext) {
  return {};
}

export function packageHandlers(_tenant: SimTenant, _base: string): HttpHandler[] {
  return [];
}
