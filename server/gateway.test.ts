import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simDemoCredentials } from '../sim/auth-credentials.ts';
import { defaultSimConfig } from '../sim/config.ts';
import { loadConfig } from './config.ts';
import { type Gateway, maxRequestHeadBytes, startGateway } from './gateway.ts';
import { smallSim, tempDir } from './test-support.ts';

let gateway: Gateway;
let dir: ReturnType<typeof tempDir>;
const logs: string[] = [];
/** Big enough (> 1 kB) to be worth compressing. */
const bigAsset = `export const rows = [${Array.from({ length: 400 }, (_, i) => `"row ${i}"`).join(',')}];`;

beforeAll(async () => {
  dir = tempDir();
  const dist = join(dir.path, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><title>Triage Console</title><div id="root"></div>',
  );
  writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1);');
  writeFileSync(join(dist, 'assets', 'big-5678.js'), bigAsset);
  const result = loadConfig({ PORT: '0', TRIAGE_DIST: dist, TRIAGE_AUDIT_LOG: join(dir.path, 'audit.log') });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  gateway = await startGateway(result.config, {
    simConfig: { ...defaultSimConfig, ...smallSim, esetDevices: 60 },
    write: (line) => logs.push(line),
  });
});
afterAll(async () => {
  await gateway.close();
  dir.remove();
});

const call = (path: string, init?: RequestInit) => fetch(`${gateway.origin}${path}`, init);

describe('gateway in demo mode', () => {
  it('answers health and says it is in demo mode', async () => {
    expect(await (await call('/api/health')).json()).toEqual({ status: 'ok', mode: 'demo' });
  });

  it('reports every vendor connected in /api/config, with no secret', async () => {
    const response = await call('/api/config');
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({
      mode: 'demo',
      vendors: { cylance: { connected: true }, eset: { connected: true }, prisma: { connected: true } },
    });
    for (const secret of [
      simDemoCredentials.cylance.appSecret,
      simDemoCredentials.eset.password,
      simDemoCredentials.prisma.apiKey,
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('forwards allow-listed calls to the simulator over HTTP, with its own token', async () => {
    const response = await call('/api/cylance/devices/v2?page=1&page_size=10');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    const body = (await response.json()) as { page_items: unknown[]; page_size: number };
    expect(body.page_size).toBe(10);
    expect(body.page_items).toHaveLength(10);
  });

  it('forwards ESET and Prisma calls, and the ESET 202 replay with response-id', async () => {
    const list = await call('/api/eset/v1/devices?pageSize=55');
    expect(list.status).toBe(200);
    expect(list.headers.get('request-id')).toBeTruthy();
    const { devices } = (await list.json()) as { devices: { uuid: string }[] };
    expect(devices).toHaveLength(55);
    const verdicts = await call('/api/prisma/verdicts?pageLen=5');
    expect(await verdicts.json()).toMatchObject({ count: 5 });

    // More than 50 UUIDs is a slow answer in the simulator: 202 + response-id, replayed until ready.
    const batch = `/api/eset/v1/devices:batchGet?${devices.map((d) => `devicesUuids=${d.uuid}`).join('&')}`;
    const first = await call(batch);
    expect(first.status).toBe(202);
    const responseId = first.headers.get('response-id')!;
    expect(responseId).toBeTruthy();
    await call('/api/sim/clock', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 10_000 }),
    });
    const replay = await call(batch, { headers: { 'response-id': responseId } });
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as { devices: unknown[] }).devices).toHaveLength(55);
  });

  it('answers 404 to calls outside the allow-list and 405 to a wrong method', async () => {
    const cases: [string, RequestInit | undefined, number][] = [
      ['/api/cylance/devices/v3', undefined, 404],
      [
        '/api/cylance/auth/v2/token',
        { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } },
        404,
      ],
      ['/api/eset-auth/oauth/token', { method: 'POST' }, 404],
      ['/api/eset/v1/devices/a/b/c', undefined, 404],
      ['/api/cylance/devices/v2/..%2F..%2Fauth', undefined, 404],
      ['/api/prisma/api/v1/token/verdicts', undefined, 404],
      ['/api/nothing', undefined, 404],
      ['/api/cylance/devices/v2', { method: 'DELETE' }, 405],
      ['/api/cylance/devicecommands/v2/45E07F34E76B4A9EB167D6D0C510D6BA/getfile', undefined, 405],
    ];
    for (const [path, init, status] of cases) {
      const response = await call(path, init);
      expect({ path, status: response.status }).toEqual({ path, status });
      expect(response.headers.get('content-type')).toContain('application/json');
    }
    expect((await call('/api/cylance/devices/v2', { method: 'PUT' })).headers.get('allow')).toBe('GET');
  });

  it('checks POST bodies: JSON only, size-limited, well-formed', async () => {
    const post = (body: string, type = 'application/json') =>
      call('/api/cylance/foci/v2/search', { method: 'POST', body, headers: { 'content-type': type } });
    expect((await post('[]', 'text/plain')).status).toBe(415);
    expect((await post('x'.repeat(300 * 1024))).status).toBe(413);
    expect((await post('{nope')).status).toBe(400);
  });

  it('refuses cross-origin API calls (no CORS)', async () => {
    const response = await call('/api/health', { headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves the SPA with fallback to index.html, and assets', async () => {
    for (const path of ['/', '/focus-views', '/devices/WKS-HQ-0001']) {
      const response = await call(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Triage Console');
    }
    // A shared link whose URL carries a 1 000-device ESET selection and its snapshot (≈ 74 kB).
    const uuid = '5049c326-c623-43b3-b89c-38ab03a467bb';
    const thousand = Array.from({ length: 1000 }, () => uuid).join(',');
    const long = await call(`/devices?tab=eset&sel=${thousand}&uuids=${thousand}`);
    expect(long.status).toBe(200);
    expect(await long.text()).toContain('Triage Console');
    expect((await call(`/devices?sel=${'x'.repeat(maxRequestHeadBytes)}`)).status).toBe(431);
    const asset = await call('/assets/app-1234.js');
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await call('/assets/missing.js')).status).toBe(404);

    // Text assets are gzip-compressed for browsers that accept it; small files and other browsers get them as is.
    const big = await call('/assets/big-5678.js', { headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(big.headers.get('content-encoding')).toBe('gzip');
    expect(big.headers.get('vary')).toBe('accept-encoding');
    expect(await big.text()).toBe(bigAsset);
    const plain = await call('/assets/big-5678.js', { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(bigAsset);
    const small = await call('/assets/app-1234.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect((await call('/../../etc/passwd')).status).toBe(200);
    expect(await (await call('/%2e%2e/%2e%2e/etc/passwd')).text()).toContain('Triage Console');
  });

  it('sets the security headers on pages and API answers', async () => {
    for (const path of ['/', '/api/health', '/api/nothing']) {
      const response = await call(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('exposes the simulator clock under /api/sim in demo mode', async () => {
    const before = (await (await call('/api/sim/clock')).json()) as { nowMs: number };
    const after = await call('/api/sim/clock', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 3_600_000 }),
    });
    const body = (await after.json()) as { nowMs: number };
    expect(body.nowMs - before.nowMs).toBeGreaterThanOrEqual(3_600_000);
  });
});
