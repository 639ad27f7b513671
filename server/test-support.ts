import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HttpHandler, http } from 'msw';
import { simDemoCredentials } from '../sim/auth-credentials.ts';
import { createManualClock, type SimClock } from '../sim/clock.ts';
import type { SimConfig } from '../sim/config.ts';
import { type SimServer, startSimServer } from '../sim/server.ts';
import { createSimTenant, type SimTenant } from '../sim/tenant.ts';
import { loadConfig } from './config.ts';
import { type Gateway, startGateway } from './gateway.ts';
import { liveEnvForSim } from './live-sim-env.ts';

/** Test helpers: a simulator requiring credentials, and a live-mode gateway configured against it. */
export const smallSim: Partial<SimConfig> = {
  cylanceDevices: 30,
  esetDevices: 20,
  esetGroups: 3,
  prismaVerdicts: 50,
  packages: 10,
  focusViews: 20,
  fileRetrievals: 10,
};

export function tempDir(prefix = 'triage-gw-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface LiveSetup {
  tenant: SimTenant;
  sim: SimServer;
  gateway: Gateway;
  logs: string[];
  dir: string;
  auditPath: string;
  env: Record<string, string>;
  /** The gateway's clock: move it to test token lifetimes. */
  gatewayClock: { offsetMs: number };
  close(): Promise<void>;
}

export interface LiveSetupOptions {
  vendors?: ('cylance' | 'eset' | 'prisma')[];
  clock?: SimClock;
  env?: Record<string, string>;
  extraHandlers?: HttpHandler[];
  tls?: { key: string; cert: string; ca?: string };
}

export async function startLiveSetup(options: LiveSetupOptions = {}): Promise<LiveSetup> {
  const tenant = createSimTenant({ config: smallSim, clock: options.clock ?? createManualClock() });
  const sim = await startSimServer({
    tenant,
    requireAuth: true,
    prismaApiKey: simDemoCredentials.prisma.apiKey,
    extraHandlers: options.extraHandlers,
    tls: options.tls,
  });
  const dir = tempDir();
  const auditPath = join(dir.path, 'audit.log');
  const env = {
    PORT: '0',
    TRIAGE_DIST: join(dir.path, 'dist'),
    TRIAGE_AUDIT_LOG: auditPath,
    ...liveEnvForSim(tenant, sim, options.vendors ?? ['cylance', 'eset', 'prisma']),
    ...options.env,
  };
  const result = loadConfig(env);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const logs: string[] = [];
  const gatewayClock = { offsetMs: 0 };
  const gateway = await startGateway(result.config, {
    write: (line) => logs.push(line),
    now: () => Date.now() + gatewayClock.offsetMs,
  });
  return {
    tenant,
    sim,
    gateway,
    logs,
    dir: dir.path,
    auditPath,
    env,
    gatewayClock,
    close: async () => {
      await gateway.close();
      await sim.close();
      dir.remove();
    },
  };
}

/**
 * Watches what reaches the simulated Prisma (the key style used) and lets the request through to the
 * simulator's own Prisma module, which checks the key and the 1 request/second limit (api-contracts.md §3).
 */
export function prismaSpy() {
  const seen = { header: 0, path: 0 };
  const handlers = [
    http.get('*/prisma/api/v1/token/verdicts', () => {
      seen.header++;
      return undefined;
    }),
    http.get('*/prisma/api/v1/token/:key/verdicts', () => {
      seen.path++;
      return undefined;
    }),
  ];
  return { handlers, seen };
}
