import { ContractError, HttpError } from './http.ts';

/**
 * Which failed reads are worth another try (api-contracts.md: 429 honours Retry-After, 500/502/503/504 back off;
 * other 4xx and contract errors will not get better by asking again).
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ContractError) return false;
  if (error instanceof HttpError) {
    // The gateway's 503 for a vendor with no credentials names what to configure: asking again changes nothing.
    if (error.code === 'vendor_not_connected') return false;
    return error.status === 429 || error.status === 408 || error.status >= 500;
  }
  // A network failure (TypeError from fetch) is worth retrying; an abort is not.
  return !(error instanceof DOMException && error.name === 'AbortError');
}

/** Exponential backoff with full jitter, capped; a vendor's Retry-After wins when it is longer. */
export function retryDelayMs(attempt: number, error: unknown, random = Math.random): number {
  const backoff = Math.min(30_000, 1000 * 2 ** attempt);
  const jittered = backoff / 2 + random() * (backoff / 2);
  const retryAfter = error instanceof HttpError ? (error.retryAfterMs ?? 0) : 0;
  return Math.max(jittered, retryAfter);
}

export const maxReadRetries = 3;
