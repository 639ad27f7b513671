import { createManualClock, createWallClock, type SimClock } from './clock.ts';
import { defaultSimConfig, type SimConfig } from './config.ts';
import type { SimContext } from './context.ts';
import { createCylanceDevices } from './cylance/devices.ts';
import { createFileRetrievals } from './cylance/file-retrievals.ts';
import { createFocusViews } from './cylance/focus-views.ts';
import { createPackages } from './cylance/packages.ts';
import { createEsetDevices } from './eset/devices.ts';
import { createPrismaVerdicts } from './prisma/verdicts.ts';
import { createRandom } from './random.ts';
import { createWorld } from './world.ts';

/** One simulated tenant: the same machines across the three vendors, and each vendor's own state. */
export interface SimTenant extends SimContext {
  cylanceDevices: ReturnType<typeof createCylanceDevices>;
  packages: ReturnType<typeof createPackages>;
  focusViews: ReturnType<typeof createFocusViews>;
  fileRetrievals: ReturnType<typeof createFileRetrievals>;
  esetDevices: ReturnType<typeof createEsetDevices>;
  prismaVerdicts: ReturnType<typeof createPrismaVerdicts>;
}

export interface SimTenantOptions {
  config?: Partial<SimConfig>;
  /** Defaults to a manual clock (tests); demo mode passes a wall clock. */
  clock?: SimClock;
}

export function createSimTenant(options: SimTenantOptions = {}): SimTenant {
  const config = { ...defaultSimConfig, ...options.config };
  const clock = options.clock ?? createManualClock();
  const random = createRandom(config.seed);
  const context: SimContext = {
    config,
    clock,
    random,
    world: createWorld(config, random.fork('world')),
    tenantId: random.fork('tenant').uuid(),
  };
  return {
    ...context,
    cylanceDevices: createCylanceDevices(context),
    packages: createPackages(context),
    focusViews: createFocusViews(context),
    fileRetrievals: createFileRetrievals(context),
    esetDevices: createEsetDevices(context),
    prismaVerdicts: createPrismaVerdicts(context),
  };
}

export { createManualClock, createWallClock };
