import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../http.ts';

/** `GET /api/config`: which mode the gateway runs in and which vendors are connected. Never carries a secret. */
const vendorStatusSchema = z.object({ connected: z.boolean(), reason: z.string().nullish() }).loose();
export const gatewayConfigSchema = z.object({
  mode: z.enum(['demo', 'live']),
  vendors: z.object({ cylance: vendorStatusSchema, eset: vendorStatusSchema, prisma: vendorStatusSchema }),
});
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export const gatewayQueries = {
  config: () =>
    queryOptions({
      queryKey: ['gateway', 'config'],
      queryFn: ({ signal }) => request('/api/config', { schema: gatewayConfigSchema, signal }),
      staleTime: Number.POSITIVE_INFINITY,
    }),
};
