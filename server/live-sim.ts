import { simDemoCredentials } from '../sim/auth-credentials.ts';
import { createWallClock } from '../sim/clock.ts';
import { simConfigFromEnv } from '../sim/config.ts';
import { startSimServer } from '../sim/server.ts';
import { createSimTenant } from '../sim/tenant.ts';
import { loadConfig } from './config.ts';
import { startGateway } from './gateway.ts';
import { liveEnvForSim } from './live-sim-env.ts';

/**
 * `node server/live-sim.ts`: the gateway in *live* mode, configured through the same environment variables
 * as a real deployment, against a separately started simulator that requires credentials. Used to run the
 * Playwright suite once in live mode (issue #8). The simulator's clock control stays on the simulator's own
 * origin (printed below); the gateway does not expose /api/sim in live mode.
 */
const simConfig = simConfigFromEnv(process.env);
const tenant = createSimTenant({ config: simConfig, clock: createWallClock(simConfig.speed) });
// SIM_PORT fixes the simulator's port, so e2e can reach its clock control at http://127.0.0.1:SIM_PORT/sim/clock.
const sim = await startSimServer({
  tenant,
  port: Number(process.env.SIM_PORT ?? 0),
  requireAuth: true,
  prismaApiKey: simDemoCredentials.prisma.apiKey,
});
const result = loadConfig({ ...process.env, ...liveEnvForSim(tenant, sim) });
if (!result.ok) {
  for (const problem of result.problems) console.error(`triage-gateway: ${problem}`);
  await sim.close();
  process.exit(1);
}
const gateway = await startGateway(result.config);
console.log(`Simulated vendors at ${sim.origin} (clock: ${sim.origin}/sim/clock)`);
console.log(`Triage Console (live mode against the simulator) at ${gateway.origin}`);
const stop = async () => {
  await gateway.close();
  await sim.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
