import { liveEnvForSim } from '../server/live-sim-env.ts';
import { simCylanceCredentials, simDemoCredentials } from '../sim/auth-credentials.ts';
import { createWallClock } from '../sim/clock.ts';
import { simConfigFromEnv } from '../sim/config.ts';
import { requestablePairs, requestView } from '../sim/cylance/focus-view-state.ts';
import { startSimServer } from '../sim/server.ts';
import { createSimTenant } from '../sim/tenant.ts';

/**
 * The simulated vendors in their own process (started by bench/servers.ts), so the gateway and the direct
 * baseline of the overhead figure each get a process of their own, as in a deployment. It prints one JSON
 * line (origin, the live-mode environment a gateway needs, Cylance credentials) and answers IPC messages:
 * `pairs` lists (uid, device) pairs that search as "Can request" (the deep-link lookup set), `pending` requests focus views for not-yet-requested pairs (the polling figure's PENDING work, made
 * in-process so no rate limit applies) and `advance` moves the simulated clock (resolving that work).
 */
const config = simConfigFromEnv(process.env);
const tenant = createSimTenant({ config, clock: createWallClock(config.speed) });
const sim = await startSimServer({
  tenant,
  host: '127.0.0.1',
  port: Number(process.env.BENCH_SIM_PORT ?? 0),
  requireAuth: true,
  prismaApiKey: simDemoCredentials.prisma.apiKey,
});

export type SimMessage =
  | { type: 'pairs' | 'pending'; id: number; offset: number; count: number }
  | { type: 'advance'; id: number; ms: number };

process.on('message', (message: SimMessage) => {
  if (message.type === 'advance') {
    tenant.clock.advance(message.ms);
    process.send?.({ id: message.id });
  } else {
    const pairs = requestablePairs(tenant, message.offset + message.count).slice(message.offset);
    for (const pair of message.type === 'pending' ? pairs : []) {
      const outcome = requestView(tenant, {
        device_id: pair.device_id,
        value: pair.uid,
        artifact_type: 'Process',
      });
      if (!outcome.ok) throw new Error(`could not request ${pair.uid}: ${outcome.message}`);
    }
    process.send?.({ id: message.id, pairs });
  }
});

console.log(
  JSON.stringify({
    origin: sim.origin,
    cylance: { ...simCylanceCredentials(tenant), baseUrl: sim.mounts.cylance },
    env: liveEnvForSim(tenant, sim),
  }),
);
process.once('SIGTERM', () => void sim.close().then(() => process.exit(0)));
