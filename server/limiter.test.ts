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

  it('releases every waiter due in the same millisecond at once, still never faster than the rate', async () => {
    const time = fakeTime();
    let sleeps = 0;
    const limiter = createLimiter({
      ratePerSecond: 100_000,
      maxQueue: 10_000,
      maxWaitMs: 60_000,
      now: time.now,
      sleep: (ms) => {
        sleeps++;
        return time.sleep(ms);
      },
    });
    const interval = (1000 / 100_000) * 1.05;
    const released: number[] = [];
    // 1 000 callers in the same instant: ≈ 10.5 ms of slots.
    await Promise.all(
      Array.from({ length: 1000 }, () => limiter.acquire().then(() => released.push(time.now()))),
    );
    expect(released).toHaveLength(1000);
    // The k-th release is never earlier than its slot less the 1 ms a timer cannot resolve.
    for (const [k, at] of released.entries()) expect(at).toBeGreaterThanOrEqual(k * interval - 1 - 1e-9);
    expect(released.at(-1)).toBeLessThanOrEqual(1000 * interval);
    // A few wake-ups, each releasing the waiters whose slots are due — not one wake-up per waiter.
    expect(sleeps).toBeLessThanOrEqual(12);
  });

  it('at a very high rate and a real clock, 2 000 simultaneous callers pass in a few milliseconds', async () => {
    const limiter = createLimiter({ ratePerSecond: 1_000_000, maxQueue: 10_000, maxWaitMs: 60_000 });
    const started = performance.now();
    await Promise.all(Array.from({ length: 2000 }, () => limiter.acquire()));
    // One release per timer tick (whole-millisecond time) took over 2 s; due waiters now go together.
    expect(performance.now() - started).toBeLessThan(500);
    expect(limiter.queued).toBe(0);
  });

  it('serial (Prisma): one call at a time, the next a full second after the previous answer', async () => {
    const time = fakeTime();
    const limiter = createLimiter({
      ratePerSecond: 1,
      maxQueue: 100,
      maxWaitMs: 60_000,
      serial: true,
      ...time,
    });
    const released: number[] = [];
    const call = async (answerAfterMs: number) => {
      const answered = await limiter.acquire();
      released.push(time.now());
      await time.sleep(answerAfterMs);
      answered();
    };
    // The first answer takes 300 ms: the second call goes 1 000 ms after it (1 300), not at 1 050. The
    // second answers at once, so the third keeps to the 1 050 ms release spacing (2 350).
    await Promise.all([call(300), call(0), call(0)]);
    expect(released).toEqual([0, 1300, 2350]);
    expect(limiter.queued).toBe(0);
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
