import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  prismaErrorSchema,
  verdictPageSchema,
  verdictStatisticsSchema,
} from '../../src/api/prisma/schemas.ts';
import { normalizeMac } from '../../src/lib/mac.ts';
import { createSimHandlers } from '../handlers.ts';
import { simMountsFor } from '../server.ts';
import { createSimTenant } from '../tenant.ts';

function setup(config = {}, apiKey?: string) {
  const tenant = createSimTenant({
    config: { esetDevices: 50, cylanceDevices: 60, prismaVerdicts: 2_500, ...config },
  });
  const mounts = simMountsFor('http://sim.test', apiKey);
  const handlers = createSimHandlers(tenant, { mounts, requireAuth: false });
  const call = async (path: string, headers: Record<string, string> = {}) => {
    const response = await getResponse(handlers, new Request(`${mounts.prisma.base}${path}`, { headers }));
    if (!response) throw new Error(`no handler for ${path}`);
    // Every call in these tests is spaced by the vendor's 1 s unless the test is about the limit.
    tenant.clock.advance(1_000);
    return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
  };
  return { tenant, call };
}

function expectPrismaError(body: unknown) {
  expect(prismaErrorSchema.safeParse(body).success).toBe(true);
}

describe('Prisma simulator against the client schemas', () => {
  it('dumps every verdict with the bookmark loop; the last page ends with an empty nextBookmark', async () => {
    const { call, tenant } = setup();
    const seen = new Set<string>();
    let bookmark = '';
    let pages = 0;
    for (;;) {
      const response = await call(`/verdicts?pageLen=1000${bookmark ? `&bookmark=${bookmark}` : ''}`);
      expect(response.status).toBe(200);
      const page = verdictPageSchema.parse(response.body);
      expect(page.count).toBe(page.verdicts.length);
      for (const verdict of page.verdicts) seen.add(verdict.mac ?? '');
      pages++;
      if (!page.nextBookmark) break;
      bookmark = page.nextBookmark;
    }
    expect(pages).toBe(3);
    expect(seen.size).toBe(tenant.world.prismaMachines.length);
  });

  it('defaults pageLen to 10000 and refuses pageLen outside 1–10000 with 400 {code, message}', async () => {
    const { call } = setup({ prismaVerdicts: 12_000 });
    expect(verdictPageSchema.parse((await call('/verdicts')).body).verdicts).toHaveLength(10_000);
    for (const pageLen of ['0', '10001', '-1', '2.5', 'many']) {
      const response = await call(`/verdicts?pageLen=${pageLen}`);
      expect(response.status, `pageLen=${pageLen}`).toBe(400);
      expectPrismaError(response.body);
    }
    expect((await call('/verdicts?pageLen=1')).status).toBe(200);
    expect((await call('/verdicts?pageLen=10000')).status).toBe(200);
    expect((await call('/verdicts?bookmark=not-a-bookmark')).status).toBe(400);
  });

  it('answers a second request within one second with 429 {code, message} and Retry-After', async () => {
    const { tenant } = setup();
    const handlers = createSimHandlers(tenant, {
      mounts: simMountsFor('http://sim.test'),
      requireAuth: false,
    });
    const get = () =>
      getResponse(handlers, new Request('http://sim.test/prisma/api/v1/token/verdicts:statistics'));
    expect((await get())!.status).toBe(200);
    tenant.clock.advance(999);
    const limited = (await get())!;
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expectPrismaError(await limited.json());
    tenant.clock.advance(1);
    expect((await get())!.status).toBe(200);
  });

  it('looks up at most 10 IPs and silently leaves unknown ones out', async () => {
    const { call, tenant } = setup();
    const known = tenant.world.prismaMachines.slice(0, 3).map((machine) => machine.ip);
    const found = verdictPageSchema.parse(
      (await call(`/verdicts?ip=${[...known, '192.0.2.77'].join(',')}`)).body,
    );
    expect(found.verdicts.map((verdict) => verdict.ip)).toEqual(known);
    const eleven = Array.from({ length: 11 }, (_, index) => `192.0.2.${index + 1}`).join(',');
    const tooMany = await call(`/verdicts?ip=${eleven}`);
    expect(tooMany.status).toBe(400);
    expectPrismaError(tooMany.body);
  });

  it('reports statistics', async () => {
    const { call, tenant } = setup();
    await call('/verdicts?pageLen=1');
    const stats = verdictStatisticsSchema.parse((await call('/verdicts:statistics')).body);
    expect(stats.verdicts.totalCount).toBe(tenant.world.prismaMachines.length);
    expect(stats.requestRcvd?.query).toBe(1);
  });

  it('with an API key, needs it in the apiKey header or the legacy path; otherwise 401', async () => {
    const { call } = setup({}, 'secret-key');
    expect((await call('/verdicts?pageLen=1', { apiKey: 'secret-key' })).status).toBe(200);
    expect((await call('/secret-key/verdicts?pageLen=1')).status).toBe(200);
    const wrong = await call('/verdicts?pageLen=1', { apiKey: 'other' });
    expect(wrong.status).toBe(401);
    expectPrismaError(wrong.body);
    expect((await call('/verdicts?pageLen=1')).status).toBe(401);
    expect((await call('/other/verdicts:statistics')).status).toBe(401);
  });

  it('spells MACs the Prisma way for the machines ESET and Cylance also know', async () => {
    const { call, tenant } = setup();
    const machine = tenant.world.prismaMachines.find((item) => item.esetUuid && item.cylanceId)!;
    const [verdict] = verdictPageSchema.parse((await call(`/verdicts?ip=${machine.ip}`)).body).verdicts;
    expect(verdict?.mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    expect(normalizeMac(verdict?.mac ?? '')).toEqual({ ok: true, value: machine.mac });
  });

  it('serves a 10 000-verdict page of a 100 000-verdict tenant quickly', async () => {
    const { call } = setup({ prismaVerdicts: 100_000 });
    const started = performance.now();
    const page = verdictPageSchema.parse((await call('/verdicts?pageLen=10000')).body);
    expect(page.verdicts).toHaveLength(10_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
