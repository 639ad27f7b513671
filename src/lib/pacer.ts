/**
 * Spaces calls to a vendor that limits requests per second (Prisma: 1/s, ESET: 10/s; api-contracts.md §2, §3).
 * The clock and the sleep are injectable so tests can drive a simulator's manual clock from the pacer's waits.
 */
export interface PacerTiming {
  now(): number;
  /** Resolves after `ms`; rejects with an AbortError when the signal aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

const realTiming: PacerTiming = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError(signal));
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortError(signal as AbortSignal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export interface PacerOptions {
  /** The smallest gap between two request starts. */
  intervalMs: number;
  /**
   * Run one call at a time, the next starting `intervalMs` after the previous one started and not before it
   * ended. Needed where the limit is tight (Prisma's 1/s): overlapping calls could arrive closer than the gap.
   */
  serial?: boolean;
  /** After a 429 the gap grows by this factor, up to `maxSlowdown` × intervalMs. */
  slowdownFactor?: number;
  maxSlowdown?: number;
  timing?: PacerTiming;
}

export interface Pacer {
  run<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** The vendor said 429: wait at least `retryAfterMs` before the next call and widen the gap. */
  backOff(retryAfterMs?: number): void;
  readonly intervalMs: number;
  /** Forget earlier calls and slow-downs (a new tenant, a new test). */
  reset(): void;
  /** Mutable so tests can drive a simulator's manual clock from the pacer's waits. */
  timing: PacerTiming;
}

export function createPacer(options: PacerOptions): Pacer {
  const factor = options.slowdownFactor ?? 1.5;
  const maxInterval = options.intervalMs * (options.maxSlowdown ?? 4);
  let interval = options.intervalMs;
  let nextSlot = Number.NEGATIVE_INFINITY;
  let queue: Promise<unknown> = Promise.resolve();

  const pacer: Pacer = {
    timing: options.timing ?? realTiming,
    get intervalMs() {
      return interval;
    },
    reset() {
      interval = options.intervalMs;
      nextSlot = Number.NEGATIVE_INFINITY;
    },
    backOff(retryAfterMs = 0) {
      interval = Math.min(maxInterval, Math.round(interval * factor));
      nextSlot = Math.max(nextSlot, pacer.timing.now() + Math.max(retryAfterMs, interval));
    },
    run(call, signal) {
      const start = async () => {
        const now = pacer.timing.now();
        const slot = Math.max(now, nextSlot);
        nextSlot = slot + interval;
        if (slot > now) await pacer.timing.sleep(slot - now, signal);
        else if (signal?.aborted) throw abortError(signal);
        return call();
      };
      if (!options.serial) return start();
      const result = queue.then(start, start);
      queue = result.catch(() => undefined);
      return result;
    },
  };
  return pacer;
}
