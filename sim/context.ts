import type { SimClock } from './clock.ts';
import type { SimConfig } from './config.ts';
import type { Random } from './random.ts';
import type { World } from './world.ts';

/** What every vendor module of the simulator gets to build its state from. */
export interface SimContext {
  config: SimConfig;
  clock: SimClock;
  /** Fork it per module (`random.fork('packages')`) so modules do not reshuffle each other. */
  random: Random;
  world: World;
  tenantId: string;
}

/** A uniformly drawn PENDING duration (config.pendingMinMs..pendingMaxMs, simulated ms). */
export function pendingDurationMs(context: SimContext, random: Random): number {
  return random.int(context.config.pendingMinMs, context.config.pendingMaxMs);
}

/** Vendor timestamps are naive UTC `YYYY-MM-DDTHH:MM:SS` (api-contracts.md §1). */
export function naiveUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}
