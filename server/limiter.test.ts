import { describe, expect, it } from 'vitest';
import { createLimiter, RateLimited } from './limiter.ts';

/** A fake clock: sleeping moves time forward (after the released callers have run). */
function fakeTime() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      await new Promise((resolve) => setImmediate(resolve));
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('limiter', () => {
  it('releases requests at least one interval apart (the vendor rate plus 5 %)', async () => {
    const time = fakeTime();
    const limiter = createLimiter({ ratePerSecond: 1, maxQueue: 100, maxWaitMs: 60_000, ...time });
    const released: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, () => limiter.acquire().then(() => released.push(time.now()))),
    );
    expect(released).toEqual([0, 1050, 2100, 3150, 4200]);
  });

  it('measures the interval from the actual release, so a late one does not crowd the next', async () => {
    const time = fakeTime();
    const limiter = createLimiter({ ratePerSecond: 10, maxQueue: 100, maxWaitMs: 60_000, ...time });
    await limiter.acquire();
    time.advance(500);
    await limiter.acquire();
    time.advance(30);
    const released: number[] = [];
    await limiter.acquire().then(() => released.push(time.now()));
    expect(released).toEqual([605]);
  });

  it('refuses with a retry-after when the wait would be too long or the queue is full', async () => {
    const time = fakeTime();
    const never = () => new Promise<void>(() => {});
    const slow = createLimiter({
      ratePerSecond: 1,
      maxQueue: 100,
      maxWaitMs: 1500,
      now: time.now,
      sleep: never,
    });
    await slow.acquire();
    void slow.acquire();
    expect(slow.queued).toBe(1);
    await expect(slow.acquire()).rejects.toEqual(new RateLimited(2100));

    const short = createLimiter({
      ratePerSecond: 1,
      maxQueue: 1,
      maxWaitMs: 60_000,
      now: time.now,
      sleep: never,
    });
    await short.acquire();
    void short.acquire();
    await expect(short.acquire()).rejects.toBeInstanceOf(RateLimited);
  });
});
