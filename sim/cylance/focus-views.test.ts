import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  focusSearchResponseSchema,
  focusViewPageSchema,
  focusViewSchema,
} from '../../src/api/cylance/schemas.ts';
import { createSimTenant } from '../tenant.ts';
import { toOpticsId } from './common.ts';
import { requestablePairs } from './focus-view-state.ts';
import { focusViewHandlers } from './focus-views.ts';

const base = 'https://sim.test/cylance';

function setup() {
  const tenant = createSimTenant({ config: { cylanceDevices: 40, esetDevices: 10, prismaVerdicts: 30 } });
  const handlers = focusViewHandlers(tenant, base);
  const call = async (path: string, body?: unknown) => {
    const response = await getResponse(
      handlers,
      new Request(`${base}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    if (!response) throw new Error(`unhandled ${path}`);
    return { status: response.status, body: await response.json().catch(() => undefined) };
  };
  return { tenant, call };
}

describe('simulated focus views', () => {
  it('lists the seeded focus views in the paging envelope with a mix of statuses', async () => {
    const { call } = setup();
    const { status, body } = await call('/foci/v2?page=1&page_size=200');
    expect(status).toBe(200);
    const page = focusViewPageSchema.parse(body);
    expect(page.total_number_of_items).toBeGreaterThan(300);
    const statuses = new Set(page.page_items.map((item) => item.status));
    for (const expected of ['AVAILABLE', 'PENDING', 'DOES_NOT_EXIST', 'RETRY_REQUEST']) {
      expect(statuses).toContain(expected);
    }
    for (const item of page.page_items) expect(item.device_id).toMatch(/^[0-9A-F]{32}$/);
    // Default order: newest first.
    expect(page.page_items[0]!.created_at >= page.page_items[1]!.created_at).toBe(true);
  });

  it('filters by status, artifact type, date and hostname; sorts; ignores everything when q is sent', async () => {
    const { call } = setup();
    const available = focusViewPageSchema.parse((await call('/foci/v2?status=AVAILABLE&page_size=200')).body);
    expect(available.page_items.every((item) => item.status === 'AVAILABLE')).toBe(true);
    const first = available.page_items[0]!;
    const day = first.created_at.slice(0, 10);
    const filtered = focusViewPageSchema.parse(
      (
        await call(
          `/foci/v2?artifact_type=${first.artifact_type}&created_at=${day}&hostname=${first.hostname}`,
        )
      ).body,
    );
    expect(filtered.page_items.map((item) => item.id)).toContain(first.id);
    const sorted = focusViewPageSchema.parse((await call('/foci/v2?sort=hostname&page_size=50')).body);
    const names = sorted.page_items.map((item) => item.hostname ?? '');
    expect(names).toEqual([...names].sort());
    expect((await call('/foci/v2?created_at=yesterday')).status).toBe(400);
    expect((await call('/foci/v2?sort=bogus')).status).toBe(400);
    expect((await call('/foci/v2?page_size=500')).status).toBe(400);
    expect((await call('/foci/v2?q=anything')).body.total_number_of_items).toBe(0);
  });

  it('searches up to 200 pairs; 201 is a 400; other device spellings are unknown devices', async () => {
    const { tenant, call } = setup();
    const pairs = requestablePairs(tenant, 201);
    expect((await call('/foci/v2/search', pairs)).status).toBe(400);
    const ok = await call('/foci/v2/search', pairs.slice(0, 200));
    expect(ok.status).toBe(200);
    expect(focusSearchResponseSchema.parse(ok.body).every((result) => result.status === 'REQUEST')).toBe(
      true,
    );
    const [pair] = pairs;
    const uuid = tenant.world.cylanceMachines.find((m) => toOpticsId(m.cylanceId!) === pair!.device_id)!
      .cylanceId!;
    const odd = await call('/foci/v2/search', [
      { uid: pair!.uid, device_id: uuid },
      { uid: pair!.uid, device_id: pair!.device_id.toLowerCase() },
      { uid: 'F'.repeat(32), device_id: pair!.device_id },
    ]);
    expect(odd.body.map((result: { status: string }) => result.status)).toEqual([
      'UNKNOWN_DEVICE',
      'UNKNOWN_DEVICE',
      'DOES_NOT_EXIST',
    ]);
    expect((await call('/foci/v2/search', [{ uid: 1 }])).status).toBe(400);
  });

  it('requests a pair: REQUEST → PENDING → a final status from the clock; a second request is a 409', async () => {
    const { tenant, call } = setup();
    const [pair] = requestablePairs(tenant, 1);
    const body = {
      device_id: pair!.device_id,
      artifact_type: 'Process',
      artifact_subtype: 'Uid',
      value: pair!.uid,
    };
    const created = await call('/foci/v2', body);
    expect(created.status).toBe(200);
    expect(focusViewSchema.parse(created.body).status).toBe('PENDING');
    expect((await call('/foci/v2', body)).status).toBe(409);
    expect((await call('/foci/v2/search', [pair])).body[0]).toMatchObject({
      status: 'PENDING',
      focus_id: null,
    });
    tenant.clock.advance(tenant.config.pendingMaxMs);
    const [resolved] = (await call('/foci/v2/search', [pair])).body;
    expect(['AVAILABLE', 'DOES_NOT_EXIST', 'UNAVAILABLE']).toContain(resolved.status);
    if (resolved.status === 'AVAILABLE') expect(resolved.focus_id).toBe(created.body.id);
    expect((await call(`/foci/v2/${created.body.id}`)).body.status).toBe(resolved.status);
  });

  it('rejects malformed requests and unknown devices', async () => {
    const { tenant, call } = setup();
    const [pair] = requestablePairs(tenant, 1);
    const good = {
      device_id: pair!.device_id,
      artifact_type: 'Process',
      artifact_subtype: 'Uid',
      value: pair!.uid,
    };
    expect((await call('/foci/v2', { ...good, artifact_type: 'Email' })).status).toBe(400);
    expect((await call('/foci/v2', { ...good, artifact_subtype: 'Hash' })).status).toBe(400);
    expect((await call('/foci/v2', { ...good, artifact_type: 'Protect' })).status).toBe(400);
    expect((await call('/foci/v2', { ...good, threat_type: 'Malware' })).status).toBe(400);
    expect((await call('/foci/v2', { ...good, device_id: good.device_id.toLowerCase() })).status).toBe(404);
    expect((await call('/foci/v2', [good])).status).toBe(400);
  });

  it('serves a summary and, once available, an event graph', async () => {
    const { tenant, call } = setup();
    const available = tenant.focusViews.views.find(
      (view) => view.outcome === 'AVAILABLE' && view.resolveAt < tenant.clock.now(),
    )!;
    expect((await call(`/foci/v2/${available.id}`)).body).toMatchObject({
      id: available.id,
      status: 'AVAILABLE',
    });
    const results = await call(`/foci/v2/${available.id}/results`);
    expect(results.body.nodes.length).toBeGreaterThan(2);
    expect((await call('/foci/v2/nope')).status).toBe(404);
  });
});
