import type { HttpError } from './http.ts';

/**
 * What the Overview's "Vendor health" shows (issue #7): per vendor, the last successful call, the last error
 * with its request id, and the time the vendors told us to wait (429 `Retry-After`). Fed by the thin client
 * (http.ts `requestWithMeta`) for every answer it gets, so no fetcher has to remember to report.
 * Kept in memory: it describes this tab's session, not history.
 */
export const vendors = ['cylance', 'eset', 'prisma'] as const;
export type Vendor = (typeof vendors)[number];

export interface VendorCallError {
  at: number;
  status: number;
  message: string;
  code?: string;
  requestId?: string;
  path: string;
}

export interface VendorHealth {
  lastSuccessAt?: number;
  lastError?: VendorCallError;
  /** Sum of the `Retry-After` waits 429 answers asked for, in ms. */
  rateLimitWaitMs: number;
  rateLimitCount: number;
  /**
   * Answers in a row that say the vendor itself is in trouble (429, 401/403, 5xx); any other answer — a
   * success or an ordinary 4xx such as a 404 — resets it. The shell's vendor banner reads it (issue #10).
   */
  consecutiveFailures: number;
}

/** A vendor in trouble rather than a request the vendor refused on its merits. */
function isVendorTrouble(status: number): boolean {
  return status === 429 || status === 401 || status === 403 || status >= 500;
}

export type VendorHealthState = Readonly<Record<Vendor, VendorHealth>>;

/** `/api/cylance/…`, `/api/eset/…` (and the gateway's `/api/eset-auth`), `/api/prisma/…`. */
export function vendorOfPath(path: string): Vendor | undefined {
  const match = /^\/api\/(cylance|eset|prisma)(?:[-/?]|$)/.exec(path);
  return match?.[1] as Vendor | undefined;
}

function initialState(): VendorHealthState {
  const healthy = (): VendorHealth => ({ rateLimitWaitMs: 0, rateLimitCount: 0, consecutiveFailures: 0 });
  return { cylance: healthy(), eset: healthy(), prisma: healthy() };
}

export interface VendorHealthRecorder {
  /** `error` is the HttpError the client is about to throw, or undefined for a 2xx answer. */
  record(path: string, error: HttpError | undefined, at?: number): void;
  subscribe(listener: () => void): () => void;
  getSnapshot(): VendorHealthState;
  reset(): void;
}

function createVendorHealthRecorder(): VendorHealthRecorder {
  let state = initialState();
  const listeners = new Set<() => void>();
  return {
    record(path, error, at = Date.now()) {
      const vendor = vendorOfPath(path);
      if (!vendor) return;
      const current = state[vendor];
      const next: VendorHealth = error
        ? {
            ...current,
            lastError: {
              at,
              status: error.status,
              message: error.message,
              code: error.code,
              requestId: error.requestId,
              path,
            },
            rateLimitWaitMs: current.rateLimitWaitMs + (error.status === 429 ? (error.retryAfterMs ?? 0) : 0),
            rateLimitCount: current.rateLimitCount + (error.status === 429 ? 1 : 0),
            consecutiveFailures: isVendorTrouble(error.status) ? current.consecutiveFailures + 1 : 0,
          }
        : { ...current, lastSuccessAt: at, consecutiveFailures: 0 };
      state = { ...state, [vendor]: next };
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    reset() {
      state = initialState();
      for (const listener of listeners) listener();
    },
  };
}

export const vendorHealth = createVendorHealthRecorder();

/** The thin client's one hook-in: called with every gateway answer before it is returned or thrown. */
export function recordVendorResponse(path: string, error: HttpError | undefined): void {
  vendorHealth.record(path, error);
}
