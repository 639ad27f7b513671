import { loadConfig } from '../server/config.ts';
import { loadEnv } from '../server/env-file.ts';
import { startGateway } from '../server/gateway.ts';

/**
 * Diagnostic only (figure 6's "limiter bypassed" rows): the real gateway, started as server/main.ts starts
 * it, with the Cylance limiter replaced by one that never waits. It shows how much of the gateway's cost is
 * the limiter (queueing, timers and the slot grid of server/limiter.ts). Never used for the console, never
 * a budgeted figure.
 */
const result = loadConfig(loadEnv('/dev/null', process.env));
if (!result.ok) {
  for (const problem of result.problems) console.error(`bench gateway: ${problem}`);
  process.exit(1);
}
const gateway = await startGateway(result.config, { write: () => {} });
const cylance = gateway.vendors.cylance;
if (!cylance) throw new Error('the bench gateway has no Cylance configuration');
cylance.limiter = { acquire: () => Promise.resolve(() => {}), queued: 0 };
process.once('SIGTERM', () => void gateway.close().then(() => process.exit(0)));
