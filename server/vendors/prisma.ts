import type { PrismaConfig } from '../config.ts';
import type { UpstreamClient } from '../upstream.ts';
import type { VendorAdapter, VendorTarget } from './types.ts';

/**
 * Prisma Device-ID (api-contracts.md §3, seed 002): the API key goes in the `apiKey` header (recommended) or,
 * with PRISMA_KEY_IN_PATH=true, in the legacy path `/api/v1/token/{apiKey}/verdicts`. The client certificate
 * for mutual TLS lives in the upstream client's agent. The browser's paths never contain the key.
 */
export function createPrismaAdapter(config: PrismaConfig, upstream: UpstreamClient): VendorAdapter {
  return {
    upstream,
    async target(vendorPath, search): Promise<VendorTarget> {
      if (config.keyInPath) {
        return {
          url: `${config.baseUrl}/${encodeURIComponent(config.apiKey)}${vendorPath}${search}`,
          headers: { accept: 'application/json' },
        };
      }
      return {
        url: `${config.baseUrl}${vendorPath}${search}`,
        headers: { apikey: config.apiKey, accept: 'application/json' },
      };
    },
    // A static key: a 401 means it is wrong, and asking again cannot help.
    invalidate: () => false,
  };
}
