/**
 * One limiter per vendor, shared by every browser tab (issue #8 "Within the vendors' limits, for everyone at
 * once"). Releases follow a grid of slots `interval` apart; over the rate, callers wait in a bounded FIFO
 * queue, and when the queue is full or the wait would be too long the caller gets `RateLimited` (the
 * gateway answers 429 + Retry-After).
 *
 * Time is sub-millisecond (`performance.now()`) and each wake-up releases every waiter whose slot is due, so
 * a high rate is not capped at one release per timer tick (≈ 1 per ms). A release never comes more than
 * `earlyMs` before its slot (a timer cannot wait less than about a millisecond, so sleeping for a slot due in
 * a few microseconds would cost a whole tick), and a late release restarts the grid from its actual time, so
 * a late one never lets the next crowd it. Hence k + 1 releases always span at least k × interval − earlyMs,
 * which the safety margin covers: at 1/s × 1.05, two releases are ≥ 1 049 ms apart.
 *
 * A `serial` vendor (Prisma: one request per second, api-contracts.md §3) also gets one call at a time, and
 * the next one no sooner than a full vendor interval after the previous answer came back. The vendor counts
 * arrivals, and a call has certainly arrived by the time its answer is back, so this spacing holds whatever
 * the network jitter; release-to-release spacing alone does not (a first call delayed 60 ms on its way and a
 * second one that is not can arrive 990 ms apart even when released 1 050 ms apart).
 */
export interface LimiterOptions {
  ratePerSecond: number;
  maxQueue: number;
  maxWaitMs: number;
  /** How much slower than `ratePerSecond` to run (default 1.05). */
  safety?: number;
  /** One call at a time, the next one at least 1 / `ratePerSecond` after the previous one's answer. */
  serial?: boolean;
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

/** Called once the vendor has answered (or the call failed); a serial limiter releases the next call then. */
export type Answered = () => void;

export interface Limiter {
  /** Resolves when the caller may start its request; throws RateLimited when it may not wait. */
  acquire(): Promise<Answered>;
  readonly queued: number;
}

// By default five per cent slower than the vendor's rate: the vendor measures arrivals, and network jitter
// must not make two calls look closer than it allows (ESET counts 10 calls per second, api-contracts.md §2).
const defaultSafety = 1.05;
// About one timer tick. Kept under half the safety margin of a one-second window, so R + 1 releases can never
// fall within one second at R per second (with safety 1.05: 1 ms ≪ 25 ms); with no margin it is 0.
const maxEarlyMs = 1;

export function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function createLimiter(options: LimiterOptions): Limiter {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? realSleep;
  const safety = options.safety ?? defaultSafety;
  const interval = (1000 / options.ratePerSecond) * safety;
  const earlyMs = Math.max(0, Math.min(maxEarlyMs, ((safety - 1) * 1000) / 2));
  const waiters: ((answered: Answered) => void)[] = [];
  /** The next free slot: the earliest time the next release is due. */
  let nextSlot = Number.NEGATIVE_INFINITY;
  let pumping = false;
  /** A serial limiter's call that has not been answered yet. */
  let inFlight = false;

  const due = (time: number) => !inFlight && nextSlot - time <= earlyMs;
  /** A release at `time` takes the next slot, or restarts the grid from `time` when that slot is past. */
  const take = (time: number): Answered => {
    nextSlot = Math.max(nextSlot, time) + interval;
    if (!options.serial) return () => {};
    inFlight = true;
    let answered = false;
    return () => {
      if (answered) return;
      answered = true;
      inFlight = false;
      nextSlot = Math.max(nextSlot, now() + 1000 / options.ratePerSecond);
      void pump();
    };
  };

  async function pump() {
    if (pumping) return;
    pumping = true;
    try {
      while (waiters.length > 0) {
        // A serial call in flight: its answer pumps again.
        if (inFlight) return;
        const time = now();
        if (!due(time)) {
          await sleep(nextSlot - time);
          continue;
        }
        // Every waiter whose slot is due goes now, not one per wake-up.
        while (waiters.length > 0 && due(time)) {
          waiters.shift()!(take(time));
        }
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
      if (waiters.length === 0 && due(current)) return Promise.resolve(take(current));
      const wait = Math.max(0, nextSlot - current) + waiters.length * interval;
      if (waiters.length >= options.maxQueue || wait > options.maxWaitMs) {
        return Promise.reject(new RateLimited(wait));
      }
      return new Promise<Answered>((resolve) => {
        waiters.push(resolve);
        void pump();
      });
    },
  };
}
