/**
 * One limiter per vendor, shared by every browser tab (issue #8 "Within the vendors' limits, for everyone at
 * once"). Requests get evenly spaced start slots; over the rate they wait in a bounded queue, and when the
 * queue is full or the wait too long the caller gets `RateLimited` (the gateway answers 429 + Retry-After).
 */
export interface LimiterOptions {
  ratePerSecond: number;
  maxQueue: number;
  maxWaitMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class RateLimited extends Error {
  readonly retryAfterMs: number;
  constructor(retryAfterMs: number) {
    super('The gateway queue for this vendor is full');
    this.name = 'RateLimited';
    this.retryAfterMs = retryAfterMs;
  }
}

export interface Limiter {
  /** Resolves when the caller may start its request; throws RateLimited when it may not wait. */
  acquire(): Promise<void>;
  readonly queued: number;
}

// Two per cent slower than the vendor's rate: request arrival jitter must not make two calls look closer
// than the vendor allows (Prisma answers 429 to anything faster than 1/s, api-contracts.md §3).
const safety = 1.02;

export function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function createLimiter(options: LimiterOptions): Limiter {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const interval = (1000 / options.ratePerSecond) * safety;
  let nextSlot = 0;
  let queued = 0;
  return {
    get queued() {
      return queued;
    },
    async acquire() {
      const current = now();
      const slot = Math.max(current, nextSlot);
      const wait = slot - current;
      if (wait > options.maxWaitMs || (wait > 0 && queued >= options.maxQueue)) throw new RateLimited(wait);
      nextSlot = slot + interval;
      if (wait <= 0) return;
      queued++;
      try {
        await sleep(wait);
      } finally {
        queued--;
      }
    },
  };
}
