import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { simCylanceCredentials, simDemoCredentials } from '../sim/auth-credentials.ts';
import { createWallClock } from '../sim/clock.ts';
import { defaultSimConfig, type SimConfig } from '../sim/config.ts';
import type { FaultSpec } from '../sim/faults-spec.ts';
import { startSimServer } from '../sim/server.ts';
import { createSimTenant } from '../sim/tenant.ts';
import { type AppDeps, createApp, type VendorStatus } from './app.ts';
import { createAuditLog } from './audit.ts';
import { createNoAuth, createOidcAuth } from './auth/auth.ts';
import { type GatewayConfig, secretsOf, type VendorConfigs, type VendorName, vendorNames } from './config.ts';
import type { VendorRuntime } from './forward.ts';
import { createLimiter } from './limiter.ts';
import { createLogger, createRedactor, type Logger, type Redactor } from './redact.ts';
import { createUpstreamClient } from './upstream.ts';
import { createCylanceAdapter } from './vendors/cylance-auth.ts';
import { createEsetAdapter } from './vendors/eset-auth.ts';
import { createPrismaAdapter } from './vendors/prisma.ts';

export interface GatewayOptions {
  logger?: Logger;
  /** Log lines go here (default console.log); they pass the redactor first. */
  write?: (line: string) => void;
  /** The gateway's clock for token lifetimes (tests move it forward). */
  now?: () => number;
  /** Demo mode: the simulated tenant's sizes and speed (SIM_* variables). */
  simConfig?: SimConfig;
  /** Demo mode: faults injected from the start (`SIM_FAULTS`, sim/faults-spec.ts). */
  simFaults?: FaultSpec;
}

export interface Gateway {
  origin: string;
  mode: 'demo' | 'live';
  vendors: Partial<Record<VendorName, VendorRuntime>>;
  redactor: Redactor;
  /** Demo mode: the in-process simulator. */
  sim?: { origin: string };
  close(): Promise<void>;
}

const labels: Record<VendorName, string> = { cylance: 'Cylance', eset: 'ESET', prisma: 'Prisma' };

function buildVendors(config: GatewayConfig, vendors: VendorConfigs, redactor: Redactor, now?: () => number) {
  const timeouts = {
    connectTimeoutMs: config.connectTimeoutMs,
    responseTimeoutMs: config.upstreamTimeoutMs,
    onToken: redactor.add,
  };
  const limiter = (ratePerSecond: number, serial?: boolean) =>
    createLimiter({
      ratePerSecond,
      serial,
      maxQueue: config.queueMaxLength,
      maxWaitMs: config.queueMaxWaitMs,
    });
  const runtimes: Partial<Record<VendorName, VendorRuntime>> = {};
  if (vendors.cylance) {
    const adapter = createCylanceAdapter({
      config: vendors.cylance,
      upstream: createUpstreamClient(),
      now,
      ...timeouts,
    });
    runtimes.cylance = {
      name: 'cylance',
      label: labels.cylance,
      adapter,
      limiter: limiter(vendors.cylance.ratePerSecond),
    };
  }
  if (vendors.eset) {
    const adapter = createEsetAdapter({
      config: vendors.eset,
      upstream: createUpstreamClient(),
      now,
      ...timeouts,
    });
    runtimes.eset = {
      name: 'eset',
      label: labels.eset,
      adapter,
      limiter: limiter(vendors.eset.ratePerSecond),
    };
  }
  if (vendors.prisma) {
    const adapter = createPrismaAdapter(vendors.prisma, createUpstreamClient(vendors.prisma.tls));
    runtimes.prisma = {
      name: 'prisma',
      label: labels.prisma,
      adapter,
      // Prisma refuses anything closer than one second (api-contracts.md §3): one call at a time, each a
      // second after the previous answer, so no network jitter can make two arrive closer.
      limiter: limiter(vendors.prisma.ratePerSecond, true),
    };
  }
  return runtimes;
}

function vendorStatus(config: GatewayConfig, vendors: VendorConfigs): Record<VendorName, VendorStatus> {
  const hosts: Record<VendorName, string | undefined> = {
    cylance: vendors.cylance?.baseUrl,
    eset: vendors.eset?.deviceManagementUrl,
    prisma: vendors.prisma?.baseUrl,
  };
  const entries = vendorNames.map((name): [VendorName, VendorStatus] => {
    const base = hosts[name];
    if (!base) return [name, { connected: false, missing: config.missing[name] }];
    return [name, { connected: true, host: new URL(base).host }];
  });
  return Object.fromEntries(entries) as Record<VendorName, VendorStatus>;
}

/**
 * Demo mode: the simulated tenant on a loopback port, with credentials required, and the gateway configured
 * exactly as in live mode with the simulator's URLs and demo credentials — so demo mode runs the same token
 * minting, forwarding and limiter code as live mode.
 */
async function startDemoSim(simConfig: SimConfig, faults?: FaultSpec) {
  const tenant = createSimTenant({ config: simConfig, clock: createWallClock(simConfig.speed) });
  const sim = await startSimServer({
    tenant,
    requireAuth: true,
    prismaApiKey: simDemoCredentials.prisma.apiKey,
    faults,
  });
  const vendors: VendorConfigs = {
    cylance: { ...simCylanceCredentials(tenant), baseUrl: sim.mounts.cylance, ratePerSecond: 10 },
    eset: {
      ...simDemoCredentials.eset,
      deviceManagementUrl: sim.mounts.esetDeviceManagement,
      authUrl: `${sim.mounts.esetAuth}/oauth/token`,
      ratePerSecond: 10,
    },
    prisma: {
      ...simDemoCredentials.prisma,
      baseUrl: sim.mounts.prisma.base,
      keyInPath: false,
      ratePerSecond: 1,
    },
  };
  return { sim, vendors };
}

/**
 * Shareable links carry selections in the URL (the ESET selection and snapshot: 37 characters per UUID, twice
 * for a snapshot of the selection — 1 000 devices ≈ 74 kB). Node's default 16 KiB request head refused a link
 * with 250 devices (431) on reload; 128 KiB admits a whole 1 000-device page of ESET's list.
 */
export const maxRequestHeadBytes = 128 * 1024;

export async function startGateway(config: GatewayConfig, options: GatewayOptions = {}): Promise<Gateway> {
  const demo =
    config.mode === 'demo'
      ? await startDemoSim(options.simConfig ?? defaultSimConfig, options.simFaults)
      : undefined;
  const vendorConfigs = demo?.vendors ?? config.vendors;
  const redactor = createRedactor([
    ...secretsOf(vendorConfigs),
    config.auth?.clientSecret ?? '',
    config.auth?.sessionSecret ?? '',
  ]);
  const logger = options.logger ?? createLogger(redactor, options.write);
  const vendors = buildVendors(config, vendorConfigs, redactor, options.now);
  const deps: AppDeps = {
    config,
    vendors,
    vendorStatus: vendorStatus(config, vendorConfigs),
    simOrigin: demo?.sim.origin,
    logger,
    auth: config.auth
      ? createOidcAuth(config.auth, { now: options.now ?? Date.now, logger })
      : createNoAuth(),
    forwardDeps: {
      connectTimeoutMs: config.connectTimeoutMs,
      upstreamTimeoutMs: config.upstreamTimeoutMs,
      audit: createAuditLog(config.auditLogPath, redactor, (message) => logger.error(message)),
      logger,
      redact: redactor.redact,
    },
  };
  const app = createApp(deps);
  const releaseVendors = () => {
    for (const vendor of Object.values(vendors)) vendor.adapter.upstream.close();
  };
  const { server, address } = await new Promise<{ server: ReturnType<typeof serve>; address: AddressInfo }>(
    (resolve, reject) => {
      const server = serve(
        {
          fetch: app.fetch,
          hostname: config.host,
          port: config.port,
          serverOptions: { maxHeaderSize: maxRequestHeadBytes },
        },
        (info) => resolve({ server, address: info }),
      );
      server.once('error', reject);
    },
  ).catch(async (error: unknown) => {
    releaseVendors();
    await demo?.sim.close();
    throw error;
  });
  for (const warning of config.warnings) logger.warn(warning);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    origin: `http://${host}:${address.port}`,
    mode: config.mode,
    vendors,
    redactor,
    sim: demo ? { origin: demo.sim.origin } : undefined,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      releaseVendors();
      await demo?.sim.close();
    },
  };
}
