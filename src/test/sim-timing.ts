import type { PacerTiming } from '../lib/pacer.ts';
import type { SimHarness } from './sim-server.ts';

/**
 * Pacer timing on the simulator's manual clock: a wait advances simulated time instead of sleeping, so
 * "N pages at 1 request/s" runs instantly and the simulator still sees the requests N seconds apart.
 */
export function simTiming(sim: SimHarness): PacerTiming & { slept: number[] } {
  const slept: number[] = [];
  return {
    slept,
    now: () => sim.tenant.clock.now(),
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      slept.push(ms);
      sim.tenant.clock.advance(ms);
    },
  };
}
