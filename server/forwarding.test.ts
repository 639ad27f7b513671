import { readFileSync } from 'node:fs';
import { delay, HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LiveSetup, startLiveSetup } from './test-support.ts';

// Test-only Cylance endpoints behind the simulator's real auth: they fail on purpose.
const hits: Record<string, number> = {};
const count = (name: string) => {
  hits[name] = (hits[name] ?? 0) + 1;
};
const device = '45E07F34E76B4A9EB167D6D0C510D6BA';
const flaky = [
  http.get('*/cylance/packages/v2', () => {
    count('packages');
    return hits.packages! < 3
      ? new HttpResponse(null, { status: 503 })
      : HttpResponse.json({ page_items: [] });
  }),
  http.post('*/cylance/devicecommands/v2/:id/getfile', () => {
    count('getfile');
    return HttpResponse.json({ message: 'busy' }, { status: 503 });
  }),
  http.post('*/cylance/devicecommands/v2/:id/getfile\\:get', () => {
    count('getfile:get');
    return HttpResponse.json({ message: 'busy' }, { status: 502 });
  }),
  http.post('*/cylance/foci/v2', async () => {
    count('foci');
    await delay(1500);
    return HttpResponse.json({});
  }),
  http.get('*/cylance/foci/v2', async () => {
    count('foci-list');
    await delay(1500);
    return HttpResponse.json({});
  }),
  http.get('*/cylance/devices/v2', () => {
    count('devices');
    return HttpResponse.json({ message: 'slow down' }, { status: 429, headers: { 'retry-after': '7' } });
  }),
];

let setup: LiveSetup;
beforeEach(async () => {
  for (const key of Object.keys(hits)) delete hits[key];
  setup = await startLiveSetup({
    vendors: ['cylance'],
    extraHandlers: flaky,
    env: { TRIAGE_UPSTREAM_TIMEOUT_MS: '400', CYLANCE_RATE_PER_SECOND: '100' },
  });
});
afterEach(() => setup.close());

const call = (path: string, init?: RequestInit) => fetch(`${setup.gateway.origin}${path}`, init);
const postJson = (path: string, body: unknown) =>
  call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('gateway forwarding in live mode', () => {
  it('retries idempotent reads on 502/503/504', async () => {
    expect((await call('/api/cylance/packages/v2')).status).toBe(200);
    expect(hits.packages).toBe(3);
    expect(
      (await postJson(`/api/cylance/devicecommands/v2/${device}/getfile:get`, { file_path: 'C:\\x' })).status,
    ).toBe(502);
    expect(hits['getfile:get']).toBe(3);
  });

  it('never retries a call that starts work, and audits it', async () => {
    const filePath = 'C:\\Users\\alice\\evil.exe';
    const response = await postJson(`/api/cylance/devicecommands/v2/${device}/getfile`, {
      file_path: filePath,
    });
    expect(response.status).toBe(503);
    expect(hits.getfile).toBe(1);
    const lines = readFileSync(setup.auditPath, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      expect.objectContaining({
        vendor: 'cylance',
        call: 'request-file',
        device,
        path: filePath,
        status: 503,
        upstream: true,
        requestId: expect.any(String),
        time: expect.any(String),
      }),
    ]);
  });

  it('answers 504 when the vendor is too slow, without retrying a work-starting call', async () => {
    const response = await postJson('/api/cylance/foci/v2', {
      device_id: device,
      artifact_type: 'File',
      artifact_subtype: 'Uid',
      value: 'abc',
    });
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ code: 'upstream_timeout' });
    expect(hits.foci).toBe(1);
    const [entry] = readFileSync(setup.auditPath, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(entry).toMatchObject({
      call: 'request-focus-view',
      device,
      pair: { uid: 'abc', artifactType: 'File' },
      upstream: false,
    });
  });

  it('does not retry a read that timed out (a slow vendor is not helped by more load)', async () => {
    expect((await call('/api/cylance/foci/v2')).status).toBe(504);
    expect(hits['foci-list']).toBe(1);
  });

  it('says so when the console is not built', async () => {
    const page = await call('/focus-views');
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build');
  });

  it('passes a vendor 429 on with its Retry-After', async () => {
    const response = await call('/api/cylance/devices/v2');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(hits.devices).toBe(1);
  });

  it('shows unconfigured vendors as not connected, and has no /api/sim in live mode', async () => {
    const config = await (await call('/api/config')).json();
    expect(config).toMatchObject({
      mode: 'live',
      vendors: {
        cylance: { connected: true },
        eset: { connected: false, missing: ['ESET_USERNAME', 'ESET_PASSWORD'] },
        prisma: { connected: false, missing: ['PRISMA_API_KEY'] },
      },
    });
    const eset = await call('/api/eset/v1/devices');
    expect(eset.status).toBe(503);
    expect(await eset.json()).toMatchObject({ code: 'vendor_not_connected' });
    expect((await call('/api/sim/clock')).status).toBe(404);
  });
});

describe('gateway queue', () => {
  it('answers 429 with Retry-After when a request would wait too long', async () => {
    await setup.close();
    setup = await startLiveSetup({
      vendors: ['prisma'],
      extraHandlers: [
        http.get('*/prisma/api/v1/token/verdicts', () => HttpResponse.json({ count: 0, verdicts: [] })),
      ],
      env: { TRIAGE_QUEUE_MAX_WAIT_MS: '1500' },
    });
    const statuses = await Promise.all([0, 1, 2].map(() => call('/api/prisma/verdicts')));
    expect(statuses.map((response) => response.status).sort()).toEqual([200, 200, 429]);
    const refused = statuses.find((response) => response.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(2);
  });
});
