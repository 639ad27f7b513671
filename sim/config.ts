/** Sizes and timing of the simulated tenant. Every value can be set from the environment (README, "Demo mode"). */
export interface SimConfig {
  seed: number;
  cylanceDevices: number;
  esetDevices: number;
  esetGroups: number;
  prismaVerdicts: number;
  packages: number;
  focusViews: number;
  fileRetrievals: number;
  /** How long requested work stays PENDING, in simulated milliseconds. */
  pendingMinMs: number;
  pendingMaxMs: number;
  /** Simulated ms per real ms for the wall clock (1 = real time). */
  speed: number;
}

export const defaultSimConfig: SimConfig = {
  seed: 1337,
  cylanceDevices: 300,
  esetDevices: 250,
  esetGroups: 12,
  prismaVerdicts: 2000,
  packages: 120,
  focusViews: 400,
  fileRetrievals: 150,
  pendingMinMs: 5_000,
  pendingMaxMs: 30_000,
  speed: 1,
};

const limits: Partial<Record<keyof SimConfig, number>> = {
  cylanceDevices: 20_000,
  esetDevices: 20_000,
  prismaVerdicts: 100_000,
};

const envNames: Record<keyof SimConfig, string> = {
  seed: 'SIM_SEED',
  cylanceDevices: 'SIM_CYLANCE_DEVICES',
  esetDevices: 'SIM_ESET_DEVICES',
  esetGroups: 'SIM_ESET_GROUPS',
  prismaVerdicts: 'SIM_PRISMA_VERDICTS',
  packages: 'SIM_PACKAGES',
  focusViews: 'SIM_FOCUS_VIEWS',
  fileRetrievals: 'SIM_FILE_RETRIEVALS',
  pendingMinMs: 'SIM_PENDING_MIN_MS',
  pendingMaxMs: 'SIM_PENDING_MAX_MS',
  speed: 'SIM_SPEED',
};

/** Reads SIM_* variables; a value that is not a non-negative number is an error, not a silent default. */
export function simConfigFromEnv(env: Record<string, string | undefined>): SimConfig {
  const config: SimConfig = { ...defaultSimConfig };
  for (const key of Object.keys(envNames) as (keyof SimConfig)[]) {
    const raw = env[envNames[key]];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0)
      throw new Error(`${envNames[key]} must be a non-negative number, got "${raw}"`);
    const limit = limits[key];
    if (limit !== undefined && value > limit)
      throw new Error(`${envNames[key]} is at most ${limit}, got ${value}`);
    config[key] = value;
  }
  if (config.pendingMaxMs < config.pendingMinMs) config.pendingMaxMs = config.pendingMinMs;
  return config;
}
