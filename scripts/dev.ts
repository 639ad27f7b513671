import { fileURLToPath } from 'node:url';
import { loadConfig } from '../server/config.ts';
import { loadEnv } from '../server/env-file.ts';
import { startGateway } from '../server/gateway.ts';
import { simConfigFromEnv } from '../sim/config.ts';

/**
 * `npm run dev`: a demo-mode gateway on GATEWAY_PORT (default 8787) and Vite with HMR, which proxies /api
 * to it (vite.config.ts). Vendor credentials are ignored here on purpose: development runs on the simulator.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const gatewayPort = process.env.GATEWAY_PORT ?? '8787';
process.env.GATEWAY_PORT = gatewayPort;

const env = loadEnv(process.env.TRIAGE_ENV_FILE ?? `${root}.env`, process.env);
const passThrough = Object.fromEntries(
  Object.entries(env).filter(([name]) => name.startsWith('SIM_') || name === 'TRIAGE_AUDIT_LOG'),
);
const result = loadConfig({ ...passThrough, HOST: '127.0.0.1', PORT: gatewayPort });
if (!result.ok) {
  for (const problem of result.problems) console.error(`dev: ${problem}`);
  process.exit(1);
}
const gateway = await startGateway(result.config, { simConfig: simConfigFromEnv(env) });
console.log(`Demo gateway at ${gateway.origin}`);

const { createServer } = await import('vite');
const vite = await createServer({ server: { host: '127.0.0.1' } });
await vite.listen();
vite.printUrls();

const stop = async () => {
  await vite.close();
  await gateway.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
