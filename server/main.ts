import { fileURLToPath } from 'node:url';
import { simConfigFromEnv } from '../sim/config.ts';
import { parseFaultSpec } from '../sim/faults-spec.ts';
import { loadConfig } from './config.ts';
import { loadEnv } from './env-file.ts';
import { startGateway } from './gateway.ts';

/** `npm run gateway`: validate the configuration, then serve the console and the vendor APIs. */
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
// TRIAGE_ENV_FILE points elsewhere (tests use it to ignore a developer's own .env).
const env = loadEnv(process.env.TRIAGE_ENV_FILE ?? `${projectRoot}.env`, process.env);
const result = loadConfig(env);
if (!result.ok) {
  for (const problem of result.problems) console.error(`triage-gateway: ${problem}`);
  console.error('triage-gateway: not started (fix the lines above; see README "Configuration").');
  process.exit(1);
}
let simConfig: ReturnType<typeof simConfigFromEnv>;
try {
  simConfig = simConfigFromEnv(env);
} catch (error) {
  console.error(`triage-gateway: ${(error as Error).message}`);
  process.exit(1);
}
// Demo mode only: faults the simulator injects from the start (README "Fault injection").
const simFaults = parseFaultSpec(env.SIM_FAULTS);
if (!simFaults.ok) {
  console.error(`triage-gateway: ${simFaults.reason}`);
  process.exit(1);
}
const gateway = await startGateway(result.config, { simConfig, simFaults: simFaults.spec }).catch(
  (error: NodeJS.ErrnoException) => {
    const { host, port } = result.config;
    console.error(`triage-gateway: cannot listen on ${host}:${port} (${error.code ?? error.message}).`);
    process.exit(1);
  },
);
console.log(
  `Triage Console (${gateway.mode === 'demo' ? 'demo tenant — no vendor credentials configured' : 'live'}) at ${gateway.origin}`,
);
const stop = async () => {
  await gateway.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
