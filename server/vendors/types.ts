import type { UpstreamClient, UpstreamResponse } from '../upstream.ts';

/** What the forwarder needs from a vendor: where a path goes and how to authorise it. */
export interface VendorTarget {
  url: string;
  headers: Record<string, string>;
  /** The credential that was used, handed back to `invalidate` after a 401. */
  credential?: string;
}

export interface VendorAdapter {
  /** `vendorPath` starts with `/` and `search` with `?` (or is empty). */
  target(vendorPath: string, search: string): Promise<VendorTarget>;
  /** After a 401: drop the credential so the next `target` gets a fresh one. False when a retry cannot help. */
  invalidate(credential: string | undefined): boolean;
  upstream: UpstreamClient;
}

/** Raised when the vendor's token endpoint refuses the gateway; the message never carries a secret. */
export class VendorAuthError extends Error {
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.name = 'VendorAuthError';
    this.status = status;
  }
}

/** A 4xx means the credentials (or region) are wrong; a 5xx that the vendor's token service failed. */
export function authFailure(vendor: string, status: number, check: string): VendorAuthError {
  const message =
    status >= 500 || status === 429
      ? `${vendor}'s token service failed (HTTP ${status}); try again later.`
      : `${vendor} refused the gateway's credentials (HTTP ${status}); check ${check}.`;
  return new VendorAuthError(message, status);
}

export interface TokenTimeouts {
  connectTimeoutMs: number;
  responseTimeoutMs: number;
}

export function jsonBody(response: UpstreamResponse): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(response.body.toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
