/**
 * Download links of a retrieved file are valid for 10 minutes (api-contracts.md §1, seed 001). The console
 * measures them from when it read the status, because that read is what issued the link; and an
 * `UNAVAILABLE` retrieval becomes `RETRY_REQUEST` one hour after it turned unavailable.
 */
export const downloadLinkValidityMs = 10 * 60_000;
const unavailableRetryAfterMs = 60 * 60_000;

export interface LinkCountdown {
  expiresAt: number;
  remainingMs: number;
  expired: boolean;
  /** `m:ss`, rounded up so "0:00" is only ever shown once expired. */
  label: string;
}

export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function linkCountdown(
  readAtMs: number,
  nowMs: number,
  validityMs = downloadLinkValidityMs,
): LinkCountdown {
  const expiresAt = readAtMs + validityMs;
  // Clamped: a read stamped a moment "after" the ticking clock must not show more than the full validity.
  const remainingMs = Math.min(validityMs, Math.max(0, expiresAt - nowMs));
  return { expiresAt, remainingMs, expired: remainingMs === 0, label: formatCountdown(remainingMs) };
}

/** When an `UNAVAILABLE` retrieval (first seen unavailable at `sinceMs`) may be requested again. */
export function retryableAt(sinceMs: number): number {
  return sinceMs + unavailableRetryAfterMs;
}
