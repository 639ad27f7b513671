/**
 * One limiter per vendor, shared by every browser tab (issue #8 "Within the vendors' limits, for everyone at
 * once"). Requests are released one at a time, at least `interval` apart measured on the actual release
 * times (so a late release never lets the next one crowd it); over the rate they wait in a bounded FIFO
 * queue, and when the queue is full or the wait would be too long the caller gets `RateLimited` (the
 * gateway answers 429 + Retry-After).
 */
export interface LimiterOptions {
  ratePerSecond: number;
  maxQueue: number;
  maxWaitMs: number;
  /** How much slower than `ratePerSecond` to run (default 1.05). */
  safety?: number;
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

// By default five per cent slower than the vendor's rate: the vendor measures arrivals, and network jitter
// must not make two calls look closer than it allows (ESET counts 10 calls per second, api-contracts.md §2).
const defaultSafety = 1.05;

export function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function createLimiter(options: LimiterOptions): Limiter {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const interval = (1000 / options.ratePerSecond) * (options.safety ?? defaultSafety);
  const waiters: (() => void)[] = [];
  let lastRelease = Number.NEGATIVE_INFINITY;
  let pumping = false;

  async function pump() {
    if (pumping) return;
    pumping = true;
    try {
      while (waiters.length > 0) {
        const wait = lastRelease + interval - now();
        if (wait > 0) {
          await sleep(wait);
          continue;
        }
        lastRelease = now();
        waiters.shift()!();
      }
    } finally {
      pumping = false;
    }
  }

  return {
    get queued() {
      return waiters.length;
    },
    acquire() {
      const current = now();
      if (waiters.length === 0 && current - lastRelease >= interval) {
        lastRelease = current;
        return Promise.resolve();
      }
      const wait = Math.max(0, lastRelease + interval - current) + waiters.length * interval;
      if (waiters.length >= options.maxQueue || wait > options.maxWaitMs) {
        return Promise.reject(new RateLimited(wait));
      }
      return new Promise<void>((resolve) => {
        waiters.push(resolve);
        void pump();
      });
    },
  };
}
