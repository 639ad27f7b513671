import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { httpRejection } from '../test/http-rejection.ts';
import { useSimServer } from '../test/sim-server.ts';
import { getCylanceDevice, listCylanceDevices } from './cylance/devices.ts';
import { request } from './http.ts';
import { vendorHealth, vendorOfPath } from './vendor-health.ts';

const sim = useSimServer();

describe('vendor health, fed by the thin client', () => {
  beforeEach(() => vendorHealth.reset());

  it('derives the vendor from the gateway path', () => {
    expect(vendorOfPath('/api/cylance/foci/v2/search')).toBe('cylance');
    expect(vendorOfPath('/api/eset/v1/devices')).toBe('eset');
    expect(vendorOfPath('/api/eset-auth/oauth/token')).toBe('eset');
    expect(vendorOfPath('/api/prisma/verdicts:statistics')).toBe('prisma');
    expect(vendorOfPath('/api/config')).toBeUndefined();
    expect(vendorOfPath('/api/cylancer/x')).toBeUndefined();
  });

  it('records the last success and the last error of the simulator with status and message', async () => {
    await listCylanceDevices(1, 10);
    const afterSuccess = vendorHealth.getSnapshot().cylance;
    expect(afterSuccess.lastSuccessAt).toEqual(expect.any(Number));
    expect(afterSuccess.lastError).toBeUndefined();

    const error = await httpRejection(getCylanceDevice('00000000-0000-0000-0000-000000000000'));
    const { cylance, eset, prisma } = vendorHealth.getSnapshot();
    expect(cylance.lastError).toMatchObject({ status: error.status, message: error.message });
    expect(cylance.lastError?.path).toMatch(/^\/api\/cylance\/devices\/v2\//);
    expect(cylance.lastSuccessAt).toBe(afterSuccess.lastSuccessAt);
    expect(eset.lastError).toBeUndefined();
    expect(prisma.lastSuccessAt).toBeUndefined();
    expect(sim.requests.length).toBe(2);
  });

  it('adds up the Retry-After waits of 429 answers and keeps the request id', async () => {
    sim.server.use(
      http.get(`${window.location.origin}/api/prisma/verdicts:statistics`, () =>
        HttpResponse.json(
          { code: 429, message: 'Rate limit reached' },
          { status: 429, headers: { 'retry-after': '2', 'x-request-id': 'req-429-a' } },
        ),
      ),
    );
    const schema = z.unknown();
    await httpRejection(request('/api/prisma/verdicts:statistics', { schema }));
    await httpRejection(request('/api/prisma/verdicts:statistics', { schema }));
    const { prisma } = vendorHealth.getSnapshot();
    expect(prisma).toMatchObject({
      rateLimitCount: 2,
      rateLimitWaitMs: 4000,
      lastError: { status: 429, message: 'Rate limit reached', requestId: 'req-429-a', code: '429' },
    });
  });
});
