import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simCylanceCredentials } from '../sim/auth-credentials.ts';
import { simAuthState } from '../sim/auth-store.ts';
import { type LiveSetup, startLiveSetup } from './test-support.ts';
import type { createCylanceAdapter } from './vendors/cylance-auth.ts';

let setup: LiveSetup;
beforeEach(async () => {
  setup = await startLiveSetup({ vendors: ['cylance'], env: { CYLANCE_RATE_PER_SECOND: '200' } });
});
afterEach(() => setup.close());

const get = (path: string) => fetch(`${setup.gateway.origin}${path}`);
const mints = () => (setup.gateway.vendors.cylance!.adapter as ReturnType<typeof createCylanceAdapter>).mints;

function jwt(
  claims: Record<string, unknown>,
  secret: string,
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
) {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part(header)}.${part(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

describe('live mode: Cylance token handling against the simulator', () => {
  it('mints one token and reuses it for many calls, concurrent ones included', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () => get('/api/cylance/devices/v2').then((r) => r.status)),
    );
    for (let i = 0; i < 8; i++) statuses.push((await get('/api/cylance/devices/v2?page=2')).status);
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(simAuthState(setup.tenant).stats.cylanceTokens).toBe(1);
    expect(mints()).toBe(1);
  });

  it('after the token expires on the vendor, a 401 leads to exactly one re-mint and retry', async () => {
    expect((await get('/api/cylance/devices/v2')).status).toBe(200);
    setup.tenant.clock.advance(31 * 60_000);
    const response = await get('/api/cylance/devices/v2');
    expect(response.status).toBe(200);
    const stats = simAuthState(setup.tenant).stats;
    expect(stats.unauthorized).toBe(1);
    expect(stats.cylanceTokens).toBe(2);
    expect(mints()).toBe(2);
  });

  it('mints a new token shortly before its own expiry, without a 401', async () => {
    expect((await get('/api/cylance/devices/v2')).status).toBe(200);
    setup.gatewayClock.offsetMs = 28.5 * 60_000;
    expect((await get('/api/cylance/devices/v2')).status).toBe(200);
    expect(simAuthState(setup.tenant).stats).toMatchObject({ cylanceTokens: 2, unauthorized: 0 });
  });

  it('retries at most once when the vendor keeps answering 401', async () => {
    // A token the simulator forgets at once: every call is a 401.
    simAuthState(setup.tenant).accessTokens.clear();
    const state = simAuthState(setup.tenant);
    const original = state.accessTokens.set.bind(state.accessTokens);
    state.accessTokens.set = (key, value) => original(key, { ...value, expiresAt: 0 });
    const response = await get('/api/cylance/devices/v2');
    expect(response.status).toBe(401);
    expect(state.stats.cylanceTokens).toBe(2);
    expect(state.stats.unauthorized).toBe(2);
  });
});

describe('the simulated Cylance token endpoint', () => {
  const exchange = (token: string) =>
    fetch(`${setup.sim.mounts.cylance}/auth/v2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ auth_token: token }),
    });
  const claims = () => {
    const credentials = simCylanceCredentials(setup.tenant);
    const iat = Math.floor(Date.now() / 1000);
    return {
      claims: {
        exp: iat + 1800,
        iat,
        iss: 'http://cylance.com',
        sub: credentials.appId,
        tid: credentials.tenantId,
        jti: crypto.randomUUID(),
      },
      secret: credentials.appSecret,
    };
  };

  it('accepts a well-formed token with exp exactly 30 minutes after iat', async () => {
    const { claims: good, secret } = claims();
    const response = await exchange(jwt(good, secret));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ access_token: expect.any(String) });
  });

  it('rejects a bad signature, a wrong iss, sub or tid, exp > 30 min, an expired token and a non-HS256 header', async () => {
    const { claims: good, secret } = claims();
    const cases: [string, number][] = [
      [jwt(good, 'not-the-secret'), 401],
      [jwt({ ...good, iss: 'http://example.com' }, secret), 401],
      [jwt({ ...good, tid: crypto.randomUUID() }, secret), 401],
      [jwt({ ...good, sub: crypto.randomUUID() }, secret), 401],
      [jwt({ ...good, exp: good.iat + 1801 }, secret), 400],
      [jwt({ ...good, iat: good.iat - 3600, exp: good.iat - 1800 }, secret), 401],
      [jwt({ ...good, jti: undefined }, secret), 400],
      [jwt(good, secret, { alg: 'none' }), 400],
      ['not-a-jwt', 400],
    ];
    for (const [token, status] of cases) {
      const response = await exchange(token);
      expect({ token, status: response.status }).toEqual({ token, status });
      expect(await response.json()).toEqual({ message: expect.any(String) });
    }
    expect(simAuthState(setup.tenant).stats.cylanceTokens).toBe(0);
  });

  it('answers 401 to vendor calls without a valid bearer token', async () => {
    const none = await fetch(`${setup.sim.mounts.cylance}/devices/v2`);
    const unknown = await fetch(`${setup.sim.mounts.cylance}/devices/v2`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect([none.status, unknown.status]).toEqual([401, 401]);
  });
});
