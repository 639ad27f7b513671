/**
 * At most `max` tasks at a time, the rest wait in order. Used where many calls would otherwise start together
 * (polling every pending file retrieval, a bulk request over many devices) so one page never floods a vendor.
 */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly queued: number;
}

export function createLimiter(max: number): Limiter {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    active--;
    waiting.shift()?.();
  };
  return {
    get active() {
      return active;
    },
    get queued() {
      return waiting.length;
    },
    async run(task) {
      if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
      active++;
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}

/** Runs `task` over `items` with at most `max` in flight; results keep the items' order; never rejects. */
export async function settleWithConcurrency<I, R>(
  items: readonly I[],
  max: number,
  task: (item: I, index: number) => Promise<R>,
  onSettled?: (result: PromiseSettledResult<R>, index: number) => void,
): Promise<PromiseSettledResult<R>[]> {
  const limiter = createLimiter(max);
  return Promise.all(
    items.map(async (item, index) => {
      let result: PromiseSettledResult<R>;
      try {
        result = { status: 'fulfilled', value: await limiter.run(() => task(item, index)) };
      } catch (reason) {
        result = { status: 'rejected', reason };
      }
      onSettled?.(result, index);
      return result;
    }),
  );
}
