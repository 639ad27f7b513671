import { describe, expect, it } from 'vitest';
import { chunk, runLimited } from './chunk.ts';
import { defaultPollSchedule, nextPollInterval } from './polling.ts';

describe('chunk', () => {
  it('splits 10 000 pairs into 50 searches of 200 and 201 into 200 + 1', () => {
    const pairs = Array.from({ length: 10_000 }, (_, i) => i);
    const chunks = chunk(pairs, 200);
    expect(chunks).toHaveLength(50);
    expect(chunks.every((part) => part.length === 200)).toBe(true);
    expect(chunks.flat()).toEqual(pairs);
    expect(chunk(pairs.slice(0, 201), 200).map((part) => part.length)).toEqual([200, 1]);
    expect(chunk([], 200)).toEqual([]);
    expect(() => chunk(pairs, 0)).toThrow(RangeError);
  });
});

describe('runLimited', () => {
  it('never runs more than the limit at once, reports progress and counts failures', async () => {
    let running = 0;
    let peak = 0;
    const progress: number[] = [];
    const errors: number[] = [];
    const run = runLimited(
      Array.from({ length: 10 }, (_, i) => i),
      async (task) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 2));
        running--;
        if (task === 3) throw new Error('boom');
      },
      { concurrency: 3, onProgress: (p) => progress.push(p.settled), onError: (index) => errors.push(index) },
    );
    expect(await run.done).toEqual({ total: 10, settled: 10, failed: 1, cancelled: false });
    expect(peak).toBe(3);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(errors).toEqual([3]);
  });

  it('cancel starts nothing new and aborts the running tasks', async () => {
    const started: number[] = [];
    const aborted: number[] = [];
    const run = runLimited(
      Array.from({ length: 10 }, (_, i) => i),
      (task, signal) =>
        new Promise((_, reject) => {
          started.push(task);
          signal.addEventListener('abort', () => {
            aborted.push(task);
            reject(new DOMException('aborted', 'AbortError'));
          });
        }),
      { concurrency: 2 },
    );
    run.cancel();
    const result = await run.done;
    expect(result).toMatchObject({ cancelled: true, failed: 0 });
    expect(started).toEqual([0, 1]);
    expect(aborted).toEqual([0, 1]);
  });
});

describe('poll backoff schedule', () => {
  it('starts at 2 s, grows while nothing changes and stops growing at 30 s', () => {
    const ticks = Array.from({ length: 10 }, (_, i) => nextPollInterval(i));
    expect(ticks[0]).toBe(2_000);
    expect(ticks.every((ms, i) => i === 0 || ms >= ticks[i - 1]!)).toBe(true);
    expect(ticks.at(-1)).toBe(30_000);
    expect(nextPollInterval(100, defaultPollSchedule)).toBe(30_000);
  });
});
