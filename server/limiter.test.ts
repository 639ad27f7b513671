import { describe, expect, it } from 'vitest';
import { createLimiter, RateLimited } from './limiter.ts';

function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    // Slots are reserved before the sleep, so recording the waits is enough.
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
    advance: (ms: number) => {
      now += ms;
    },
    sleeps,
  };
}

describe('limiter', () => {
  it('spaces requests evenly at the vendor rate (with a small safety margin)', async () => {
    const time = fakeTime();
    const limiter = createLimiter({ ratePerSecond: 1, maxQueue: 100, maxWaitMs: 60_000, ...time });
    for (let i = 0; i < 5; i++) await limiter.acquire();
    expect(time.sleeps).toEqual([1020, 2040, 3060, 4080]);
  });

  it('lets time pass without queueing', async () => {
    const time = fakeTime();
    const limiter = createLimiter({ ratePerSecond: 10, maxQueue: 100, maxWaitMs: 60_000, ...time });
    await limiter.acquire();
    time.advance(500);
    await limiter.acquire();
    expect(time.sleeps).toEqual([]);
  });

  it('refuses with a retry-after when the wait would be too long or the queue is full', async () => {
    const time = fakeTime();
    const slow = createLimiter({ ratePerSecond: 1, maxQueue: 100, maxWaitMs: 1500, ...time });
    await slow.acquire();
    await slow.acquire();
    await expect(slow.acquire()).rejects.toEqual(new RateLimited(2040));

    const never = () => new Promise<void>(() => {});
    const short = createLimiter({
      ratePerSecond: 1,
      maxQueue: 1,
      maxWaitMs: 60_000,
      now: () => 0,
      sleep: never,
    });
    void short.acquire();
    void short.acquire();
    expect(short.queued).toBe(1);
    await expect(short.acquire()).rejects.toBeInstanceOf(RateLimited);
  });
});
