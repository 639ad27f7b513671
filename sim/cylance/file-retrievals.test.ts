import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createSimTenant } from '../tenant.ts';
import { requestOutcome } from './file-retrieval-state.ts';
import { fileRetrievalHandlers, linkValidityMs } from './file-retrievals.ts';

const base = 'https://sim.test/cylance';

function setup() {
  const tenant = createSimTenant({ config: { cylanceDevices: 20, esetDevices: 10, prismaVerdicts: 30 } });
  const handlers = fileRetrievalHandlers(tenant, base);
  const deviceId = [...tenant.fileRetrievals.hostnames.keys()][0]!;
  const call = async (path: string, init?: { body?: unknown }) => {
    const response = await getResponse(
      handlers,
      new Request(`${base}${path}`, {
        method: init?.body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json' },
        body: init?.body === undefined ? undefined : JSON.stringify(init.body),
      }),
    );
    if (!response) throw new Error(`unhandled ${path}`);
    return { status: response.status, body: await response.json().catch(() => undefined) };
  };
  const get = (filePath: string) =>
    call(`/devicecommands/v2/${deviceId}/getfile:get`, { body: { file_path: filePath } });
  const post = (filePath: string) =>
    call(`/devicecommands/v2/${deviceId}/getfile`, { body: { file_path: filePath } });
  return { tenant, handlers, deviceId, call, get, post };
}

describe('simulated Cylance file retrieval', () => {
  it('answers REQUEST for a path never requested, nested under data', async () => {
    const { get } = setup();
    const { status, body } = await get('C:\\never\\asked.txt');
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ file_status: 'REQUEST', filepath: 'C:\\never\\asked.txt' });
  });

  it('starts PENDING (flat), resolves from the clock, and issues a fresh 10-minute link per read', async () => {
    const { tenant, post, get, handlers } = setup();
    tenant.fileRetrievals.planOutcomes('AVAILABLE');
    const path = 'C:\\Users\\Åsa Öberg\\a b.exe';
    const requested = await post(path);
    expect(requested.body).toMatchObject({ file_status: 'PENDING', filepath: path, download_url: null });
    expect(requested.body.data).toBeUndefined();
    tenant.clock.advance(tenant.config.pendingMaxMs);
    const first = (await get(path)).body.data;
    expect(first).toMatchObject({ file_status: 'AVAILABLE', password: expect.any(String) });
    const download = (url: string) => getResponse(handlers, new Request(url));
    expect((await download(first.download_url))?.status).toBe(200);
    tenant.clock.advance(linkValidityMs + 1);
    expect((await download(first.download_url))?.status).toBe(403);
    const second = (await get(path)).body.data;
    expect(second.download_url).not.toBe(first.download_url);
    expect((await download(second.download_url))?.status).toBe(200);
  });

  it('turns UNAVAILABLE into RETRY_REQUEST one hour later', async () => {
    const { tenant, post, get } = setup();
    tenant.fileRetrievals.planOutcomes('UNAVAILABLE');
    await post('/var/log/auth.log');
    tenant.clock.advance(tenant.config.pendingMaxMs);
    expect((await get('/var/log/auth.log')).body.data.file_status).toBe('UNAVAILABLE');
    tenant.clock.advance(60 * 60_000);
    expect((await get('/var/log/auth.log')).body.data.file_status).toBe('RETRY_REQUEST');
  });

  it('rejects unknown or non-Optics device ids with 404 and bad paths with 400', async () => {
    const { call, deviceId, post } = setup();
    const hyphenated = `${deviceId.slice(0, 8)}-${deviceId.slice(8, 12)}-${deviceId.slice(12, 16)}-${deviceId.slice(16, 20)}-${deviceId.slice(20)}`;
    for (const id of [deviceId.toLowerCase(), hyphenated, 'F'.repeat(32)]) {
      expect(
        (await call(`/devicecommands/v2/${id}/getfile`, { body: { file_path: 'C:\\a.txt' } })).status,
      ).toBe(404);
    }
    expect((await post('')).status).toBe(400);
    expect((await post('relative\\file.txt')).status).toBe(400);
    expect((await post('\\\\server\\share\\x.exe')).status).toBe(200);
  });

  it('lists history in the paging envelope, newest first, sortable, page size validated', async () => {
    const { call } = setup();
    const page = (await call('/devicecommands/v2/retrieved_files?page=2&page_size=10')).body;
    expect(page).toMatchObject({
      page_number: 2,
      page_size: 10,
      total_number_of_items: 150,
      total_pages: 15,
    });
    expect(page.page_items).toHaveLength(10);
    const dates = page.page_items.map((item: { created_at: string }) => item.created_at);
    expect([...dates].sort().reverse()).toEqual(dates);
    const byHost = (await call('/devicecommands/v2/retrieved_files?sort=hostname')).body.page_items;
    const hosts = byHost.map((item: { hostname: string }) => item.hostname);
    expect([...hosts].sort()).toEqual(hosts);
    expect((await call('/devicecommands/v2/retrieved_files?page_size=500')).status).toBe(400);
    expect((await call('/devicecommands/v2/retrieved_files?sort=nope')).status).toBe(400);
  });

  it('decides outcomes from the device state and a stable hash, not from request order', async () => {
    const { tenant, call } = setup();
    const offline = tenant.cylanceDevices.list.find((device) => /^offline$/i.test(device.state ?? ''))!;
    const offlineId = offline.id.replaceAll('-', '').toUpperCase();
    await call(`/devicecommands/v2/${offlineId}/getfile`, { body: { file_path: 'C:\\x.exe' } });
    tenant.clock.advance(tenant.config.pendingMaxMs);
    const status = await call(`/devicecommands/v2/${offlineId}/getfile:get`, {
      body: { file_path: 'C:\\x.exe' },
    });
    expect(status.body.data.file_status).toBe('UNAVAILABLE');

    const outcomes = Array.from({ length: 400 }, (_, n) =>
      requestOutcome(1337, offlineId, `/f${n}`, 0, true),
    );
    expect(requestOutcome(1337, offlineId, '/f1', 0, true)).toBe(outcomes[1]);
    const share = (value: string) => outcomes.filter((outcome) => outcome === value).length / outcomes.length;
    expect(share('AVAILABLE')).toBeGreaterThan(0.7);
    expect(share('DOES_NOT_EXIST')).toBeGreaterThan(0.03);
    expect(share('UNAVAILABLE')).toBeGreaterThan(0.01);
  });
});
