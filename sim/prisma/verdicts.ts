import type { HttpHandler } from 'msw';
import type { SimContext } from '../context.ts';
import type { SimMounts } from '../handlers.ts';
import type { SimTenant } from '../tenant.ts';

// Placeholder: filled in by the owner of this module.
export function createPrismaVerdicts(_context: SimContext) {
  return {};
}

export function prismaHandlers(_tenant: SimTenant, _mount: SimMounts['prisma']): HttpHandler[] {
  return [];
}
