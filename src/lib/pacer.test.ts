import { createPacer, type PacerTiming } from './pacer.ts';

function fakeTiming() {
  let now = 0;
  const timing: PacerTiming = {
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      now += ms;
    },
  };
  return { timing, advance: (ms: number) => (now += ms) };
}

describe('createPacer', () => {
  it('starts serial calls at least one interval apart, and not before the previous one ended', async () => {
    const { timing, advance } = fakeTiming();
    const pacer = createPacer({ intervalMs: 1_000, serial: true, timing });
    const starts: number[] = [];
    const call = (duration: number) => async () => {
      starts.push(timing.now());
      advance(duration);
    };
    await Promise.all([
      pacer.run(call(100)),
      pacer.run(call(1_500)),
      pacer.run(call(10)),
      pacer.run(call(10)),
    ]);
    expect(starts).toEqual([0, 1_000, 2_500, 3_500]);
  });

  it('after a 429 waits for Retry-After and widens the gap', async () => {
    const { timing } = fakeTiming();
    const pacer = createPacer({ intervalMs: 1_000, serial: true, timing });
    await pacer.run(async () => undefined);
    pacer.backOff(5_000);
    expect(pacer.intervalMs).toBe(1_500);
    const started: number[] = [];
    await pacer.run(async () => void started.push(timing.now()));
    await pacer.run(async () => void started.push(timing.now()));
    expect(started).toEqual([5_000, 6_500]);
    pacer.reset();
    expect(pacer.intervalMs).toBe(1_000);
  });

  it('rejects a waiting call when its signal aborts', async () => {
    const { timing } = fakeTiming();
    const pacer = createPacer({ intervalMs: 1_000, timing });
    await pacer.run(async () => undefined);
    const controller = new AbortController();
    controller.abort(new DOMException('stop', 'AbortError'));
    await expect(pacer.run(async () => 'ran', controller.signal)).rejects.toThrow('stop');
  });
});
