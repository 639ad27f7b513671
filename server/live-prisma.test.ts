import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWallClock } from '../sim/clock.ts';
import { generateTestCerts, type TestCerts } from './test-certs.ts';
import { type LiveSetup, type LiveSetupOptions, prismaSpy, startLiveSetup, tempDir } from './test-support.ts';

const setups: LiveSetup[] = [];
async function start(
  env: Record<string, string> = {},
  options: Omit<LiveSetupOptions, 'env' | 'extraHandlers'> = {},
) {
  const spy = prismaSpy();
  const setup = await startLiveSetup({ vendors: ['prisma'], extraHandlers: spy.handlers, env, ...options });
  setups.push(setup);
  const refused = () => setup.tenant.prismaVerdicts.rateLimit.refused;
  return { setup, seen: spy.seen, refused, get: (path: string) => fetch(`${setup.gateway.origin}${path}`) };
}
afterEach(async () => {
  await Promise.all(setups.splice(0).map((setup) => setup.close()));
});

describe('live mode: Prisma API key', () => {
  it('sends the key as the apiKey header by default', async () => {
    const { get, seen } = await start();
    const response = await get('/api/prisma/verdicts?pageLen=10');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ count: 10 });
    expect(seen).toEqual({ header: 1, path: 0 });
  });

  it('puts the key in the legacy path with PRISMA_KEY_IN_PATH=true', async () => {
    const { get, seen } = await start({ PRISMA_KEY_IN_PATH: 'true' });
    expect((await get('/api/prisma/verdicts?pageLen=10')).status).toBe(200);
    expect(seen).toEqual({ header: 0, path: 1 });
  });

  it('passes a vendor 401 on once (a static key cannot be renewed) and never echoes the key', async () => {
    const { get, seen, setup } = await start({
      PRISMA_API_KEY: 'a-wrong-prisma-key',
      PRISMA_KEY_IN_PATH: 'true',
    });
    const response = await get('/api/prisma/verdicts');
    expect(response.status).toBe(401);
    expect(seen.path).toBe(1);
    expect(setup.logs.join('\n')).not.toContain('a-wrong-prisma-key');
  });
});

describe('live mode: Prisma mutual TLS', () => {
  let certs: TestCerts;
  let dir: ReturnType<typeof tempDir>;
  beforeAll(() => {
    dir = tempDir('triage-certs-');
    certs = generateTestCerts(dir.path);
  });
  afterAll(() => dir.remove());
  const serverTls = () => ({ key: certs.serverKey, cert: certs.serverCert, ca: certs.caCert });

  it('presents the client certificate', async () => {
    const { get, seen, setup } = await start(
      {
        PRISMA_CLIENT_CERT: certs.clientCertPath,
        PRISMA_CLIENT_KEY: certs.clientKeyPath,
        PRISMA_CA_CERT: certs.caCertPath,
      },
      { tls: serverTls() },
    );
    expect(setup.sim.origin).toMatch(/^https:/);
    expect((await get('/api/prisma/verdicts')).status).toBe(200);
    expect(seen.header).toBe(1);
  });

  it('cannot reach the vendor without a certificate, or with one from another CA', async () => {
    const envs: Record<string, string>[] = [
      { PRISMA_CA_CERT: certs.caCertPath },
      {
        PRISMA_CLIENT_CERT: certs.strangerCertPath,
        PRISMA_CLIENT_KEY: certs.strangerKeyPath,
        PRISMA_CA_CERT: certs.caCertPath,
      },
    ];
    for (const env of envs) {
      const { get, seen } = await start(env, { tls: serverTls() });
      const response = await get('/api/prisma/verdicts');
      expect(response.status).toBe(502);
      expect(await response.json()).toMatchObject({ code: 'upstream_unreachable' });
      expect(seen.header).toBe(0);
    }
  });
});

describe('live mode: the Prisma limiter', () => {
  it('spreads 10 calls from 5 concurrent clients over at least 9 s, with no 429 from the vendor', async () => {
    // A wall clock: the simulator's Prisma module measures its 1 request/second on the simulated clock.
    const { get, refused } = await start({}, { clock: createWallClock(1) });
    const started = performance.now();
    const client = async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 2; i++) statuses.push((await get('/api/prisma/verdicts')).status);
      return statuses;
    };
    const statuses = (await Promise.all(Array.from({ length: 5 }, client))).flat();
    const elapsed = performance.now() - started;
    expect(statuses).toEqual(Array(10).fill(200));
    expect(refused()).toBe(0);
    expect(elapsed).toBeGreaterThanOrEqual(9000);
  }, 20_000);
});
